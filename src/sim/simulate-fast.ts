/**
 * The simulator's fast loop: the same runs as the plain loop in simulate.ts, played in place by the
 * engine's {@link Playout} with one generator per stream reseeded each run, the contradiction checks
 * reading the playout's context and nothing allocated per turn unless something is found. It reports
 * exactly what the plain loop reports (test/sim/fast-path.test.ts).
 */
import type { CompiledBeat, CompiledOption, CompiledOutcome, ObjectiveResult, Scenario, Side } from '../engine';
import { otherSide, Playout, Rng, SIDES } from '../engine';
import { type Contradiction, clashBetween, contradictionsBefore, endingContradictions, outcomeTextContradiction } from './coherence';
import type { BeatSlot, Layout } from './layout';
import { type PolicyKind, type PolicyOption, policyOf, policySeed, policyView } from './policies';
import type { RunBook } from './sim-part';

/** What the fast loop needs of the simulation's options. */
export interface FastRunOptions {
  readonly runs: number;
  readonly seed: string;
  readonly policy: PolicyKind;
  readonly side: Side;
  readonly onProgress?: (done: number, total: number) => void;
}

/** A move as the contradiction checks read it, rewritten in place each turn. */
interface MoveSlot {
  side: Side;
  option: string;
  outcome: string;
  text: number;
}

const PROGRESS_EVERY = 1000;

export function fastRuns(scenario: Scenario, layout: Layout, options: FastRunOptions, from: number, to: number, book: RunBook): void {
  const { runs, seed, side } = options;
  const policy = policyOf(options.policy);
  const other = otherSide(side);
  const tally = book.tally;
  const play = new Playout(scenario, side);
  const prng = new Rng({ c: 1, s0: 0, s1: 0, s2: 0 });
  const offered: Record<Side, number[]> = { us: [], cn: [] };
  const choices: PolicyOption[] = [];
  const found: Contradiction[] = [];
  const moves: [MoveSlot, MoveSlot] = [
    { side: 'us', option: '', outcome: '', text: 0 },
    { side: 'cn', option: '', outcome: '', text: 0 },
  ];
  const outcomes: CompiledOutcome[] = [];
  const scores = scenario.objectives.map((o, i) => ({ id: o.id, side: o.side, label: scenario.file.objectives[i]?.label ?? o.id, met: false, score: 0 }));
  const slots = new Map<CompiledBeat, BeatSlot>();
  for (const slot of layout.beats.values()) slots.set(slot.beat, slot);

  for (let i = from; i < to; i++) {
    const runSeed = `${seed}-${i}`;
    prng.reseed(policySeed(runSeed));
    play.reset(runSeed);
    tally.beginRun(i);
    let failed = false;
    const ctx = play.ctx;
    while (play.ending === null) {
      const beat = play.beat;
      const slot = slots.get(beat) as BeatSlot;
      for (const s of SIDES) {
        const list = offered[s];
        list.length = 0;
        const opts = beat.options[s];
        const base = slot.base[s];
        for (let j = 0; j < opts.length; j++) {
          const o = opts[j] as CompiledOption;
          if (o.when !== null && o.when(ctx) === 0) continue;
          list.push(j);
          tally.offer(base + j);
        }
      }
      const mine = offered[side];
      if (mine.length === 0) {
        book.fail({ seed: runSeed, turn: play.turn + 1, beat: beat.id, code: 'sim/no-option', message: `no option is offered to ${side} at ${beat.id}` });
        failed = true;
        break;
      }
      choices.length = 0;
      for (let k = 0; k < mine.length; k++) choices.push(policyView(beat.options[side][mine[k] as number] as CompiledOption));
      const pick = mine[policy(choices, prng)] as number;
      found.length = 0;
      contradictionsBefore(beat, ctx, play.turn + 1, found);
      const error = play.step(pick, offered[other]);
      if (error !== null) {
        book.fail({ seed: runSeed, turn: play.turn + 1, beat: beat.id, code: error.code, message: error.message });
        failed = true;
        break;
      }
      const turn = play.turn;
      outcomes.length = 0;
      for (let m = 0; m < 2; m++) {
        const s = play.moveSide[m] as Side;
        const option = beat.options[s][play.moveOption[m] as number] as CompiledOption;
        const outcome = option.outcomes[play.moveOutcome[m] as number] as CompiledOutcome;
        outcomes.push(outcome);
        const move = moves[m] as MoveSlot;
        move.side = s;
        move.option = option.id;
        move.outcome = outcome.id;
        move.text = play.moveText[m] as number;
        tally.choose(slot.base[s] + (play.moveOption[m] as number), play.moveOutcome[m] as number);
      }
      clashBetween(turn, beat.id, moves[0], outcomes[0] as CompiledOutcome, moves[1], outcomes[1] as CompiledOutcome, found);
      outcomeTextContradiction(turn, beat.id, moves[0], outcomes[0] as CompiledOutcome, ctx, found);
      outcomeTextContradiction(turn, beat.id, moves[1], outcomes[1] as CompiledOutcome, ctx, found);
      play.settle();
      if (play.ending !== null) endingContradictions(scenario, play.ending, play.beat.id, ctx, turn, found);
      if (found.length > 0) book.contradicted(found, runSeed);
      tally.visitBeat(slot.index);
      for (const k of play.firedNow) tally.fire(k);
    }
    if (failed) continue;
    for (let k = 0; k < scores.length; k++) {
      const o = scenario.objectives[k] as Scenario['objectives'][number];
      const s = scores[k] as (typeof scores)[number];
      const raw = o.score(ctx);
      s.met = o.met(ctx) !== 0;
      s.score = raw < 0 ? 0 : Math.min(raw, 100);
    }
    book.completed(runSeed, play.ending as string, play.turn, scores as readonly ObjectiveResult[]);
    if (options.onProgress !== undefined && (i + 1) % PROGRESS_EVERY === 0) options.onProgress(i + 1, runs);
  }
}
