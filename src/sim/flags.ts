/**
 * Balance flags: warnings for a designer, computed from one or more simulation reports of the same
 * scenario, seed and side (normally one report per policy).
 */
import type { Side } from '../engine';
import type { PolicyKind } from './policies';
import type { OptionStats, SimReport } from './report';

/** An ending reached about as often whatever the player does. */
export interface LuckAloneFlag {
  readonly kind: 'luck-alone';
  readonly ending: string;
  /** The ending's share of completed runs under each policy, in percent with one decimal. */
  readonly rates: readonly { readonly policy: PolicyKind; readonly percent: number }[];
  readonly message: string;
}

/** An option whose choosers do clearly better than those who pass it by, on every objective of their side. */
export interface DominantOptionFlag {
  readonly kind: 'dominant-option';
  readonly beat: string;
  readonly side: Side;
  readonly option: string;
  /** The smallest lead of choosers over non-choosers across the player's objectives, per policy compared. */
  readonly margins: readonly { readonly policy: PolicyKind; readonly margin: number }[];
  readonly message: string;
}

/** No run under any policy reached an ending whose tone is success. */
export interface UnwinnableFlag {
  readonly kind: 'unwinnable';
  readonly policies: readonly PolicyKind[];
  readonly runs: number;
  readonly message: string;
}

export type BalanceFlag = LuckAloneFlag | DominantOptionFlag | UnwinnableFlag;

/**
 * `luck-alone`: with three or more policies, an ending whose share of completed runs differs by at
 * most this many percentage points between every pair of policies. Five points is about three
 * standard errors of a share near 50% at 1,000 runs: a smaller spread means the player's style of
 * play does not move this ending.
 */
export const LUCK_SPREAD_PP = 5;
/** `luck-alone` ignores endings reached in this share of runs (percent) or less under any policy: rare endings are too noisy. */
export const LUCK_MIN_PERCENT = 5;
/** `dominant-option`: choosers must lead non-choosers by at least this many score points (of 100) on every objective. */
export const DOMINANT_MARGIN = 5;
/** `dominant-option`: a policy is compared only when both groups hold at least this many runs, so that means are not noise. */
export const DOMINANT_MIN_RUNS = 30;
/** `luck-alone` needs this many policies: with fewer, "whatever the player does" has not been tried. */
export const LUCK_MIN_POLICIES = 3;

const pct1 = (count: number, of: number): number => (of === 0 ? 0 : Math.round((count * 1000) / of) / 10);

/**
 * The flags the reports support, in this order: `unwinnable`, then `luck-alone` per ending in scenario
 * order, then `dominant-option` per option in scenario order.
 *
 * - `unwinnable`: no completed run of any report ended on an ending with tone `success` (tones are
 *   written for the United States, as the scenario format defines them).
 * - `luck-alone` (needs {@link LUCK_MIN_POLICIES} reports with distinct policies): the ending's share
 *   of completed runs is above {@link LUCK_MIN_PERCENT}% under every policy, and the largest and
 *   smallest shares are within {@link LUCK_SPREAD_PP} percentage points of each other.
 * - `dominant-option`: an option of the player's side such that, in every report where both its
 *   choosers and the runs that were offered it and passed it by number at least
 *   {@link DOMINANT_MIN_RUNS}, the choosers' mean score is at least {@link DOMINANT_MARGIN} points
 *   higher on every objective of the player's side; and there is at least one such report. Reports
 *   where the option was offered but one group is smaller (a cautious policy that always takes it, say)
 *   cannot tell and are not counted either way.
 */
export function balanceFlags(reports: readonly SimReport[]): BalanceFlag[] {
  const first = reports[0];
  if (first === undefined) return [];
  for (const r of reports) {
    if (r.scenarioHash !== first.scenarioHash || r.side !== first.side) throw new Error('sim: reports of different scenarios or sides cannot be compared');
  }
  const flags: BalanceFlag[] = [];
  const successIds = first.endings.filter((e) => e.tone[first.side] === 'success').map((e) => e.id);
  const wins = reports.reduce((n, r) => n + r.endings.reduce((m, e) => m + (successIds.includes(e.id) ? e.count : 0), 0), 0);
  const totalRuns = reports.reduce((n, r) => n + r.completed, 0);
  if (wins === 0) {
    const policies = reports.map((r) => r.policy);
    flags.push({ kind: 'unwinnable', policies, runs: totalRuns, message: `no run of ${totalRuns} (${policies.join(', ')}) reached a success ending` });
  }

  const distinct = new Set(reports.map((r) => r.policy));
  if (distinct.size >= LUCK_MIN_POLICIES && distinct.size === reports.length) {
    first.endings.forEach((ending, e) => {
      const rates = reports.map((r) => ({ policy: r.policy, percent: pct1(r.endings[e]?.count ?? 0, r.completed) }));
      const values = rates.map((x) => x.percent);
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      if (lo > LUCK_MIN_PERCENT && hi - lo <= LUCK_SPREAD_PP) {
        const list = rates.map((x) => `${x.policy} ${x.percent.toFixed(1)}%`).join(', ');
        flags.push({ kind: 'luck-alone', ending: ending.id, rates, message: `ending "${ending.id}" comes about as often whatever the policy (${list})` });
      }
    });
  }

  const mine = first.objectives.filter((o) => o.side === first.side).map((o) => o.id);
  if (mine.length === 0) return flags;
  first.options.forEach((option, k) => {
    if (option.side !== first.side) return;
    const margins: { policy: PolicyKind; margin: number }[] = [];
    let beaten = false;
    for (const r of reports) {
      const o = r.options[k] as OptionStats;
      if (o.chose.runs < DOMINANT_MIN_RUNS || o.passed.runs < DOMINANT_MIN_RUNS) continue;
      let margin = Infinity;
      for (const id of mine) margin = Math.min(margin, (o.chose.objectives[id] ?? 0) - (o.passed.objectives[id] ?? 0));
      margin = Math.round(margin * 100) / 100;
      margins.push({ policy: r.policy, margin });
      if (margin < DOMINANT_MARGIN) beaten = true;
    }
    if (beaten || margins.length === 0) return;
    const list = margins.map((m) => `${m.policy} +${m.margin.toFixed(1)}`).join(', ');
    flags.push({
      kind: 'dominant-option',
      beat: option.beat,
      side: option.side,
      option: option.option,
      margins,
      message: `choosing "${option.option}" at "${option.beat}" beats passing it by on every ${option.side} objective (smallest lead: ${list})`,
    });
  });
  return flags;
}
