/**
 * Terms: the commonest shapes of expression written as data, so that a compiled expression of these
 * shapes is a single closure call. A tree of closures makes one call per node, and every call of a
 * closure that many expressions share is an indirect call the engine cannot inline; the simulator
 * makes millions of them a second. The commonest shapes get closures of their own ({@link Term.compiled});
 * the rest are computed by one plain function, {@link termValue}.
 *
 * The shapes, from the scenarios' weights and conditions:
 * - an indicator put through whole-number steps with constants (`15 + trust / 5`, `4 + (100 - face) / 10`);
 * - a choice between two constants (`if chose.cn.open_file then 100 else 60`), with a constant added to
 *   or taken from it folded into both branches;
 * - a choice or outcome test, or several of them joined by `or` (`chose.us.indict or outcome.cn.denied`);
 * - a flag; a term compared with a constant; a sum or difference of terms, left to right.
 *
 * Every shape computes exactly what the general closures compute: the same operations on the same
 * numbers in the same order (a branch's constant steps are taken once, when compiling, and give the
 * same double). test/engine/expr-fast.test.ts holds the two to the same values.
 */
import { chainClosure, chainValue, STEP_CODES, step } from './expr-chains';
import { flagOf, indicatorOf } from './expr-fast';
import type { Compiled, EvalContext } from './expr-types';

const CHAIN = 0;
const PICK = 1;
const SUM = 2;
const MATCH = 3;
const FLAG = 4;
const CMP = 5;
const CALL = 6;

const CMP_CODES: Readonly<Record<string, number>> = { '<': 0, '<=': 1, '>': 2, '>=': 3, '==': 4, '!=': 5 };

/** One shape, every field present (one object shape for every term, so that reading them stays fast). */
export class Term {
  private constructor(
    readonly kind: number,
    /** CHAIN and FLAG: the name and position read. */
    readonly name: string,
    readonly slot: number,
    /** CHAIN: the steps' codes and constants; CMP: the comparison's code in `codes[0]` and constant in `ks[0]`; SUM: 1 to add a part, -1 to take it. */
    readonly codes: Int32Array,
    readonly ks: Float64Array,
    /** PICK: the condition; CMP: the term compared. */
    readonly inner: Term | null,
    /** PICK: the values when the condition holds and when not. */
    readonly yes: number,
    readonly no: number,
    /** SUM: the parts, left to right. */
    readonly parts: readonly Term[],
    /** MATCH: per test, 0 for `chose`, 1 for `outcome`; 0 for the United States, 1 for China; the id. */
    readonly fields: Int32Array,
    readonly sides: Int32Array,
    readonly ids: readonly string[],
    /** CALL: the closure called. */
    readonly fn: Compiled | null,
  ) {}

  private static make(kind: number, parts: Partial<Omit<Term, 'kind'>>): Term {
    const none = new Int32Array(0);
    return new Term(
      kind,
      parts.name ?? '',
      parts.slot ?? 0,
      parts.codes ?? none,
      parts.ks ?? new Float64Array(0),
      parts.inner ?? null,
      parts.yes ?? 0,
      parts.no ?? 0,
      parts.parts ?? [],
      parts.fields ?? none,
      parts.sides ?? none,
      parts.ids ?? [],
      parts.fn ?? null,
    );
  }

  static indicator(name: string, slot: number): Term {
    return Term.make(CHAIN, { name, slot });
  }
  static flag(name: string, slot: number): Term {
    return Term.make(FLAG, { name, slot });
  }
  static call(fn: Compiled): Term {
    return Term.make(CALL, { fn });
  }
  /** `chose.<side>.<id>` (field 0) or `outcome.<side>.<id>` (field 1). */
  static match(field: 0 | 1, side: 'us' | 'cn', id: string): Term {
    return Term.make(MATCH, { fields: Int32Array.of(field), sides: Int32Array.of(side === 'us' ? 0 : 1), ids: [id] });
  }
  /** `if cond then yes else no`, for constant branches. */
  static pick(cond: Term, yes: number, no: number): Term {
    return Term.make(PICK, { inner: cond, yes, no });
  }
  /** `t op k` for a constant `k`. */
  static compare(t: Term, op: string, k: number): Term {
    return Term.make(CMP, { inner: t, codes: Int32Array.of(CMP_CODES[op] ?? 5), ks: Float64Array.of(k) });
  }

