/**
 * One piece of `scenario sim`'s work, done the same way on a worker thread and on the main thread
 * (sim-pool.ts): a share of a policy's runs, or the decision-impact study the command prints after
 * the reports. Tasks and their results are plain data, so they cross between threads.
 */
import type { Scenario, Side } from '../engine';
import { decisionImpact, type ImpactReport, type PolicyKind, type SimPart, simulatePart } from '../sim';

/** Runs `from` to `to` of the simulation of `policy`. */
export interface ShareTask {
  readonly kind: 'share';
  readonly id: number;
  readonly policy: PolicyKind;
  readonly side: Side;
  readonly seed: string;
  readonly runs: number;
  readonly from: number;
  readonly to: number;
}

/** The decision-impact study for `side` (sim/impact.ts), `runs` runs per alternative. */
export interface ImpactTask {
  readonly kind: 'impact';
  readonly id: number;
  readonly side: Side;
  readonly seed: string;
  readonly runs: number;
}

export type PoolTask = ShareTask | ImpactTask;

export type TaskResult = { readonly kind: 'share'; readonly part: SimPart } | { readonly kind: 'impact'; readonly impact: ImpactReport };

export function doTask(scenario: Scenario, task: PoolTask): TaskResult {
  if (task.kind === 'impact') return { kind: 'impact', impact: decisionImpact(scenario, task.side, { seed: task.seed, runs: task.runs }) };
  return { kind: 'share', part: simulatePart(scenario, { runs: task.runs, seed: task.seed, policy: task.policy, side: task.side }, task.from, task.to) };
}
