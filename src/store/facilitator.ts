/**
 * Facilitator mode: a teacher's controls around a run. Pure steps on `(run, facilitation)`; the
 * session store calls them and commits the result. The turn timer is a count of milliseconds fed by
 * `tick` from the view's clock: it never changes an outcome by itself, only through a facilitator's
 * explicit choice (more time, or each waiting side's default option, which is an ordinary choice).
 */
import { defaultOption, type EngineError, fireInject, legalOptions, resolveTurn, type Side, type TurnChoice } from '../engine';
import { m } from '../i18n/lang';
import { applyChoice, askingSide, handOver, isHandover, type PlaySide, type Run, runAt } from './run';

export type Player = 'people' | 'model';

/** What the facilitator sets up before the run. */
export interface FacilitatorSetup {
  readonly scenarioId: string;
  readonly seed: string;
  /** Keep the seed and the odds from the players until the debrief. */
  readonly secret: boolean;
  readonly players: Readonly<Record<Side, Player>>;
  /** Minutes per turn, or null for no timer. */
  readonly timerMinutes: number | null;
  /** Add a step after each choice in which the facilitator picks the outcome (or lets the dice decide). */
  readonly decideOutcomes: boolean;
}

export interface TurnTimer {
  readonly limitMs: number;
  readonly leftMs: number;
  /** The turn (turns resolved so far) this clock counts for: a new turn starts it afresh. */
  readonly turn: number;
  readonly warned: boolean;
  readonly expired: boolean;
}

/** Choices made by the teams and held for the facilitator's "resolve as" step. */
export type Held = { readonly us?: string; readonly cn?: string };

export interface Facilitation {
  readonly secret: boolean;
  readonly decideOutcomes: boolean;
  readonly barOpen: boolean;
  readonly paused: boolean;
  readonly timer: TurnTimer | null;
  readonly held: Held | null;
  /** The last thing the live region should say about the facilitator's controls, numbered so a repeat is heard. */
  readonly say: { readonly text: string; readonly n: number } | null;
}

export type FacilitatorAction =
  | { readonly kind: 'toggle-bar' }
  | { readonly kind: 'pause'; readonly on: boolean }
  | { readonly kind: 'decide-outcomes'; readonly on: boolean }
  | { readonly kind: 'tick'; readonly ms: number }
  | { readonly kind: 'extend' }
  | { readonly kind: 'inject'; readonly inject: string }
  | { readonly kind: 'use-defaults' }
  | { readonly kind: 'resolve'; readonly force: Held };

export type FacilitatorResult = { readonly ok: true; readonly run: Run; readonly fac: Facilitation } | { readonly ok: false; readonly error: EngineError };

/** One minute: the step of "+1 minute", and when the clock warns. */
export const MINUTE_MS = 60_000;
/** Longest turn timer offered (a lesson is 45 to 90 minutes). */
export const MAX_TIMER_MINUTES = 30;

const SIDES: readonly Side[] = ['us', 'cn'];

/** The side people play, from who plays each side (null when no side is played by people). */
export function playSideOf(players: Readonly<Record<Side, Player>>, teams: boolean): PlaySide | null {
  if (players.us === 'people' && players.cn === 'people') return teams ? 'both' : null;
  return players.us === 'people' ? 'us' : players.cn === 'people' ? 'cn' : null;
}

export function startFacilitation(setup: FacilitatorSetup, turn = 0): Facilitation {
  const minutes = setup.timerMinutes;
  const timer = minutes === null ? null : { limitMs: minutes * MINUTE_MS, leftMs: minutes * MINUTE_MS, turn, warned: false, expired: false };
  return { secret: setup.secret, decideOutcomes: setup.decideOutcomes, barOpen: true, paused: false, timer, held: null, say: null };
}

