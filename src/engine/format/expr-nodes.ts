/** The parsed and type-checked nodes of an expression, and the steps that build them: typing, logic, arithmetic, folding constants. */

import { type Atom, arithLeft, arithRight, type DirectRead } from './expr-fast';
import type { Token } from './expr-lex';
import { fail } from './expr-lex';
import { joinAtoms } from './expr-logic';

import { Term } from './expr-terms';
import type { Compiled, EvalContext, LedgerView, ValueType } from './expr-types';
import type { Side } from './schema';

export interface Node {
  readonly type: ValueType;
  readonly fn: Compiled;
  readonly constant: number | null;
  readonly at: number;
  /** Set when the node is a bare indicator or flag, for the one-closure shapes of expr-fast.ts. */
  readonly read?: DirectRead;
  /** Set when the node is one of the shapes of expr-terms.ts, which a parent's term takes in whole. */
  readonly term?: Term;
  /** Set when the node is a test on a flag or an indicator (one atom), or `and` or `or` (`joined`) of such tests (expr-logic.ts). */
  readonly atoms?: readonly Atom[];
  readonly joined?: 'and' | 'or';
}

/** A node's term: its own, or a call of its closure. */
export const termOf = (node: Node): Term => node.term ?? Term.call(node.fn);

/** A node computed by `term` (one closure call). */
export const termNode = (type: ValueType, term: Term, at: number): Node => ({ type, fn: term.compiled(), constant: null, at, term });

export const bool = (b: boolean): number => (b ? 1 : 0);

// The ledger's counts, each a loop written out: a predicate closure called per entry cost a call each,
// and these are read every turn of every simulated run of a scenario that keeps a ledger. A context
// that keeps the counts (`ledgerCounts`) is read there instead.

const STATUS_SLOTS: Readonly<Record<LedgerView['status'], number>> = { open: 0, on_time: 2, late: 4, never: 6 };
/** How many places {@link EvalContext.ledgerCounts} has. */
export const LEDGER_SLOTS = 10;
/** The place in {@link EvalContext.ledgerCounts} of the count of requests to `side` with `status` (0 to 7), or sent by `side` (8, 9). */
export const ledgerSlot = (status: LedgerView['status'] | 'sent', side: Side): number => (status === 'sent' ? 8 : STATUS_SLOTS[status]) + (side === 'us' ? 0 : 1);

/** How many requests to `side` have `status` (whose count is at `slot`, as {@link ledgerSlot} gives). */
export function countStatus(c: EvalContext, side: Side, status: LedgerView['status'], slot: number): number {
  const counts = c.ledgerCounts;
  if (counts !== undefined) return counts[slot] as number;
  const ledger = c.ledger;
  let n = 0;
  for (let i = 0; i < ledger.length; i++) {
    const e = ledger[i] as LedgerView;
    if (e.to === side && e.status === status) n++;
  }
  return n;
}

/** How many requests to `side` are open past their due turn (`openSlot`: where the count of its open requests is). */
export function countOverdue(c: EvalContext, side: Side, openSlot: number): number {
  const counts = c.ledgerCounts;
  if (counts !== undefined && counts[openSlot] === 0) return 0;
  const ledger = c.ledger;
  let n = 0;
  for (let i = 0; i < ledger.length; i++) {
    const e = ledger[i] as LedgerView;
    if (e.to === side && e.status === 'open' && e.dueTurn < c.turn) n++;
  }
  return n;
}

/** How many requests `side` has sent (whose count is at `slot`). */
export function countSent(c: EvalContext, side: Side, slot: number): number {
  const counts = c.ledgerCounts;
  if (counts !== undefined) return counts[slot] as number;
  const ledger = c.ledger;
  let n = 0;
  for (let i = 0; i < ledger.length; i++) if ((ledger[i] as LedgerView).from === side) n++;
  return n;
}

export function tokenText(t: Token): string {
  return t.kind === 'end' ? 'end' : String(t.value);
}

export function expectType(node: Node, type: ValueType, what: string): void {
  if (node.type !== type) {
    fail(node.at, 'expr/type', type === 'number' ? `${what} needs a number, and this is a yes/no value` : `${what} needs a yes/no value (a flag or a comparison), and this is a number`);
  }
}

