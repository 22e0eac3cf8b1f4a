/**
 * The one-closure shapes (src/engine/format/expr-fast.ts) and the reads by position that the
 * simulator's fast path gives a context: every expression means the same whether the context keeps
 * indicators and flags by name or by position, and the same as the general closures would compute.
 */
import { describe, expect, it } from 'vitest';
import { compileExpr, type EvalContext, type ExprEnv, type ValueType } from '../../src/engine/format/expr';
import { LEDGER_SLOTS, ledgerSlot } from '../../src/engine/format/expr-nodes';
import { LEDGER_COUNTS, ledgerCountAt } from '../../src/engine/rules/playout-live';

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
  // The shapes of expr-terms.ts.
  ['15 + trust / 5', 'number', (t) => 15 + Math.trunc(t / 5)],
  ['4 + (100 - trust) / 10', 'number', (t) => 4 + Math.trunc((100 - t) / 10)],
  ['-(trust - 3) * 2', 'number', (t) => -(t - 3) * 2],
  ['100 / harm', 'number', (_t, _e, h) => (h === 0 ? 0 : Math.trunc(100 / h))],
  ['if hotline_up then 30 else 5', 'number', (_t, _e, _h, _ev, hl) => (hl ? 30 : 5)],
  ['10 + (if evidence_public then 20 else 0) - harm / 2', 'number', (_t, _e, h, ev) => 10 + (ev ? 20 : 0) - Math.trunc(h / 2)],
  ['100 - escalation - (if hotline_up then 25 else 0) - (if evidence_public then 10 else 0)', 'number', (_t, e, _h, ev, hl) => 100 - e - (hl ? 25 : 0) - (ev ? 10 : 0)],
  ['if trust >= 40 then 1 else 2', 'number', (t) => (t >= 40 ? 1 : 2)],
  ['trust / 2 + 1 > 20', 'boolean', (t) => (Math.trunc(t / 2) + 1 > 20 ? 1 : 0)],
  ['harm - (trust - escalation)', 'number', (t, e, h) => h - (t - e)],
  ['trust - escalation + harm * 2', 'number', (t, e, h) => t - e + h * 2],
  ['if evidence_public == true then 3 else 4', 'number', (_t, _e, _h, ev) => (ev ? 3 : 4)],
  ['-(if hotline_up then 3 else 4)', 'number', (_t, _e, _h, _ev, hl) => (hl ? -3 : -4)],
  ['7 / (if hotline_up then 0 else 2)', 'number', (_t, _e, _h, _ev, hl) => (hl ? 0 : 3)],
  ['(if hotline_up then 10 else 3) / 0 + trust', 'number', (t) => t],
  ['if (if hotline_up then 1 else 0) + trust > 40 then turn else 0 - turn', 'number', (t, _e, _h, _ev, hl) => ((hl ? 1 : 0) + t > 40 ? 5 : -5)],
  // The chains and sums written out as closures of their own (expr-chains.ts, expr-terms.ts), signed zeros included.
  ['trust + 10', 'number', (t) => t + 10],
  ['trust - 10', 'number', (t) => t - 10],
  ['0 - harm', 'number', (_t, _e, h) => 0 - h],
  ['-harm', 'number', (_t, _e, h) => -h],
  ['harm * 0', 'number', (_t, _e, h) => h * 0],
  ['40 - trust / 2', 'number', (t) => 40 - Math.trunc(t / 2)],
  ['escalation / 0 - 3', 'number', () => -3],
  ['harm - trust + escalation', 'number', (t, e, h) => h - t + e],
  ['harm * 0 - trust * 0', 'number', (t, _e, h) => h * 0 - t * 0],
  ['harm - 10 + trust - escalation - turn', 'number', (t, e, h) => h - 10 + t - e - 5],
  ['(if hotline_up then 0 else 2) - harm * 0 + 0 - trust * 0', 'number', (t, _e, h, _ev, hl) => (hl ? 0 : 2) - h * 0 - t * 0],
  // Tests on flags and indicators joined by "and" or "or", one closure each (expr-logic.ts), at the edges of every comparison.
  ['evidence_public and hotline_up', 'boolean', (_t, _e, _h, ev, hl) => (ev && hl ? 1 : 0)],
  ['evidence_public or not hotline_up', 'boolean', (_t, _e, _h, ev, hl) => (ev || !hl ? 1 : 0)],
  ['not evidence_public and not hotline_up', 'boolean', (_t, _e, _h, ev, hl) => (!ev && !hl ? 1 : 0)],
  ['hotline_up and trust < 40', 'boolean', (t, _e, _h, _ev, hl) => (hl && t < 40 ? 1 : 0)],
  ['not hotline_up or trust <= 40', 'boolean', (t, _e, _h, _ev, hl) => (!hl || t <= 40 ? 1 : 0)],
  ['evidence_public and escalation > 25', 'boolean', (_t, e, _h, ev) => (ev && e > 25 ? 1 : 0)],
  ['evidence_public or escalation >= 26', 'boolean', (_t, e, _h, ev) => (ev || e >= 26 ? 1 : 0)],
  ['hotline_up and escalation == 25', 'boolean', (_t, e, _h, _ev, hl) => (hl && e === 25 ? 1 : 0)],
  ['harm <= -7 and hotline_up', 'boolean', (_t, _e, h, _ev, hl) => (h <= -7 && hl ? 1 : 0)],
  ['harm > -8 or evidence_public', 'boolean', (_t, _e, h, ev) => (h > -8 || ev ? 1 : 0)],
  ['trust >= 40 and escalation < 26', 'boolean', (t, e) => (t >= 40 && e < 26 ? 1 : 0)],
  ['trust < 0 or harm >= 9', 'boolean', (t, _e, h) => (t < 0 || h >= 9 ? 1 : 0)],
  ['trust > 39 and not evidence_public and hotline_up', 'boolean', (t, _e, _h, ev, hl) => (t > 39 && !ev && hl ? 1 : 0)],
  ['evidence_public or hotline_up or harm == 0 or trust < -6', 'boolean', (t, _e, h, ev, hl) => (ev || hl || h === 0 || t < -6 ? 1 : 0)],
  ['evidence_public and hotline_up or trust >= 41', 'boolean', (t, _e, _h, ev, hl) => ((ev && hl) || t >= 41 ? 1 : 0)],
  ['evidence_public and (hotline_up or trust >= 41)', 'boolean', (t, _e, _h, ev, hl) => (ev && (hl || t >= 41) ? 1 : 0)],
  ['escalation != 25 and hotline_up', 'boolean', (_t, e, _h, _ev, hl) => (e !== 25 && hl ? 1 : 0)],
  ['turn >= 5 and evidence_public', 'boolean', (_t, _e, _h, ev) => (ev ? 1 : 0)],
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
                // The same double, a zero's sign included (`toEqual` takes -0 for 0).
                expect([source, Object.is(r.fn(byPlace), want)]).toEqual([source, true]);
              }
    }
  });

  it('reads choices and outcomes alone, joined by "or" and as the condition of a choice between constants', () => {
    const withOutcomes: ExprEnv = { ...env, options: { us: ['indict', 'other'], cn: ['deny', 'admit'] }, outcomes: { us: ['won', 'drew', 'fell'], cn: ['lost', 'held'] } };
    const cases: [string, (us: string | null, cn: string | null, ous: string | null, ocn: string | null) => number][] = [
      ['if chose.cn.deny or chose.us.indict then 100 else 60', (us, cn) => (cn === 'deny' || us === 'indict' ? 100 : 60)],
      ['if outcome.us.won then 1 else 2', (_us, _cn, ous) => (ous === 'won' ? 1 : 2)],
      ['if outcome.cn.lost then 1 else 2', (_us, _cn, _ous, ocn) => (ocn === 'lost' ? 1 : 2)],
      ['if chose.us.indict then 7 else 8', (us) => (us === 'indict' ? 7 : 8)],
      ['if chose.cn.deny then 7 else 8', (_us, cn) => (cn === 'deny' ? 7 : 8)],
      ['chose.us.indict or outcome.cn.lost or chose.cn.deny', (us, cn, _ous, ocn) => (us === 'indict' || ocn === 'lost' || cn === 'deny' ? 1 : 0)],
      ['5 + (if chose.cn.deny then 10 else 0) + trust / 4', (_us, cn) => 5 + (cn === 'deny' ? 10 : 0) + 10],
      ['if chose.us.indict and not outcome.cn.lost then 3 else 4', (us, _cn, _ous, ocn) => (us === 'indict' && ocn !== 'lost' ? 3 : 4)],
      // Several tests of one side's choice or outcome, written out (expr-terms.ts).
      ['if outcome.us.won or outcome.us.drew then 1 else 0', (_us, _cn, ous) => (ous === 'won' || ous === 'drew' ? 1 : 0)],
      ['if outcome.us.won or outcome.us.drew or outcome.us.fell then 0 else 1', (_us, _cn, ous) => (ous === 'won' || ous === 'drew' || ous === 'fell' ? 0 : 1)],
      ['chose.cn.deny or chose.cn.admit', (_us, cn) => (cn === 'deny' || cn === 'admit' ? 1 : 0)],
      ['if chose.us.indict or chose.us.other then 5 else 6', (us) => (us === 'indict' || us === 'other' ? 5 : 6)],
      ['if outcome.cn.held or outcome.cn.lost then 2 else 3', (_us, _cn, _ous, ocn) => (ocn === 'held' || ocn === 'lost' ? 2 : 3)],
      ['if chose.us.other or chose.us.indict or chose.us.other then 1 else 0', (us) => (us === 'indict' || us === 'other' ? 1 : 0)],
    ];
    for (const [source, expected] of cases) {
      const r = compileExpr(source, source.startsWith('chose') ? 'boolean' : 'number', withOutcomes);
      if (!r.ok) throw new Error(`${source}: ${r.error.message}`);
      for (const us of [null, 'indict', 'other'])
        for (const cn of [null, 'deny', 'admit'])
          for (const ous of [null, 'won', 'drew', 'fell'])
            for (const ocn of [null, 'lost', 'held']) {
              const [byName, byPlace] = worlds(40, 0, 0, false, false);
              const moves = { chose: { us, cn }, outcome: { us: ous, cn: ocn } };
              const want = expected(us, cn, ous, ocn);
              expect([source, r.fn({ ...byName, ...moves })]).toEqual([source, want]);
              expect([source, r.fn({ ...byPlace, ...moves })]).toEqual([source, want]);
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

describe('joined tests at the numbers nearest their constants', () => {
  it('an indicator just below, at and just above the constant, and at the infinities', () => {
    // The numbers next to k on either side (one step of its bits), beside k, halves and the infinities.
    const beside = (k: number, d: bigint): number => {
      if (k === 0) return d > 0n ? Number.MIN_VALUE : -Number.MIN_VALUE;
      const bits = new Float64Array([k]);
      const word = new BigInt64Array(bits.buffer);
      word[0] = (word[0] as bigint) + d;
      return bits[0] as number;
    };
    const near = (k: number): number[] => [k, beside(k, 1n), beside(k, -1n), k - 0.5, k + 0.5, -Infinity, Infinity, Number.NaN];
    for (const k of [40, -7, 0, 1])
      for (const op of ['<', '<=', '>', '>=', '=='] as const) {
        const r = compileExpr(`hotline_up and trust ${op} ${k}`, 'boolean', env);
        if (!r.ok) throw new Error(r.error.message);
        for (const t of near(k)) {
          const [byName, byPlace] = worlds(t, 0, 0, false, true);
          const want = op === '<' ? t < k : op === '<=' ? t <= k : op === '>' ? t > k : op === '>=' ? t >= k : t === k;
          expect([k, op, t, r.fn(byPlace), r.fn(byName)]).toEqual([k, op, t, want ? 1 : 0, want ? 1 : 0]);
        }
      }
  });
});

describe('the ledger read by its counts (the simulator keeps them beside its ledger)', () => {
  const entries: EvalContext['ledger'] = [
    { from: 'us', to: 'cn', dueTurn: 3, status: 'open', answeredTurn: null, quality: null },
    { from: 'us', to: 'cn', dueTurn: 9, status: 'open', answeredTurn: null, quality: null },
    { from: 'cn', to: 'us', dueTurn: 2, status: 'late', answeredTurn: 4, quality: 'token' },
    { from: 'us', to: 'cn', dueTurn: 2, status: 'on_time', answeredTurn: 2, quality: 'full' },
    { from: 'cn', to: 'us', dueTurn: 2, status: 'never', answeredTurn: null, quality: null },
  ];
  const plain: EvalContext = { ...base, indicators: {}, flags: {}, ledger: entries };
  const counts = new Int32Array(LEDGER_SLOTS);
  for (const e of entries) {
    counts[ledgerCountAt(e.status, e.to)] = (counts[ledgerCountAt(e.status, e.to)] as number) + 1;
    counts[ledgerCountAt('sent', e.from)] = (counts[ledgerCountAt('sent', e.from)] as number) + 1;
  }
  const counted: EvalContext = { ...plain, ledgerCounts: counts };

  it('the rules place each count where the expressions read it', () => {
    expect(LEDGER_COUNTS).toBe(LEDGER_SLOTS);
    for (const status of ['open', 'on_time', 'late', 'never', 'sent'] as const) for (const side of ['us', 'cn'] as const) expect(ledgerCountAt(status, side)).toBe(ledgerSlot(status, side));
    expect(new Set((['open', 'on_time', 'late', 'never', 'sent'] as const).flatMap((s) => [ledgerSlot(s, 'us'), ledgerSlot(s, 'cn')])).size).toBe(LEDGER_SLOTS);
  });

  for (const what of ['open', 'overdue', 'late', 'on_time', 'never', 'sent'])
    for (const side of ['us', 'cn'])
      it(`ledger.${what}.${side}: the same from the counts as from the entries`, () => {
        const r = compileExpr(`ledger.${what}.${side}`, 'number', env);
        if (!r.ok) throw new Error(r.error.message);
        expect(r.fn(counted)).toBe(r.fn(plain));
      });

  it('a count compared with a number, or times one (one closure reading the count), as the general closures compute it', () => {
    const value = (src: string, c: EvalContext, type: 'number' | 'boolean'): number => {
      const r = compileExpr(src, type, env);
      if (!r.ok) throw new Error(r.error.message);
      return r.fn(c);
    };
    for (const what of ['open', 'late', 'on_time', 'never', 'sent'])
      for (const side of ['us', 'cn'])
        for (const k of [0, 1, 2, 3, 7]) {
          const read = `ledger.${what}.${side}`;
          for (const op of ['<', '<=', '>', '>=', '==', '!=']) {
            const general = value(`(${read} + 0) ${op} ${k}`, plain, 'boolean');
            expect(value(`${read} ${op} ${k}`, counted, 'boolean')).toBe(general);
            expect(value(`${read} ${op} ${k}`, plain, 'boolean')).toBe(general);
          }
          const general = value(`(${read} + 0) * ${k}`, plain, 'number');
          expect(value(`${read} * ${k}`, counted, 'number')).toBe(general);
          expect(value(`${read} * ${k}`, plain, 'number')).toBe(general);
        }
  });
});