/** "2:41 left", "0:05 left", "time is up": whole seconds, rounded up so "0:00 left" never shows. */
export function clockText(leftMs: number): string {
  if (leftMs <= 0) return m.fac_clock_up();
  const seconds = Math.ceil(leftMs / 1000);
  return m.fac_clock_left({ time: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` });
}

const say = (fac: Facilitation, text: string): Facilitation => ({ ...fac, say: { text, n: (fac.say?.n ?? 0) + 1 } });
const refuse = (code: EngineError['code'], message: string): FacilitatorResult => ({ ok: false, error: { code, message } as EngineError });

/** Whether the teams are being asked for a choice now (the clock runs only then). */
export function isChoosing(run: Run, fac: Facilitation, screen: string): boolean {
  return screen === 'turn' && run.review === null && run.game.ending === null && fac.held === null && !isHandover(run);
}

/** The timer made current: a clock left over from an earlier turn starts afresh. */
export function currentTimer(run: Run, timer: TurnTimer): TurnTimer {
  return timer.turn === run.game.turn ? timer : { ...timer, leftMs: timer.limitMs, turn: run.game.turn, warned: false, expired: false };
}

function tick(run: Run, fac: Facilitation, screen: string, ms: number): Facilitation {
  if (fac.timer === null || fac.paused || !Number.isFinite(ms) || ms <= 0 || !isChoosing(run, fac, screen)) return fac;
  const timer = currentTimer(run, fac.timer);
  if (timer.expired) return timer === fac.timer ? fac : { ...fac, timer };
  const leftMs = Math.max(0, timer.leftMs - ms);
  if (leftMs === 0) return say({ ...fac, barOpen: true, timer: { ...timer, leftMs, expired: true, warned: true } }, m.fac_say_time_up());
  if (!timer.warned && leftMs <= MINUTE_MS && timer.limitMs > MINUTE_MS) return say({ ...fac, timer: { ...timer, leftMs, warned: true } }, m.fac_say_minute_left());
  return { ...fac, timer: { ...timer, leftMs } };
}

/**
 * A team's choice in a facilitated run: refused while paused or while the facilitator decides; held
 * for the "resolve as" step when the facilitator decides outcomes and this choice completes the turn.
 */
export function chooseFacilitated(run: Run, fac: Facilitation, side: Side, optionId: string): FacilitatorResult {
  if (run.review !== null) return refuse('turn/not-your-turn', 'a watched replay cannot be changed');
  if (fac.paused) return refuse('turn/not-your-turn', 'the exercise is paused');
  if (fac.held !== null) return refuse('turn/not-your-turn', 'the facilitator is deciding the outcome');
  if (isHandover(run)) return refuse('turn/not-your-turn', "China's team is not ready yet");
  const completes = run.side !== 'both' || run.pending !== null;
  if (!fac.decideOutcomes || !completes) {
    const result = applyChoice(run, side, optionId);
    return result.kind === 'refused' ? { ok: false, error: result.error } : { ok: true, run: result.run, fac };
  }
  if (run.place !== 'turn' || side !== askingSide(run)) return refuse('turn/not-your-turn', `it is not ${side}'s turn to choose`);
  if (!legalOptions(run.scenario, run.game, side).some((o) => o.id === optionId)) return refuse('turn/option-not-offered', `option "${optionId}" is not offered to ${side} now`);
  const held: Held = run.side === 'both' && run.pending !== null ? { us: run.pending.us, cn: optionId } : { [side]: optionId };
  return { ok: true, run, fac: say({ ...fac, held, barOpen: true }, m.fac_say_choice_in()) };
}

/**
 * The option the counterpart model will pick for each side it plays, given the held choices: the
 * engine is pure, so resolving once without keeping the result shows the pick, and forcing an outcome
 * later does not change it (the model picks before any outcome is drawn).
 */
export function modelPicks(run: Run, held: Held): { readonly side: Side; readonly option: string }[] {
  const result = resolveTurn(run.scenario, run.game, { ...held });
  if (!result.ok || result.record.kind !== 'turn') return [];
  return result.record.moves.filter((mv) => mv.by === 'model').map((mv) => ({ side: mv.side, option: mv.option }));
}

/** Resolves the held choices, forcing the outcome the facilitator picked for each side (none: the dice). */
function resolveHeld(run: Run, fac: Facilitation, force: Held): FacilitatorResult {
  if (fac.held === null) return refuse('turn/missing-choice', 'no choice is waiting for the facilitator');
  const forced: { us?: string; cn?: string } = {};
  for (const side of SIDES) {
    const id = force[side];
    if (id !== undefined && (fac.held[side] !== undefined || run.game.controllers[side] === 'model')) forced[side] = id;
  }
  const choice: TurnChoice = Object.keys(forced).length > 0 ? { ...fac.held, force: forced } : { ...fac.held };
  const result = resolveTurn(run.scenario, run.game, choice);
  if (!result.ok) return { ok: false, error: result.error };
  const next: Run = { ...run, game: result.state, lastRecord: result.record, pending: null, place: 'outcome' };
  return { ok: true, run: next, fac: { ...fac, held: null } };
}

/** Each side that has not chosen takes its default option (the scenario's `default`, else the first). */
function useDefaults(run: Run, fac: Facilitation, screen: string): FacilitatorResult {
  if (!isChoosing(run, fac, screen) && !isHandover(run)) return refuse('turn/not-your-turn', 'no choice is asked for now');
  let current = handOver(run);
  let state = { ...fac, paused: false };
  for (let guard = 0; guard < 2; guard++) {
    const side = askingSide(current);
    const option = defaultOption(current.scenario, current.game, side);
    if (option === null) return refuse('turn/missing-choice', `${side} has no option now`);
    const result = chooseFacilitated(current, state, side, option.id);
    if (!result.ok) return result;
    current = handOver(result.run);
    state = result.fac;
    if (current.place !== 'turn' || state.held !== null) break;
  }
  const timer = state.timer === null ? null : { ...state.timer, expired: false };
  return { ok: true, run: current, fac: { ...state, timer } };
}

/** An inject from the scenario's list, fired by the facilitator: logged, and shown as an event. */
function inject(run: Run, fac: Facilitation, id: string): FacilitatorResult {
  if (run.pending !== null || fac.held !== null) return refuse('turn/not-your-turn', 'fire an inject before the teams choose or after the outcome');
  const result = fireInject(run.scenario, run.game, id);
  if (!result.ok) return { ok: false, error: result.error };
  return { ok: true, run: runAt(run, result.state, 'outcome'), fac };
}

/** Applies one facilitator action to the run and the facilitation (`screen` is the screen shown). */
export function facilitate(run: Run, fac: Facilitation, screen: string, action: FacilitatorAction): FacilitatorResult {
  if (run.review !== null) return refuse('turn/not-your-turn', 'a watched replay cannot be changed');
  switch (action.kind) {
    case 'toggle-bar':
      return { ok: true, run, fac: { ...fac, barOpen: !fac.barOpen } };
    case 'pause':
      if (action.on === fac.paused) return { ok: true, run, fac };
      return { ok: true, run, fac: say({ ...fac, paused: action.on }, action.on ? m.fac_say_paused() : m.fac_say_resumed()) };
    case 'decide-outcomes':
      return { ok: true, run, fac: { ...fac, decideOutcomes: action.on } };
    case 'tick':
      return { ok: true, run, fac: tick(run, fac, screen, action.ms) };
    case 'extend': {
      if (fac.timer === null) return { ok: true, run, fac };
      const timer = currentTimer(run, fac.timer);
      const leftMs = timer.leftMs + MINUTE_MS;
      return { ok: true, run, fac: say({ ...fac, timer: { ...timer, leftMs, expired: false, warned: leftMs <= MINUTE_MS } }, m.fac_say_more_time({ clock: clockText(leftMs) })) };
    }
    case 'inject':
      return inject(run, fac, action.inject);
    case 'use-defaults':
      return useDefaults(run, fac, screen);
    case 'resolve':
      return resolveHeld(run, fac, action.force);
  }
}
