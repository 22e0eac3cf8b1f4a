/**
 * The mutable working copy a turn or an inject changes before it is frozen into the next state, and
 * the steps both apply: effects, clamping, the ledger and the ending check.
 */

import type { CompiledEffects, CompiledOption, EvalContext, HotlineStatus, Quality, Scenario, Side } from '../format';
import type { Controller, EngineError, EngineErrorCode, GameState, IndicatorChange, LedgerEntry, LedgerEvent, MoveRecord, TurnResult } from './state';

export const error = (state: GameState, code: EngineErrorCode, message: string): TurnResult => ({ ok: false, error: { code, message } as EngineError, state });

export interface Pending {
  side: Side;
  option: CompiledOption;
  by: Controller;
  pick: MoveRecord['pick'];
}

/** Mutable working copy of the parts of the state a turn changes. */
export interface Work {
  indicators: Record<string, number>;
  flags: Record<string, boolean>;
  hotline: { status: HotlineStatus; calls: number; answered: number; unanswered: number };
  ledger: LedgerEntry[];
  ledgerEvents: LedgerEvent[];
  flagsSet: string[];
  flagsCleared: string[];
}

export function applyEffects(w: Work, e: CompiledEffects): void {
  for (const [id, delta] of e.deltas) w.indicators[id] = (w.indicators[id] ?? 0) + delta;
  for (const f of e.set) {
    if (w.flags[f] !== true) w.flagsSet.push(f);
    w.flags[f] = true;
  }
  for (const f of e.clear) {
    if (w.flags[f] === true) w.flagsCleared.push(f);
    w.flags[f] = false;
  }
  if (e.hotline !== null) {
    w.hotline.status = e.hotline;
    if (e.hotline === 'answered') w.hotline.answered++;
    if (e.hotline === 'unanswered') w.hotline.unanswered++;
    // Each outcome that sets the line to ringing, answered or unanswered is one call placed.
    if (e.hotline !== 'idle') w.hotline.calls++;
  }
}

/** Clamps every indicator to its range once all of a turn's effects are in, so their order never matters. */
export function clampAll(scenario: Scenario, before: Readonly<Record<string, number>>, w: Work): IndicatorChange[] {
  const changes: IndicatorChange[] = [];
  for (const ind of scenario.file.indicators) {
    const v = w.indicators[ind.id] ?? ind.start;
    const clamped = v < ind.min ? ind.min : Math.min(v, ind.max);
    w.indicators[ind.id] = clamped;
    const from = before[ind.id] ?? ind.start;
    if (from !== clamped) changes.push({ id: ind.id, from, to: clamped });
  }
  return changes;
}

export function workOf(state: GameState): Work {
  return {
    indicators: { ...state.indicators },
    flags: { ...state.flags },
    hotline: { ...state.hotline },
    ledger: state.ledger.slice(),
    ledgerEvents: [],
    flagsSet: [],
    flagsCleared: [],
  };
}

/**
 * `side` answers a request addressed to it: the oldest open one of `topic` when a topic is named,
 * else the oldest open one. A token answer is recorded as token whatever its timing.
 */
export function answerOldest(w: Work, side: Side, turn: number, quality: Quality, topic: string | null): void {
  const index = w.ledger.findIndex((e) => e.to === side && e.status === 'open' && (topic === null || e.topic === topic));
  if (index < 0) return;
  const e = w.ledger[index] as LedgerEntry;
  const late = turn > e.dueTurn;
  w.ledger[index] = { ...e, status: late ? 'late' : 'on_time', answeredTurn: turn, quality };
  w.ledgerEvents.push({ kind: 'answered', request: e.id, from: e.from, to: e.to, quality, late });
}

export function expireOpen(w: Work): void {
  for (let i = 0; i < w.ledger.length; i++) {
    const e = w.ledger[i] as LedgerEntry;
    if (e.status !== 'open') continue;
    w.ledger[i] = { ...e, status: 'never' };
    w.ledgerEvents.push({ kind: 'expired', request: e.id, from: e.from, to: e.to, quality: null, late: true });
  }
}

export function triggeredEnding(scenario: Scenario, ctx: EvalContext): string | null {
  for (const e of scenario.endings) if (e.when !== null && e.when(ctx) !== 0) return e.id;
  return null;
}
