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
import type { CompiledBeat, CompiledEffects, CompiledOption, EvalContext, HotlineStatus, Quality, Scenario, Side } from '../format';
import { counterpartSeed } from './game';
import { pickIndex, Rng } from './rng';
import { otherSide } from './sides';
import type { LedgerEntry } from './state';
import { variantIndex } from './texts';

/** A ledger entry the playout changes in place (the state's entries are frozen copies). */
type LiveEntry = { -readonly [K in keyof LedgerEntry]: LedgerEntry[K] };

interface LiveContext {
  indicators: Record<string, number>;
  flags: Record<string, boolean>;
  turn: number;
  rung: Record<Side, number>;
  chose: Record<Side, string | null>;
  hotline: { status: HotlineStatus; calls: number; answered: number; unanswered: number };
  ledger: LiveEntry[];
  outcome: Record<Side, string | null>;
}

/** Why a turn could not be resolved: the same code and message `resolveTurn` returns. */
export interface PlayoutError {
  readonly code: 'scenario/zero-weights';
  readonly message: string;
}

const NO_OUTCOME: Readonly<Record<Side, string | null>> = Object.freeze({ us: null, cn: null });

export class Playout {
  /** The context every expression of this game reads; valid between turns (as `contextOf(state)`). */
  readonly ctx: EvalContext;
  private readonly live: LiveContext;
  private readonly last: Record<Side, string | null> = { us: null, cn: null };
  private readonly now: Record<Side, string | null> = { us: null, cn: null };
  private readonly drawn: Record<Side, string | null> = { us: null, cn: null };
  private readonly world = new Rng({ c: 1, s0: 0, s1: 0, s2: 0 });
  private readonly counterpart = new Rng({ c: 1, s0: 0, s1: 0, s2: 0 });
  private readonly fired: Uint8Array;
  private readonly weights: number[] = [];
  /** Turns resolved so far. */
  turn = 0;
  /** The beat play is at (the last beat played, once the game has ended). */
  beat: CompiledBeat;
  ending: string | null = null;
  /** The last turn's moves, the lead's first: side, option index in the beat, outcome index, text variant. */
  readonly moveSide: Side[] = ['us', 'cn'];
  readonly moveOption = new Int32Array(2);
  readonly moveOutcome = new Int32Array(2);
  readonly moveText = new Int32Array(2);
  moveCount = 0;
  /** The indexes (in `scenario.injects`) of the injects the last turn fired, in order. */
  readonly firedNow: number[] = [];

  constructor(
    private readonly scenario: Scenario,
    /** The side played by people; the other is played by the counterpart model. */
    private readonly people: Side,
  ) {
    const indicators: Record<string, number> = {};
    for (const ind of scenario.file.indicators) indicators[ind.id] = ind.start;
    const flags: Record<string, boolean> = {};
    for (const f of scenario.file.flags) flags[f.id] = f.start;
    this.live = {
      indicators,
      flags,
      turn: 1,
      rung: { us: 0, cn: 0 },
      chose: this.last,
      hotline: { status: 'idle', calls: 0, answered: 0, unanswered: 0 },
      ledger: [],
      outcome: NO_OUTCOME,
    };
    this.ctx = this.live;
    this.fired = new Uint8Array(scenario.injects.length);
    this.beat = this.beatAt(scenario.file.start);
  }

  private beatAt(id: string): CompiledBeat {
    const beat = this.scenario.beats.get(id);
    if (beat === undefined) throw new Error(`sim: state at unknown beat ${id}`);
    return beat;
  }

  /** A new game from `seed`, as `start` makes it. */
  reset(seed: string): void {
    const { live, scenario } = this;
    for (const ind of scenario.file.indicators) live.indicators[ind.id] = ind.start;
    for (const f of scenario.file.flags) live.flags[f.id] = f.start;
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
    live.ledger.length = 0;
    live.outcome = NO_OUTCOME;
    this.fired.fill(0);
    this.world.reseed(seed);
    this.counterpart.reseed(counterpartSeed(seed));
    this.turn = 0;
    this.beat = this.beatAt(scenario.file.start);
    this.ending = null;
    this.moveCount = 0;
    this.firedNow.length = 0;
  }

  /**
   * Resolves a turn: people play option `pick` (an index into the beat's options of their side); the
   * model picks among `modelOffered` (indexes of the options offered to it now, in order). Afterwards
   * `ctx` is the world after the turn with both results, as a contradiction check reads it, until
   * {@link settle}. Returns null, or the error `resolveTurn` would return (the run stops there).
   */
  step(pick: number, modelOffered: ArrayLike<number>): PlayoutError | null {
    const { live, beat, people, weights } = this;
    const model = otherSide(people);
    const mine = beat.options[people][pick] as CompiledOption;
    this.now.us = this.last.us;
    this.now.cn = this.last.cn;
    this.now[people] = mine.id;
    live.chose = this.now;
    // The model's pick: weights on this turn's choice, from its own stream.
    weights.length = 0;
    const theirs = beat.options[model];
    for (let k = 0; k < modelOffered.length; k++) weights.push((theirs[modelOffered[k] as number] as CompiledOption).ai(live));
    let chosen = pickIndex(this.counterpart, weights);
    if (chosen < 0) {
      for (let k = 0; k < weights.length; k++) weights[k] = 1;
      chosen = pickIndex(this.counterpart, weights);
    }
    if (chosen < 0) throw new Error(`engine: no option for ${model} at ${beat.id}`);
    const modelPick = modelOffered[chosen] as number;
    this.now[model] = (theirs[modelPick] as CompiledOption).id;

    const first = beat.lead === people ? people : model;
    this.moveSide[0] = first;
    this.moveSide[1] = otherSide(first);
    this.moveOption[0] = first === people ? pick : modelPick;
    this.moveOption[1] = first === people ? modelPick : pick;
    this.moveCount = 0;
    this.drawn.us = null;
    this.drawn.cn = null;
    live.outcome = this.drawn;
    for (let m = 0; m < 2; m++) {
      const side = this.moveSide[m] as Side;
      const option = beat.options[side][this.moveOption[m] as number] as CompiledOption;
      weights.length = 0;
      for (const o of option.outcomes) weights.push(o.weight(live));
      const landed = pickIndex(this.world, weights);
      if (landed < 0) return { code: 'scenario/zero-weights', message: `every outcome of "${option.id}" has weight zero in this state` };
      this.moveOutcome[m] = landed;
      this.drawn[side] = (option.outcomes[landed] as CompiledOption['outcomes'][number]).id;
      this.moveCount++;
    }
    return this.apply();
  }

