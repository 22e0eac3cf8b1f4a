/**
 * The exercise pack (issue 12): each page holds what the scenario says it must (every objective,
 * question and term), a team's manual holds nothing of the other side's secrets, and every piece of
 * scenario text is escaped.
 */
import { describe, expect, it } from 'vitest';
import { classPlans, exercisePack, PACK_FILES, packEscape, RATINGS, type Scenario, type Side, type SideText } from '../../src/engine';
import { checkWellFormed } from '../cli/report-well-formed';
import { allScenarios, MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** `text` as a page shows it: white space folded, HTML escaped. */
const shown = (s: string): string => packEscape(fold(s));

type Variants = string | readonly { readonly text: string }[];
const variantTexts = (t: Variants): string[] => (typeof t === 'string' ? [t] : t.map((v) => v.text));
const sideTexts = (t: SideText, side: Side): string[] => (typeof t === 'object' && !Array.isArray(t) ? variantTexts((t as Record<Side, Variants>)[side]) : variantTexts(t as Variants));
const isPerSide = (t: SideText): boolean => typeof t === 'object' && !Array.isArray(t);

/** Texts only `side` sees: its briefing and beat texts written for it alone, its objectives, its options. */
function secretsOf(scenario: Scenario, side: Side): string[] {
  const f = scenario.file;
  const out: string[] = [];
  if (isPerSide(f.briefing)) out.push(...sideTexts(f.briefing, side));
  for (const o of f.objectives) if (o.side === side) out.push(o.label, o.description);
  for (const b of f.beats) {
    if (isPerSide(b.text)) out.push(...sideTexts(b.text, side));
    for (const o of b.options[side]) out.push(...variantTexts(o.label), ...variantTexts(o.text), ...o.outcomes.flatMap((x) => variantTexts(x.text)));
  }
  for (const e of f.endings) if (isPerSide(e.text)) out.push(...sideTexts(e.text, side));
  return out.map(fold);
}

/** Sentences of a text long enough to be telling (a whole short text counts as one). */
const telling = (s: string): string[] => (s.length <= 60 ? [s] : (s.match(/[^.!?]+[.!?]/g) ?? [s]).map((x) => x.trim()).filter((x) => x.length >= 30));

const scenarios = allScenarios();

describe('exercise pack: the pages', () => {
  it('has five pages with their file names, each a self-contained English page with a print stylesheet and no script', () => {
    const pack = exercisePack(scenarioAt(MINIMAL_PATH));
    expect(pack.map((p) => p.name)).toEqual([...PACK_FILES]);
    expect(PACK_FILES).toEqual(['situation-manual-us.html', 'situation-manual-cn.html', 'facilitator-guide.html', 'evaluation-guide.html', 'feedback-form.html']);
    for (const p of pack) {
      expect(p.html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
      expect(p.html).toContain('@media print');
      expect(p.html).toContain('Ctrl+P');
      expect(p.html).toContain(`Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"`);
      expect(p.html).not.toMatch(/<script|onclick|javascript:|<link|src=/i);
    }
  });

  it('is deterministic: the same scenario gives the same bytes', () => {
    const s = scenarioAt(MINIMAL_PATH);
    expect(exercisePack(s, { usualTurns: 3 })).toEqual(exercisePack(s, { usualTurns: 3 }));
  });

  for (const { path, scenario } of scenarios) {
    const f = scenario.file;
    const pages = Object.fromEntries(exercisePack(scenario, { usualTurns: 5 }).map((p) => [p.name, p.html]));
    const manual = (side: Side): string => pages[`situation-manual-${side}.html`] as string;

    describe(path, () => {
      it('every page is well-formed HTML: tags closed in order, attributes quoted, no raw < or > in text', () => {
        for (const [name, html] of Object.entries(pages)) expect(checkWellFormed(html).problems, name).toEqual([]);
      });

      for (const side of ['us', 'cn'] as const) {
        const other: Side = side === 'us' ? 'cn' : 'us';
        it(`the ${side} manual has its briefing, its objectives with their scoring, every term verbatim, the rules and every question`, () => {
          const html = manual(side);
          for (const t of sideTexts(f.briefing, side).slice(-1)) for (const p of t.split(/\n\s*\n/)) expect(html).toContain(shown(p));
          if (f.prologue !== undefined) expect(html).toContain(shown(f.prologue));
          for (const o of f.objectives.filter((x) => x.side === side)) {
            expect(html).toContain(shown(o.label));
            expect(html).toContain(shown(o.description));
            expect(html).toContain(`<code>${packEscape(String(o.score))}</code>`);
            expect(html).toContain(`<code>${packEscape(String(o.met))}</code>`);
          }
          for (const t of scenario.terms) {
            expect(html).toContain(`${t.id}: ${packEscape(t.name)}`);
            expect(html).toContain(shown(t.text));
          }
          for (const q of f.questions) expect(html).toContain(shown(q));
          for (const r of scenario.ladder) expect(html).toContain(shown(r.label));
          expect(html).toContain('A turn is one event');
        });

        it(`the ${side} manual holds nothing of ${other}'s secrets (which the facilitator guide does hold)`, () => {
          const visible = [
            ...secretsOf(scenario, side),
            ...sideTexts(f.briefing, side),
            f.summary,
            f.prologue ?? '',
            f.invented ?? '',
            ...f.questions,
            ...f.indicators.flatMap((i) => [i.label, i.description]),
          ].map(fold);
          const leaks = (html: string): string[] =>
            secretsOf(scenario, other)
              .flatMap(telling)
              .filter((s) => s.length >= 4 && !visible.some((v) => v.includes(s)))
              .filter((s) => html.includes(packEscape(s)));
          expect(leaks(manual(side))).toEqual([]);
          expect(leaks(pages['facilitator-guide.html'] as string).length).toBeGreaterThan(0);
        });
      }

      it('the facilitator guide has both timings, every beat, inject, ending and question, and what actually happened with its sources', () => {
        const html = pages['facilitator-guide.html'] as string;
        expect(html).toContain('A 50-minute class');
        expect(html).toContain('A 90-minute class');
        for (const b of f.beats) expect(html).toContain(packEscape(b.title));
        for (const i of f.injects) {
          expect(html).toContain(packEscape(i.title));
          expect(html).toContain(shown(i.text));
          if (i.when !== undefined) expect(html).toContain(`<code>${packEscape(String(i.when))}</code>`);
        }
        for (const e of f.endings) {
          expect(html).toContain(packEscape(e.title));
          expect(html).toContain(`<td>${e.tone.us}</td><td>${e.tone.cn}</td>`);
        }
        for (const q of f.questions) expect(html).toContain(shown(q));
        expect(html).toContain(shown(f.history.text.split(/\n\s*\n/)[0] as string));
        for (const key of f.history.sources) expect(html).toContain(`${key}: ${packEscape(scenario.sources.get(key)?.title ?? '?')}`);
        expect(html).toContain(shown((sideTexts(f.briefing, 'cn').slice(-1)[0] ?? '').split(/\n\s*\n/)[0] as string));
      });

      it('the evaluation guide has every objective of both sides, its scoring rule and the four ratings with boxes', () => {
        const html = pages['evaluation-guide.html'] as string;
        for (const o of f.objectives) {
          expect(html).toContain(`${o.side === 'us' ? 'United States' : 'China'}: ${packEscape(o.label)}`);
          expect(html).toContain(`<code>${packEscape(String(o.score))}</code>`);
          expect(html).toContain(`Rating: ${packEscape(o.label)}`);
        }
        for (const r of RATINGS) expect(html).toContain(`${r.code}: ${r.name}`);
        expect(html.match(/class="box"/g)?.length).toBe(f.objectives.length * 4);
      });

      it('the feedback form asks what worked, what to change and confidence before and after', () => {
        const html = pages['feedback-form.html'] as string;
        expect(html).toContain('What worked?');
        expect(html).toContain('What would you change');
        expect(html).toContain('Before the exercise');
        expect(html).toContain('After the exercise');
        expect(html).toContain(packEscape(f.title));
        for (const t of scenario.terms) expect(html).toContain(`${t.id} ${packEscape(t.name)}`);
      });
    });
  }
});

describe('exercise pack: escaping', () => {
  const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
  const text = minimalText()
    .replace('title: A minimal crisis', `title: '${hostile.replace(/'/g, "''")}'`)
    .replace('briefing: A company reports stolen designs.', `briefing: { us: 'US eyes only <b>plan</b>', cn: '${hostile.replace(/'/g, "''")}' }`)
    .replace('label: Keep face', 'label: "Keep <face>"')
    .replace('  - Was asking for help worth the wait?', '  - "Was <i>asking</i> worth it & why?"');
  const scenario = scenarioFromText(text, 'hostile.yaml');

  it('keeps scenario text literal on every page: no tag from the file survives', () => {
    for (const p of exercisePack(scenario)) {
      expect(p.html).not.toContain('<script');
      expect(p.html).not.toContain('<img');
      expect(p.html).not.toContain('<b>');
      expect(p.html).not.toContain('<i>asking');
      expect(p.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
      if (p.name.startsWith('situation-manual') || p.name === 'facilitator-guide.html') expect(p.html).toContain('Was &lt;i&gt;asking&lt;/i&gt; worth it &amp; why?');
    }
    const us = exercisePack(scenario)[0]?.html ?? '';
    expect(us).toContain('US eyes only &lt;b&gt;plan&lt;/b&gt;');
    expect(us).not.toContain('Keep &lt;face&gt;');
    const cn = exercisePack(scenario)[1]?.html ?? '';
    expect(cn).toContain('Keep &lt;face&gt;');
    expect(cn).not.toContain('US eyes only');
  });
});

describe('exercise pack: class timings', () => {
  const f = scenarioAt(MINIMAL_PATH).file;
  it('fills 50 and 90 minutes exactly, turns planned from the usual run length, never beyond the most turns', () => {
    for (const usual of [null, 1, 2, 3, 4, 40]) {
      for (const p of classPlans(f, usual)) {
        expect(p.briefing + p.turns * p.perTurn + p.buffer + p.hotWash + p.debrief).toBe(p.minutes);
        expect(p.turns).toBe(Math.min(f.maxTurns, usual ?? f.maxTurns));
        expect(p.timer).toBeLessThan(p.perTurn + (p.perTurn === 1 ? 1 : 0));
      }
    }
    expect(classPlans(f, 4).map((p) => p.minutes)).toEqual([50, 90]);
  });
});

describe('exercise pack: purity', () => {
  it('reads no clock, no chance and no locale', () => {
    const scenario = scenarioAt(MINIMAL_PATH);
    const expected = exercisePack(scenario, { usualTurns: 3 });
    const saved = { Date: globalThis.Date, random: Math.random, Intl: globalThis.Intl, toLocale: Number.prototype.toLocaleString };
    const trip = (): never => {
      throw new Error('purity: the pack read ambient state');
    };
    try {
      Object.assign(globalThis, { Date: trip, Intl: new Proxy({}, { get: trip }) });
      Math.random = trip;
      Number.prototype.toLocaleString = trip;
      expect(exercisePack(scenario, { usualTurns: 3 })).toEqual(expected);
    } finally {
      Object.assign(globalThis, { Date: saved.Date, Intl: saved.Intl });
      Math.random = saved.random;
      Number.prototype.toLocaleString = saved.toLocale;
    }
  });
});
