/**
 * The small, safe expression language of scenario files: conditions (`trust >= 40 and not
 * evidence_public`) and whole-number weights and scores (`30 + trust / 2`).
 *
 * Expressions are parsed once, type-checked (numbers against yes/no values) and compiled to plain
 * closures over an {@link EvalContext}. Nothing is ever evaluated as code: there is no `eval`, no
 * `Function`, and no way for a file to reach a property the language does not name.
 *
 * Grammar (lowest precedence first):
 *   or   := and ('or' and)*        and := not ('and' not)*       not := 'not' not | cmp
 *   cmp  := sum (('<'|'<='|'>'|'>='|'=='|'!=') sum)?
 *   sum  := term (('+'|'-') term)*  term := unary (('*'|'/') unary)*
 *   unary:= '-' unary | atom        atom := INT | 'true' | 'false' | NAME ('.' NAME)* | '(' or ')' | if
 *   if   := 'if' or 'then' or 'else' or     (both branches of one type: `if chose.us.indict then 40 else 10`)
 * Arithmetic is on whole numbers; `/` rounds toward zero and dividing by zero gives 0.
 */

import { compareWith, flagAtom, flagRead, indicatorAtom, indicatorRead, notFlag } from './expr-fast';
import { ExprFailure, fail, type Token, tokenize, WORDS } from './expr-lex';
import { arith, BUILT_IN_NAMES, bool, countOverdue, countSent, countStatus, expectType, fold, latestAnswer, ledgerSlot, logic, type Node, termNode, termOf, tokenText } from './expr-nodes';
import { Term } from './expr-terms';
import type { Compiled, CompileResult, ExprEnv, ExprError, ValueType } from './expr-types';
import { interned } from './interned';
import { closest } from './names';

export type { Compiled, CompileResult, EvalContext, ExprEnv, ExprError, LedgerView, ValueType } from './expr-types';
export { closest, editDistance } from './names';

