/**
 * The simulator's fast path: one game played in place, turn after turn, by the same rules as
 * {@link resolveTurn} (turn.ts), for a side played by people (a policy) against the counterpart model.
 * It keeps one mutable copy of the state and one evaluation context, reuses them run after run, and
 * writes no log: it keeps only what the simulator reads (each move's option, outcome and text, the
 * injects fired). Outside the simulator, play goes through `resolveTurn`, whose states are plain JSON;
 * test/sim/fast-path.test.ts holds the two to the same reports over many seeds of every scenario.
 *
 * The context's fields follow the phases of a turn exactly as `resolveTurn` builds its contexts:
 * before the choice (`chose` the last moves, no outcome), the model's weights (`chose` this turn's
 * pick), the outcome weights (the results drawn so far), and after the turn (the world with both results).
 */
import type { CompiledBeat, CompiledOption, CompiledOutcome, EvalContext, Scenario, Side } from '../format';
import { answerIn, closeLedger, type LiveContext, liveContextOf, requestIn, resetLedger } from './playout-live';
import {
  applyPlanned,
  clampLive,
  type Plan,
  type PlannedBeat,
  type PlannedEffects,
  type PlannedOutcome,
  type PlannedSide,
  type PlayoutError,
  planOf,
  setSide,
  sideAt,
  type Target,
} from './playout-plan';
import { pickIndex, Rng } from './rng';
import type { RunSeeds } from './run-seeds';
import { otherSide } from './sides';
import { variantIndex } from './texts';

const NO_OUTCOME: Readonly<Record<Side, string | null>> = Object.freeze({ us: null, cn: null });

export type { PlayoutError } from './playout-plan';

export class Playout {
  /** The context every expression of this game reads; valid between turns (as `contextOf(state)`). */
  readonly ctx: EvalContext;
  private readonly live: LiveContext;
  private readonly plan: Plan;
  private readonly last: Record<Side, string | null> = { us: null, cn: null };
  private readonly now: Record<Side, string | null> = { us: null, cn: null };
  private readonly drawn: Record<Side, string | null> = { us: null, cn: null };
  private readonly world = new Rng({ c: 1, s0: 0, s1: 0, s2: 0 });
  private readonly counterpart = new Rng({ c: 1, s0: 0, s1: 0, s2: 0 });
  private readonly fired: Uint8Array;
  private readonly weights: Float64Array;
  /** The indicators this turn's effects touched, the first `touchedCount` (only they can leave their range after the first turn). */
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private planned: PlannedBeat;
  /** Where every game starts (found once: a lookup by name per run showed in the profile). */
  private readonly start: PlannedBeat;
  /** The outcome each move landed on this turn, the lead's first. */
  private readonly landed: PlannedOutcome[];
  /** Turns resolved so far. */
  turn = 0;
  /** The beat play is at (the last beat played, once the game has ended), and its position in `scenario.beats`. */
  beat: CompiledBeat;
  beatIndex = 0;
  ending: string | null = null;
  /** The last turn's moves, the lead's first: side, option index in the beat, outcome index (the text variant: {@link moveTextAt}). */
  readonly moveSide: Side[] = ['us', 'cn'];
  private readonly movePart: PlannedSide[] = [];
  readonly moveOption = new Int32Array(2);
  readonly moveOutcome = new Int32Array(2);
  /** The moves' text variants, kept when the turn ends the game (picked before the ledger closes). */
  private readonly keptText = new Int32Array(2);
  private textsKept = false;
  /** The last turn's options and outcomes, the lead's first. */
  readonly moveOptions: CompiledOption[] = [];
  readonly moveOutcomes: CompiledOutcome[] = [];
  /** The indexes (in `scenario.injects`) of the injects the last turn fired, in order: the first `firedCount`. */
  readonly firedNow: Int32Array;
  firedCount = 0;

  /** The side played by people; the other is played by the counterpart model. */
  private readonly people: Side;

  constructor(
    private readonly scenario: Scenario,
    people: Side,
  ) {
    // The literal: the side is compared with others every turn, and the same strings compare by reference.
    this.people = people === 'us' ? 'us' : 'cn';
    const plan = planOf(scenario);
    this.plan = plan;
    this.live = liveContextOf(plan.startValues, plan.startFlags, this.last, NO_OUTCOME);
    this.ctx = this.live;
    this.weights = new Float64Array(plan.most);
    this.fired = new Uint8Array(scenario.injects.length);
    this.firedNow = new Int32Array(scenario.injects.length);
    // Each turn's effects: two outcomes and every inject, each touching at most every indicator.
    this.touched = new Int32Array(Math.max(1, (2 + scenario.injects.length) * plan.startValues.length));
    this.start = this.startBeat();
    this.planned = this.start;
    this.beat = this.planned.beat;
    this.beatIndex = this.planned.index;
    this.landed = [];
  }

