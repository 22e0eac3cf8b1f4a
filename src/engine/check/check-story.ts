/**
 * The checks that keep a turn one story (format 2): every term tag says why; a text's variants end
 * with their fallback; moves of both sides on one topic resolve in a declared order; and endings
 * judge each side, with shared failures and shared successes.
 *
 * Codes: scenario/term-why-missing, scenario/term-why-unused, scenario/variant-fallback,
 * scenario/topic-unordered, scenario/contradictory-outcomes (errors); lint/no-shared-failure, lint/no-shared-success,
 * lint/zero-sum-endings (warnings).
 */
import type { PathSegment, ScenarioFile, Side } from '../format';
import { SIDES } from '../format';
import type { CheckFindings } from './check';

type Variants = string | readonly { readonly when?: unknown; readonly text: string }[];

function checkVariants(text: Variants, path: readonly PathSegment[], out: CheckFindings): void {
  if (typeof text === 'string') return;
  text.forEach((v, i) => {
    const last = i === text.length - 1;
    if (last && v.when !== undefined) out.error('scenario/variant-fallback', [...path, i, 'when'], 'the last variant is the fallback, shown when no other holds: remove its "when"');
    if (!last && v.when === undefined)
      out.error('scenario/variant-fallback', [...path, i], `variant ${i + 1} has no "when", so the variants after it are never shown: give it a condition or move it last`);
  });
}

function checkSideVariants(text: Variants | { readonly us: Variants; readonly cn: Variants }, path: readonly PathSegment[], out: CheckFindings): void {
  if (typeof text === 'string' || Array.isArray(text)) checkVariants(text as Variants, path, out);
  else for (const side of SIDES) checkVariants((text as Record<Side, Variants>)[side], [...path, side], out);
}

/** Whether an expression (text) reads a result of `side` this turn. */
const readsResult = (expr: unknown, side: Side): boolean => typeof expr === 'string' && new RegExp(`\\boutcome\\.${side}\\.`).test(expr);

export function checkStory(file: ScenarioFile, out: CheckFindings): void {
  file.beats.forEach((beat, b) => {
    checkSideVariants(beat.text, ['beats', b, 'text'], out);
    const lead = beat.lead ?? file.lead;
    for (const side of SIDES) {
      beat.options[side].forEach((o, i) => {
        const path: PathSegment[] = ['beats', b, 'options', side, i];
        checkVariants(o.label, [...path, 'label'], out);
        checkVariants(o.text, [...path, 'text'], out);
        for (const term of [...o.terms.uses, ...o.terms.strains]) {
          if (o.terms.why[term] === undefined)
            out.error('scenario/term-why-missing', [...path, 'terms'], `the option "${o.id}" names ${term} but does not say why: add why: { ${term}: "one line on how this move uses or strains it" }`);
        }
        for (const term of Object.keys(o.terms.why)) {
          if (!(o.terms.uses as string[]).includes(term) && !(o.terms.strains as string[]).includes(term)) {
            out.error(
              'scenario/term-why-unused',
              [...path, 'terms', 'why', term],
              `the option "${o.id}" explains ${term}, which it neither uses nor strains: add it to uses or strains, or remove the line`,
            );
          }
        }
        o.outcomes.forEach((x, k) => {
          checkVariants(x.text, [...path, 'outcomes', k, 'text'], out);
        });
        if (side === lead || o.topic === undefined) return;
        const shared = beat.options[lead].filter((l) => l.topic === o.topic).map((l) => l.id);
        if (shared.length === 0) return;
        // Ordered when this side's weights read the first result, or the first side's weights read this choice.
        const onTopic = new Set(beat.options[side].filter((x) => x.topic === o.topic).map((x) => x.id));
        const readsChoice = (w: unknown): boolean => typeof w === 'string' && [...w.matchAll(new RegExp(`\\bchose\\.${side}\\.([a-z0-9_]+)`, 'g'))].some((m) => onTopic.has(m[1] ?? ''));
        const readByLead = beat.options[lead].some((l) => l.topic === o.topic && l.outcomes.some((x) => readsChoice(x.weight)));
        if (!readByLead && !o.outcomes.some((x) => readsResult(x.weight, lead))) {
          out.error(
            'scenario/topic-unordered',
            [...path, 'topic'],
            `"${o.id}" acts on "${o.topic}" like ${shared.map((s) => `"${s}"`).join(', ')} of the ${lead === 'us' ? 'United States' : 'Chinese'} side, which resolves first: make at least one outcome weight read its result (outcome.${lead}.<id>), or make the first side's weights read this side's choice (chose.${side}.<option on this topic>), so the two results cannot contradict`,
          );
        }
      });
    }
  });
  file.endings.forEach((e, i) => {
    checkSideVariants(e.text, ['endings', i, 'text'], out);
  });
  checkPairs(file, out);
  checkTones(file, out);
}

