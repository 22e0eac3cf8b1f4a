/**
 * The many-runs loop: plays a scenario again and again under one policy and tallies what happened.
 * Run `i` is seeded `${seed}-${i}`; the policy draws from its own stream seeded `${seed}-${i}/policy`;
 * the other side is played by the scenario's counterpart model. Deterministic: the same scenario,
 * options and engine give the same report.
 */

import type { CompiledOption, GameState, ObjectiveResult, Scenario, Side, TurnRecord } from '../engine';
import { contextOf, ENGINE_VERSION, Rng, resolveTurn, SIDES, scoreObjectives, seedState, start } from '../engine';
import { turnContradictions } from './coherence';
import { indexOfId, type Layout, layoutOf } from './layout';
import { type PolicyKind, type PolicyOption, policyOf, policySeed, policyView } from './policies';
import type { SimReport } from './report';
import { mergeParts, RunBook, runSeedOf, type SimPart } from './sim-part';
import { fastRuns } from './simulate-fast';
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
  /**
   * How runs are played: 'fast' (the default, unless `onRunEnd` wants whole states) plays them in place
   * with the engine's {@link Playout}; 'plain' through `resolveTurn`, state after state. Both give the
   * same report (test/sim/fast-path.test.ts).
   */
  readonly path?: 'fast' | 'plain';
}

/** How often (in runs) `onProgress` is called. */
export const PROGRESS_EVERY = 1000;

/**
 * Plays `options.runs` runs of `scenario` and returns the report. A run that the engine stops with an
 * error (such as an option whose outcome weights are all zero) is listed in `failures` and left out
 * of every other figure.
 */
export function simulate(scenario: Scenario, options: SimOptions): SimReport {
  const { runs } = options;
  checkRuns(runs);
  const part = simulatePart(scenario, options, 0, runs);
  if (options.onProgress !== undefined && runs % PROGRESS_EVERY !== 0) options.onProgress(runs, runs);
  return simReport(scenario, options, [part]);
}

function checkRuns(runs: number): void {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`sim: runs must be a whole number above 0, got ${runs}`);
}

const layouts = new WeakMap<Scenario, Layout>();

/** The scenario's layout, made once per scenario. */
export function layoutFor(scenario: Scenario): Layout {
  let layout = layouts.get(scenario);
  if (layout === undefined) {
    layout = layoutOf(scenario);
    layouts.set(scenario, layout);
  }
  return layout;
}

/** Plays runs `from` (inclusive) to `to` (exclusive) of the simulation `options` describes: one worker's share. */
export function simulatePart(scenario: Scenario, options: SimOptions, from: number, to: number): SimPart {
  const layout = layoutFor(scenario);
  const book = new RunBook(scenario, layout, options.side, options.seed);
  if (options.path === 'plain' || options.onRunEnd !== undefined) plainRuns(scenario, layout, options, from, to, book);
  else fastRuns(scenario, layout, options, from, to, book);
  return book.part(from, to);
}

/** The report of the shares of a simulation (in any order; together they cover every run). */
export function simReport(scenario: Scenario, options: SimOptions, parts: readonly SimPart[]): SimReport {
  const { runs, seed, side } = options;
  const whole = mergeParts(scenario, layoutFor(scenario), side, parts);
  if (whole.from !== 0 || whole.to !== runs) throw new Error(`sim: the shares cover runs ${whole.from} to ${whole.to}, not 0 to ${runs}`);
  const tally = new Tally(scenario, layoutFor(scenario), side);
  tally.absorb(whole.counts);
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
    extremes: whole.extremes,
    failures: [...whole.failures],
    contradictions: { count: whole.contradictions.count, first: [...whole.contradictions.first] },
  };
}

/** The runs played through `resolveTurn`, state after state (the engine's public path). */
function plainRuns(scenario: Scenario, layout: Layout, options: SimOptions, from: number, to: number, book: RunBook): void {
  const { runs, seed, side } = options;
  const policy = policyOf(options.policy);
  const controllers = side === 'us' ? ({ us: 'people', cn: 'model' } as const) : ({ us: 'model', cn: 'people' } as const);
  const tally = book.tally;
  const offered: Record<Side, number[]> = { us: [], cn: [] };
  const choices: PolicyOption[] = [];

  for (let i = from; i < to; i++) {
    const runSeed = runSeedOf(seed, i);
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
        book.fail({ seed: runSeed, turn: state.turn + 1, beat: state.beat, code: 'sim/no-option', message: `no option is offered to ${side} at ${state.beat}` });
        failed = true;
        break;
      }
      choices.length = 0;
      for (const j of mine) choices.push(policyView(slot.beat.options[side][j] as CompiledOption));
      const pick = mine[policy(choices, prng)] as number;
      const id = (slot.beat.options[side][pick] as CompiledOption).id;
      const result = resolveTurn(scenario, state, side === 'us' ? { us: id } : { cn: id });
      if (!result.ok) {
        book.fail({ seed: runSeed, turn: state.turn + 1, beat: state.beat, code: result.error.code, message: result.error.message });
        failed = true;
        break;
      }
      book.contradicted(turnContradictions(scenario, state, result.record as TurnRecord, result.state), runSeed);
      state = result.state;
      countTurn(tally, layout, slot.index, result.record as TurnRecord);
    }
    if (failed) continue;
    const scores = scoreObjectives(scenario, state);
    book.completed(i, state.ending as string, state.turn, scores);
    options.onRunEnd?.(state, scores);
    if (options.onProgress !== undefined && (i + 1) % PROGRESS_EVERY === 0) options.onProgress(i + 1, runs);
  }
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
