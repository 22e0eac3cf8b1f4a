import { describe, expect, it } from 'vitest';
import { closest, compileExpr, type EvalContext, type ExprEnv, editDistance, type ValueType } from '../../src/engine/format/expr';

const env: ExprEnv = {
  indicators: ['trust', 'escalation', 'harm'],
  flags: ['evidence_public', 'hotline_up'],
  options: { us: ['request_help', 'indict'], cn: ['deny', 'cooperate'] },
  rungs: ['quiet_diplomacy', 'formal_request', 'public_attribution', 'indictment'],
  outcomes: { us: ['picked_up', 'rang_out'], cn: [] },
};

const ctx: EvalContext = {
  indicators: { trust: 40, escalation: 25, harm: -7 },
  flags: { evidence_public: true, hotline_up: false },
  turn: 5,
  rung: { us: 2, cn: 1 },
  chose: { us: 'indict', cn: null },
  hotline: { calls: 3, answered: 1, unanswered: 2 },
  ledger: [
    { from: 'us', to: 'cn', dueTurn: 3, status: 'open', answeredTurn: null, quality: null },
    { from: 'us', to: 'cn', dueTurn: 9, status: 'open', answeredTurn: null, quality: null },
    { from: 'us', to: 'cn', dueTurn: 2, status: 'late', answeredTurn: 4, quality: 'token' },
    { from: 'cn', to: 'us', dueTurn: 4, status: 'on_time', answeredTurn: 3, quality: 'full' },
    { from: 'cn', to: 'us', dueTurn: 1, status: 'never', answeredTurn: null, quality: null },
  ],
  outcome: { us: 'rang_out', cn: null },
};

const value = (source: string | number | boolean, want: ValueType): number => {
  const r = compileExpr(source, want, env);
  if (!r.ok) throw new Error(`${String(source)}: ${r.error.code} ${r.error.message}`);
  return r.fn(ctx);
};

describe('expressions: values', () => {
  const numbers: [string, string | number, number][] = [
    ['a literal', 42, 42],
    ['an indicator', 'trust', 40],
    ['precedence of * over +', '2 + 3 * 4', 14],
    ['parentheses', '(2 + 3) * 4', 20],
    ['left-associative minus', '10 - 4 - 3', 3],
    ['left-associative division', '100 / 10 / 5', 2],
    ['division rounds toward zero (positive)', '7 / 2', 3],
    ['division rounds toward zero (negative)', '-7 / 2', -3],
    ['division of a negative indicator', 'harm / 2', -3],
    ['division by zero is 0', 'trust / 0', 0],
    ['division by an expression that is zero', 'trust / (escalation - 25)', 0],
    ['unary minus binds tighter than *', '-2 * 3', -6],
    ['double negation', '- -5', 5],
    ['a weight from the state', '30 + trust / 2', 50],
    ['turn is the turn being played', 'turn', 5],
    ['rung of each side', 'rung.us * 10 + rung.cn', 21],
    ['ladder.<id> is the rung index', 'ladder.indictment', 3],
    ['hotline counts', 'hotline.calls * 100 + hotline.answered * 10 + hotline.unanswered', 312],
    ['ledger.open.cn', 'ledger.open.cn', 2],
    ['ledger.overdue.cn counts open requests past due', 'ledger.overdue.cn', 1],
    ['ledger.late.cn', 'ledger.late.cn', 1],
    ['ledger.on_time.us', 'ledger.on_time.us', 1],
    ['ledger.never.us', 'ledger.never.us', 1],
    ['ledger.sent.us', 'ledger.sent.us', 3],
    ['if then else on a choice', 'if chose.us.indict then 40 else 10', 40],
    ['if then else, the other branch', 'if chose.cn.deny then 40 else 10', 10],
  ];
  it.each(numbers)('%s: %j = %i', (_name, source, expected) => {
    expect(value(source, 'number')).toBe(expected);
  });

  const conditions: [string, string | boolean, boolean][] = [
    ['a literal', true, true],
    ['a flag', 'evidence_public', true],
    ['an unset flag', 'hotline_up', false],
    ['<', 'trust < 41', true],
    ['<=', 'trust <= 40', true],
    ['>', 'trust > 40', false],
    ['>=', 'trust >= 40', true],
    ['== on numbers', 'trust == 40', true],
    ['!= on numbers', 'trust != 40', false],
    ['== on yes/no values', 'evidence_public == true', true],
    ['not', 'not hotline_up', true],
    ['not binds tighter than and', 'not hotline_up and evidence_public', true],
    ['and binds tighter than or', 'hotline_up and false or true', true],
    ['or of false values', 'hotline_up or false', false],
    ['arithmetic inside a comparison', 'trust - escalation > 10', true],
    ['chose.us.<id>', 'chose.us.indict', true],
    ["outcome.us.<id>: this turn's result", 'outcome.us.rang_out', true],
    ['outcome.us.<id>: another result', 'outcome.us.picked_up', false],
    ["answer.cn.<quality>: China's latest answer was a token", 'answer.cn.token', true],
    ["answer.cn.full: not China's latest", 'answer.cn.full', false],
    ['answer.us.full: the United States answered fully', 'answer.us.full', true],
    ['answer.us.none: it has answered', 'answer.us.none', false],
    ['chose.cn.<id> when cn has not chosen', 'chose.cn.deny', false],
    ['ladder comparison', 'rung.us >= ladder.public_attribution', true],
    ['not not', 'not not evidence_public', true],
  ];
  it.each(conditions)('%s: %j is %s', (_name, source, expected) => {
    expect(value(source, 'boolean')).toBe(expected ? 1 : 0);
  });
});

