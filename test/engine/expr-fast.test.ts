/**
 * The one-closure shapes (src/engine/format/expr-fast.ts) and the reads by position that the
 * simulator's fast path gives a context: every expression means the same whether the context keeps
 * indicators and flags by name or by position, and the same as the general closures would compute.
 */
import { describe, expect, it } from 'vitest';
import { compileExpr, type EvalContext, type ExprEnv, type ValueType } from '../../src/engine/format/expr';

const env: ExprEnv = {
  indicators: ['trust', 'escalation', 'harm'],
  flags: ['evidence_public', 'hotline_up'],
  options: { us: ['indict'], cn: ['deny'] },
  rungs: ['quiet'],
  outcomes: { us: [], cn: [] },
};

const base = { turn: 5, rung: { us: 2, cn: 1 }, chose: { us: null, cn: null }, hotline: { calls: 3, answered: 1, unanswered: 2 }, ledger: [], outcome: { us: null, cn: null } };

/** The same world twice: by name, and by position (with the names left empty, as the fast path does). */
function worlds(trust: number, escalation: number, harm: number, evidence: boolean, hotline: boolean): [EvalContext, EvalContext] {
  const byName: EvalContext = { ...base, indicators: { trust, escalation, harm }, flags: { evidence_public: evidence, hotline_up: hotline } };
  const byPlace: EvalContext = { ...base, indicators: {}, flags: {}, values: Float64Array.from([trust, escalation, harm]), flagValues: Uint8Array.from([evidence ? 1 : 0, hotline ? 1 : 0]) };
  return [byName, byPlace];
}

const SOURCES: [string, ValueType, (t: number, e: number, h: number, ev: boolean, hl: boolean) => number][] = [
  ['trust >= 40', 'boolean', (t) => (t >= 40 ? 1 : 0)],
  ['trust < 40', 'boolean', (t) => (t < 40 ? 1 : 0)],
  ['harm <= -7', 'boolean', (_t, _e, h) => (h <= -7 ? 1 : 0)],
  ['escalation > 25', 'boolean', (_t, e) => (e > 25 ? 1 : 0)],
  ['escalation == 25', 'boolean', (_t, e) => (e === 25 ? 1 : 0)],
  ['escalation != 25', 'boolean', (_t, e) => (e !== 25 ? 1 : 0)],
  ['not evidence_public', 'boolean', (_t, _e, _h, ev) => (ev ? 0 : 1)],
  ['not not hotline_up', 'boolean', (_t, _e, _h, _ev, hl) => (hl ? 1 : 0)],
  ['evidence_public == true', 'boolean', (_t, _e, _h, ev) => (ev ? 1 : 0)],
  ['10 + trust / 5', 'number', (t) => 10 + Math.trunc(t / 5)],
  ['60 - trust / 2', 'number', (t) => 60 - Math.trunc(t / 2)],
  ['harm / 3', 'number', (_t, _e, h) => Math.trunc(h / 3)],
  ['harm / 0', 'number', () => 0],
  ['2 * harm - 1', 'number', (_t, _e, h) => 2 * h - 1],
  ['trust * 3 >= escalation + 10', 'boolean', (t, e) => (t * 3 >= e + 10 ? 1 : 0)],
  ['turn >= 4 and not hotline_up', 'boolean', (_t, _e, _h, _ev, hl) => (!hl ? 1 : 0)],
];

describe('expressions by name and by position', () => {
  it('compute the same, and what the expression says, over a grid of worlds', () => {
    for (const [source, want, expected] of SOURCES) {
      const r = compileExpr(source, want, env);
      if (!r.ok) throw new Error(`${source}: ${r.error.message}`);
      for (const t of [-7, 0, 39, 40, 41, 100])
        for (const e of [0, 25, 26])
          for (const h of [-8, -7, 0, 9])
            for (const ev of [false, true])
              for (const hl of [false, true]) {
                const [byName, byPlace] = worlds(t, e, h, ev, hl);
                const want = expected(t, e, h, ev, hl);
                expect([source, r.fn(byName)]).toEqual([source, want]);
                expect([source, r.fn(byPlace)]).toEqual([source, want]);
              }
    }
  });

  it('marks an expression that never changes as constant, and reads a missing indicator as 0 by name', () => {
    const r = compileExpr('3 * 4 + 1', 'number', env);
    expect(r.ok && r.fn.constant).toBe(13);
    const w = compileExpr('trust >= 0', 'boolean', env);
    expect(w.ok && w.fn.constant).toBeUndefined();
    expect(w.ok && w.fn({ ...base, indicators: {}, flags: {} })).toBe(1);
  });
});