export function logic(left: Node, right: Node, at: number, op: 'and' | 'or'): Node {
  expectType(left, 'boolean', `"${op}"`);
  expectType(right, 'boolean', `"${op}"`);
  const a = left.fn;
  const b = right.fn;
  const anyOf = op === 'or' && left.term !== undefined && right.term !== undefined ? left.term.or(right.term) : null;
  if (anyOf !== null) return termNode('boolean', anyOf, at);
  const la = atomsIn(left, op);
  const ra = atomsIn(right, op);
  if (la !== null && ra !== null) {
    const atoms = [...la, ...ra];
    return { type: 'boolean', fn: joinAtoms(atoms, op === 'and'), constant: null, at, atoms, joined: op };
  }
  const fn: Compiled = op === 'and' ? (c) => bool(a(c) !== 0 && b(c) !== 0) : (c) => bool(a(c) !== 0 || b(c) !== 0);
  return fold({ type: 'boolean', fn, constant: null, at }, left, right);
}

/** The tests a node joined by `op` takes in: its one test, or the tests it joins by the same `op`. */
const atomsIn = (node: Node, op: 'and' | 'or'): readonly Atom[] | null => (node.atoms !== undefined && (node.atoms.length === 1 || node.joined === op) ? node.atoms : null);

export function arith(left: Node, right: Node, op: string, at: number): Node {
  expectType(left, 'number', `"${op}"`);
  expectType(right, 'number', `"${op}"`);
  const term = arithTerm(left, right, op);
  if (term !== null) return termNode('number', term, at);
  const a = left.fn;
  const b = right.fn;
  const quick = right.constant !== null ? arithRight(a, op, right.constant, left.read) : left.constant !== null ? arithLeft(left.constant, op, b) : null;
  const fn: Compiled =
    quick !== null
      ? quick
      : op === '+'
        ? (c) => a(c) + b(c)
        : op === '-'
          ? (c) => a(c) - b(c)
          : op === '*'
            ? (c) => a(c) * b(c)
            : (c) => {
                const d = b(c);
                return d === 0 ? 0 : Math.trunc(a(c) / d);
              };
  return fold({ type: 'number', fn, constant: null, at }, left, right);
}

/** `left op right` as a term, when it is one: a chain or pick with a constant, or a sum or difference with a term on either side. */
function arithTerm(left: Node, right: Node, op: string): Term | null {
  if (left.constant !== null && right.constant !== null) return null;
  if (right.constant !== null) return left.term?.takesConstant() === true ? left.term.withConstant(op, right.constant, false) : null;
  if (left.constant !== null) return right.term?.takesConstant() === true ? right.term.withConstant(op, left.constant, true) : null;
  if ((op === '+' || op === '-') && (left.term !== undefined || right.term !== undefined)) return termOf(left).plus(termOf(right), op === '+' ? 1 : -1);
  return null;
}

// The fields in the order of every context (see EvalContext).
export const EMPTY_CONTEXT: EvalContext = {
  indicators: {},
  flags: {},
  values: undefined,
  flagValues: undefined,
  turn: 0,
  rung: { us: 0, cn: 0 },
  chose: { us: null, cn: null },
  hotline: { calls: 0, answered: 0, unanswered: 0 },
  ledger: [],
  outcome: { us: null, cn: null },
  ledgerCounts: undefined,
};

/** Folds a node whose parts are all constants into a constant, so that checks can see literal weights. */
export function fold(node: Node, ...parts: Node[]): Node {
  if (parts.length > 0 && parts.every((p) => p.constant !== null)) {
    const v = node.fn(EMPTY_CONTEXT);
    return { type: node.type, fn: () => v, constant: v, at: node.at };
  }
  return node;
}

/** The quality of the latest answer given by `side` (to a request addressed to it), or none. */
export function latestAnswer(c: EvalContext, side: 'us' | 'cn'): 'full' | 'partial' | 'token' | 'none' {
  let best: LedgerView | null = null;
  for (const e of c.ledger) {
    if (e.to !== side || e.answeredTurn === null) continue;
    if (best === null || (best.answeredTurn ?? 0) <= e.answeredTurn) best = e;
  }
  return best?.quality ?? 'none';
}

/** The built-in names an expression may read, for the suggestion when a name is unknown. */
export const BUILT_IN_NAMES: readonly string[] = [
  'turn',
  'rung.us',
  'rung.cn',
  'hotline.calls',
  'hotline.answered',
  'hotline.unanswered',
  'ledger.open.us',
  'ledger.open.cn',
  'ledger.overdue.us',
  'ledger.overdue.cn',
  'ledger.late.us',
  'ledger.late.cn',
  'ledger.on_time.us',
  'ledger.on_time.cn',
  'ledger.never.us',
  'ledger.never.cn',
  'ledger.sent.us',
  'ledger.sent.cn',
  'answer.us.full',
  'answer.cn.full',
  'answer.us.none',
  'answer.cn.none',
];
