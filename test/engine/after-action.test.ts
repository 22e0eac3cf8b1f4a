import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AFTER_ACTION_CSV_HEADER,
  afterActionCsv,
  afterActionJson,
  afterActionMarkdown,
  afterActionReport,
  csvField,
  fireInject,
  markdownText,
  percentOfBp,
  resolveTurn,
  start,
  toCsv,
} from '../../src/engine';
import { applySteps } from '../golden/policy';
import { allScenarios, MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';
import { parseCsv } from './after-action-csv-parse';

const minimal = scenarioAt(MINIMAL_PATH);

/** Minimal, United States: a facilitator inject, a forced request, a call that is answered (the quiet deal). */
const dealRun = applySteps(start(minimal, 'K7Q3', { us: 'people', cn: 'model' }), [
  (s) => fireInject(minimal, s, 'summit'),
  (s) => resolveTurn(minimal, s, { us: 'request_help', force: { us: 'helped' } }),
  (s) => resolveTurn(minimal, s, { us: 'call_hotline', force: { us: 'answered' } }),
]);

describe('after-action report: the model', () => {
  const report = afterActionReport(minimal, dealRun, 'us', { heldOn: '24 November 2026', players: { us: 'Group A' } });

  it('has an overview with sides, players, dates, turns and the ending with its tone for each side', () => {
    expect(report.format).toBe('red-phone/after-action@1');
    expect(report.overview).toMatchObject({
      scenarioId: 'minimal',
      seed: 'K7Q3',
      exerciseCode: 'MIN-K7Q3',
      heldOn: '24 November 2026',
      startDate: '2015-10-12',
      endDate: '2015-10-19',
      turns: 2,
      ending: { id: 'deal', title: 'A quiet deal' },
      oddsRevealed: true,
    });
    expect(report.overview.sides).toEqual([
      { side: 'us', name: 'United States', playedBy: 'people', players: 'Group A', tone: 'success' },
      { side: 'cn', name: 'China', playedBy: 'model', players: 'the counterpart model', tone: 'success' },
    ]);
  });

  it('lists every objective with its score and whether it was met', () => {
    expect(report.objectives.map((o) => [o.id, o.side, o.met])).toEqual([
      ['calm', 'us', true],
      ['keep_face', 'cn', true],
    ]);
  });

  it('has a timeline row per move and inject, flags facilitator actions, and shows odds only when revealed', () => {
    expect(report.timeline.map((e) => [e.turn, e.kind, e.side, e.by, e.id, e.facilitator])).toEqual([
      [1, 'inject', null, 'facilitator', 'summit', true],
      [1, 'move', 'us', 'people', 'request_help', true],
      [1, 'move', 'cn', 'model', dealRun.log[1]?.kind === 'turn' ? dealRun.log[1].moves[1]?.option : '', false],
      [2, 'move', 'us', 'people', 'call_hotline', true],
      [2, 'move', 'cn', 'model', 'stall', false],
    ]);
    const help = report.timeline[1];
    expect(help).toMatchObject({ label: 'Ask for assistance', rung: 'Formal request', uses: ['T1'], strains: [], outcomeId: 'helped', text: 'Beijing opens a case.' });
    expect(help?.chanceBp).toBeTypeOf('number');
    const hidden = afterActionReport(minimal, dealRun, 'us', { revealOdds: false });
    expect(hidden.timeline.every((e) => e.chanceBp === null && e.draw === null)).toBe(true);
    expect(afterActionMarkdown(hidden)).not.toMatch(/draw \d/);
  });

  it('derives strengths and areas for improvement from the data, for the side asked', () => {
    expect(report.strengths).toContain('Met the objective "Avoid escalation" (score 80 of 100).');
    expect(report.strengths[0]).toMatch(/^The run ended in "A quiet deal", a success for the United States/);
    const china = afterActionReport(minimal, dealRun, 'cn');
    expect(china.strengths[0]).toMatch(/^The run ended in "A quiet deal", a success for China/);
    expect(china.strengths.some((s) => /^Met the objective "Keep face" \(score \d+ of 100\)\.$/.test(s))).toBe(true);
    expect(china.strengths.some((s) => s.includes('Avoid escalation'))).toBe(false);
  });

  it('names requests answered late or never, terms strained often and a high rung', () => {
    const escalated = applySteps(start(minimal, 'M4RX', { us: 'people', cn: 'model' }), [(s) => resolveTurn(minimal, s, { us: 'go_public' }), (s) => resolveTurn(minimal, s, { us: 'sanction' })]);
    const r = afterActionReport(minimal, escalated, 'us');
    expect(r.improvements).toContain('The United States strained T4 (Dialogue and hotline) twice, on turns 1 and 2.');
    expect(r.improvements.some((s) => s.startsWith('The United States climbed to "Targeted sanctions" (rung 5 of 7) on turn 2'))).toBe(true);
    const owed = applySteps(start(minimal, 'K7Q3', { us: 'model', cn: 'people' }), [
      (s) => resolveTurn(minimal, s, { cn: 'deny', force: { us: 'helped' } }),
      (s) => resolveTurn(minimal, s, { cn: 'stall' }),
    ]);
    const c = afterActionReport(minimal, owed, 'cn');
    expect(c.ledger).toHaveLength(1);
    expect(c.improvements.some((s) => /^Request 1 \("Intrusion logs"\) was never answered \(due turn 3\)\.$/.test(s))).toBe(true);
  });

  it('tracks each indicator from start to end, and its worst value with the turn', () => {
    const escalated = applySteps(start(minimal, 'M4RX', { us: 'people', cn: 'model' }), [(s) => resolveTurn(minimal, s, { us: 'go_public' }), (s) => resolveTurn(minimal, s, { us: 'sanction' })]);
    const esc = afterActionReport(minimal, escalated, 'us').indicators.find((i) => i.id === 'escalation');
    expect(esc).toMatchObject({ better: { us: 'lower', cn: 'lower' }, start: 20, end: escalated.indicators.escalation, worst: escalated.indicators.escalation, worstTurn: 2 });
    expect(report.indicators.find((i) => i.id === 'trust')).toMatchObject({ better: { us: 'higher', cn: 'higher' }, start: 50, worst: 50, worstTurn: 0 });
  });

  it('carries what actually happened with sources, and the questions', () => {
    expect(report.history).toEqual({
      text: 'The agreement followed months of pressure.',
      endingNote: 'In 2015 the dispute ended in a summit agreement.',
      sources: [{ key: 'F1', title: minimal.sources.get('F1')?.title, url: minimal.sources.get('F1')?.url ?? null }],
    });
    expect(report.questions).toEqual(['Was asking for help worth the wait?']);
  });

  it('gives each side the verdict the scenario writes for it, never a mirror of the other side', () => {
    for (const { scenario } of allScenarios()) {
      for (const ending of scenario.endings) {
        const ended = { ...start(scenario, 'K7Q3', { us: 'people', cn: 'model' }), ending: ending.id };
        for (const side of ['us', 'cn'] as const) {
          const sides = afterActionReport(scenario, ended, side).overview.sides;
          expect(sides.map((s) => s.tone)).toEqual([ending.tone.us, ending.tone.cn]);
        }
      }
    }
  });

  it('is deterministic and plain JSON for every shipped scenario, finished or not', () => {
    for (const { scenario } of allScenarios()) {
      const s0 = start(scenario, 'T9WZ', { us: 'people', cn: 'model' });
      const a = afterActionReport(scenario, s0, 'us');
      expect(a.overview.ending).toBeNull();
      expect(JSON.parse(afterActionJson(a))).toEqual(a);
      expect(afterActionJson(afterActionReport(scenario, s0, 'us'))).toBe(afterActionJson(a));
    }
  });
});

describe('after-action report: formats', () => {
  const report = afterActionReport(minimal, dealRun, 'us');

  it('JSON starts with its format tag', () => {
    expect(afterActionJson(report).startsWith('{\n  "format": "red-phone/after-action@1",')).toBe(true);
  });

  it('Markdown has the HSEEP sections in order', () => {
    const md = afterActionMarkdown(report);
    const heads = md.split('\n').filter((l) => l.startsWith('#'));
    expect(heads).toEqual([
      '# After-action report: A minimal crisis',
      '## Exercise overview',
      '## Objectives',
      '## Timeline of decisions',
      '## Indicators',
      '## Requests for assistance (T1 ledger)',
      '## Strengths',
      '## Areas for improvement',
      '## What actually happened',
      '## Questions for discussion',
    ]);
    expect(md).toContain('| 1 | 2015-10-12 | Facilitator inject | A summit is called |');
  });

  it.each([
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['[click](http://evil)', '\\[click\\](http://evil)'],
    ['a | b\nc', 'a \\| b c'],
    ['**bold** _it_', '\\*\\*bold\\*\\* \\_it\\_'],
  ])('Markdown text %j is escaped to %j', (text, want) => {
    expect(markdownText(text)).toBe(want);
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [3750, '37.50'],
    [10000, '100.00'],
  ])('%i basis points are %s percent, without locale', (bp, want) => {
    expect(percentOfBp(bp)).toBe(want);
  });

  it('the timeline CSV quotes commas, quotes and line breaks (RFC 4180) and parses back', () => {
    const tricky = minimalText()
      .replace('label: Ask for assistance', 'label: "Ask, \\"politely\\", for help"')
      .replace('text: Beijing opens a case.', 'text: "Beijing,\\r\\nafter \\"review\\",\\nopens a case."');
    const scenario = scenarioFromText(tricky, 'tricky.yaml');
    const state = applySteps(start(scenario, 'K7Q3', { us: 'people', cn: 'model' }), [(s) => resolveTurn(scenario, s, { us: 'request_help', force: { us: 'helped' } })]);
    const csv = afterActionCsv(afterActionReport(scenario, state, 'us'));
    expect(csv).toContain('"Ask, ""politely"", for help"');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(AFTER_ACTION_CSV_HEADER.slice());
    expect(rows[1]?.slice(6, 7)).toEqual(['Ask, "politely", for help']);
    expect(rows[1]?.[11]).toBe('Beijing,\r\nafter "review",\nopens a case.');
    expect(rows.every((r) => r.length === AFTER_ACTION_CSV_HEADER.length)).toBe(true);
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [12, '12'],
    [false, 'false'],
  ] as const)('csvField(%j) is %j', (value, want) => {
    expect(csvField(value)).toBe(want);
  });

  it('any table of strings survives toCsv and a parse, formula-like text behind a quote (fast-check)', () => {
    const cellArb = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é', '🎲') });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(fc.array(cellArb, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 })),
        (rows) => {
          expect(parseCsv(toCsv(rows))).toEqual(rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))));
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('after-action report: a forced outcome is never luck', () => {
  it('the Markdown names the forced move as forced by the facilitator instead of its chance and draw', () => {
    const md = afterActionMarkdown(afterActionReport(minimal, dealRun, 'us'));
    const forcedRows = md.split('\n').filter((l) => l.includes('forced by the facilitator, not drawn'));
    expect(forcedRows.length).toBe(2);
    for (const row of forcedRows) expect(row).not.toMatch(/\d+(\.\d+)?% \(draw/);
  });
});
