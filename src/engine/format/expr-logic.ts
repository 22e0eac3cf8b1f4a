/**
 * `and` and `or` of tests on flags and indicators, one closure instead of a call per part: `struck and
 * cn_struck`, `named_publicly and intel < 50`, `a and not b and c`. Scenarios test such pairs in
 * endings, injects and conditions every turn (some sixty a run in one), and each part's call is an
 * indirect call. A test is an {@link Atom}: a flag set or clear, or an indicator in a range of numbers,
 * closed at both ends; every comparison with a constant but `!=` is such a range (`x < k` is
 * `x <= k - ulp`, the greatest number below `k`), so a test reads a number and compares it twice, with
 * no branch on the operator. They compute what the general closures compute (test/engine/expr-fast.test.ts).
 */
import { type Atom, flagOf, indicatorOf } from './expr-fast';
import type { Compiled, EvalContext } from './expr-types';

const holds = (c: EvalContext, a: Atom): boolean => {
  const v = a.flag ? flagOf(c, a.name, a.slot) : indicatorOf(c, a.name, a.slot);
  return a.lo <= v && v <= a.hi;
};

/** `x and y` or `x or y` of two tests, as one closure; flag tests written out. */
function joinTwo(x: Atom, y: Atom, and: boolean): Compiled {
  const { name: n1, slot: s1, lo: l1 } = x;
  const { name: n2, slot: s2, lo: l2, hi: h2 } = y;
  if (x.flag && y.flag) {
    if (and) return (c) => (flagOf(c, n1, s1) === l1 && flagOf(c, n2, s2) === l2 ? 1 : 0);
    return (c) => (flagOf(c, n1, s1) === l1 || flagOf(c, n2, s2) === l2 ? 1 : 0);
  }
  if (x.flag) {
    if (and)
      return (c) => {
        if (flagOf(c, n1, s1) !== l1) return 0;
        const v = indicatorOf(c, n2, s2);
        return l2 <= v && v <= h2 ? 1 : 0;
      };
    return (c) => {
      if (flagOf(c, n1, s1) === l1) return 1;
      const v = indicatorOf(c, n2, s2);
      return l2 <= v && v <= h2 ? 1 : 0;
    };
  }
  return and ? (c) => (holds(c, x) && holds(c, y) ? 1 : 0) : (c) => (holds(c, x) || holds(c, y) ? 1 : 0);
}

/** `and` (`and` true) or `or` of the tests `atoms`, left to right, as one closure (the same value: 1 or 0). */
export function joinAtoms(atoms: readonly Atom[], and: boolean): Compiled {
  if (atoms.length === 2) return joinTwo(atoms[0] as Atom, atoms[1] as Atom, and);
  if (and)
    return (c) => {
      for (let i = 0; i < atoms.length; i++) if (!holds(c, atoms[i] as Atom)) return 0;
      return 1;
    };
  return (c) => {
    for (let i = 0; i < atoms.length; i++) if (holds(c, atoms[i] as Atom)) return 1;
    return 0;
  };
}
