/**
 * A share of a simulation: runs `from` to `to` (run `i` is always seeded `${seed}-${i}`, whoever plays
 * it), what they counted, their extremes, failures and contradictions. Shares added in run order give
 * the same figures as one pass over every run, so a simulation split across workers reports the same
 * bytes as one played on a single thread.
 */
import type { ObjectiveResult, Scenario, Side } from '../engine';
import type { Contradiction } from './coherence';
import type { Layout } from './layout';
import type { Failure, RunRef } from './report';
import { Tally, type TallyCounts } from './tally';

/** How many contradictions a report lists in full (the count covers them all). */
export const FIRST_CONTRADICTIONS = 10;

export interface Extremes {
  readonly best: RunRef;
  readonly worst: RunRef;
  readonly shortest: RunRef;
  readonly longest: RunRef;
}

export interface SimPart {
  readonly from: number;
  readonly to: number;
  readonly counts: TallyCounts;
  readonly extremes: Extremes | null;
  readonly failures: readonly Failure[];
  readonly contradictions: { readonly count: number; readonly first: readonly (Contradiction & { readonly seed: string })[] };
}

/** Run `run`'s seed in a simulation seeded `seed`. */
export const runSeedOf = (seed: string, run: number): string => `${seed}-${run}`;

/** What the runs of one share leave: the tally and everything else a report lists. */
export class RunBook {
  readonly tally: Tally;
  private readonly failures: Failure[] = [];
  private extremes: { best: RunRef; worst: RunRef; shortest: RunRef; longest: RunRef } | null = null;
  private contradictionCount = 0;
  private readonly contradictions: (Contradiction & { readonly seed: string })[] = [];

  constructor(
    scenario: Scenario,
    layout: Layout,
    side: Side,
    /** The simulation's seed: a run's own seed is written out only when a report names the run. */
    private readonly seed: string,
  ) {
    this.tally = new Tally(scenario, layout, side);
  }

  fail(f: Failure): void {
    this.failures.push(f);
  }

  /** Counts a turn's contradictions and keeps the first few, with the run's seed. */
  contradicted(found: readonly Contradiction[], seed: string): void {
    this.contradictionCount += found.length;
    for (const c of found) if (this.contradictions.length < FIRST_CONTRADICTIONS) this.contradictions.push({ ...c, seed });
  }

  /** Closes completed run `run` (first run on ties). */
  completed(run: number, ending: string, turns: number, scores: readonly ObjectiveResult[]): void {
    const score = this.tally.endRun(ending, turns, scores);
    const x = this.extremes;
    if (x === null) {
      const ref: RunRef = { seed: runSeedOf(this.seed, run), turns, score };
      this.extremes = { best: ref, worst: ref, shortest: ref, longest: ref };
      return;
    }
    // The reference is made only when it becomes an extreme: most runs make none.
    const best = score > x.best.score;
    const worst = score < x.worst.score;
    const shortest = turns < x.shortest.turns;
    const longest = turns > x.longest.turns;
    if (!(best || worst || shortest || longest)) return;
    const ref: RunRef = { seed: runSeedOf(this.seed, run), turns, score };
    if (best) x.best = ref;
    if (worst) x.worst = ref;
    if (shortest) x.shortest = ref;
    if (longest) x.longest = ref;
  }

  part(from: number, to: number): SimPart {
    return { from, to, counts: this.tally.counts(), extremes: this.extremes, failures: this.failures, contradictions: { count: this.contradictionCount, first: this.contradictions } };
  }
}

/** The shares added in run order (they must cover 0..n without gaps), as one share. */
export function mergeParts(scenario: Scenario, layout: Layout, side: Side, parts: readonly SimPart[]): SimPart {
  const sorted = [...parts].sort((a, b) => a.from - b.from);
  const tally = new Tally(scenario, layout, side);
  const failures: Failure[] = [];
  const first: (Contradiction & { readonly seed: string })[] = [];
  let count = 0;
  let x: { best: RunRef; worst: RunRef; shortest: RunRef; longest: RunRef } | null = null;
  let at = sorted[0]?.from ?? 0;
  for (const p of sorted) {
    if (p.from !== at) throw new Error(`sim: the shares leave a gap or overlap at run ${at}`);
    at = p.to;
    tally.absorb(p.counts);
    failures.push(...p.failures);
    count += p.contradictions.count;
    for (const c of p.contradictions.first) if (first.length < FIRST_CONTRADICTIONS) first.push(c);
    const e = p.extremes;
    if (e === null) continue;
    if (x === null) {
      x = { ...e };
      continue;
    }
    if (e.best.score > x.best.score) x.best = e.best;
    if (e.worst.score < x.worst.score) x.worst = e.worst;
    if (e.shortest.turns < x.shortest.turns) x.shortest = e.shortest;
    if (e.longest.turns > x.longest.turns) x.longest = e.longest;
  }
  return { from: sorted[0]?.from ?? 0, to: at, counts: tally.counts(), extremes: x, failures, contradictions: { count, first } };
}
