/**
 * The simulator's counters, kept in flat typed arrays indexed by the {@link Layout}. A run marks the
 * options it met with its run number (so nothing is cleared between runs) and, at its end, adds its
 * ending and scores to the group of every option it met: the runs that chose it, or the runs that
 * were offered it and passed it by.
 */
import type { ObjectiveResult, Scenario, Side } from '../engine';
import type { Layout } from './layout';
import type { EndingStats, GroupStats, ObjectiveStats, OptionStats, SimReport, Unreached } from './report';
import { Groups } from './tally-groups';

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * A tally's counters as plain numbers and typed arrays: what a worker sends back for its share of the
 * runs. Every count is a whole number (scores included), so adding shares in any grouping is exact.
 */
export interface TallyCounts {
  readonly completed: number;
  readonly turnSum: number;
  readonly arrays: readonly (Int32Array | Float64Array)[];
}

export class Tally {
  private readonly nOpt: number;
  private readonly nEnd: number;
  private readonly nObj: number;
  private completed = 0;
  private turnSum = 0;
  private readonly endings: Int32Array;
  private readonly objSum: Float64Array;
  private readonly objMet: Int32Array;
  private readonly turnHist: Int32Array;
  private readonly offered: Int32Array;
  /** The turns each beat was offered since the last flush: how often each of its options without a condition was offered. */
  private readonly beatOffers: Int32Array;
  private readonly chosen: Int32Array;
  /** The current run's scores, objective by objective. */
  private readonly runScores: Float64Array;
  /** Each option's first outcome's place in `outcomes`. */
  private readonly outcomeBase: Int32Array;
  /** Each option's chose and passed-by groups. */
  private readonly groups: Groups;
  private readonly outcomes: Int32Array;
  private readonly beats: Int32Array;
  private readonly injects: Int32Array;
  private readonly mine: readonly number[];

  constructor(
    private readonly scenario: Scenario,
    private readonly layout: Layout,
    side: Side,
  ) {
    this.nOpt = layout.options.length;
    this.nEnd = layout.endingIds.length;
    this.nObj = scenario.objectives.length;
    this.endings = new Int32Array(this.nEnd);
    this.objSum = new Float64Array(this.nObj);
    this.objMet = new Int32Array(this.nObj);
    this.turnHist = new Int32Array(scenario.file.maxTurns + 1);
    this.offered = new Int32Array(this.nOpt);
    this.chosen = new Int32Array(this.nOpt);
    this.runScores = new Float64Array(this.nObj);
    this.outcomeBase = Int32Array.from(layout.options.map((o) => o.outcomeBase));
    this.groups = new Groups(layout, this.nEnd, this.nObj);
    this.outcomes = new Int32Array(layout.outcomeCount);
    this.beats = new Int32Array(layout.beatIds.length);
    this.beatOffers = new Int32Array(layout.beatIds.length);
    this.injects = new Int32Array(layout.injectIds.length);
    const mine: number[] = [];
    scenario.objectives.forEach((o, i) => {
      if (o.side === side) mine.push(i);
    });
    this.mine = mine;
  }

  /** The counters, the groups brought up to date. */
  private arrays(): (Int32Array | Float64Array)[] {
    const g = this.groups;
    this.flush();
    return [this.endings, this.objSum, this.objMet, this.turnHist, this.offered, this.chosen, g.runs, g.endings, g.objectives, this.outcomes, this.beats, this.injects];
  }

  /** Brings the counters up to date: the groups, and the offers of the options without a condition. */
  private flush(): void {
    const { always, beatOf } = this.groups;
    const { offered, beatOffers } = this;
    for (let k = 0; k < offered.length; k++) if (always[k] === 1) offered[k] = (offered[k] as number) + (beatOffers[beatOf[k] as number] as number);
    beatOffers.fill(0);
    this.groups.flush();
  }

  /** The counters so far (the arrays themselves, not copies). */
  counts(): TallyCounts {
    return { completed: this.completed, turnSum: this.turnSum, arrays: this.arrays() };
  }

  /** Adds another tally's counters (of the same scenario, layout and side) to these. */
  absorb(c: TallyCounts): void {
    this.completed += c.completed;
    this.turnSum += c.turnSum;
    const mine = this.arrays();
    mine.forEach((a, k) => {
      const b = c.arrays[k];
      if (b === undefined || b.length !== a.length) throw new Error('sim: the counts to add are of another scenario');
      for (let i = 0; i < a.length; i++) a[i] = (a[i] as number) + (b[i] as number);
    });
    this.groups.settled();
  }

  beginRun(run: number): void {
    this.groups.beginRun(run);
  }

  /**
   * Beat `b` is offered a turn: counts an offer of each of its options without a condition (added up
   * when the counts are read). The caller then calls {@link offer} for the options with a condition
   * that are offered, and only for them.
   */
  offerBeat(b: number): void {
    this.beatOffers[b] = (this.beatOffers[b] as number) + 1;
    this.groups.offerBeat(b);
  }

