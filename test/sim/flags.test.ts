import { describe, expect, it } from 'vitest';
import { type BalanceFlag, balanceFlags, type PolicyKind, type SimReport, simulate } from '../../src/sim';
import { MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);
const base = simulate(minimal, { runs: 200, seed: 'flags', policy: 'random', side: 'us' });

/** A report of `policy` whose completed runs end as `counts` (deal, stalemate, crisis) out of 1000. */
function withEndings(policy: PolicyKind, counts: [number, number, number]): SimReport {
  return { ...base, policy, completed: 1000, endings: base.endings.map((e, i) => ({ ...e, count: counts[i] as number })), options: [] };
}

/** A report where the first option's choosers and passers have these run counts and mean `calm` scores. */
function withGroups(policy: PolicyKind, chose: [number, number], passed: [number, number]): SimReport {
  const o = base.options[0]!;
  return {
    ...base,
    policy,
    options: [
      {
        ...o,
        chose: { ...o.chose, runs: chose[0], objectives: { calm: chose[1], keep_face: 0 } },
        passed: { ...o.passed, runs: passed[0], objectives: { calm: passed[1], keep_face: 100 } },
      },
    ],
  };
}

const kinds = (flags: readonly BalanceFlag[]): string[] => flags.map((f) => (f.kind === 'luck-alone' ? `${f.kind}:${f.ending}` : f.kind === 'dominant-option' ? `${f.kind}:${f.option}` : f.kind));

describe('balance flags', () => {
  const luck: { name: string; counts: [number, number, number][]; want: string[] }[] = [
    {
      name: 'spread within 5 points, all above 5%',
      counts: [
        [300, 400, 300],
        [320, 380, 300],
        [350, 350, 300],
      ],
      want: ['luck-alone:deal', 'luck-alone:stalemate', 'luck-alone:crisis'],
    },
    {
      name: 'exactly 5 points apart still flags',
      counts: [
        [300, 400, 300],
        [350, 350, 300],
        [320, 380, 300],
      ],
      want: ['luck-alone:deal', 'luck-alone:stalemate', 'luck-alone:crisis'],
    },
    {
      name: '5.1 points apart does not',
      counts: [
        [300, 400, 300],
        [351, 349, 300],
        [320, 380, 300],
      ],
      want: ['luck-alone:crisis'],
    },
    {
      name: 'a rare ending (5% or less somewhere) is never luck-alone',
      counts: [
        [50, 650, 300],
        [55, 645, 300],
        [60, 640, 300],
      ],
      want: ['luck-alone:stalemate', 'luck-alone:crisis'],
    },
    {
      name: 'no success at all is unwinnable',
      counts: [
        [0, 500, 500],
        [0, 520, 480],
        [0, 480, 520],
      ],
      want: ['unwinnable', 'luck-alone:stalemate', 'luck-alone:crisis'],
    },
  ];
  for (const c of luck) {
    it(`luck-alone and unwinnable: ${c.name}`, () => {
      const reports = (['random', 'lowest-rung', 'highest-rung'] as const).map((p, i) => withEndings(p, c.counts[i]!));
      expect(kinds(balanceFlags(reports))).toEqual(c.want);
    });
  }

  it('luck-alone needs three distinct policies', () => {
    expect(kinds(balanceFlags([withEndings('random', [300, 400, 300]), withEndings('lowest-rung', [300, 400, 300])]))).toEqual([]);
  });

  const dominant: { name: string; reports: SimReport[]; want: string[] }[] = [
    { name: 'a lead of 5 points on every objective under the one comparable policy', reports: [withGroups('random', [40, 60], [40, 55])], want: ['dominant-option:request_help'] },
    { name: 'a lead of 4.99 points is not enough', reports: [withGroups('random', [40, 59.99], [40, 55])], want: [] },
    { name: 'groups under 30 runs cannot tell', reports: [withGroups('random', [29, 90], [40, 10])], want: [] },
    { name: 'must hold under every comparable policy', reports: [withGroups('random', [40, 90], [40, 10]), withGroups('lowest-rung', [40, 50], [40, 60])], want: [] },
    {
      name: 'policies that cannot compare are not counted',
      reports: [withGroups('random', [40, 90], [40, 10]), withGroups('lowest-rung', [200, 50], [0, 0])],
      want: ['dominant-option:request_help'],
    },
  ];
  for (const c of dominant) {
    it(`dominant-option: ${c.name}`, () => {
      expect(kinds(balanceFlags(c.reports)).filter((k) => k !== 'unwinnable')).toEqual(c.want);
    });
  }

  it('flags request_help on the minimal fixture, and unwinnable when its success ending is made mixed', () => {
    const flags = balanceFlags((['random', 'lowest-rung', 'highest-rung'] as const).map((policy) => simulate(minimal, { runs: 300, seed: 'f', policy, side: 'us' })));
    expect(kinds(flags)).toEqual(['dominant-option:request_help']);
    const noWin = scenarioFromText(minimalText().replace('tone: { us: success, cn: success }', 'tone: { us: mixed, cn: mixed }'), 'no-win.yaml');
    const reports = (['random', 'lowest-rung', 'highest-rung'] as const).map((policy) => simulate(noWin, { runs: 300, seed: 'f', policy, side: 'us' }));
    expect(kinds(balanceFlags(reports))[0]).toBe('unwinnable');
  });

  it('refuses to compare reports of different sides', () => {
    expect(() => balanceFlags([base, { ...base, side: 'cn' }])).toThrow(/cannot be compared/);
  });
});
