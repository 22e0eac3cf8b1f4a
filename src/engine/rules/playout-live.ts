/**
 * The playout's evaluation context, changed in place, and its ledger, changed as `resolveTurn` changes
 * a state's (requests sent, answered, never answered) with its counts kept beside it, so that an
 * expression reading `ledger.open.us` and the like reads a count instead of counting the entries
 * (several times a turn in a scenario built on the ledger).
 */
import type { HotlineStatus, Quality, Side } from '../format';
import type { LedgerEntry } from './state';

/** A ledger entry the playout changes in place (the state's entries are frozen copies). */
export type LiveEntry = { -readonly [K in keyof LedgerEntry]: LedgerEntry[K] };

/** The playout's evaluation context, changed in place. */
export interface LiveContext {
  readonly indicators: Record<string, number>;
  readonly flags: Record<string, boolean>;
  values: Float64Array;
  flagValues: Uint8Array;
  turn: number;
  rung: Record<Side, number>;
  chose: Record<Side, string | null>;
  hotline: { status: HotlineStatus; calls: number; answered: number; unanswered: number };
  ledger: LiveEntry[];
  outcome: Record<Side, string | null>;
  /** The ledger's counts, at the places {@link ledgerCountAt} gives, kept with `ledger`. */
  ledgerCounts: Int32Array;
}

// The playout keeps indicators and flags by position (`values`, `flagValues`), which expressions read first.
const NO_NAMES = Object.freeze({});

/** A new game's context, on its own copies of the indicators' and flags' start `values` and `flagValues`, reading `chose` and `outcome`. */
export function liveContextOf(values: Float64Array, flagValues: Uint8Array, chose: Record<Side, string | null>, outcome: Record<Side, string | null>): LiveContext {
  // The fields in the order of every context (see EvalContext).
  return {
    indicators: NO_NAMES,
    flags: NO_NAMES,
    values: values.slice(),
    flagValues: flagValues.slice(),
    turn: 1,
    rung: { us: 0, cn: 0 },
    chose,
    hotline: { status: 'idle', calls: 0, answered: 0, unanswered: 0 },
    ledger: [],
    outcome,
    ledgerCounts: new Int32Array(LEDGER_COUNTS),
  };
}

/**
 * The place in {@link LiveContext.ledgerCounts} of the count of requests to `side` with `status`, or
 * sent by `side`: the places `ledgerSlot` (format/expr-nodes.ts) gives, written out here since the rules
 * take no code from the format (test/engine/expr-fast.test.ts holds the two to the same places).
 */
export const ledgerCountAt = (status: LiveEntry['status'] | 'sent', side: Side): number =>
  (status === 'sent' ? 8 : status === 'open' ? 0 : status === 'on_time' ? 2 : status === 'late' ? 4 : 6) + (side === 'us' ? 0 : 1);

/** How many places {@link LiveContext.ledgerCounts} has. */
export const LEDGER_COUNTS = 10;

const bump = (counts: Int32Array, at: number, by: number): void => {
  counts[at] = (counts[at] as number) + by;
};

/** A new game's ledger: empty, and its counts zero. */
export function resetLedger(live: LiveContext): void {
  if (live.ledger.length === 0) return;
  live.ledger = [];
  live.ledgerCounts.fill(0);
}

/** `from` sends `to` a request on `topic` in turn `turn`, due `due` turns later, as `resolveTurn` records it, in place and counted. */
export function requestIn(live: LiveContext, from: Side, to: Side, turn: number, topic: string, due: number): void {
  const { ledger, ledgerCounts: counts } = live;
  ledger.push({ id: ledger.length + 1, from, to, topic, sentTurn: turn, dueTurn: turn + due, status: 'open', answeredTurn: null, quality: null });
  bump(counts, ledgerCountAt('open', to), 1);
  bump(counts, ledgerCountAt('sent', from), 1);
}

/** `side` answers the oldest open request to it (of `topic`, when named), as `answerOldest` does, in place and counted. */
export function answerIn(live: LiveContext, side: Side, turn: number, quality: Quality, topic: string | null): void {
  for (const e of live.ledger) {
    if (e.to !== side || e.status !== 'open' || (topic !== null && e.topic !== topic)) continue;
    e.status = turn > e.dueTurn ? 'late' : 'on_time';
    e.answeredTurn = turn;
    e.quality = quality;
    bump(live.ledgerCounts, ledgerCountAt('open', side), -1);
    bump(live.ledgerCounts, ledgerCountAt(e.status, side), 1);
    return;
  }
}

/** At the end of a game every request still open is never answered, in place and counted. */
export function closeLedger(live: LiveContext): void {
  for (const e of live.ledger) {
    if (e.status !== 'open') continue;
    e.status = 'never';
    bump(live.ledgerCounts, ledgerCountAt('open', e.to), -1);
    bump(live.ledgerCounts, ledgerCountAt('never', e.to), 1);
  }
}
