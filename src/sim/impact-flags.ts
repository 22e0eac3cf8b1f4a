/**
 * What the decision-impact study asks a designer to look at: a decision whose options change nothing,
 * a term one side can break at no cost, an ending decided by a single last-turn roll in more than half
 * of runs, and a policy that beats every other for the side. A scenario may justify a flag in its
 * `justified` field (keyed by the flag's key); the simulator then lists it as justified.
 */
import type { DecisionImpact, ImpactFlag, TermCost } from './impact-stats';

export type { ImpactFlag } from './impact-stats';

import type { PolicyKind } from './policies';

/** A decision changes nothing when no two options differ by this much in ending share (total variation)… */
export const NO_IMPACT_TV = 0.05;
/** …nor by this many points of the side's total score. */
export const NO_IMPACT_POINTS = 3;
/** Options need this many runs each before their difference is judged. */
export const NO_IMPACT_MIN_RUNS = 30;
/** Breaking a term is free when it costs fewer points than this and fewer success points than the next. */
export const FREE_BREAK_POINTS = 3;
export const FREE_BREAK_SUCCESS = 5;
/** The last roll decides too often above this share of runs (percent). */
export const LAST_ROLL_PERCENT = 50;
/** A policy dominates when it leads every other by this many points of score and of success share. */
export const DOMINANT_POINTS = 5;

interface Inputs {
  readonly decisions: readonly DecisionImpact[];
  readonly pivotal: { readonly lastRollShare: number; readonly runs: number };
  readonly terms: readonly TermCost[];
  readonly policies: readonly { readonly policy: PolicyKind; readonly meanScore: number; readonly successPercent: number }[];
}

export function impactFlags(r: Inputs): ImpactFlag[] {
  const flags: ImpactFlag[] = [];
  for (const d of r.decisions) {
    if (d.options.some((o) => o.runs < NO_IMPACT_MIN_RUNS)) continue;
    if (d.endingSpread < NO_IMPACT_TV && d.scoreSpread < NO_IMPACT_POINTS) {
      flags.push({
        kind: 'no-impact',
        key: `no-impact:${d.beat}`,
        message: `at "${d.beat}" the options of ${d.side} change nothing: endings differ by at most ${Math.round(d.endingSpread * 100)}% and scores by ${d.scoreSpread} points`,
      });
    }
  }
  for (const t of r.terms) {
    if (t.scoreCost < FREE_BREAK_POINTS && t.successCost < FREE_BREAK_SUCCESS) {
      flags.push({
        kind: 'free-to-break',
        key: `free-to-break:${t.term}`,
        message: `straining ${t.term} whenever possible costs ${t.scoreCost} points of total score and ${t.successCost} points of success endings: the term is free to break`,
      });
    }
  }
  if (r.pivotal.runs > 0 && r.pivotal.lastRollShare > LAST_ROLL_PERCENT) {
    flags.push({ kind: 'last-roll', key: 'last-roll', message: `in ${r.pivotal.lastRollShare}% of runs a fresh roll of the last turn would more likely than not change the ending` });
  }
  const best = [...r.policies].sort((a, b) => b.meanScore - a.meanScore)[0];
  if (best !== undefined && r.policies.every((p) => p === best || (best.meanScore - p.meanScore >= DOMINANT_POINTS && best.successPercent - p.successPercent >= DOMINANT_POINTS))) {
    flags.push({
      kind: 'dominant-policy',
      key: `dominant-policy:${best.policy}`,
      message: `${best.policy} beats every other policy by at least ${DOMINANT_POINTS} points of score and of success endings`,
    });
  }
  return flags;
}