  /** Whether `this` joined with a constant by `op` (+ - * /) is a term: a chain or a pick. */
  takesConstant(): boolean {
    return this.kind === CHAIN || this.kind === PICK;
  }

  /** `this op k` (`kFirst`: `k op this`), or `-this` for op `neg`; only when {@link takesConstant}. */
  withConstant(op: string, k: number, kFirst: boolean): Term {
    const code = STEP_CODES[op === 'neg' ? op : kFirst ? `k${op}` : op] as number;
    if (this.kind === PICK) return Term.pick(this.inner as Term, step(code, k, this.yes), step(code, k, this.no));
    return Term.make(CHAIN, { name: this.name, slot: this.slot, codes: Int32Array.from([...this.codes, code]), ks: Float64Array.from([...this.ks, k]) });
  }

  /** `this + t` or `this - t`, a sum read left to right (a sum on the right is one part: `a - (b + c)`). */
  plus(t: Term, sign: 1 | -1): Term {
    const left = this.kind === SUM ? this : Term.make(SUM, { parts: [this], codes: Int32Array.of(1) });
    return Term.make(SUM, { parts: [...left.parts, t], codes: Int32Array.from([...left.codes, sign]) });
  }

  /** `this or t`, when both test choices or outcomes. */
  or(t: Term): Term | null {
    if (this.kind !== MATCH || t.kind !== MATCH) return null;
    return Term.make(MATCH, { fields: Int32Array.from([...this.fields, ...t.fields]), sides: Int32Array.from([...this.sides, ...t.sides]), ids: [...this.ids, ...t.ids] });
  }

  /**
   * The closure that computes this term: one call. The commonest shapes (a chain, a choice or outcome
   * test, a pick on one or on a flag) are closures of their own, with nothing to dispatch on: the
   * branches of {@link termValue} on the kind of term are ones the processor cannot foresee when the
   * terms computed one after another differ (see expr-chains.ts).
   */
  compiled(): Compiled {
    const { kind } = this;
    if (kind === CALL) return this.fn as Compiled;
    if (kind === CHAIN) return chainClosure(this.name, this.slot, this.codes, this.ks);
    if (kind === MATCH) return matchClosure(this, 1, 0);
    const inner = this.inner;
    if (kind === PICK && inner !== null && inner.kind === MATCH) return matchClosure(inner, this.yes, this.no);
    if (kind === PICK && inner !== null && inner.kind === CALL) {
      const f = inner.fn as Compiled;
      const { yes, no } = this;
      return (c) => (f(c) !== 0 ? yes : no);
    }
    if (kind === PICK && inner !== null && inner.kind === FLAG) {
      const { name, slot } = inner;
      const { yes, no } = this;
      return (c) => (flagOf(c, name, slot) !== 0 ? yes : no);
    }
    if (kind === SUM)
      return sumClosure(
        this.parts.map((p) => p.compiled()),
        this.codes,
      );
    return (c) => termValue(c, this);
  }
}

/**
 * The sum of the parts' closures, left to right; `signs[i]` 1 to add part i, -1 to take it away. `v - x`
 * is `v + -1 * x` exactly (negating and multiplying by one are exact, and subtraction is the addition
 * of the negation), so a sum is the same double either way, with no branch on the sign.
 */