  /** The effects, the ledger, the rungs, clamping, injects, the texts shown and where play goes. */
  private apply(): null {
    const { live, beat, scenario } = this;
    const nextTurn = this.turn + 1;
    let leadNext: string | undefined;
    let otherNext: string | undefined;
    for (let m = 0; m < 2; m++) {
      const side = this.moveSide[m] as Side;
      const outcome = (beat.options[side][this.moveOption[m] as number] as CompiledOption).outcomes[this.moveOutcome[m] as number] as CompiledOption['outcomes'][number];
      this.effects(outcome.effects);
      const file = outcome.file;
      if (file.request !== undefined) {
        const id = live.ledger.length + 1;
        live.ledger.push({
          id,
          from: side,
          to: otherSide(side),
          topic: file.request.topic,
          sentTurn: nextTurn,
          dueTurn: nextTurn + file.request.due,
          status: 'open',
          answeredTurn: null,
          quality: null,
        });
      }
      if (file.answer !== undefined) {
        if (typeof file.answer === 'string') this.answer(side, nextTurn, file.answer, null);
        else this.answer(side, nextTurn, file.answer.quality, file.answer.topic);
      }
      if (m === 0) leadNext = file.next;
      else otherNext = file.next;
    }
    for (let m = 0; m < 2; m++) {
      const side = this.moveSide[m] as Side;
      const option = beat.options[side][this.moveOption[m] as number] as CompiledOption;
      if (!option.offLadder) live.rung[side] = option.rung;
    }
    this.clamp();
    this.firedNow.length = 0;
    const injects = scenario.injects;
    for (let k = 0; k < injects.length; k++) {
      const inj = injects[k] as Scenario['injects'][number];
      if (inj.when === null || this.fired[k] === 1) continue;
      if (inj.when(live) === 0) continue;
      this.effects(inj.effects);
      this.fired[k] = 1;
      this.firedNow.push(k);
    }
    if (this.firedNow.length > 0) this.clamp();
    for (let m = 0; m < 2; m++) {
      const side = this.moveSide[m] as Side;
      const outcome = (beat.options[side][this.moveOption[m] as number] as CompiledOption).outcomes[this.moveOutcome[m] as number] as CompiledOption['outcomes'][number];
      this.moveText[m] = variantIndex(outcome.text, live);
    }
    let next: string | null = null;
    for (const e of scenario.endings) {
      if (e.when !== null && e.when(live) !== 0) {
        next = e.id;
        break;
      }
    }
    if (next === null) {
      next = leadNext ?? otherNext ?? beat.file.next ?? null;
      if (next === null) throw new Error(`engine: beat ${beat.id} has nowhere to go`);
    }
    let ending = scenario.endingIds.has(next) ? next : null;
    if (ending === null && nextTurn >= scenario.file.maxTurns) ending = scenario.file.timeout;
    if (ending !== null) {
      for (const e of live.ledger) if (e.status === 'open') e.status = 'never';
    }
    this.turn = nextTurn;
    this.ending = ending;
    if (ending === null) this.beat = this.beatAt(next);
    return null;
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

  private effects(e: CompiledEffects): void {
    const { indicators, flags, hotline } = this.live;
    for (const [id, delta] of e.deltas) indicators[id] = (indicators[id] ?? 0) + delta;
    for (const f of e.set) flags[f] = true;
    for (const f of e.clear) flags[f] = false;
    if (e.hotline !== null) {
      hotline.status = e.hotline;
      if (e.hotline === 'answered') hotline.answered++;
      if (e.hotline === 'unanswered') hotline.unanswered++;
      if (e.hotline !== 'idle') hotline.calls++;
    }
  }

  private clamp(): void {
    const indicators = this.live.indicators;
    for (const ind of this.scenario.file.indicators) {
      const v = indicators[ind.id] ?? ind.start;
      indicators[ind.id] = v < ind.min ? ind.min : Math.min(v, ind.max);
    }
  }

  private answer(side: Side, turn: number, quality: Quality, topic: string | null): void {
    for (const e of this.live.ledger) {
      if (e.to !== side || e.status !== 'open' || (topic !== null && e.topic !== topic)) continue;
      e.status = turn > e.dueTurn ? 'late' : 'on_time';
      e.answeredTurn = turn;
      e.quality = quality;
      return;
    }
  }
}
