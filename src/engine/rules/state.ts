/**
 * The game state: plain JSON data, never mutated in place (every turn returns a new state), and the
 * records a turn leaves in the log.
 */

import type { HotlineStatus, Quality, Side, TermId } from '../format';
import type { AleaState } from './rng';
/** Who plays a side: people at the keyboard, or the counterpart model written in the scenario. */
export type Controller = 'people' | 'model';

export interface LedgerEntry {
  readonly id: number;
  readonly from: Side;
  readonly to: Side;
  readonly topic: string;
  readonly sentTurn: number;
  readonly dueTurn: number;
  readonly status: 'open' | 'on_time' | 'late' | 'never';
  readonly answeredTurn: number | null;
  readonly quality: Quality | null;
}

export interface IndicatorChange {
  readonly id: string;
  readonly from: number;
  readonly to: number;
}

/** One side's move in a turn, as the log records it. */
export interface MoveRecord {
  readonly side: Side;
  readonly by: Controller;
  readonly option: string;
  /** The rung the side stands on after this move (unchanged by a move off the ladder). */
  readonly rung: number;
  /** True for cooperation or restraint: a move off the escalation ladder. */
  readonly offLadder: boolean;
  /** The variant of the option's label the side read when choosing. */
  readonly label: number;
  /** The model's pick: its chance of picking this option (basis points) and the draw, when the model chose. */
  readonly pick: { readonly chanceBp: number; readonly draw: number } | null;
  readonly outcome: string;
  /** Every outcome's chance in basis points, in the option's order (they add up to 10,000). */
  readonly chances: readonly number[];
  /** The outcome's chance in basis points (1/100 of a percent) and the draw, 0 to 9999. */
  readonly chanceBp: number;
  readonly draw: number;
  /** True when a facilitator forced this outcome (the draw was still made, and ignored). */
  readonly forced: boolean;
  /** This move's own effects on the indicators, before the turn's sum is clamped: who caused what. */
  readonly effects: readonly { readonly id: string; readonly delta: number }[];
  /** The variant of the outcome's text shown (chosen on the world after the turn). */
  readonly text: number;
}

export interface InjectRecord {
  readonly inject: string;
  readonly by: 'script' | 'facilitator';
}

export interface LedgerEvent {
  readonly kind: 'sent' | 'answered' | 'overdue' | 'expired';
  readonly request: number;
  readonly from: Side;
  readonly to: Side;
  readonly quality: Quality | null;
  readonly late: boolean;
}

/** Everything that happened in one turn: the log's unit. */
export interface TurnRecord {
  readonly kind: 'turn';
  readonly turn: number;
  readonly date: string;
  readonly beat: string;
  readonly moves: readonly MoveRecord[];
  readonly injects: readonly InjectRecord[];
  readonly changes: readonly IndicatorChange[];
  readonly flagsSet: readonly string[];
  readonly flagsCleared: readonly string[];
  readonly ledger: readonly LedgerEvent[];
  readonly hotline: HotlineStatus;
  /** The beat or ending play went to. */
  readonly next: string;
  readonly ending: string | null;
}

/** A facilitator firing an inject between turns. */
export interface InjectLogRecord {
  readonly kind: 'inject';
  readonly turn: number;
  readonly inject: string;
  readonly changes: readonly IndicatorChange[];
  readonly flagsSet: readonly string[];
  readonly flagsCleared: readonly string[];
  readonly ending: string | null;
}

export type LogRecord = TurnRecord | InjectLogRecord;

/** The whole game: plain JSON, so it can be saved, hashed, replayed and compared exactly. */
export interface GameState {
  readonly format: 'red-phone/state@1';
  readonly engineVersion: string;
  readonly scenarioId: string;
  readonly scenarioHash: string;
  readonly seed: string;
  readonly controllers: Readonly<Record<Side, Controller>>;
  /** Turns resolved so far. */
  readonly turn: number;
  readonly beat: string;
  readonly ending: string | null;
  readonly indicators: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly rung: Readonly<Record<Side, number>>;
  readonly last: Readonly<Record<Side, string | null>>;
  readonly hotline: { readonly status: HotlineStatus; readonly calls: number; readonly answered: number; readonly unanswered: number };
  readonly ledger: readonly LedgerEntry[];
  readonly firedInjects: readonly string[];
  readonly rng: { readonly world: AleaState; readonly counterpart: AleaState };
  readonly log: readonly LogRecord[];
}

/** A turn's input: the option chosen for each side played by people, and any facilitator override. */
export interface TurnChoice {
  readonly us?: string;
  readonly cn?: string;
  /** A facilitator forcing the outcome of a side's option, by outcome id. */
  readonly force?: { readonly us?: string; readonly cn?: string };
}

/** An action in a replay: a turn, or a facilitator's inject between turns. */
export type Action = ({ readonly kind: 'turn' } & TurnChoice) | { readonly kind: 'inject'; readonly inject: string };

export type EngineErrorCode =
  | 'turn/game-over'
  | 'turn/missing-choice'
  | 'turn/not-your-turn'
  | 'turn/unknown-option'
  | 'turn/option-not-offered'
  | 'turn/unknown-outcome'
  | 'turn/outcome-impossible'
  | 'turn/unknown-inject'
  | 'turn/inject-fired'
  | 'scenario/zero-weights'
  | 'state/mismatch';

export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
}

export type TurnResult = { readonly ok: true; readonly state: GameState; readonly record: LogRecord } | { readonly ok: false; readonly error: EngineError; readonly state: GameState };

/** An option as a view or a policy sees it. */
export interface OptionView {
  readonly id: string;
  readonly index: number;
  readonly side: Side;
  readonly label: string;
  readonly text: string;
  /** Its rung's position on the ladder, or -1 off the ladder. */
  readonly rung: number;
  readonly offLadder: boolean;
  readonly uses: readonly TermId[];
  readonly strains: readonly TermId[];
  /** One line per term used or strained: why this move uses or strains it. */
  readonly why: Readonly<Partial<Record<TermId, string>>>;
  readonly isDefault: boolean;
}

export interface ObjectiveResult {
  readonly id: string;
  readonly side: Side;
  readonly label: string;
  readonly met: boolean;
  /** 0 to 100. */
  readonly score: number;
}
