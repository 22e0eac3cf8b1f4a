import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReplayFile, recordReplay, type Scenario, type Side, start } from '../../src/engine';
import { type Anomaly, buildTree, type ClassComparison, compareCsv, compareCsvHeader, compareRuns, type GroupReplay, type GroupTurn } from '../../src/sim';
import { parseCsv } from '../engine/after-action-csv-parse';
import { controllersFor, playSteps, type Step } from '../golden/policy';
import { allScenarios, MINIMAL_PATH, scenarioAt } from '../golden/scenarios';

const scenarios = allScenarios().map((l) => l.scenario);
const ipTheft = scenarios.find((s) => s.id === 'ip-theft') as Scenario;
const minimal = scenarioAt(MINIMAL_PATH);

const turn = (us: number, cn = 0): Step => ({ kind: 'turn', us, cn, forceUs: null, forceCn: null });

function replay(scenario: Scenario, seed: string, steps: readonly Step[], mode: Side | 'teams' = 'us'): ReplayFile {
  const r = recordReplay(scenario, playSteps(scenario, start(scenario, seed, controllersFor(mode)), steps, true));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function must(r: ReturnType<typeof compareRuns>): ClassComparison {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const groups: GroupReplay[] = [
  { name: 'Group A', file: replay(ipTheft, 'K7Q3', [turn(0), turn(0), turn(0)]) },
  { name: 'Group B', file: replay(ipTheft, 'K7Q3', [turn(0), turn(0), turn(0)]) },
  { name: 'Group C', file: replay(ipTheft, 'K7Q3', [turn(0), turn(1), turn(0)]) },
  { name: 'Group D', file: replay(ipTheft, 'K7Q3', [turn(1), turn(0), turn(2)]) },
];

describe('class comparison', () => {
  const model = must(compareRuns(ipTheft, groups));

  it('finds the first turn where decisions part, and which turns part some groups', () => {
    expect(model.firstDivergence).toBe(1);
    expect(must(compareRuns(ipTheft, groups.slice(0, 3))).firstDivergence).toBe(2);
    expect(must(compareRuns(ipTheft, groups.slice(0, 2))).firstDivergence).toBeNull();
    expect(model.turns[0]?.diverges).toBe(true);
    expect(model.turns[1]?.diverges).toBe(true);
  });

  it('builds the tree of shared decision prefixes', () => {
    expect(model.tree.groups).toEqual(['Group A', 'Group B', 'Group C', 'Group D']);
    expect(model.tree.children.map((c) => c.groups)).toEqual([['Group A', 'Group B', 'Group C'], ['Group D']]);
    const abc = model.tree.children[0];
    expect(abc?.turn).toBe(1);
    expect(abc?.children.map((c) => c.groups)).toEqual([['Group A', 'Group B'], ['Group C']]);
    let node = abc?.children[0];
    let depth = 2;
    while (node !== undefined && node.children.length > 0) {
      expect(node.children).toHaveLength(1);
      node = node.children[0];
      depth++;
    }
    expect(depth).toBe(model.groups[0]?.turns);
  });

  it('aligns every group turn by turn with both sides, outcomes, odds and indicators', () => {
    const longest = Math.max(...model.groups.map((g) => g.turns));
    expect(model.turns).toHaveLength(longest);
    for (const row of model.turns) {
      row.groups.forEach((cell, i) => {
        if (cell === null) {
          expect(row.turn).toBeGreaterThan(model.groups[i]?.turns ?? 0);
          return;
        }
        expect(cell.group).toBe(model.groups[i]?.name);
        // Both sides move every turn, the side that resolves first (the beat's lead) listed first.
        expect(cell.moves.map((m) => [m.side, m.by]).sort()).toEqual([
          ['cn', 'model'],
          ['us', 'people'],
        ]);
        expect(Object.keys(cell.indicators)).toEqual(ipTheft.file.indicators.map((x) => x.id));
      });
    }
    const a = model.turns[0]?.groups[0];
    const b = model.turns[0]?.groups[1];
    expect(a?.resultKey).toBe(b?.resultKey);
  });

  it('gives each group its ending and scores, and one series per indicator for all groups', () => {
    expect(model.groups.map((g) => g.name)).toEqual(['Group A', 'Group B', 'Group C', 'Group D']);
    expect(model.groups[0]).toEqual({ ...model.groups[1], name: 'Group A' });
    for (const g of model.groups) expect(g.ending).not.toBeNull();
    expect(model.series.map((s) => s.indicator)).toEqual(ipTheft.file.indicators.map((x) => x.id));
    for (const s of model.series) {
      s.groups.forEach((g, i) => {
        expect(g.values).toHaveLength((model.groups[i]?.turns ?? 0) + 1);
        expect(g.values[0]).toBe(ipTheft.file.indicators.find((x) => x.id === s.indicator)?.start);
      });
    }
  });

  it('same seed and same decisions never give different results (no anomalies, over random classes)', () => {
    expect(model.anomalies).toEqual([]);
    const stepArb: fc.Arbitrary<Step> = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.record({
          kind: fc.constant('turn' as const),
          us: fc.nat(2),
          cn: fc.nat(2),
          forceUs: fc.option(fc.nat(3), { freq: 6 }),
          forceCn: fc.option(fc.nat(3), { freq: 6 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('inject' as const), index: fc.nat(3) }) },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...scenarios),
        fc.constantFrom<Side | 'teams'>('us', 'cn', 'teams'),
        fc.array(fc.array(stepArb, { maxLength: 6 }), { minLength: 2, maxLength: 5 }),
        (scenario, mode, plans) => {
          const m = mode === 'teams' && !scenario.file.teams ? 'us' : mode === 'cn' && !scenario.file.sides.includes('cn') ? 'us' : mode;
          const cls = plans.map((steps, i) => ({ name: `g${i}`, file: replay(scenario, 'M4RX', steps, m) }));
          const c = must(compareRuns(scenario, [...cls, { name: 'copy', file: cls[0]?.file as ReplayFile }]));
          expect(c.anomalies).toEqual([]);
        },
      ),
      { seed: 925, numRuns: 40 },
    );
  });

  it('would report groups whose decisions agree and whose results differ', () => {
    const cell = (group: string, result: string): GroupTurn => ({
      group,
      turn: 1,
      date: '2015-10-12',
      beat: 'b',
      beatTitle: 'B',
      moves: [],
      facilitatorInjects: [],
      facilitatorInjectTitles: [],
      nextWords: 'B',
      scriptedInjects: [],
      indicators: {},
      next: 'x',
      decisionKey: 'same',
      resultKey: result,
    });
    const anomalies: Anomaly[] = [];
    buildTree([[cell('a', 'r1')], [cell('b', 'r2')]], ['a', 'b'], 0, [0, 1], anomalies);
    expect(anomalies.map((x) => [x.turn, x.groups])).toEqual([[1, ['a', 'b']]]);
  });

  it('exports the turn-by-turn table as CSV that parses back', () => {
    const rows = parseCsv(compareCsv(model));
    const header = compareCsvHeader(model);
    expect(rows[0]).toEqual(header);
    expect(rows.length - 1).toBe(model.groups.reduce((n, g) => n + g.turns, 0));
    expect(rows.every((r) => r.length === header.length)).toBe(true);
    const firstA = rows[1] as string[];
    expect(firstA.slice(0, 3)).toEqual(['1', model.turns[0]?.date, 'Group A']);
    expect(firstA[header.indexOf('us_label')]).toBe(model.turns[0]?.groups[0]?.moves[0]?.label);
  });
});

