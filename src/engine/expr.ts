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
import type { Side } from './schema';

/** What an expression can read. Built by the engine from the game state. */
export interface EvalContext {
  readonly indicators: Readonly<Record<string, number>>;
  readonly flags: Readonly<Record<string, boolean>>;
  readonly turn: number;
  readonly rung: Readonly<Record<Side, number>>;
  /** The most recent option each side chose (this turn's, once made). */
  readonly chose: Readonly<Record<Side, string | null>>;
  readonly hotline: { readonly calls: number; readonly answered: number; readonly unanswered: number };
  readonly ledger: readonly LedgerView[];
}

export interface LedgerView {
  readonly from: Side;
  readonly to: Side;
  readonly dueTurn: number;
  readonly status: 'open' | 'on_time' | 'late' | 'never';
}

export type ValueType = 'number' | 'boolean';
export type Compiled = (ctx: EvalContext) => number;

/** The names a scenario defines, against which expressions are checked. */
export interface ExprEnv {
  readonly indicators: readonly string[];
  readonly flags: readonly string[];
  readonly options: Readonly<Record<Side, readonly string[]>>;
  readonly rungs: readonly string[];
}

export interface ExprError {
  readonly offset: number;
  readonly message: string;
  readonly code: 'expr/syntax' | 'expr/unknown-name' | 'expr/type';
  readonly suggestion?: string;
}

export type CompileResult =
  | { readonly ok: true; readonly fn: Compiled; readonly type: ValueType; readonly constant: number | null }
  | { readonly ok: false; readonly error: ExprError };

type Token = { kind: 'num'; value: number; at: number } | { kind: 'name'; value: string; at: number } | { kind: 'op'; value: string; at: number } | { kind: 'end'; at: number };

const OPS = ['<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/', '(', ')'];
const WORDS = new Set(['and', 'or', 'not', 'true', 'false', 'if', 'then', 'else']);

class ExprFailure extends Error {
  constructor(readonly info: ExprError) {
    super(info.message);
  }
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < src.length && src.charCodeAt(j) >= 48 && src.charCodeAt(j) <= 57) j++;
      if (j - i > 7) fail(i, 'expr/syntax', 'numbers in expressions have at most 7 digits');
      tokens.push({ kind: 'num', value: Number(src.slice(i, j)), at: i });
      i = j;
      continue;
    }
    if ((c >= 97 && c <= 122) || c === 95 || (c >= 65 && c <= 90)) {
      let j = i;
      while (j < src.length && /[A-Za-z0-9_.]/.test(src.charAt(j))) j++;
      tokens.push({ kind: 'name', value: src.slice(i, j), at: i });
      i = j;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op === undefined) {
      const ch = src.charAt(i);
      const hint = ch === '&' ? ' (write "and")' : ch === '|' ? ' (write "or")' : ch === '!' ? ' (write "not")' : ch === '=' ? ' (compare with "==")' : '';
      fail(i, 'expr/syntax', `unexpected character "${ch}"${hint}`);
    }
    tokens.push({ kind: 'op', value: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', at: src.length });
  return tokens;
}

function fail(offset: number, code: ExprError['code'], message: string, suggestion?: string): never {
  throw new ExprFailure(suggestion === undefined ? { offset, code, message } : { offset, code, message, suggestion });
}

interface Node {
  readonly type: ValueType;
  readonly fn: Compiled;
  readonly constant: number | null;
  readonly at: number;
}

const bool = (b: boolean): number => (b ? 1 : 0);

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
      const f = inner.fn;
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
        op === '<' ? (c) => bool(a(c) < b(c))
        : op === '<=' ? (c) => bool(a(c) <= b(c))
        : op === '>' ? (c) => bool(a(c) > b(c))
        : op === '>=' ? (c) => bool(a(c) >= b(c))
        : op === '==' ? (c) => bool(a(c) === b(c))
        : (c) => bool(a(c) !== b(c));
      if (this.peek().kind === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes((this.peek() as { value: string }).value)) {
        fail(this.peek().at, 'expr/syntax', 'comparisons cannot be chained: write "a < b and b < c"');
      }
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
    if (env.indicators.includes(name)) return { type: 'number', fn: (c) => c.indicators[name] ?? 0, constant: null, at };
    if (env.flags.includes(name)) return { type: 'boolean', fn: (c) => bool(c.flags[name] === true), constant: null, at };
    if (name === 'turn') return { type: 'number', fn: (c) => c.turn, constant: null, at };
    const parts = name.split('.');
    const [head, a, b] = parts;
    if (head === 'rung' && parts.length === 2 && (a === 'us' || a === 'cn')) {
      return { type: 'number', fn: (c) => c.rung[a], constant: null, at };
    }
    if (head === 'ladder' && parts.length === 2 && a !== undefined) {
      const index = env.rungs.indexOf(a);
      if (index < 0) fail(at, 'expr/unknown-name', `no rung "${a}" on the ladder`, closest(a, env.rungs));
      return { type: 'number', fn: () => index, constant: index, at };
    }
    if (head === 'chose' && parts.length === 3 && (a === 'us' || a === 'cn') && b !== undefined) {
      if (!env.options[a].includes(b)) fail(at, 'expr/unknown-name', `no option "${b}" for ${a} in this scenario`, closest(b, env.options[a]));
      return { type: 'boolean', fn: (c) => bool(c.chose[a] === b), constant: null, at };
    }
    if (head === 'hotline' && parts.length === 2 && (a === 'calls' || a === 'answered' || a === 'unanswered')) {
      return { type: 'number', fn: (c) => c.hotline[a], constant: null, at };
    }
    if (head === 'ledger' && parts.length === 3 && (b === 'us' || b === 'cn')) {
      const side = b;
      if (a === 'open' || a === 'on_time' || a === 'late' || a === 'never') {
        const status = a;
        return { type: 'number', fn: (c) => countLedger(c, (e) => e.to === side && e.status === status), constant: null, at };
      }
      if (a === 'overdue') {
        return { type: 'number', fn: (c) => countLedger(c, (e) => e.to === side && e.status === 'open' && e.dueTurn < c.turn), constant: null, at };
      }
      if (a === 'sent') return { type: 'number', fn: (c) => countLedger(c, (e) => e.from === side), constant: null, at };
    }
    const known = [...env.indicators, ...env.flags, 'turn', 'rung.us', 'rung.cn', 'hotline.calls', 'hotline.answered', 'hotline.unanswered', 'ledger.open.us', 'ledger.open.cn', 'ledger.overdue.us', 'ledger.overdue.cn', 'ledger.late.us', 'ledger.late.cn', 'ledger.on_time.us', 'ledger.on_time.cn', 'ledger.never.us', 'ledger.never.cn', 'ledger.sent.us', 'ledger.sent.cn'];
    fail(at, 'expr/unknown-name', `unknown name "${name}": not an indicator, a flag or a built-in`, closest(name, known));
  }
}

