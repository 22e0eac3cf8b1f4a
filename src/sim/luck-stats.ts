/**
 * The tallies behind a luck-versus-choice report: endings, objective scores and totals of a set of
 * finished runs for one side, and the spread measure (mean absolute deviation). Means to two decimals;
 * percentages whole, rounded half up; no locale anywhere.
 */

import type { GameState, Scenario, Side } from '../engine';
import { scoreObjectives } from '../engine';
import type { Distribution, EndingShare, ObjectiveSpread } from './luck-types';

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** `part` of `whole` as a whole percent, rounded half up (0 when `whole` is 0). */
export const percentOf = (part: number, whole: number): number => (whole === 0 ? 0 : Math.floor((part * 200 + whole) / (2 * whole)));

/** Collects finished runs and describes them for `side`. */
export class Collector {
  private readonly finals: { ending: string; scores: number[]; met: boolean[]; total: number }[] = [];
  constructor(
    private readonly scenario: Scenario,
    private readonly side: Side,
  ) {}

  add(state: GameState): void {
    const scores = scoreObjectives(this.scenario, state).filter((o) => o.side === this.side);
    let total = 0;
    for (const o of scores) total += o.score;
    this.finals.push({ ending: state.ending as string, scores: scores.map((o) => o.score), met: scores.map((o) => o.met), total });
  }

  distribution(): Distribution {
    const n = this.finals.length;
    const file = this.scenario.file;
    const endings: EndingShare[] = file.endings.map((e) => {
      const runs = this.finals.filter((f) => f.ending === e.id).length;
      return { id: e.id, title: e.title, tone: e.tone[this.side], runs, percent: percentOf(runs, n) };
    });
    const mine = file.objectives.filter((o) => o.side === this.side);
    const objectives: ObjectiveSpread[] = mine.map((o, k) => {
      const histogram = new Array<number>(10).fill(0);
      let sum = 0;
      let min = 100;
      let max = 0;
      let met = 0;
      for (const f of this.finals) {
        const s = f.scores[k] as number;
        sum += s;
        if (s < min) min = s;
        if (s > max) max = s;
        if (f.met[k] === true) met++;
        const band = Math.min(9, Math.floor(s / 10));
        histogram[band] = (histogram[band] as number) + 1;
      }
      return { id: o.id, label: o.label, mean: n === 0 ? 0 : round2(sum / n), min: n === 0 ? 0 : min, max: n === 0 ? 0 : max, met, histogram };
    });
    const totals = this.finals.map((f) => f.total);
    return { runs: n, endings, objectives, total: spreadOf(totals), totals };
  }

  get totals(): number[] {
    return this.finals.map((f) => f.total);
  }
}

/** Mean, min, max and mean absolute deviation (to two decimals) of a list of totals. */
export function spreadOf(totals: readonly number[]): Distribution['total'] {
  const n = totals.length;
  if (n === 0) return { mean: 0, min: 0, max: 0, spread: 0 };
  let sum = 0;
  let min = totals[0] as number;
  let max = min;
  for (const t of totals) {
    sum += t;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const mean = sum / n;
  let dev = 0;
  for (const t of totals) dev += Math.abs(t - mean);
  return { mean: round2(mean), min, max, spread: round2(dev / n) };
}
