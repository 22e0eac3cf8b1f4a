import { describe, expect, it } from 'vitest';
import { chancesBp, isAleaState, locate, pickWeighted, Rng, seedState } from '../../src/engine/rules/rng';

// Pinned outputs: a seedrandom upgrade (or any change to the generator) that changes the sequence
// changes every saved game and replay, so it must fail here first.
describe('seeded generator: pinned outputs', () => {
  it('seedState("K7Q3") is pinned', () => {
    expect(seedState('K7Q3')).toEqual({ c: 1, s0: 0.24485220201313496, s1: 0.4407635829411447, s2: 0.768682831665501 });
  });

  it('seedState("") is pinned (the state seedrandom falls back to)', () => {
    expect(seedState('')).toEqual({ c: 1, s0: 0.9456336235161871, s1: 0.2325006783939898, s2: 0 });
  });

  const draws: [string, number[], object][] = [
    ['K7Q3', [7769, 8600, 3439, 5037, 48, 9648, 8542, 8402, 377, 9561], { c: 729068, s0: 0.44970037462189794, s1: 0.7185154540929943, s2: 0.8689564561937004 }],
    ['red phone', [6494, 7164, 5654, 7918, 8844, 4286, 2692, 642, 7541, 3022], { c: 1740832, s0: 0.891115200240165, s1: 0.371916112722829, s2: 0.8674811157397926 }],
  ];
  it.each(draws)('the first ten below(10000) draws for seed %j and the state after them', (seed, expected, after) => {
    const rng = new Rng(seedState(seed));
    expect(Array.from({ length: 10 }, () => rng.below(10_000))).toEqual(expected);
    expect(rng.state()).toEqual(after);
  });

  it('below() with other bounds is pinned', () => {
    const rng = new Rng(seedState('K7Q3'));
    expect([rng.below(1), rng.below(2), rng.below(3), rng.below(2 ** 32), rng.below(7)]).toEqual([0, 0, 2, 961455037, 4]);
  });
});

describe('seeded generator: state', () => {
  it('a generator reopened from a saved state continues the same sequence', () => {
    const whole = new Rng(seedState('K7Q3'));
    const first = Array.from({ length: 20 }, () => whole.below(10_000));
    const a = new Rng(seedState('K7Q3'));
    const head = Array.from({ length: 7 }, () => a.below(10_000));
    const saved = JSON.parse(JSON.stringify(a.state())) as ReturnType<Rng['state']>;
    const b = new Rng(saved);
    expect([...head, ...Array.from({ length: 13 }, () => b.below(10_000))]).toEqual(first);
  });

  it('seeds are strings: "111" and " 111" give different states', () => {
    expect(seedState('111')).not.toEqual(seedState(' 111'));
  });

  const bad: [string, unknown][] = [
    ['null', null],
    ['an array', [1, 0.1, 0.2, 0.3]],
    ['a missing field', { c: 1, s0: 0.1, s1: 0.2 }],
    ['an extra field', { c: 1, s0: 0.1, s1: 0.2, s2: 0.3, x: 1 }],
    ['a fraction of 1', { c: 1, s0: 1, s1: 0.2, s2: 0.3 }],
    ['a negative fraction', { c: 1, s0: -0.1, s1: 0.2, s2: 0.3 }],
    ['NaN', { c: 1, s0: Number.NaN, s1: 0.2, s2: 0.3 }],
    ['a fractional carry', { c: 1.5, s0: 0.1, s1: 0.2, s2: 0.3 }],
    ['a string field', { c: 1, s0: '0.1', s1: 0.2, s2: 0.3 }],
  ];
  it.each(bad)('a state with %s is refused', (_name, state) => {
    expect(isAleaState(state)).toBe(false);
    expect(() => new Rng(state as never)).toThrow('rng: invalid generator state');
  });

  it('below() refuses bounds that are not whole numbers from 1 to 2^32', () => {
    const rng = new Rng(seedState('K7Q3'));
    for (const n of [0, -1, 1.5, 2 ** 32 + 1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => rng.below(n)).toThrow('rng: bad bound');
  });
});

describe('whole-number chances', () => {
  const table: [number[], number[]][] = [
    [
      [1, 1, 1],
      [3333, 3333, 3334],
    ],
    [
      [1, 2],
      [3333, 6667],
    ],
    [
      [0, 5, 0],
      [0, 10000, 0],
    ],
    [
      [-3, 1, 1],
      [0, 5000, 5000],
    ],
    [
      [1, 1, 1, 1, 1, 1, 1],
      [1428, 1429, 1428, 1429, 1428, 1429, 1429],
    ],
    [
      [0, 0],
      [0, 0],
    ],
    [[], []],
  ];
  it.each(table)('chancesBp(%j) = %j', (weights, expected) => {
    expect(chancesBp(weights)).toEqual(expected);
    const sum = expected.reduce((a, b) => a + b, 0);
    expect(sum === 0 || sum === 10_000).toBe(true);
  });

  const draws: [number, number, number][] = [
    [0, 0, 3333],
    [3332, 0, 3333],
    [3333, 1, 3333],
    [6665, 1, 3333],
    [6666, 2, 3334],
    [9999, 2, 3334],
  ];
  it.each(draws)('locate([1,1,1]) puts draw %i on index %i with chance %i', (draw, index, chanceBp) => {
    expect(locate([1, 1, 1], 3, draw)).toEqual({ index, chanceBp, draw });
  });

  it('every draw from 0 to 9999 lands on an item with a positive weight, in proportion to its chance', () => {
    const weights = [3, 0, 5, -2, 9];
    const counts = [0, 0, 0, 0, 0];
    for (let d = 0; d < 10_000; d++) {
      const { index } = locate(weights, 17, d);
      counts[index] = (counts[index] ?? 0) + 1;
    }
    expect(counts).toEqual(chancesBp(weights));
    expect(counts[1]).toBe(0);
    expect(counts[3]).toBe(0);
  });

  it('pickWeighted returns null when no weight is positive, and draws nothing', () => {
    const rng = new Rng(seedState('K7Q3'));
    expect(pickWeighted(rng, [0, -1, 0])).toBeNull();
    expect(rng.state()).toEqual(seedState('K7Q3'));
  });

  it('pickWeighted draws once and reports the chance of what it picked', () => {
    const rng = new Rng(seedState('K7Q3'));
    expect(pickWeighted(rng, [1, 1, 1])).toEqual({ index: 2, chanceBp: 3334, draw: 7769 });
  });
});