type OutcomeFile = ScenarioFile['beats'][number]['options']['us'][number]['outcomes'][number];

/** What two outcomes of one turn would say against each other, or null. */
function clash(a: OutcomeFile, b: OutcomeFile): string | null {
  if (a.hotline !== undefined && b.hotline !== undefined && a.hotline !== b.hotline) return `one leaves the hotline ${a.hotline}, the other ${b.hotline}`;
  for (const f of a.set ?? []) if ((b.clear ?? []).includes(f)) return `one sets "${f}", the other clears it`;
  for (const f of a.clear ?? []) if ((b.set ?? []).includes(f)) return `one clears "${f}", the other sets it`;
  return null;
}

/**
 * Two outcomes that can land in one turn may not set contradictory states, unless the second side's
 * weight reads the first result (then the simulator checks that it rules the pair out).
 */
function checkPairs(file: ScenarioFile, out: CheckFindings): void {
  file.beats.forEach((beat, b) => {
    const lead = beat.lead ?? file.lead;
    const second = lead === 'us' ? 'cn' : 'us';
    for (const first of beat.options[lead]) {
      for (const a of first.outcomes) {
        beat.options[second].forEach((o, i) => {
          o.outcomes.forEach((x, k) => {
            const why = clash(a, x);
            // Settled when either weight reads the other move: the second the first result or choice, or the first the second choice.
            const reads = (w: unknown, name: string): boolean => typeof w === 'string' && new RegExp(`\\b${name.replaceAll('.', '\\.')}\\b`).test(w);
            if (why === null || reads(x.weight, `outcome.${lead}.${a.id}`) || reads(x.weight, `chose.${lead}.${first.id}`) || reads(a.weight, `chose.${second}.${o.id}`)) return;
            out.error(
              'scenario/contradictory-outcomes',
              ['beats', b, 'options', second, i, 'outcomes', k, 'weight'],
              `"${x.id}" of "${o.id}" can land in the same turn as "${a.id}" of "${first.id}" and ${why}: make its weight read outcome.${lead}.${a.id} or chose.${lead}.${first.id} (zero when they meet)`,
            );
          });
        });
      }
    }
  });
}

function checkTones(file: ScenarioFile, out: CheckFindings): void {
  // A sketch with one or two endings is still being written; from three, the verdicts must teach.
  if (file.endings.length < 3) return;
  const tones = file.endings.map((e) => e.tone);
  if (!tones.some((t) => t.us === 'failure' && t.cn === 'failure')) {
    out.warning('lint/no-shared-failure', ['endings'], 'no ending is a failure for both sides: runaway escalation, or the dialogue collapsing, should cost both (tone: { us: failure, cn: failure })');
  }
  if (!tones.some((t) => t.us === 'success' && t.cn === 'success')) {
    out.warning('lint/no-shared-success', ['endings'], 'no ending is a success for both sides: a crisis both contain is a shared success (tone: { us: success, cn: success })');
  }
  const zeroSum = tones.every((t) => (t.us === 'success' && t.cn === 'failure') || (t.us === 'failure' && t.cn === 'success') || (t.us === 'mixed' && t.cn === 'mixed'));
  if (zeroSum)
    out.warning('lint/zero-sum-endings', ['endings'], 'every ending is a win for one side exactly where it is a loss for the other: the agreement is about shared crisis management, not a score');
}
