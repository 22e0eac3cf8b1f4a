/**
 * The many-runs loop: plays a scenario again and again under one policy and tallies what happened.
 * Run `i` is seeded `${seed}-${i}`; the policy draws from its own stream seeded `${seed}-${i}/policy`;
 * the other side is played by the scenario's counterpart model. Deterministic: the same scenario,
 * options and engine give the same report.
 */

import type { CompiledOption, GameState, ObjectiveResult, Scenario, Side, TurnRecord } from '../engine';
import { contextOf, ENGINE_VERSION, Rng, resolveTurn, SIDES, scoreObjectives, seedState, start } from '../engine';
import { type Contradiction, turnContradictions } from './coherence';
import { indexOfId, type Layout, layoutOf } from './layout';
import { type PolicyKind, type PolicyOption, policyOf, policySeed, policyView } from './policies';
import type { Failure, RunRef, SimReport } from './report';
import { Tally } from './tally';

export interface SimOptions {
  readonly runs: number;
  readonly seed: string;
  readonly policy: PolicyKind;
  /** The side the policy plays; the other is played by the counterpart model. */
  readonly side: Side;
  /** Called every `progressEvery` runs and at the end, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Called with the final state and its objective results after each completed run (the balance report reads end states). */
  readonly onRunEnd?: (state: GameState, scores: readonly ObjectiveResult[]) => void;
}

/** How often (in runs) `onProgress` is called. */
const PROGRESS_EVERY = 1000;

/**
 * Plays `options.runs` runs of `scenario` and returns the report. A run that the engine stops with an
 * error (such as an option whose outcome weights are all zero) is listed in `failures` and left out
 * of every other figure.
 */
/** How many contradictions a report lists in full (the count covers them all). */
const FIRST_CONTRADICTIONS = 10;

export function simulate(scenario: Scenario, options: SimOptions): SimReport {
  const { runs, seed, side } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`sim: runs must be a whole number above 0, got ${runs}`);
  const layout = layoutOf(scenario);
  const policy = policyOf(options.policy);
  const controllers = side === 'us' ? ({ us: 'people', cn: 'model' } as const) : ({ us: 'model', cn: 'people' } as const);
  const tally = new Tally(scenario, layout, side);
  const failures: Failure[] = [];
  const offered: Record<Side, number[]> = { us: [], cn: [] };
  const choices: PolicyOption[] = [];
  let best: RunRef | null = null;
  let worst: RunRef | null = null;
  let shortest: RunRef | null = null;
  let longest: RunRef | null = null;
  let contradictionCount = 0;
  const contradictions: (Contradiction & { readonly seed: string })[] = [];

  for (let i = 0; i < runs; i++) {
    const runSeed = `${seed}-${i}`;
    const prng = new Rng(seedState(policySeed(runSeed)));
    let state: GameState = start(scenario, runSeed, controllers);
    tally.beginRun(i);
    let failed = false;
    while (state.ending === null) {
      const slot = layout.beats.get(state.beat);
      if (slot === undefined) throw new Error(`sim: state at unknown beat ${state.beat}`);
      const ctx = contextOf(state);
      for (const s of SIDES) {
        const list = offered[s];
        list.length = 0;
        const opts = slot.beat.options[s];
        for (let j = 0; j < opts.length; j++) {
          const o = opts[j] as CompiledOption;
          if (o.when !== null && o.when(ctx) === 0) continue;
          list.push(j);
          tally.offer(slot.base[s] + j);
        }
      }
      const mine = offered[side];
      if (mine.length === 0) {
        failures.push({ seed: runSeed, turn: state.turn + 1, beat: state.beat, code: 'sim/no-option', message: `no option is offered to ${side} at ${state.beat}` });
        failed = true;
        break;
      }
      choices.length = 0;
      for (const j of mine) choices.push(policyView(slot.beat.options[side][j] as CompiledOption));
      const pick = mine[policy(choices, prng)] as number;
      const id = (slot.beat.options[side][pick] as CompiledOption).id;
      const result = resolveTurn(scenario, state, side === 'us' ? { us: id } : { cn: id });
      if (!result.ok) {
        failures.push({ seed: runSeed, turn: state.turn + 1, beat: state.beat, code: result.error.code, message: result.error.message });
        failed = true;
        break;
      }
      const found = turnContradictions(scenario, state, result.record as TurnRecord, result.state);
      contradictionCount += found.length;
      for (const c of found) if (contradictions.length < FIRST_CONTRADICTIONS) contradictions.push({ ...c, seed: runSeed });
      state = result.state;
      countTurn(tally, layout, slot.index, result.record as TurnRecord);
    }
    if (failed) continue;
    const scores = scoreObjectives(scenario, state);
    const score = tally.endRun(state.ending as string, state.turn, scores);
    options.onRunEnd?.(state, scores);
    const ref: RunRef = { seed: runSeed, turns: state.turn, score };
    if (best === null || score > best.score) best = ref;
    if (worst === null || score < worst.score) worst = ref;
    if (shortest === null || ref.turns < shortest.turns) shortest = ref;
    if (longest === null || ref.turns > longest.turns) longest = ref;
    if (options.onProgress !== undefined && (i + 1) % PROGRESS_EVERY === 0) options.onProgress(i + 1, runs);
  }
  if (options.onProgress !== undefined && runs % PROGRESS_EVERY !== 0) options.onProgress(runs, runs);

  return {
    format: 'red-phone/sim-report@1',
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    scenarioHash: scenario.hash,
    engineVersion: ENGINE_VERSION,
    seed,
    policy: options.policy,
    side,
    runs,
    ...tally.summary(),
    extremes: best === null || worst === null || shortest === null || longest === null ? null : { best, worst, shortest, longest },
    failures,
    contradictions: { count: contradictionCount, first: contradictions },
  };
}

function countTurn(tally: Tally, layout: Layout, beatIndex: number, record: TurnRecord): void {
  tally.visitBeat(beatIndex);
  const slot = layout.beats.get(record.beat);
  if (slot === undefined) return;
  for (const m of record.moves) {
    const opts = slot.beat.options[m.side];
    const j = indexOfId(opts, m.option);
    if (j < 0) continue;
    const option = opts[j] as CompiledOption;
    tally.choose(slot.base[m.side] + j, indexOfId(option.outcomes, m.outcome));
  }
  for (const inj of record.injects) {
    const k = layout.injectIndex.get(inj.inject);
    if (k !== undefined) tally.fire(k);
  }
}