// Reads by a property named in the code, not by a key held in a variable: a keyed read that sees
// several names is many times slower, and these run on every turn of every simulated run.
const HOTLINE_READS: Readonly<Record<'calls' | 'answered' | 'unanswered', Compiled>> = {
  calls: (c) => c.hotline.calls,
  answered: (c) => c.hotline.answered,
  unanswered: (c) => c.hotline.unanswered,
};

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly env: ExprEnv,
  ) {}

  parse(): Node {
    const node = this.or();
    const t = this.peek();
    if (t.kind !== 'end') fail(t.at, 'expr/syntax', `unexpected "${tokenText(t)}"`);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.pos] as Token;
  }
  private next(): Token {
    return this.tokens[this.pos++] as Token;
  }
  private isWord(w: string): boolean {
    const t = this.peek();
    return t.kind === 'name' && t.value === w;
  }
  private isOp(o: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === o;
  }

  private or(): Node {
    let left = this.and();
    while (this.isWord('or')) {
      const at = this.next().at;
      const right = this.and();
      left = logic(left, right, at, 'or');
    }
    return left;
  }
  private and(): Node {
    let left = this.not();
    while (this.isWord('and')) {
      const at = this.next().at;
      const right = this.not();
      left = logic(left, right, at, 'and');
    }
    return left;
  }
  private not(): Node {
    if (this.isWord('not')) {
      const at = this.next().at;
      const inner = this.not();
      expectType(inner, 'boolean', '"not"');
      const { fn: f, read } = inner;
      if (read?.kind === 'flag') return { type: 'boolean', fn: notFlag(read) as Compiled, constant: null, at, atoms: [flagAtom(read.name, read.slot, false)] };
      return fold({ type: 'boolean', fn: (c) => bool(f(c) === 0), constant: null, at });
    }
    return this.cmp();
  }
  private cmp(): Node {
    const left = this.sum();
    const t = this.peek();
    if (t.kind === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(t.value)) {
      this.next();
      const right = this.sum();
      const op = t.value;
      if (op === '==' || op === '!=') {
        if (left.type !== right.type) fail(t.at, 'expr/type', `"${op}" compares two numbers or two yes/no values, not one of each`);
      } else {
        expectType(left, 'number', `"${op}"`);
        expectType(right, 'number', `"${op}"`);
      }
      const a = left.fn;
      const b = right.fn;
      const fn: Compiled =
        right.constant !== null
          ? compareWith(a, left.read, op, right.constant)
          : op === '<'
            ? (c) => bool(a(c) < b(c))
            : op === '<='
              ? (c) => bool(a(c) <= b(c))
              : op === '>'
                ? (c) => bool(a(c) > b(c))
                : op === '>='
                  ? (c) => bool(a(c) >= b(c))
                  : op === '=='
                    ? (c) => bool(a(c) === b(c))
                    : (c) => bool(a(c) !== b(c));
      if (this.peek().kind === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes((this.peek() as { value: string }).value)) {
        fail(this.peek().at, 'expr/syntax', 'comparisons cannot be chained: write "a < b and b < c"');
      }
      // Against a constant, a term a parent takes in whole (`if trust >= 40 then 20 else 5` is one call).
      const term = right.constant !== null && left.constant === null && left.term !== undefined ? Term.compare(left.term, op, right.constant) : undefined;
      const atom = right.constant !== null && left.read?.kind === 'indicator' ? indicatorAtom(left.read.name, left.read.slot, op, right.constant) : null;
      if (term !== undefined) return { type: 'boolean', fn: left.read?.kind === 'indicator' ? fn : term.compiled(), constant: null, at: t.at, term, ...(atom !== null ? { atoms: [atom] } : {}) };
      return fold({ type: 'boolean', fn, constant: null, at: t.at }, left, right);
    }
    return left;
  }
  private sum(): Node {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const t = this.next() as { value: string; at: number };
      const right = this.term();
      left = arith(left, right, t.value, t.at);
    }
    return left;
  }
  private term(): Node {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const t = this.next() as { value: string; at: number };
      const right = this.unary();
      left = arith(left, right, t.value, t.at);
    }
    return left;
  }
  private unary(): Node {
    if (this.isOp('-')) {
      const at = this.next().at;
      const inner = this.unary();
      expectType(inner, 'number', '"-"');
      if (inner.term?.takesConstant() === true) return termNode('number', inner.term.withConstant('neg', 0, false), at);
      const f = inner.fn;
      return fold({ type: 'number', fn: (c) => -f(c), constant: null, at }, inner);
    }
    return this.atom();
  }
  private atom(): Node {
    const t = this.next();
    if (t.kind === 'num') return { type: 'number', fn: () => t.value, constant: t.value, at: t.at };
    if (t.kind === 'op' && t.value === '(') {
      const inner = this.or();
      if (!this.isOp(')')) fail(this.peek().at, 'expr/syntax', 'missing ")"');
      this.next();
      return inner;
    }
    if (t.kind === 'name' && t.value === 'if') return this.conditional(t.at);
    if (t.kind === 'name') return this.name(t.value, t.at);
    fail(t.at, 'expr/syntax', t.kind === 'end' ? 'the expression ends too soon' : `unexpected "${tokenText(t)}"`);
  }

  private conditional(at: number): Node {
    const cond = this.or();
    expectType(cond, 'boolean', '"if"');
    if (!this.isWord('then')) fail(this.peek().at, 'expr/syntax', '"if" needs "then" and "else"');
    this.next();
    const yes = this.or();
    if (!this.isWord('else')) fail(this.peek().at, 'expr/syntax', '"if … then" needs "else"');
    const elseAt = this.next().at;
    const no = this.or();
    if (yes.type !== no.type) fail(elseAt, 'expr/type', 'both branches of "if" must be numbers, or both yes/no values');
    if (cond.constant === null && yes.constant !== null && no.constant !== null) return termNode(yes.type, Term.pick(termOf(cond), yes.constant, no.constant), at);
    const c = cond.fn;
    const a = yes.fn;
    const b = no.fn;
    return fold({ type: yes.type, fn: (ctx) => (c(ctx) !== 0 ? a(ctx) : b(ctx)), constant: null, at }, cond, yes, no);
  }

  private name(name: string, at: number): Node {
    if (name === 'true' || name === 'false') {
      const v = name === 'true' ? 1 : 0;
      return { type: 'boolean', fn: () => v, constant: v, at };
    }
    if (WORDS.has(name)) fail(at, 'expr/syntax', `"${name}" cannot stand here`);
    const env = this.env;
    const slot = env.indicators.indexOf(name);
    if (slot >= 0) return { type: 'number', fn: indicatorRead(name, slot), constant: null, at, read: { kind: 'indicator', name, slot }, term: Term.indicator(name, slot) };
    const flag = env.flags.indexOf(name);
    if (flag >= 0) return { type: 'boolean', fn: flagRead(name, flag), constant: null, at, read: { kind: 'flag', name, slot: flag }, term: Term.flag(name, flag), atoms: [flagAtom(name, flag, true)] };
    if (name === 'turn') return { type: 'number', fn: (c) => c.turn, constant: null, at };
    const parts = name.split('.');
    const [head, a, b] = parts;
    if (head === 'rung' && parts.length === 2 && (a === 'us' || a === 'cn')) {
      return { type: 'number', fn: a === 'us' ? (c) => c.rung.us : (c) => c.rung.cn, constant: null, at };
    }
    if (head === 'ladder' && parts.length === 2 && a !== undefined) {
      const index = env.rungs.indexOf(a);
      if (index < 0) fail(at, 'expr/unknown-name', `no rung "${a}" on the ladder`, closest(a, env.rungs));
      return { type: 'number', fn: () => index, constant: index, at };
    }
    if (head === 'chose' && parts.length === 3 && (a === 'us' || a === 'cn') && b !== undefined) {
      if (!env.options[a].includes(b)) fail(at, 'expr/unknown-name', `no option "${b}" for ${a} in this scenario`, closest(b, env.options[a]));
      const id = interned(b);
      return { type: 'boolean', fn: a === 'us' ? (c) => bool(c.chose.us === id) : (c) => bool(c.chose.cn === id), constant: null, at, term: Term.match(0, a, id) };
    }
    if (head === 'hotline' && parts.length === 2 && (a === 'calls' || a === 'answered' || a === 'unanswered')) {
      return { type: 'number', fn: HOTLINE_READS[a], constant: null, at };
    }
    if (head === 'ledger' && parts.length === 3 && (b === 'us' || b === 'cn')) {
      const side = b === 'us' ? 'us' : 'cn'; // the literal, compared with the entries' sides by reference (see interned.ts)
      if (a === 'open' || a === 'on_time' || a === 'late' || a === 'never') {
        const status = a;
        const slot = ledgerSlot(status, side);
        return { type: 'number', fn: (c) => countStatus(c, side, status, slot), constant: null, at, read: { kind: 'count', name: '', slot } };
      }
      if (a === 'overdue') {
        const open = ledgerSlot('open', side);
        return { type: 'number', fn: (c) => countOverdue(c, side, open), constant: null, at };
      }
      if (a === 'sent') {
        const slot = ledgerSlot('sent', side);
        return { type: 'number', fn: (c) => countSent(c, side, slot), constant: null, at, read: { kind: 'count', name: '', slot } };
      }
    }
    if (head === 'outcome' && parts.length === 3 && (a === 'us' || a === 'cn') && b !== undefined) {
      const readable = env.outcomes?.[a] ?? [];
      if (readable.length === 0) {
        fail(
          at,
          'expr/too-early',
          `"${name}" reads the ${a === 'us' ? "United States'" : 'Chinese'} result of this turn, which is not known here: only the side resolving second (its outcome weights) and outcome texts may read it`,
        );
      }
      if (!readable.includes(b)) fail(at, 'expr/unknown-name', `no outcome "${b}" for ${a} in this beat`, closest(b, readable));
      const id = interned(b);
      return { type: 'boolean', fn: a === 'us' ? (c) => bool(c.outcome.us === id) : (c) => bool(c.outcome.cn === id), constant: null, at, term: Term.match(1, a, id) };
    }
    if (head === 'answer' && parts.length === 3 && (a === 'us' || a === 'cn') && (b === 'full' || b === 'partial' || b === 'token' || b === 'none')) {
      const side = a === 'us' ? 'us' : 'cn';
      const quality = b;
      return { type: 'boolean', fn: (c) => bool(latestAnswer(c, side) === quality), constant: null, at };
    }
    const known = [...env.indicators, ...env.flags, ...BUILT_IN_NAMES];
    fail(at, 'expr/unknown-name', `unknown name "${name}": not an indicator, a flag or a built-in`, closest(name, known));
  }
}

