/**
 * The engine's own Alea (src/engine/rules/rng.ts) against seedrandom's, which it replaces: the same
 * seeded states and the same draws, bit for bit, so no save, replay or golden can tell them apart.
 */
import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { type AleaState, BASIS, COUNTERPART_SEED_TAIL, Rng, RunSeeds, seedState } from '../../src/engine';

interface StatefulPrng {
  int32(): number;
  state(): AleaState;
}
const reference = alea as unknown as (seed: string, options: { state: AleaState | true }) => StatefulPrng;

const SEEDS = ['', ' ', 'a', 'bench-0', 'bench-12345/policy', 'golden\u0000counterpart', 'é漢字🎲', 'x'.repeat(300)];
for (let i = 0; i < 200; i++) SEEDS.push(`seed-${i * 7919}-${i % 13}`);

describe('the engine Alea', () => {
  it('seeds every state exactly as seedrandom does, in place too', () => {
    const rng = new Rng(seedState('start'));
    for (const seed of SEEDS) {
      expect(seedState(seed)).toEqual(reference(seed, { state: true }).state());
      rng.reseed(seed);
      expect(rng.state()).toEqual(reference(seed, { state: true }).state());
      for (const cut of [0, 1, Math.floor(seed.length / 2), seed.length]) {
        rng.reseedJoined(seed.slice(0, cut), seed.slice(cut));
        expect(rng.state()).toEqual(reference(seed, { state: true }).state());
      }
    }
  });

  it('draws exactly as seedrandom does, for any bound, and resumes from any state', () => {
    for (const seed of SEEDS) {
      const ref = reference('', { state: seedState(seed) });
      const mine = new Rng(seedState(seed));
      const again = new Rng(seedState('other'));
      again.reseed(seed);
      expect(again.state()).toEqual(seedState(seed));
      for (const n of [BASIS, 2, 3, 7, 1000, 2 ** 32, 2 ** 31 + 1]) {
        for (let k = 0; k < 20; k++) {
          const limit = 2 ** 32 - (2 ** 32 % n);
          let u = ref.int32() >>> 0;
          while (u >= limit) u = ref.int32() >>> 0;
          expect(mine.below(n)).toBe(u % n);
          expect(again.below(n)).toBe(u % n);
        }
      }
      expect(mine.state()).toEqual(ref.state());
      expect(Object.keys(mine.state())).toEqual(['c', 's0', 's1', 's2']);
      const resumed = new Rng(mine.state());
      const refResumed = reference('', { state: ref.state() });
      for (let k = 0; k < 50; k++) expect(resumed.below(BASIS)).toBe((refResumed.int32() >>> 0) % BASIS);
    }
  });

  it("seeds a run's three streams in place as the joined seeds would", () => {
    const world = new Rng(seedState('a'));
    const counterpart = new Rng(seedState('b'));
    const policy = new Rng(seedState('c'));
    for (const [prefix, tail] of [
      ['bench-', '/policy'],
      ['', ''],
      ['é漢字🎲-', 'x'.repeat(40)],
      ['golden-', '\u0000counterpart'],
    ] as const) {
      const seeds = new RunSeeds(prefix, tail);
      // Runs in order (each seeded with the one before it, across 9 to 10 and 99 to 100), again, backwards, out of order.
      const inOrder = Array.from({ length: 25 }, (_, i) => i).concat([95, 96, 97, 98, 99, 100, 101, 101, 100, 7, 6, 8]);
      for (const run of [...inOrder, 0, 1, 9, 10, 99, 100, 12345, 999_999, 2 ** 31, 2 ** 53 - 2, 2 ** 53 - 1]) {
        seeds.seed(run, world, counterpart, policy);
        const seed = `${prefix}${run}`;
        expect(world.state()).toEqual(reference(seed, { state: true }).state());
        expect(counterpart.state()).toEqual(reference(`${seed}${COUNTERPART_SEED_TAIL}`, { state: true }).state());
        expect(policy.state()).toEqual(reference(`${seed}${tail}`, { state: true }).state());
      }
    }
    expect(() => new RunSeeds('x-', '').seed(1.5, world, counterpart, policy)).toThrow();
  });

  it('draws small bounds as seedrandom does, and refuses bad bounds', () => {
    const ref = reference('', { state: seedState('small') });
    const mine = new Rng(seedState('small'));
    for (let n = 1; n <= 70; n++) {
      const limit = 2 ** 32 - (2 ** 32 % n);
      let u = ref.int32() >>> 0;
      while (u >= limit) u = ref.int32() >>> 0;
      expect(mine.below(n)).toBe(u % n);
    }
    for (const bad of [0, -1, 2.5, Number.NaN, 2 ** 32 + 1]) expect(() => mine.below(bad)).toThrow();
  });
});
