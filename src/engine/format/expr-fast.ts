/**
 * Closures for the commonest shapes of expression, each one call instead of a small tree of them:
 * an indicator compared with a number (`trust >= 40`), `not` a flag, arithmetic with a number
 * (`10 + trust / 5`). They compute exactly what the general closures compute; the simulator calls
 * them millions of times a second.
 */
import type { Compiled, EvalContext } from './expr-types';

/** What a node reads directly, when it is an indicator or a flag (by name, and by position in the scenario's list). */
export interface DirectRead {
  /** `count`: one of the ledger's counts, at `slot` of {@link EvalContext.ledgerCounts} (no name). */
  readonly kind: 'indicator' | 'flag' | 'count';
  readonly name: string;
  readonly slot: number;
}

/** The indicator `name` at position `slot`: from `values` when the context keeps them, else by name. */
export function indicatorRead(name: string, slot: number): Compiled {
  return (c) => indicatorOf(c, name, slot);
}

/** The value of the indicator `name` at position `slot` on `c`. */
export function indicatorOf(c: EvalContext, name: string, slot: number): number {
  const v = c.values;
  return v === undefined ? (c.indicators[name] ?? 0) : (v[slot] as number);
}

/** The flag `name` at position `slot` on `c`, 1 when set. */
export function flagOf(c: EvalContext, name: string, slot: number): number {
  const v = c.flagValues;
  return v === undefined ? (c.flags[name] === true ? 1 : 0) : (v[slot] as number);
}

/** The flag `name` at position `slot`, 1 when set. */
export function flagRead(name: string, slot: number): Compiled {
  return (c) => flagOf(c, name, slot);
}

/** `not` of what `read` reads, or null when it is not a flag. */
export function notFlag(read: DirectRead | undefined): Compiled | null {
  if (read?.kind !== 'flag') return null;
  const { name, slot } = read;
  return (c) => {
    const v = c.flagValues;
    return (v === undefined ? c.flags[name] === true : v[slot] !== 0) ? 0 : 1;
  };
}

/** `left op k` for a number `k`: one closure (reading the indicator itself when `left` is one). */
export function compareWith(left: Compiled, read: DirectRead | undefined, op: string, k: number): Compiled {
  if (read?.kind === 'indicator') {
    const { name, slot } = read;
    if (op === '<') return (c) => (indicatorOf(c, name, slot) < k ? 1 : 0);
    if (op === '<=') return (c) => (indicatorOf(c, name, slot) <= k ? 1 : 0);
    if (op === '>') return (c) => (indicatorOf(c, name, slot) > k ? 1 : 0);
    if (op === '>=') return (c) => (indicatorOf(c, name, slot) >= k ? 1 : 0);
    if (op === '==') return (c) => (indicatorOf(c, name, slot) === k ? 1 : 0);
    return (c) => (indicatorOf(c, name, slot) !== k ? 1 : 0);
  }
  const a = left;
  if (read?.kind === 'count') return compareCount(a, read.slot, op, k);
  if (op === '<') return (c) => (a(c) < k ? 1 : 0);
  if (op === '<=') return (c) => (a(c) <= k ? 1 : 0);
  if (op === '>') return (c) => (a(c) > k ? 1 : 0);
  if (op === '>=') return (c) => (a(c) >= k ? 1 : 0);
  if (op === '==') return (c) => (a(c) === k ? 1 : 0);
  return (c) => (a(c) !== k ? 1 : 0);
}

/** The ledger's count at `slot` on `c`: kept beside the ledger (the simulator's context), else `a` counts the entries. */
function countOf(c: EvalContext, slot: number, a: Compiled): number {
  const n = c.ledgerCounts;
  return n === undefined ? a(c) : (n[slot] as number);
}

/** `count op k` for a ledger count (`ledger.open.us > 0`): one closure reading the kept count, not a call of the count's. */
function compareCount(a: Compiled, slot: number, op: string, k: number): Compiled {
  if (op === '<') return (c) => (countOf(c, slot, a) < k ? 1 : 0);
  if (op === '<=') return (c) => (countOf(c, slot, a) <= k ? 1 : 0);
  if (op === '>') return (c) => (countOf(c, slot, a) > k ? 1 : 0);
  if (op === '>=') return (c) => (countOf(c, slot, a) >= k ? 1 : 0);
  if (op === '==') return (c) => (countOf(c, slot, a) === k ? 1 : 0);
  return (c) => (countOf(c, slot, a) !== k ? 1 : 0);
}

/** `a op k` (`k` a number on the right; `read`, what `a` reads when it is one), or null for an operator it does not cover. */
export function arithRight(a: Compiled, op: string, k: number, read?: DirectRead): Compiled | null {
  if (read?.kind === 'count' && op === '*') {
    const { slot } = read;
    return (c) => countOf(c, slot, a) * k;
  }
  if (op === '+') return (c) => a(c) + k;
  if (op === '-') return (c) => a(c) - k;
  if (op === '*') return (c) => a(c) * k;
  if (op === '/') return k === 0 ? () => 0 : (c) => Math.trunc(a(c) / k);
  return null;
}

/** `k op b` (`k` a number on the left), or null for an operator it does not cover. */
export function arithLeft(k: number, op: string, b: Compiled): Compiled | null {
  if (op === '+') return (c) => k + b(c);
  if (op === '-') return (c) => k - b(c);
  if (op === '*') return (c) => k * b(c);
  return null;
}

/** A yes/no test a joined closure takes in: flag or indicator `name` (at `slot`) with a value from `lo` to `hi`. */
export interface Atom {
  readonly flag: boolean;
  readonly name: string;
  readonly slot: number;
  readonly lo: number;
  readonly hi: number;
}

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The next number after `x` toward `to` (x finite, to infinite). */
function nextToward(x: number, to: number): number {
  if (x === 0) return to > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  bits[0] = x;
  word[0] = (word[0] as bigint) + (x > 0 === to > 0 ? 1n : -1n);
  return bits[0] as number;
}

/** The test `indicator op k`, or null for `!=` (not one range) or a `k` that is not a finite number. */
export function indicatorAtom(name: string, slot: number, op: string, k: number): Atom | null {
  if (!Number.isFinite(k)) return null;
  const range = (lo: number, hi: number): Atom => ({ flag: false, name, slot, lo, hi });
  if (op === '<') return range(-Infinity, nextToward(k, -Infinity));
  if (op === '<=') return range(-Infinity, k);
  if (op === '>') return range(nextToward(k, Infinity), Infinity);
  if (op === '>=') return range(k, Infinity);
  if (op === '==') return range(k, k);
  return null;
}

/** The test that flag `name` is set (`set`) or clear. */
export const flagAtom = (name: string, slot: number, set: boolean): Atom => ({ flag: true, name, slot, lo: set ? 1 : 0, hi: set ? 1 : 0 });