function sumClosure(fs: readonly Compiled[], signs: Int32Array): Compiled {
  const [f0, f1, f2] = fs as [Compiled, Compiled, Compiled | undefined];
  const s1 = signs[1] as number;
  if (fs.length === 2) return (c) => f0(c) + s1 * f1(c);
  const s2 = signs[2] as number;
  if (fs.length === 3 && f2 !== undefined) return (c) => f0(c) + s1 * f1(c) + s2 * f2(c);
  return (c) => {
    let v = f0(c);
    for (let i = 1; i < fs.length; i++) v += (signs[i] as number) * (fs[i] as Compiled)(c);
    return v;
  };
}

/** `yes` when the test `t` (a MATCH) holds, else `no`; a single test written out. */
function matchClosure(t: Term, yes: number, no: number): Compiled {
  if (t.ids.length > 1) return sameRecordClosure(t, yes, no) ?? ((c) => (termValue(c, t) !== 0 ? yes : no));
  const id = t.ids[0] as string;
  const us = t.sides[0] === 0;
  if (t.fields[0] === 0) return us ? (c) => (c.chose.us === id ? yes : no) : (c) => (c.chose.cn === id ? yes : no);
  return us ? (c) => (c.outcome.us === id ? yes : no) : (c) => (c.outcome.cn === id ? yes : no);
}

/**
 * `yes` when one of the tests `t` (a MATCH of several) holds, when all read one side's choice or outcome
 * (`outcome.us.a or outcome.us.b`), else null: one read and a comparison per id, two ids written out.
 */
function sameRecordClosure(t: Term, yes: number, no: number): Compiled | null {
  const { fields, sides, ids } = t;
  if (!fields.every((f) => f === fields[0]) || !sides.every((s) => s === sides[0])) return null;
  const which = (fields[0] as number) * 2 + (sides[0] as number);
  const [a, b] = ids as [string, string];
  if (ids.length === 2) {
    if (which === 0) return (c) => (c.chose.us === a || c.chose.us === b ? yes : no);
    if (which === 1) return (c) => (c.chose.cn === a || c.chose.cn === b ? yes : no);
    if (which === 2) return (c) => (c.outcome.us === a || c.outcome.us === b ? yes : no);
    return (c) => (c.outcome.cn === a || c.outcome.cn === b ? yes : no);
  }
  const read = (c: EvalContext): string | null => (which === 0 ? c.chose.us : which === 1 ? c.chose.cn : which === 2 ? c.outcome.us : c.outcome.cn);
  return (c) => {
    const v = read(c);
    for (let i = 0; i < ids.length; i++) if (ids[i] === v) return yes;
    return no;
  };
}

/** The value of `t` on `c`. */
export function termValue(c: EvalContext, t: Term): number {
  switch (t.kind) {
    case CHAIN:
      return chainValue(indicatorOf(c, t.name, t.slot), t.codes, t.ks);
    case PICK:
      return termValue(c, t.inner as Term) !== 0 ? t.yes : t.no;
    case SUM: {
      const { parts, codes } = t;
      let v = termValue(c, parts[0] as Term);
      for (let i = 1; i < parts.length; i++) v = codes[i] === 1 ? v + termValue(c, parts[i] as Term) : v - termValue(c, parts[i] as Term);
      return v;
    }
    case MATCH: {
      const { fields, sides, ids } = t;
      for (let i = 0; i < ids.length; i++) {
        const record = fields[i] === 0 ? c.chose : c.outcome;
        if ((sides[i] === 0 ? record.us : record.cn) === ids[i]) return 1;
      }
      return 0;
    }
    case FLAG:
      return flagOf(c, t.name, t.slot);
    case CMP:
      return compared(t.codes[0] as number, termValue(c, t.inner as Term), t.ks[0] as number);
    default:
      return (t.fn as Compiled)(c);
  }
}

function compared(code: number, v: number, k: number): number {
  switch (code) {
    case 0:
      return v < k ? 1 : 0;
    case 1:
      return v <= k ? 1 : 0;
    case 2:
      return v > k ? 1 : 0;
    case 3:
      return v >= k ? 1 : 0;
    case 4:
      return v === k ? 1 : 0;
    default:
      return v !== k ? 1 : 0;
  }
}