  private startBeat(): PlannedBeat {
    const start = this.plan.beats.get(this.scenario.file.start);
    if (start === undefined) throw new Error(`sim: state at unknown beat ${this.scenario.file.start}`);
    return start;
  }

  /**
   * A new game for run `run` of `seeds` (seeded `${seed}-${run}`), as `start` makes it; `third` (the
   * policy's stream) is reseeded with it, by the tail `seeds` was made with.
   */
  reset(seeds: RunSeeds, run: number, third: Rng): void {
    const { live, plan } = this;
    live.values.set(plan.startValues);
    live.flagValues.set(plan.startFlags);
    live.turn = 1;
    live.rung.us = 0;
    live.rung.cn = 0;
    this.last.us = null;
    this.last.cn = null;
    live.chose = this.last;
    live.hotline.status = 'idle';
    live.hotline.calls = 0;
    live.hotline.answered = 0;
    live.hotline.unanswered = 0;
    resetLedger(live);
    live.outcome = NO_OUTCOME;
    // A loop, not `fill`: for a handful of injects the call of `fill` cost more than the stores.
    const fired = this.fired;
    for (let k = 0; k < fired.length; k++) fired[k] = 0;
    seeds.seed(run, this.world, this.counterpart, third);
    this.turn = 0;
    this.planned = this.start;
    this.beat = this.planned.beat;
    this.beatIndex = this.planned.index;
    this.ending = null;
    this.firedCount = 0;
  }

  /**
   * Resolves a turn: people play option `pick` (an index into the beat's options of their side); the
   * model picks among the first `modelCount` of `modelOffered` (indexes of the options offered to it
   * now, in order). Afterwards `ctx` is the world after the turn with both results, as a
   * contradiction check reads it, until {@link settle}. Returns null, or the error `resolveTurn` would
   * return (the run stops there).
   */
  step(pick: number, modelOffered: ArrayLike<number>, modelCount: number): PlayoutError | null {
    const { live, beat, people, weights } = this;
    const model = otherSide(people);
    const mine = this.planned.sides[sideAt(people)];
    const theirs = this.planned.sides[sideAt(model)];
    this.now.us = this.last.us;
    this.now.cn = this.last.cn;
    setSide(this.now, people, (mine.options[pick] as CompiledOption).id);
    live.chose = this.now;
    // The model's pick: weights on this turn's choice, from its own stream.
    for (let k = 0; k < modelCount; k++) {
      const j = modelOffered[k] as number;
      const w = theirs.ai[j] as number;
      weights[k] = Number.isNaN(w) ? (theirs.options[j] as CompiledOption).ai(live) : w; // NaN: the weight depends on the state
    }
    let chosen = pickIndex(this.counterpart, weights, modelCount);
    if (chosen < 0) {
      weights.fill(1, 0, modelCount);
      chosen = pickIndex(this.counterpart, weights, modelCount);
    }
    if (chosen < 0) throw new Error(`engine: no option for ${model} at ${beat.id}`);
    const modelPick = modelOffered[chosen] as number;
    setSide(this.now, model, (theirs.options[modelPick] as CompiledOption).id);

    const peopleFirst = beat.lead === people;
    this.moveSide[0] = peopleFirst ? people : model;
    this.moveSide[1] = peopleFirst ? model : people;
    this.moveOption[0] = peopleFirst ? pick : modelPick;
    this.moveOption[1] = peopleFirst ? modelPick : pick;
    this.movePart[0] = peopleFirst ? mine : theirs;
    this.movePart[1] = peopleFirst ? theirs : mine;
    this.drawn.us = null;
    this.drawn.cn = null;
    live.outcome = this.drawn;
    for (let m = 0; m < 2; m++) {
      const part = this.movePart[m] as PlannedSide;
      const j = this.moveOption[m] as number;
      const option = part.options[j] as CompiledOption;
      const outcomes = option.outcomes;
      let chances = part.weights[j] as Float64Array | null;
      if (chances === null) {
        chances = weights;
        for (let k = 0; k < outcomes.length; k++) weights[k] = (outcomes[k] as CompiledOption['outcomes'][number]).weight(live);
      }
      const landed = pickIndex(this.world, chances, outcomes.length);
      if (landed < 0) return { code: 'scenario/zero-weights', message: `every outcome of "${option.id}" has weight zero in this state` };
      this.moveOutcome[m] = landed;
      const planned = (part.outcomes[j] as readonly PlannedOutcome[])[landed] as PlannedOutcome;
      this.landed[m] = planned;
      this.moveOptions[m] = option;
      this.moveOutcomes[m] = planned.outcome;
      setSide(this.drawn, this.moveSide[m] as Side, planned.outcome.id);
    }
    this.apply();
    return null;
  }

