import { describe, expect, it } from 'vitest';
import { reportLines } from '../../src/cli/sim-text';
import { type PolicyKind, type SimReport, simulate } from '../../src/sim';
import { MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);
const run = (policy: PolicyKind, runs = 200, seed = 'pin'): SimReport => simulate(minimal, { runs, seed, policy, side: 'us' });

/** [offered, chosen, runs that chose, runs that passed] per option, in scenario order. */
const optionCounts = (r: SimReport): number[][] => r.options.map((o) => [o.offered, o.chosen, o.chose.runs, o.passed.runs]);

describe('simulate on the minimal fixture (200 runs, seed "pin", us)', () => {
  const cases: { policy: PolicyKind; endings: number[]; met: number[]; options: number[][]; unreachedBeats: string[] }[] = [
    {
      policy: 'random',
      endings: [22, 82, 96],
      met: [104, 104],
      options: [
        [200, 104, 104, 96],
        [200, 96, 96, 104],
        [200, 128, 128, 72],
        [200, 72, 72, 128],
        [104, 54, 54, 50],
        [104, 50, 50, 54],
        [104, 104, 104, 0],
        [96, 96, 96, 0],
        [96, 96, 96, 0],
      ],
      unreachedBeats: [],
    },
    {
      policy: 'lowest-rung',
      endings: [0, 200, 0],
      met: [200, 200],
      options: [
        [200, 200, 200, 0],
        [200, 0, 0, 200],
        [200, 128, 128, 72],
        [200, 72, 72, 128],
        [200, 200, 200, 0],
        [200, 0, 0, 200],
        [200, 200, 200, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      unreachedBeats: ['showdown'],
    },
    {
      policy: 'highest-rung',
      endings: [0, 0, 200],
      met: [0, 0],
      options: [
        [200, 0, 0, 200],
        [200, 200, 200, 0],
        [200, 128, 128, 72],
        [200, 72, 72, 128],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [200, 200, 200, 0],
        [200, 200, 200, 0],
      ],
      unreachedBeats: ['response'],
    },
  ];
  for (const c of cases) {
    it(`${c.policy}: endings, objectives met, option counts and unreached beats are pinned`, () => {
      const r = run(c.policy);
      expect(r.completed).toBe(200);
      expect(r.endings.map((e) => e.id)).toEqual(['deal', 'stalemate', 'crisis']);
      expect(r.endings.map((e) => e.count)).toEqual(c.endings);
      expect(r.objectives.map((o) => o.met)).toEqual(c.met);
      expect(optionCounts(r)).toEqual(c.options);
      expect(r.unreached.beats).toEqual(c.unreachedBeats);
      expect(r.turns).toEqual({ min: 2, max: 2, mean: 2, histogram: [{ turns: 2, runs: 200 }] });
      expect(r.failures).toEqual([]);
    });
  }

  it('reports what follows an option for its choosers and for the runs that passed it by', () => {
    const o = run('random').options[0];
    expect(o).toEqual({
      beat: 'opening',
      side: 'us',
      option: 'request_help',
      rung: 1,
      offered: 200,
      chosen: 104,
      chose: { runs: 104, endings: { deal: 22, stalemate: 82, crisis: 0 }, objectives: { calm: 78.08, keep_face: 58.17 } },
      passed: { runs: 96, endings: { deal: 0, stalemate: 0, crisis: 96 }, objectives: { calm: 13.33, keep_face: 53.33 } },
    });
  });

  it('names the seeds of the extreme runs (first run on ties) and content never reached', () => {
    const r = run('random');
    expect(r.extremes).toEqual({
      best: { seed: 'pin-9', turns: 2, score: 80 },
      worst: { seed: 'pin-4', turns: 2, score: 10 },
      shortest: { seed: 'pin-0', turns: 2, score: 15 },
      longest: { seed: 'pin-0', turns: 2, score: 15 },
    });
    expect(r.unreached).toEqual({ beats: [], options: [], outcomes: [], endings: [], injects: ['leak'], facilitatorOnly: ['summit'] });
    expect(run('highest-rung').unreached.endings).toEqual(['deal', 'stalemate']);
  });

  it('is deterministic and plain JSON', () => {
    const a = run('random', 300, 'again');
    const b = run('random', 300, 'again');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('policies draw from their own stream: the counterpart and the world roll the same dice under every policy', () => {
    const cn = (r: SimReport): number[][] => optionCounts(r).slice(2, 4);
    expect(cn(run('lowest-rung'))).toEqual(cn(run('random')));
    expect(cn(run('highest-rung'))).toEqual(cn(run('random')));
  });

  it('a different seed gives different runs', () => {
    expect(run('random', 200, 'other').endings.map((e) => e.count)).not.toEqual([22, 82, 96]);
  });

  it('refuses a number of runs that is not a whole number above 0', () => {
    expect(() => simulate(minimal, { runs: 0, seed: 's', policy: 'random', side: 'us' })).toThrow(/runs/);
    expect(() => simulate(minimal, { runs: 1.5, seed: 's', policy: 'random', side: 'us' })).toThrow(/runs/);
  });

  it('calls onProgress with the runs done, ending with the total', () => {
    const seen: number[] = [];
    simulate(minimal, { runs: 2500, seed: 'p', policy: 'random', side: 'us', onProgress: (done, total) => seen.push(done * 10_000 + total) });
    expect(seen).toEqual([1000 * 10_000 + 2500, 2000 * 10_000 + 2500, 2500 * 10_000 + 2500]);
  });

  it('plays China against the model when side is cn', () => {
    const r = simulate(minimal, { runs: 100, seed: 'cn', policy: 'lowest-rung', side: 'cn' });
    expect(r.side).toBe('cn');
    const cooperate = r.options.find((o) => o.beat === 'opening' && o.option === 'cooperate');
    expect(cooperate?.chosen).toBe(100);
  });

  it('lists runs the engine stops with an error as failures, and leaves them out of every figure', () => {
    const text = minimalText().replace('weight: "40 + trust / 2"', 'weight: "trust - trust"').replace('{ id: ignored, weight: 30,', '{ id: ignored, weight: "escalation - 20",');
    const zero = scenarioFromText(text, 'zero-weights.yaml');
    const r = simulate(zero, { runs: 20, seed: 'z', policy: 'lowest-rung', side: 'us' });
    expect(r.completed).toBe(0);
    expect(r.failures).toHaveLength(20);
    expect(r.failures[0]).toEqual({ seed: 'z-0', turn: 1, beat: 'opening', code: 'scenario/zero-weights', message: 'every outcome of "request_help" has weight zero in this state' });
    expect(r.extremes).toBeNull();
    expect(r.endings.map((e) => e.count)).toEqual([0, 0, 0]);
    const lines = reportLines(zero, r);
    expect(lines).toContain('  none: no run completed');
    expect(lines).toContain('Failures: 20 runs stopped on an error');
  });
});
