/** The shapes of the decision-impact study (src/sim/impact.ts) and its arithmetic: distances and variance shares. */
import type { Side, TermId } from '../engine';
import type { PolicyKind } from './policies';

/** A finding of the decision-impact study for the designer (see impact-flags.ts). */
export interface ImpactFlag {
  readonly kind: 'no-impact' | 'free-to-break' | 'last-roll' | 'dominant-policy';
  /** The key a scenario's `justified` field uses: `no-impact:<beat>`, `free-to-break:T2`, `last-roll`, `dominant-policy:<policy>`. */
  readonly key: string;
  readonly message: string;
}

/** One option at a decision point: taken there, with random play elsewhere, over the same seeds as its siblings. */
export interface OptionImpact {
  readonly option: string;
  /** Runs that reached the decision with this option offered. */
  readonly runs: number;
  /** Mean total objective score of the side deciding, and of the other side. */
  readonly score: number;
  readonly otherScore: number;
  readonly endings: readonly { readonly ending: string; readonly runs: number }[];
}

export interface DecisionImpact {
  readonly beat: string;
  readonly side: Side;
  readonly options: readonly OptionImpact[];
  /** The largest total-variation distance between two options' ending distributions, 0 to 1. */
  readonly endingSpread: number;
  /** The largest difference between two options' mean total scores. */
  readonly scoreSpread: number;
}

export interface PivotalTurn {
  readonly turn: number;
  /** Runs in which a fresh roll of this turn would more likely than not have changed the ending. */
  readonly runs: number;
  readonly percent: number;
}

/** Random play that never strains a term against random play that strains it whenever it can. */
export interface TermCost {
  readonly term: TermId;
  readonly runs: number;
  /** Runs of the breaking player that actually strained the term. */
  readonly runsBroken: number;
  /** How much the side's total score falls when it breaks the term (kept minus broken). */
  readonly scoreCost: number;
  /** How many percentage points of success endings it loses. */
  readonly successCost: number;
}

/** Shares of the spread of the side's total score: choices, dice, and the two together, in percent. */
export interface VarianceShares {
  readonly choices: number;
  readonly dice: number;
  readonly interaction: number;
  readonly runs: number;
}

export interface ImpactReport {
  readonly side: Side;
  readonly decisions: readonly DecisionImpact[];
  readonly variance: VarianceShares;
  readonly pivotal: { readonly byTurn: readonly PivotalTurn[]; readonly lastRollShare: number; readonly runs: number };
  readonly terms: readonly TermCost[];
  readonly policies: readonly { readonly policy: PolicyKind; readonly meanScore: number; readonly successPercent: number }[];
  readonly flags: readonly ImpactFlag[];
}

/** Total-variation distance between two ending distributions given as counts (0: the same, 1: disjoint). */
export function tvDistance(a: ReadonlyMap<string, number>, na: number, b: ReadonlyMap<string, number>, nb: number): number {
  if (na === 0 || nb === 0) return 0;
  let sum = 0;
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const k of keys) sum += Math.abs((a.get(k) ?? 0) / na - (b.get(k) ?? 0) / nb);
  return Math.round((sum / 2) * 100) / 100;
}

/**
 * Two-way analysis of variance without replication on a grid of scores (rows: strategies, columns:
 * seeds): the shares of the total sum of squares explained by the choices (rows), the dice (columns)
 * and what remains (their interaction). Cells that did not finish (NaN) drop their whole row.
 */
export function varianceShares(grid: readonly (readonly number[])[]): VarianceShares {
  const rows = grid.filter((r) => r.every((v) => Number.isFinite(v)));
  const r = rows.length;
  const c = rows[0]?.length ?? 0;
  if (r < 2 || c < 2) return { choices: 0, dice: 0, interaction: 0, runs: r * c };
  let mean = 0;
  for (const row of rows) for (const v of row) mean += v;
  mean /= r * c;
  let total = 0;
  for (const row of rows) for (const v of row) total += (v - mean) ** 2;
  const rowMeans = rows.map((row) => row.reduce((n, v) => n + v, 0) / c);
  const colMeans = Array.from({ length: c }, (_, j) => rows.reduce((n, row) => n + (row[j] ?? 0), 0) / r);
  const ssRows = c * rowMeans.reduce((n, m) => n + (m - mean) ** 2, 0);
  const ssCols = r * colMeans.reduce((n, m) => n + (m - mean) ** 2, 0);
  if (total === 0) return { choices: 0, dice: 0, interaction: 0, runs: r * c };
  const choices = Math.round((ssRows * 100) / total);
  const dice = Math.round((ssCols * 100) / total);
  return { choices, dice, interaction: Math.max(0, 100 - choices - dice), runs: r * c };
}
