/**
 * The balance study behind the HTML report: the same runs under every policy, the spread of each
 * indicator at the end, options never or always taken, a `lopsided` flag beside the simulator's own,
 * and the extreme runs with the choices that reproduce them in `scenario play`. Pure and
 * deterministic: the same scenario, seed, runs and side give the same data.
 */

import type { GameState, LogRecord, ObjectiveResult, Scenario, Side } from '../engine';
import { legalOptions, resolveTurn, start } from '../engine';
import { type BalanceFlag, balanceFlags } from './flags';
import { POLICY_KINDS, type PolicyKind } from './policies';
import type { OptionStats, RunRef, SimReport } from './report';
import { simulate } from './simulate';

/**
 * `lopsided`: one ending takes more than this share (percent) of completed runs under every policy.
 * At 80% the other endings together come in fewer than one run in five whatever the player does, so a
 * class comparing groups would see nearly all of them end the same way.
 */
export const LOPSIDED_PERCENT = 80;

export interface LopsidedFlag {
  readonly kind: 'lopsided';
  readonly ending: string;
  readonly rates: readonly { readonly policy: PolicyKind; readonly percent: number }[];
  readonly message: string;
}

export type ReportFlag = BalanceFlag | LopsidedFlag;

/** The spread of one indicator's final value over a policy's completed runs: five whole numbers. */
export interface Spread {
  readonly id: string;
  readonly runs: number;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

export type ExtremeKind = 'best' | 'worst' | 'shortest' | 'longest';
export const EXTREME_KINDS: readonly ExtremeKind[] = ['best', 'worst', 'shortest', 'longest'];

/** An extreme run and the 1-based choices (among the options offered) that replay it in `scenario play`. */
export interface ExtremeRun extends RunRef {
  readonly kind: ExtremeKind;
  readonly ending: string;
  readonly choices: readonly number[];
}

export interface PolicyStudy {
  readonly report: SimReport;
  /** One per indicator, in scenario order; empty when no run completed. */
  readonly spreads: readonly Spread[];
  readonly extremes: readonly ExtremeRun[];
}

export interface BalanceStudy {
  readonly seed: string;
  readonly side: Side;
  readonly runs: number;
  /** One per policy, in {@link POLICY_KINDS} order. */
  readonly policies: readonly PolicyStudy[];
  readonly flags: readonly ReportFlag[];
}

const pct1 = (count: number, of: number): number => (of === 0 ? 0 : Math.round((count * 1000) / of) / 10);

/** `lopsided` flags (see {@link LOPSIDED_PERCENT}), one per ending in scenario order. */
export function lopsidedFlags(reports: readonly SimReport[]): LopsidedFlag[] {
  const first = reports[0];
  if (first === undefined || reports.some((r) => r.completed === 0)) return [];
  const out: LopsidedFlag[] = [];
  first.endings.forEach((ending, e) => {
    const rates = reports.map((r) => ({ policy: r.policy, percent: pct1(r.endings[e]?.count ?? 0, r.completed) }));
    if (!reports.every((r) => (r.endings[e]?.count ?? 0) * 100 > LOPSIDED_PERCENT * r.completed)) return;
    const list = rates.map((x) => `${x.policy} ${x.percent.toFixed(1)}%`).join(', ');
    out.push({ kind: 'lopsided', ending: ending.id, rates, message: `ending "${ending.id}" takes more than ${LOPSIDED_PERCENT}% of runs under every policy (${list})` });
  });
  return out;
}

/** The value of rank ceil(p * n) (nearest rank, 1-based) in a histogram of whole numbers from `low`. */
function rankValue(counts: Int32Array, low: number, n: number, num: number, den: number): number {
  const rank = Math.max(1, Math.ceil((n * num) / den));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i] ?? 0;
    if (seen >= rank) return low + i;
  }
  return low + counts.length - 1;
}

/** Counts final indicator values per value (indicators are whole numbers within their range). */
class SpreadCounter {
  private readonly counts: Int32Array[];
  private runs = 0;
  constructor(private readonly scenario: Scenario) {
    this.counts = scenario.file.indicators.map((ind) => new Int32Array(ind.max - ind.min + 1));
  }

  add(state: GameState): void {
    this.runs++;
    this.scenario.file.indicators.forEach((ind, i) => {
      const v = state.indicators[ind.id] ?? ind.start;
      const counts = this.counts[i] as Int32Array;
      counts[v - ind.min] = (counts[v - ind.min] ?? 0) + 1;
    });
  }

  spreads(): Spread[] {
    const n = this.runs;
    if (n === 0) return [];
    return this.scenario.file.indicators.map((ind, i) => {
      const c = this.counts[i] as Int32Array;
      return {
        id: ind.id,
        runs: n,
        min: rankValue(c, ind.min, n, 0, 1),
        q1: rankValue(c, ind.min, n, 1, 4),
        median: rankValue(c, ind.min, n, 1, 2),
        q3: rankValue(c, ind.min, n, 3, 4),
        max: rankValue(c, ind.min, n, 1, 1),
      };
    });
  }
}

interface Kept {
  readonly ref: RunRef;
  readonly log: readonly LogRecord[];
  readonly ending: string;
}

/** Keeps the logs of the best, worst, shortest and longest runs, by the simulator's rule (the first run on ties). */
class ExtremeKeeper {
  readonly kept: Partial<Record<ExtremeKind, Kept>> = {};
  constructor(private readonly side: Side) {}

