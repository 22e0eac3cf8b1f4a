/**
 * A run in the browser: which sides people play, and the pure steps the store takes on it. Every
 * rule is the engine's; this file only maps a person's plain choice onto an engine call.
 */
import { type Action, type Controller, type EngineError, type GameState, type LogRecord, legalOptions, resolveTurn, type Scenario, type Side, start } from '../engine';

/** A run left behind by a rewind: its replay code and the turn it was rewound to. */
export interface Branch {
  readonly code: string;
  /** The turns kept when the player rewound (0: back to the briefing). */
  readonly rewoundTo: number;
}

/** The improvement plan of one area for improvement of the after-action report (src/store/plan.ts). */
export interface PlanEntry {
  /** The corrective action agreed at the hot wash. */
  readonly action: string;
  /** Who carries it out. */
  readonly owner: string;
  /** When it is due, as the facilitator writes it (a date such as 2026-12-18). */
  readonly due: string;
}

export interface RunExtras {
  /** Earlier branches of this run, oldest first. */
  readonly branches: readonly Branch[];
  /** Hot-wash notes, one per discussion question (by index). */
  readonly notes: readonly string[];
  /** The improvement plan, one entry per area for improvement of the report (by index); absent when empty. */
  readonly plan?: readonly PlanEntry[];
}

/** The side people play: one side against the counterpart model, or both (two teams). */
export type PlaySide = Side | 'both';

/** Where a run is: the screens a run can be on. */
export type RunPlace = 'briefing' | 'turn' | 'outcome' | 'debrief';

/** A replay being watched: its actions, and the state before any action and after each action. */
export interface Review {
  readonly states: readonly GameState[];
  readonly actions: readonly Action[];
  /** How many actions of the replay have been applied to the state shown (0 to states.length - 1). */
  readonly at: number;
  readonly name: string;
}

export interface Run {
  readonly scenario: Scenario;
  readonly side: PlaySide;
  readonly game: GameState;
  readonly lastRecord: LogRecord | null;
  /**
   * In a two-team run: the United States team's choice, hidden until China has chosen; `ready` once
   * the screen has been handed over to China's team.
   */
  readonly pending: { readonly us: string; readonly ready?: true } | null;
  readonly place: RunPlace;
  readonly review: Review | null;
  /** Branches left behind by rewinds and hot-wash notes (src/store/trainee.ts); absent on a fresh run. */
  readonly extras?: RunExtras;
  /** The run's id in the list of runs (src/store/run-shelf.ts); given when it is first saved. */
  readonly id?: string;
  /** Started from an exercise code ending in H: the odds and the scenario map stay hidden until the debrief. */
  readonly hidden?: true;
}

export function controllersFor(side: PlaySide): Record<Side, Controller> {
  return { us: side === 'cn' ? 'model' : 'people', cn: side === 'us' ? 'model' : 'people' };
}

/** The side people play, read back from a game's controllers (null when the model plays both). */
export function sideOf(game: GameState): PlaySide | null {
  const us = game.controllers.us === 'people';
  const cn = game.controllers.cn === 'people';
  return us && cn ? 'both' : us ? 'us' : cn ? 'cn' : null;
}

/** The place a game resumes at when nothing else is known: the briefing, a turn, or the debrief. */
export function placeOf(game: GameState): RunPlace {
  return game.ending !== null ? 'debrief' : game.log.length === 0 ? 'briefing' : 'turn';
}

export function newRun(scenario: Scenario, side: PlaySide, seed: string): Run {
  const game = start(scenario, seed, controllersFor(side));
  return { scenario, side, game, lastRecord: null, pending: null, place: 'briefing', review: null };
}

/** The run with `game` as its state, its last record taken from the game's log. */
export function runAt(run: Run, game: GameState, place: RunPlace): Run {
  return { ...run, game, lastRecord: game.log[game.log.length - 1] ?? null, pending: null, place };
}

/** The side whose choice the turn screen asks for now (in a two-team run, US first, then China). */
export function askingSide(run: Run): Side {
  if (run.side !== 'both') return run.side;
  return run.pending === null ? 'us' : 'cn';
}

/** In a two-team run: the US has chosen and the screen waits to be handed over to China's team. */
export function isHandover(run: Run): boolean {
  return run.side === 'both' && run.pending !== null && run.pending.ready !== true && run.review === null;
}

/** China's team has the screen: its options are shown (the US choice stays covered). */
export function handOver(run: Run): Run {
  return run.pending === null || !isHandover(run) ? run : { ...run, pending: { us: run.pending.us, ready: true } };
}

export type ChooseResult = { readonly kind: 'pending'; readonly run: Run } | { readonly kind: 'resolved'; readonly run: Run } | { readonly kind: 'refused'; readonly error: EngineError };

/**
 * Applies a person's choice. In a two-team run the US choice is held (hidden) until China chooses;
 * then the turn resolves with both. A choice out of turn is refused, and the run is unchanged.
 */
export function applyChoice(run: Run, side: Side, optionId: string): ChooseResult {
  if (run.place !== 'turn' || run.review !== null) return { kind: 'refused', error: { code: 'turn/not-your-turn', message: 'no choice is asked for now' } };
  if (side !== askingSide(run)) return { kind: 'refused', error: { code: 'turn/not-your-turn', message: `it is not ${side}'s turn to choose` } };
  if (isHandover(run)) return { kind: 'refused', error: { code: 'turn/not-your-turn', message: "China's team is not ready yet" } };
  if (run.side === 'both' && side === 'us') {
    const refusal = refusalOf(run, optionId);
    if (refusal !== null) return { kind: 'refused', error: refusal };
    return { kind: 'pending', run: { ...run, pending: { us: optionId } } };
  }
  const choice = run.side === 'both' && run.pending !== null ? { us: run.pending.us, cn: optionId } : { [side]: optionId };
  const result = resolveTurn(run.scenario, run.game, choice);
  if (!result.ok) return { kind: 'refused', error: result.error };
  return { kind: 'resolved', run: { ...run, game: result.state, lastRecord: result.record, pending: null, place: 'outcome' } };
}

/** Whether the US option is offered now, checked before it is held for a two-team turn. */
function refusalOf(run: Run, optionId: string): EngineError | null {
  if (legalOptions(run.scenario, run.game, 'us').some((o) => o.id === optionId)) return null;
  return { code: 'turn/option-not-offered', message: `option "${optionId}" is not offered to us now` };
}
