/** The expression language's public types: what an expression reads, and what compiling gives. */
import type { Side } from './schema';

/**
 * What an expression can read. Built by the engine from the game state. Every context the engine
 * makes (`contextOf`, the simulator's playout, the checker's probes) is written as one object literal
 * with the fields in one order, `indicators, flags, values, flagValues, turn, rung, chose, hotline,
 * ledger, outcome, ledgerCounts` (`values`, `flagValues` and `ledgerCounts` undefined when unused): objects written so share one
 * hidden shape in JavaScript engines, and the property reads of expressions, which every context
 * passes through, are several times slower once they have seen many shapes.
 */
export interface EvalContext {
  readonly indicators: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly turn: number;
  readonly rung: Readonly<Record<Side, number>>;
  /** The most recent option each side chose (this turn's, once made). */
  readonly chose: Readonly<Record<Side, string | null>>;
  readonly hotline: { readonly calls: number; readonly answered: number; readonly unanswered: number };
  readonly ledger: readonly LedgerView[];
  /** This turn's outcome of each side once drawn (null before): `outcome.us.picked_up`. */
  readonly outcome: Readonly<Record<Side, string | null>>;
  /**
   * The indicators by their position in the scenario's list, when a caller keeps them so (the
   * simulator's fast path); when present, expressions read these and not `indicators`.
   */
  readonly values?: ArrayLike<number> | undefined;
  /** The flags by position (1 set, 0 clear), kept with `values`; when present, read instead of `flags`. */
  readonly flagValues?: ArrayLike<number> | undefined;
  /**
   * The ledger's counts, when a caller that changes the ledger in place keeps them (the simulator's
   * fast path), at the places `ledgerSlot` (expr-nodes.ts) gives; when present, `ledger.open.us` and
   * the like read these instead of counting the entries.
   */
  readonly ledgerCounts?: ArrayLike<number> | undefined;
}

export interface LedgerView {
  readonly from: Side;
  readonly to: Side;
  readonly dueTurn: number;
  readonly status: 'open' | 'on_time' | 'late' | 'never';
  readonly answeredTurn: number | null;
  readonly quality: 'full' | 'partial' | 'token' | null;
}

export type ValueType = 'number' | 'boolean';
/** A compiled expression; one that is the same in every state says so in `constant` (set by `compileExpr`). */
export type Compiled = ((ctx: EvalContext) => number) & { readonly constant?: number };

/** The names a scenario defines, against which expressions are checked. */
export interface ExprEnv {
  readonly indicators: readonly string[];
  readonly flags: readonly string[];
  readonly options: Readonly<Record<Side, readonly string[]>>;
  readonly rungs: readonly string[];
  /**
   * The outcome ids an expression here may read as `outcome.<side>.<id>`, for each side (empty where
   * that side's result is not known yet: the side resolving first cannot read the second).
   */
  readonly outcomes?: Readonly<Record<Side, readonly string[]>>;
}

export interface ExprError {
  readonly offset: number;
  readonly message: string;
  readonly code: 'expr/syntax' | 'expr/unknown-name' | 'expr/type' | 'expr/too-early';
  readonly suggestion?: string;
}

export type CompileResult = { readonly ok: true; readonly fn: Compiled; readonly type: ValueType; readonly constant: number | null } | { readonly ok: false; readonly error: ExprError };
