/**
 * Chains: an indicator put through whole-number steps with constants (`10 + trust / 5`,
 * `4 + (100 - face) / 10`), the commonest shape of weight. A chain computed by a loop with a switch per
 * step takes a branch the processor cannot foresee at every step when the chains computed one after
 * another differ, as they do in a simulated run: about 60 ns a call where a closure with the steps
 * written out takes 10 or so. So the commonest sequences of steps are closures written out, and the
 * others go through {@link chainValue}. Both compute what the general closures compute: the same
 * operations on the same numbers in the same order (test/engine/expr-fast.test.ts).
 */
import { indicatorOf } from './expr-fast';
import type { Compiled } from './expr-types';

/** A step with a constant `k` on the value `v`: the operator, and which side the constant stands on. */
export const STEP_CODES: Readonly<Record<string, number>> = { '+': 0, '-': 1, '*': 2, '/': 3, 'k+': 4, 'k-': 5, 'k*': 6, 'k/': 7, neg: 8 };
const DIVIDE = 3;

/** `v op k` (codes 0-3), `k op v` (4-7) or `-v` (8), as the general closures compute them (`/` rounds toward zero, and by zero gives 0). */
export function step(code: number, k: number, v: number): number {
  switch (code) {
    case 0:
      return v + k;
    case 1:
      return v - k;
    case 2:
      return v * k;
    case 3:
      return k === 0 ? 0 : Math.trunc(v / k);
    case 4:
      return k + v;
    case 5:
      return k - v;
    case 6:
      return k * v;
    case 7:
      return v === 0 ? 0 : Math.trunc(k / v);
    default:
      return -v;
  }
}

/** The steps `codes` with the constants `ks` on the value `v`, one after another. */
export function chainValue(v: number, codes: Int32Array, ks: Float64Array): number {
  let x = v;
  for (let i = 0; i < codes.length; i++) x = step(codes[i] as number, ks[i] as number, x);
  return x;
}

/** The closure of the chain on the indicator `name` at position `slot`. */
export function chainClosure(name: string, slot: number, codes: Int32Array, ks: Float64Array): Compiled {
  const [k0 = 0, k1 = 0, k2 = 0] = ks;
  // A division by a constant zero gives 0 whatever it divides: left to the loop, as rare as it is.
  const byZero = codes.some((code, i) => code === DIVIDE && ks[i] === 0);
  switch (byZero ? 'by zero' : codes.join(' ')) {
    case '':
      return (c) => indicatorOf(c, name, slot);
    case '0': // trust + 10
      return (c) => indicatorOf(c, name, slot) + k0;
    case '1': // trust - 10
      return (c) => indicatorOf(c, name, slot) - k0;
    case '3': // trust / 2
      return (c) => Math.trunc(indicatorOf(c, name, slot) / k0);
    case '5': // 100 - trust
      return (c) => k0 - indicatorOf(c, name, slot);
    case '3 4': // 10 + trust / 5
      return (c) => k1 + Math.trunc(indicatorOf(c, name, slot) / k0);
    case '3 5': // 60 - trust / 2
      return (c) => k1 - Math.trunc(indicatorOf(c, name, slot) / k0);
    case '5 3 4': // 4 + (100 - trust) / 10
      return (c) => k2 + Math.trunc((k0 - indicatorOf(c, name, slot)) / k1);
    default:
      return (c) => chainValue(indicatorOf(c, name, slot), codes, ks);
  }
}