function countLedger(c: EvalContext, pred: (e: LedgerView) => boolean): number {
  let n = 0;
  for (const e of c.ledger) if (pred(e)) n++;
  return n;
}

function tokenText(t: Token): string {
  return t.kind === 'end' ? 'end' : String(t.value);
}

function expectType(node: Node, type: ValueType, what: string): void {
  if (node.type !== type) {
    fail(node.at, 'expr/type', type === 'number' ? `${what} needs a number, and this is a yes/no value` : `${what} needs a yes/no value (a flag or a comparison), and this is a number`);
  }
}

function logic(left: Node, right: Node, at: number, op: 'and' | 'or'): Node {
  expectType(left, 'boolean', `"${op}"`);
  expectType(right, 'boolean', `"${op}"`);
  const a = left.fn;
  const b = right.fn;
  const fn: Compiled = op === 'and' ? (c) => bool(a(c) !== 0 && b(c) !== 0) : (c) => bool(a(c) !== 0 || b(c) !== 0);
  return fold({ type: 'boolean', fn, constant: null, at }, left, right);
}

function arith(left: Node, right: Node, op: string, at: number): Node {
  expectType(left, 'number', `"${op}"`);
  expectType(right, 'number', `"${op}"`);
  const a = left.fn;
  const b = right.fn;
  const fn: Compiled =
    op === '+' ? (c) => a(c) + b(c)
    : op === '-' ? (c) => a(c) - b(c)
    : op === '*' ? (c) => a(c) * b(c)
    : (c) => {
        const d = b(c);
        return d === 0 ? 0 : Math.trunc(a(c) / d);
      };
  return fold({ type: 'number', fn, constant: null, at }, left, right);
}

const EMPTY_CONTEXT: EvalContext = {
  indicators: {},
  flags: {},
  turn: 0,
  rung: { us: 0, cn: 0 },
  chose: { us: null, cn: null },
  hotline: { calls: 0, answered: 0, unanswered: 0 },
  ledger: [],
};

/** Folds a node whose parts are all constants into a constant, so that checks can see literal weights. */
function fold(node: Node, ...parts: Node[]): Node {
  if (parts.length > 0 && parts.every((p) => p.constant !== null)) {
    const v = node.fn(EMPTY_CONTEXT);
    return { type: node.type, fn: () => v, constant: v, at: node.at };
  }
  return node;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/** The nearest of `candidates` to `name`, when it is near enough to be a likely typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDistance || (d === bestDistance && best !== undefined && c < best)) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Compiles an expression (a whole number, a boolean, or expression text) and checks it yields `want`.
 * Never throws: a problem comes back as an {@link ExprError} with its offset in the text.
 */
export function compileExpr(source: number | boolean | string, want: ValueType, env: ExprEnv): CompileResult {
  if (typeof source === 'number') {
    if (want !== 'number') return { ok: false, error: { offset: 0, code: 'expr/type', message: 'a condition must be yes/no (true, false, a flag or a comparison), not a number' } };
    return { ok: true, fn: () => source, type: 'number', constant: source };
  }
  if (typeof source === 'boolean') {
    if (want !== 'boolean') return { ok: false, error: { offset: 0, code: 'expr/type', message: 'a weight or score must be a number, not true/false' } };
    const v = source ? 1 : 0;
    return { ok: true, fn: () => v, type: 'boolean', constant: v };
  }
  try {
    const node = new Parser(tokenize(source), env).parse();
    if (node.type !== want) {
      return {
        ok: false,
        error: {
          offset: 0,
          code: 'expr/type',
          message: want === 'boolean' ? 'a condition must be yes/no (a flag or a comparison such as "trust >= 40"), and this is a number' : 'a weight or score must be a number, and this is a yes/no value',
        },
      };
    }
    return { ok: true, fn: node.fn, type: node.type, constant: node.constant };
  } catch (e) {
    if (e instanceof ExprFailure) return { ok: false, error: e.info };
    throw e;
  }
}