  /** The effects, the ledger, the rungs, clamping, injects and where play goes (the texts shown: {@link moveTextAt}). */
  private apply(): void {
    const { live, scenario } = this;
    this.textsKept = false;
    const nextTurn = this.turn + 1;
    for (let m = 0; m < 2; m++) {
      const side = this.moveSide[m] as Side;
      const planned = this.landed[m] as PlannedOutcome;
      this.touchedCount = applyPlanned(this.live, planned.effects, this.touched, this.touchedCount);
      const { request, answer } = planned;
      if (request !== null) requestIn(live, side, otherSide(side), nextTurn, request.topic, request.due);
      if (answer !== null) answerIn(live, side, nextTurn, answer.quality, answer.topic);
    }
    for (let m = 0; m < 2; m++) {
      const option = (this.movePart[m] as PlannedSide).options[this.moveOption[m] as number] as CompiledOption;
      if (!option.offLadder) setSide(live.rung, this.moveSide[m] as Side, option.rung);
    }
    this.clamp();
    this.firedCount = 0;
    const injects = scenario.injects;
    for (let k = 0; k < injects.length; k++) {
      if (this.fired[k] === 1) continue;
      const when = (injects[k] as Scenario['injects'][number]).when;
      if (when === null || when(live) === 0) continue;
      this.touchedCount = applyPlanned(this.live, this.plan.injects[k] as PlannedEffects, this.touched, this.touchedCount);
      this.fired[k] = 1;
      this.firedNow[this.firedCount++] = k;
    }
    if (this.firedCount > 0) this.clamp();
    this.goOn(nextTurn);
  }

  /** Where play goes: an ending whose condition holds, else the lead's outcome's next, the other's, the beat's. */
  private goOn(nextTurn: number): void {
    const { live, beat, scenario } = this;
    let target: Target | null = null;
    const endings = this.plan.endings;
    for (let k = 0; k < endings.length; k++) {
      const e = endings[k] as Plan['endings'][number];
      if (e.when(live) !== 0) {
        target = e.target;
        break;
      }
    }
    if (target === null) {
      target = (this.landed[0] as PlannedOutcome).next ?? (this.landed[1] as PlannedOutcome).next ?? this.planned.next;
      if (target === null) throw new Error(`engine: beat ${beat.id} has nowhere to go`);
    }
    const next = target.id;
    let ending = target.ending ? next : null;
    if (ending === null && nextTurn >= scenario.file.maxTurns) ending = scenario.file.timeout;
    if (ending !== null) {
      // The texts are picked on the world before the ledger is closed.
      this.keptText[0] = this.moveTextAt(0);
      this.keptText[1] = this.moveTextAt(1);
      this.textsKept = true;
      closeLedger(live);
    } else {
      if (target.beat === undefined) throw new Error(`sim: state at unknown beat ${next}`);
      this.planned = target.beat;
      this.beat = target.beat.beat;
      this.beatIndex = target.beat.index;
    }
    this.turn = nextTurn;
    this.ending = ending;
  }

  /**
   * The variant of move `m`'s outcome text shown (0 the lead's move), as `resolveTurn` picks it on the
   * world after the turn: read between {@link step} and {@link settle}. Worked out when asked, since
   * a simulation reads it only for a text that may presume something.
   */
  moveTextAt(m: number): number {
    if (this.textsKept) return this.keptText[m] as number;
    const planned = this.landed[m] as PlannedOutcome;
    return planned.fixedText >= 0 ? planned.fixedText : variantIndex(planned.outcome.text, this.live);
  }

  /** After a turn: the context reads the new state, as `contextOf(state)` would. */
  settle(): void {
    const live = this.live;
    this.last.us = this.now.us;
    this.last.cn = this.now.cn;
    live.chose = this.last;
    live.outcome = NO_OUTCOME;
    live.turn = this.turn + 1;
  }

  /** Clamps what this turn moved (on the first turn, every indicator), as `clampAll` does. */
  private clamp(): void {
    clampLive(this.live.values, this.plan, this.turn === 0 ? null : this.touched, this.touchedCount);
    this.touchedCount = 0;
  }
}