  /** Option `k` is offered (one with a condition, after {@link offerBeat}; or any option, without it). */
  offer(k: number): void {
    this.offered[k] = (this.offered[k] ?? 0) + 1;
    this.groups.offer(k);
  }

  choose(k: number, outcome: number): void {
    this.chosen[k] = (this.chosen[k] ?? 0) + 1;
    this.groups.choose(k);
    if (outcome >= 0) {
      const at = (this.outcomeBase[k] as number) + outcome;
      this.outcomes[at] = (this.outcomes[at] ?? 0) + 1;
    }
  }

  visitBeat(b: number): void {
    this.beats[b] = (this.beats[b] ?? 0) + 1;
  }

  fire(i: number): void {
    this.injects[i] = (this.injects[i] ?? 0) + 1;
  }

  /** Closes a completed run; returns the total score of the player's objectives. */
  endRun(ending: string, turns: number, scores: readonly ObjectiveResult[]): number {
    const e = this.layout.endingIndex.get(ending) ?? -1;
    if (e < 0) throw new Error(`sim: unknown ending ${ending}`);
    this.completed++;
    this.endings[e] = (this.endings[e] ?? 0) + 1;
    this.turnHist[turns] = (this.turnHist[turns] ?? 0) + 1;
    this.turnSum += turns;
    const runScores = this.runScores;
    for (let i = 0; i < this.nObj; i++) {
      const r = scores[i] as ObjectiveResult;
      runScores[i] = r.score;
      this.objSum[i] = (this.objSum[i] ?? 0) + r.score;
      if (r.met) this.objMet[i] = (this.objMet[i] ?? 0) + 1;
    }
    this.groups.endRun(e, runScores);
    let total = 0;
    for (const i of this.mine) total += (scores[i] as ObjectiveResult).score;
    return total;
  }

  summary(): Pick<SimReport, 'completed' | 'endings' | 'objectives' | 'turns' | 'options' | 'unreached'> {
    const { layout, scenario } = this;
    this.flush();
    const n = this.completed;
    const endings: EndingStats[] = layout.endingIds.map((id, e) => ({ id, tone: layout.endingTones[e] ?? { us: 'mixed', cn: 'mixed' }, count: this.endings[e] ?? 0 }));
    const objectives: ObjectiveStats[] = scenario.objectives.map((o, i) => ({
      id: o.id,
      side: o.side,
      label: scenario.file.objectives[i]?.label ?? o.id,
      mean: n === 0 ? 0 : round2((this.objSum[i] ?? 0) / n),
      met: this.objMet[i] ?? 0,
    }));
    const histogram: { turns: number; runs: number }[] = [];
    let min = 0;
    let max = 0;
    for (let t = 0; t < this.turnHist.length; t++) {
      const c = this.turnHist[t] ?? 0;
      if (c === 0) continue;
      if (histogram.length === 0) min = t;
      max = t;
      histogram.push({ turns: t, runs: c });
    }
    const options: OptionStats[] = layout.options.map((o, k) => ({
      beat: o.beat,
      side: o.side,
      option: o.id,
      rung: o.rung,
      offered: this.offered[k] ?? 0,
      chosen: this.chosen[k] ?? 0,
      chose: this.group(2 * k),
      passed: this.group(2 * k + 1),
    }));
    return {
      completed: n,
      endings,
      objectives,
      turns: { min, max, mean: n === 0 ? 0 : round2(this.turnSum / n), histogram },
      options,
      unreached: this.unreached(),
    };
  }

  private group(g: number): GroupStats {
    const { runs: groupRuns, endings: groupEnd, objectives: groupObj } = this.groups;
    const runs = groupRuns[g] ?? 0;
    const endings: Record<string, number> = {};
    this.layout.endingIds.forEach((id, e) => {
      endings[id] = groupEnd[g * this.nEnd + e] ?? 0;
    });
    const objectives: Record<string, number> = {};
    this.scenario.objectives.forEach((o, i) => {
      objectives[o.id] = runs === 0 ? 0 : round2((groupObj[g * this.nObj + i] ?? 0) / runs);
    });
    return { runs, endings, objectives };
  }

  private unreached(): Unreached {
    const { layout } = this;
    const options: string[] = [];
    const outcomes: string[] = [];
    layout.options.forEach((o, k) => {
      const name = `${o.beat}/${o.side}/${o.id}`;
      if ((this.chosen[k] ?? 0) === 0) options.push(name);
      o.outcomes.forEach((id, j) => {
        if ((this.outcomes[o.outcomeBase + j] ?? 0) === 0) outcomes.push(`${name}/${id}`);
      });
    });
    return {
      beats: layout.beatIds.filter((_, b) => (this.beats[b] ?? 0) === 0),
      options,
      outcomes,
      endings: layout.endingIds.filter((_, e) => (this.endings[e] ?? 0) === 0),
      injects: layout.injectIds.filter((_, i) => layout.injectHasCondition[i] === true && (this.injects[i] ?? 0) === 0),
      facilitatorOnly: layout.injectIds.filter((_, i) => layout.injectHasCondition[i] !== true),
    };
  }
}