  add(state: GameState, scores: readonly ObjectiveResult[]): void {
    let score = 0;
    for (const s of scores) if (s.side === this.side) score += s.score;
    const k: Kept = { ref: { seed: state.seed, turns: state.turn, score }, log: state.log, ending: state.ending ?? '' };
    const { best, worst, shortest, longest } = this.kept;
    if (best === undefined || score > best.ref.score) this.kept.best = k;
    if (worst === undefined || score < worst.ref.score) this.kept.worst = k;
    if (shortest === undefined || k.ref.turns < shortest.ref.turns) this.kept.shortest = k;
    if (longest === undefined || k.ref.turns > longest.ref.turns) this.kept.longest = k;
  }
}

/**
 * The 1-based indices, among the options offered to `side` at each turn, of the choices in `log`: what
 * `scenario play --choose` needs to replay the run. Replays the run to find them and throws when the
 * replay does not end on the same ending (a broken invariant: runs are deterministic).
 */
export function chooseList(scenario: Scenario, seed: string, side: Side, log: readonly LogRecord[]): number[] {
  const controllers = side === 'us' ? ({ us: 'people', cn: 'model' } as const) : ({ us: 'model', cn: 'people' } as const);
  let state = start(scenario, seed, controllers);
  const choices: number[] = [];
  for (const record of log) {
    if (record.kind !== 'turn') continue;
    const move = record.moves.find((m) => m.side === side);
    if (move === undefined) throw new Error(`balance: turn ${record.turn} of ${seed} has no ${side} move`);
    const index = legalOptions(scenario, state, side).findIndex((o) => o.id === move.option);
    if (index < 0) throw new Error(`balance: ${move.option} was not offered at turn ${record.turn} of ${seed}`);
    choices.push(index + 1);
    const next = resolveTurn(scenario, state, side === 'us' ? { us: move.option } : { cn: move.option });
    if (!next.ok) throw new Error(`balance: replaying ${seed}: ${next.error.message}`);
    state = next.state;
  }
  const last = log[log.length - 1];
  if (state.ending === null || last === undefined || state.ending !== last.ending) throw new Error(`balance: replaying ${seed} did not reach its ending`);
  return choices;
}

/** Options of either side offered at least once, that were never chosen, or chosen every time offered. */
export interface ChoiceExtreme {
  readonly beat: string;
  readonly side: Side;
  readonly option: string;
  readonly kind: 'never' | 'always';
  /** Per policy: decisions at which it was offered, and at which it was chosen. */
  readonly counts: readonly { readonly policy: PolicyKind; readonly offered: number; readonly chosen: number }[];
}

/**
 * Options that were offered under some policy and were chosen at none of those decisions (`never`),
 * or at every one of them under every policy that offered them (`always`). Scenario order.
 */
export function choiceExtremes(reports: readonly SimReport[]): ChoiceExtreme[] {
  const first = reports[0];
  if (first === undefined) return [];
  const out: ChoiceExtreme[] = [];
  first.options.forEach((o, k) => {
    const counts = reports.map((r) => {
      const s = r.options[k] as OptionStats;
      return { policy: r.policy, offered: s.offered, chosen: s.chosen };
    });
    const offered = counts.filter((c) => c.offered > 0);
    if (offered.length === 0) return;
    const kind = offered.every((c) => c.chosen === 0) ? 'never' : offered.every((c) => c.chosen === c.offered) ? 'always' : null;
    if (kind !== null) out.push({ beat: o.beat, side: o.side, option: o.option, kind, counts });
  });
  return out;
}

/**
 * Plays `runs` runs of `scenario` under each policy (random, lowest-rung, highest-rung, cooperative, defecting) with `side` played by
 * the policy, and gathers what the balance report shows. `onProgress` gets (policy, done, total).
 */
export function studyBalance(
  scenario: Scenario,
  options: { readonly runs: number; readonly seed: string; readonly side: Side; readonly onProgress?: (policy: PolicyKind, done: number, total: number) => void },
): BalanceStudy {
  const { runs, seed, side } = options;
  const policies: PolicyStudy[] = POLICY_KINDS.map((policy) => {
    const spread = new SpreadCounter(scenario);
    const keeper = new ExtremeKeeper(side);
    const progress = options.onProgress;
    const report = simulate(scenario, {
      runs,
      seed,
      policy,
      side,
      onRunEnd: (state, scores) => {
        spread.add(state);
        keeper.add(state, scores);
      },
      ...(progress !== undefined ? { onProgress: (done: number, total: number) => progress(policy, done, total) } : {}),
    });
    const extremes: ExtremeRun[] = [];
    for (const kind of EXTREME_KINDS) {
      const k = keeper.kept[kind];
      const expected = report.extremes?.[kind];
      if (k === undefined || expected === undefined) continue;
      if (k.ref.seed !== expected.seed) throw new Error(`balance: the ${kind} run is ${k.ref.seed} here and ${expected.seed} in the report`);
      extremes.push({ kind, ...k.ref, ending: k.ending, choices: chooseList(scenario, k.ref.seed, side, k.log) });
    }
    return { report, spreads: spread.spreads(), extremes };
  });
  const reports = policies.map((p) => p.report);
  return { seed, side, runs, policies, flags: [...balanceFlags(reports), ...lopsidedFlags(reports)] };
}