describe('expressions: errors', () => {
  const errors: [string, string | number | boolean, ValueType, string, number, string | undefined][] = [
    ['a number where a condition is wanted', 'trust', 'boolean', 'expr/type', 0, undefined],
    ['a condition where a number is wanted', 'evidence_public', 'number', 'expr/type', 0, undefined],
    ['a literal number as a condition', 3, 'boolean', 'expr/type', 0, undefined],
    ['a literal boolean as a weight', true, 'number', 'expr/type', 0, undefined],
    ['adding a flag', 'trust + evidence_public', 'number', 'expr/type', 8, undefined],
    ['not of a number', 'not trust', 'boolean', 'expr/type', 4, undefined],
    ['and of a number', 'trust and evidence_public', 'boolean', 'expr/type', 0, undefined],
    ['comparing a number with a flag', 'trust == evidence_public', 'boolean', 'expr/type', 6, undefined],
    ['a chained comparison', '1 < trust < 50', 'boolean', 'expr/syntax', 10, undefined],
    ['&& instead of and', 'evidence_public && hotline_up', 'boolean', 'expr/syntax', 16, undefined],
    ['= instead of ==', 'trust = 4', 'number', 'expr/syntax', 6, undefined],
    ['a missing parenthesis', '(trust + 1', 'number', 'expr/syntax', 10, undefined],
    ['an expression that ends too soon', 'trust +', 'number', 'expr/syntax', 7, undefined],
    ['too many digits', '12345678', 'number', 'expr/syntax', 0, undefined],
    ['a keyword out of place', 'and', 'boolean', 'expr/syntax', 0, undefined],
    ['an unknown indicator, with did-you-mean', 'trusst + 1', 'number', 'expr/unknown-name', 0, 'trust'],
    ['an unknown flag, with did-you-mean', 'evidence_publc', 'boolean', 'expr/unknown-name', 0, 'evidence_public'],
    ['an unknown rung, with did-you-mean', 'ladder.indictmnt', 'number', 'expr/unknown-name', 0, 'indictment'],
    ['a result not known yet (China resolves second here)', 'outcome.cn.deny', 'boolean', 'expr/too-early', 0, undefined],
    ['an unknown result, with did-you-mean', 'outcome.us.picked_upp', 'boolean', 'expr/unknown-name', 0, 'picked_up'],
    ['an unknown option, with did-you-mean', 'chose.cn.denny', 'boolean', 'expr/unknown-name', 0, 'deny'],
    ['an option of the other side', 'chose.us.deny', 'boolean', 'expr/unknown-name', 0, undefined],
    ['a misspelt built-in', 'ledger.overdu.cn', 'number', 'expr/unknown-name', 0, 'ledger.overdue.cn'],
    ['a name nowhere near any other', 'zzzzzzzzzz', 'number', 'expr/unknown-name', 0, undefined],
  ];
  it.each(errors)('%s: %j gives %s', (_name, source, want, code, offset, suggestion) => {
    const r = compileExpr(source, want as ValueType, env);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.offset).toBe(offset);
    expect(r.error.suggestion).toBe(suggestion);
    expect(r.error.message.length).toBeGreaterThan(10);
  });
});

describe('expressions: constants and helpers', () => {
  it('folds constant expressions so checks can see literal weights', () => {
    const r = compileExpr('2 * (3 + 4) - 10 / 3', 'number', env);
    expect(r.ok && r.constant).toBe(11);
    const s = compileExpr('trust + 1', 'number', env);
    expect(s.ok && s.constant).toBeNull();
  });

  it('evaluates with no access to anything the context does not name', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'process', 'globalThis']) {
      const r = compileExpr(name, 'number', env);
      expect(r.ok ? 'compiled' : r.error.code).toBe('expr/unknown-name');
    }
  });

  const distances: [string, string, number][] = [
    ['', '', 0],
    ['trust', 'trust', 0],
    ['trust', 'trusst', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ];
  it.each(distances)('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('closest breaks ties by code-unit order, whatever the candidates order', () => {
    expect(closest('cat', ['cbt', 'cas', 'bat'])).toBe('bat');
    expect(closest('cat', ['bat', 'cas', 'cbt'])).toBe('bat');
    expect(closest('cat', ['elephant'])).toBeUndefined();
  });
});
