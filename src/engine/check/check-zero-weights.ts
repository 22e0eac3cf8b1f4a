/**
 * Weights written as expressions of the state that can all drop to zero (issue 10): the engine then
 * stops the turn (`scenario/zero-weights`), and a third of the simulated runs failed while `check`
 * said nothing. Each option's outcome weights are evaluated over the indicator values its weights
 * and condition name (every value in each indicator's range, the others at their start, and every
 * corner of the named ranges), the turns, and each named flag on and off. A probe is a state the
 * rules allow, not one a run is proven to reach: the finding is a warning naming that state.
 *
 * Code: chance/zero-total-possible (warning).
 */
import type { EvalContext, ExprEnv, PathSegment, ScenarioFile } from '../format';
import { compileExpr, SIDES } from '../format';
import type { CheckFindings } from './check';

/** Values tried per indicator: a range wider than this is sampled evenly, both ends kept. */
const MAX_VALUES = 201;
/** Indicators combined at their corners (2^n states). */
const MAX_CORNERS = 6;

type Indicator = ScenarioFile['indicators'][number];

const mentions = (sources: readonly string[], id: string): boolean => sources.some((s) => new RegExp(`(^|[^A-Za-z0-9_])${id}([^A-Za-z0-9_]|$)`).test(s));

function valuesOf(ind: Indicator): number[] {
  const lo = Math.min(ind.min, ind.max);
  const hi = Math.max(ind.min, ind.max);
  const span = hi - lo;
  if (span < MAX_VALUES) return Array.from({ length: span + 1 }, (_, i) => lo + i);
  return Array.from({ length: MAX_VALUES }, (_, i) => Math.round(lo + (span * i) / (MAX_VALUES - 1)));
}

/** The indicator values to try: one indicator swept at a time, then every corner of the named ones. */
function indicatorProbes(file: ScenarioFile, named: readonly Indicator[]): Record<string, number>[] {
  const base: Record<string, number> = {};
  for (const ind of file.indicators) base[ind.id] = ind.start;
  const out: Record<string, number>[] = [base];
  for (const ind of named) for (const v of valuesOf(ind)) out.push({ ...base, [ind.id]: v });
  const corners = named.slice(0, MAX_CORNERS);
  for (let mask = 0; mask < 1 << corners.length; mask++) {
    const probe = { ...base };
    corners.forEach((ind, i) => {
      probe[ind.id] = mask & (1 << i) ? ind.max : ind.min;
    });
    out.push(probe);
  }
  return out;
}

function describe(file: ScenarioFile, probe: EvalContext, named: readonly Indicator[], flags: readonly string[], turnNamed: boolean): string {
  const parts = named.map((ind) => `${ind.id} is ${probe.indicators[ind.id]}`);
  for (const f of flags) parts.push(`${f} is ${probe.flags[f] === true ? 'set' : 'not set'}`);
  if (turnNamed || parts.length === 0) parts.push(`the turn is ${probe.turn} of ${file.maxTurns}`);
  return parts.join(', ');
}

/** Warns where every outcome weight of an offered option can be zero or less in a state the rules allow. */
export function checkZeroWeights(file: ScenarioFile, env: ExprEnv, out: CheckFindings): void {
  const startFlags: Record<string, boolean> = {};
  for (const f of file.flags) startFlags[f.id] = f.start;
  file.beats.forEach((beat, b) => {
    for (const side of SIDES) {
      beat.options[side].forEach((o, i) => {
        const weightSources = o.outcomes.map((x) => x.weight);
        if (weightSources.every((w) => typeof w !== 'string')) return;
        const compiled = o.outcomes.map((x) => compileExpr(x.weight, 'number', env));
        const when = o.when === undefined ? null : compileExpr(o.when, 'boolean', env);
        if (compiled.some((c) => !c.ok) || (when !== null && !when.ok)) return;
        // Constant weights are check-chance's: all zero, or a negative one, is already an error there.
        if (compiled.every((c) => c.ok && c.constant !== null) || compiled.some((c) => c.ok && c.constant !== null && c.constant < 0)) return;
        const fns = compiled.map((c) => (c.ok ? c.fn : () => 1));
        const sources = [...weightSources, ...(o.when === undefined ? [] : [o.when])].filter((s): s is string => typeof s === 'string');
        const named = file.indicators.filter((ind) => mentions(sources, ind.id));
        const flags = file.flags.map((f) => f.id).filter((id) => mentions(sources, id));
        const turnNamed = mentions(sources, 'turn');
        const turns = turnNamed ? Array.from({ length: file.maxTurns }, (_, t) => t + 1) : [1];
        const flagSets = [
          startFlags,
          ...flags.flatMap((f) => [
            { ...startFlags, [f]: true },
            { ...startFlags, [f]: false },
          ]),
        ];
        for (const indicators of indicatorProbes(file, named))
          for (const fl of flagSets)
            for (const turn of turns) {
              // The fields in the order of every context (see EvalContext).
              const ctx: EvalContext = {
                indicators,
                flags: fl,
                values: undefined,
                flagValues: undefined,
                turn,
                rung: { us: 0, cn: 0 },
                chose: { us: null, cn: null },
                hotline: { calls: 0, answered: 0, unanswered: 0 },
                ledger: [],
                outcome: { us: null, cn: null },
                ledgerCounts: undefined,
              };
              if (when?.ok && when.fn(ctx) === 0) continue;
              if (fns.some((fn) => fn(ctx) > 0)) continue;
              const path: PathSegment[] = ['beats', b, 'options', side, i, 'outcomes'];
              out.warning(
                'chance/zero-total-possible',
                path,
                `when ${describe(file, ctx, named, flags, turnNamed)}, every outcome weight of "${o.id}" at beat "${beat.id}" is zero or less, so the turn cannot be resolved: keep one weight above zero there (for example add a constant, or write "if … then … else 1")`,
              );
              return;
            }
      });
    }
  });
}
