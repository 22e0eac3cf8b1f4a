import { describe, expect, it } from 'vitest';
import type { Layout } from '../../src/sim/layout';
import { Groups } from '../../src/sim/tally-groups';

// Two beats. Beat a: us [always, conditional], cn [always]; beat b: us [always], cn [conditional].
// Options by place: 0 a/us/0, 1 a/us/1, 2 a/cn/0, 3 b/us/0, 4 b/cn/0.
const WHEN = [null, () => 1, null, null, () => 1];
const BEAT_OF = [0, 0, 0, 1, 1];
const option = (k: number) => ({ when: WHEN[k] });
const layout = {
  beatIds: ['a', 'b'],
  options: [0, 1, 2, 3, 4].map((k) => ({ beat: BEAT_OF[k] === 0 ? 'a' : 'b' })),
  beats: new Map([
    ['a', { index: 0, base: { us: 0, cn: 2 }, beat: { options: { us: [option(0), option(1)], cn: [option(2)] } } }],
    ['b', { index: 1, base: { us: 3, cn: 4 }, beat: { options: { us: [option(3)], cn: [option(4)] } } }],
  ]),
} as unknown as Layout;
const N_END = 4;
const N_OBJ = 7;

/** A small seeded generator (the test's own, so the runs do not depend on the engine). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * Plays `runs` made-up runs into Groups and into a plain count of every group each run met (chose an
 * option it was offered; was offered it and passed it by), with `score(run, i)` as the scores.
 */
function play(runs: number, score: (run: number, i: number) => number): { groups: Groups; runs: number[]; endings: number[]; objectives: number[] } {
  const groups = new Groups(layout, N_END, N_OBJ);
  const want = { runs: new Array<number>(10).fill(0), endings: new Array<number>(10 * N_END).fill(0), objectives: new Array<number>(10 * N_OBJ).fill(0) };
  const r = lcg(7);
  const scores = new Float64Array(N_OBJ);
  for (let run = 0; run < runs; run++) {
    groups.beginRun(run);
    const offered = new Set<number>();
    const chosen = new Set<number>();
    for (const b of [0, 1]) {
      if (r() < 0.2) continue;
      groups.offerBeat(b);
      for (let k = 0; k < 5; k++) {
        if (BEAT_OF[k] !== b) continue;
        if (WHEN[k] !== null) {
          if (r() < 0.5) continue;
          groups.offer(k);
        }
        offered.add(k);
      }
      for (const k of offered) {
        if (BEAT_OF[k] === b && r() < 0.4) {
          groups.choose(k);
          chosen.add(k);
        }
      }
    }
    const e = Math.floor(r() * N_END);
    for (let i = 0; i < N_OBJ; i++) scores[i] = score(run, i);
    groups.endRun(e, scores);
    for (const k of offered) {
      const g = chosen.has(k) ? 2 * k : 2 * k + 1;
      want.runs[g] = (want.runs[g] as number) + 1;
      want.endings[g * N_END + e] = (want.endings[g * N_END + e] as number) + 1;
      for (let i = 0; i < N_OBJ; i++) want.objectives[g * N_OBJ + i] = (want.objectives[g * N_OBJ + i] as number) + (scores[i] as number);
    }
  }
  groups.flush();
  return { groups, ...want };
}

describe('the groups of runs of every option', () => {
  // Whole scores (packed) near 100 for more runs than are packed between two unpackings, so that a part
  // that took more runs would overflow into the next.
  it('counts each run in the group of every option it met: whole scores from 0 to 100', () => {
    const got = play(6000, (run, i) => 100 - ((run * 7 + i * 13) % 11));
    expect(Array.from(got.groups.runs)).toEqual(got.runs);
    expect(Array.from(got.groups.endings)).toEqual(got.endings);
    expect(Array.from(got.groups.objectives)).toEqual(got.objectives);
  });

  // From run 1500 on, one score has a tenth (not packed): the groups added run by run (every chose group,
  // and the passed-by groups of options with a condition) hold the same sums, in the same order, as
  // adding each run as it comes; the others (a beat's runs less its choosers) the same to rounding.
  it('adds scores that are not whole numbers in the order of the runs', () => {
    const got = play(3000, (run, i) => ((run * 7 + i * 13) % 101) + (run >= 1500 && i === 3 ? 0.1 : 0));
    expect(Array.from(got.groups.runs)).toEqual(got.runs);
    expect(Array.from(got.groups.endings)).toEqual(got.endings);
    for (let g = 0; g < 10; g++) {
      for (let i = 0; i < N_OBJ; i++) {
        const [have, want] = [got.groups.objectives[g * N_OBJ + i] as number, got.objectives[g * N_OBJ + i] as number];
        if (g % 2 === 0 || g === 3 || g === 9) expect(have).toBe(want);
        else expect(have).toBeCloseTo(want, 6);
      }
    }
  });
});