/** An expression whose value is `v` in every state, marked so that a caller may skip calling it. */
const constantFn = (v: number): Compiled => Object.assign(() => v, { constant: v });

/**
 * Compiles an expression (a whole number, a boolean, or expression text) and checks it yields `want`.
 * Never throws: a problem comes back as an {@link ExprError} with its offset in the text.
 */
export function compileExpr(source: number | boolean | string, want: ValueType, env: ExprEnv): CompileResult {
  if (typeof source === 'number') {
    if (want !== 'number') return { ok: false, error: { offset: 0, code: 'expr/type', message: 'a condition must be yes/no (true, false, a flag or a comparison), not a number' } };
    return { ok: true, fn: constantFn(source), type: 'number', constant: source };
  }
  if (typeof source === 'boolean') {
    if (want !== 'boolean') return { ok: false, error: { offset: 0, code: 'expr/type', message: 'a weight or score must be a number, not true/false' } };
    const v = source ? 1 : 0;
    return { ok: true, fn: constantFn(v), type: 'boolean', constant: v };
  }
  try {
    const node = new Parser(tokenize(source), env).parse();
    if (node.type !== want) {
      return {
        ok: false,
        error: {
          offset: 0,
          code: 'expr/type',
          message:
            want === 'boolean' ? 'a condition must be yes/no (a flag or a comparison such as "trust >= 40"), and this is a number' : 'a weight or score must be a number, and this is a yes/no value',
        },
      };
    }
    return { ok: true, fn: node.constant === null ? node.fn : constantFn(node.constant), type: node.type, constant: node.constant };
  } catch (e) {
    if (e instanceof ExprFailure) return { ok: false, error: e.info };
    throw e;
  }
}