describe('class comparison: refusals name the files', () => {
  const mini = replay(minimal, 'K7Q3', [turn(0)]);
  const other = replay(ipTheft, 'M4RX', [turn(0)]);
  const a = groups[0] as GroupReplay;
  const tampered: ReplayFile = { ...a.file, hashes: a.file.hashes.map((h, i) => (i === 1 ? '0000000000000000' : h)) };
  it.each([
    ['no groups', ipTheft, [], 'compare/no-groups', []],
    ['one name twice', ipTheft, [a, { name: 'Group A', file: a.file }], 'compare/duplicate-name', ['Group A']],
    ['mixed scenarios', ipTheft, [a, { name: 'mini.json', file: mini }], 'compare/mixed-scenarios', ['mini.json']],
    ['mixed seeds', ipTheft, [a, { name: 'other.json', file: other }], 'compare/mixed-seeds', ['other.json']],
    ['the wrong scenario', minimal, [a], 'compare/wrong-scenario', ['Group A']],
    ['a replay that does not play exactly', ipTheft, [a, { name: 'edited.json', file: tampered }], 'compare/replay', ['edited.json']],
  ] as const)('%s', (_name, scenario, list, code, named) => {
    const r = compareRuns(scenario, list);
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
    expect(r.ok ? [] : r.error.groups).toEqual(named);
    if (!r.ok) for (const n of named) expect(r.error.message).toContain(n);
  });

  it('the mixed-seeds message lists each seed with its files', () => {
    const r = compareRuns(ipTheft, [a, groups[1] as GroupReplay, { name: 'other.json', file: other }]);
    expect(r.ok ? '' : r.error.message).toContain('Group A, Group B: seed K7Q3; other.json: seed M4RX');
  });
});
