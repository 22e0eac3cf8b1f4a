/**
 * The only source of chance in the game: seedrandom's Alea, whose state lives inside the game state.
 * A generator is opened from a saved state, used for one resolution and written back, so moves stay
 * pure and a game can be saved, rewound and replayed exactly (as boardgame.io's random plugin does).
 */
import alea from 'seedrandom/lib/alea.js';

/** Alea's whole state: `c` a small whole number, `s0..s2` fractions in [0, 1). */
export interface AleaState {
  readonly c: number;
  readonly s0: number;
  readonly s1: number;
  readonly s2: number;
}

interface StatefulPrng {
  (): number;
  int32(): number;
  state(): AleaState;
}

type AleaFactory = (seed: string, options: { state: AleaState | true }) => StatefulPrng;
const makeAlea = alea as unknown as AleaFactory;

/** Chances are whole numbers of basis points: 10 000 is certainty. */
export const BASIS = 10_000;

/** The state of a new generator seeded with `seed`. Seeds are always strings, chosen at the edge. */
export function seedState(seed: string): AleaState {
  return makeAlea(seed, { state: true }).state();
}

/**
 * True when `s` is a state Alea can resume from. seedrandom ignores a missing field and yields NaN
 * for bad values (RELIABILITY: seedrandom), so a state from a save is checked before it is used.
 */
export function isAleaState(s: unknown): s is AleaState {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
  const r = s as Record<string, unknown>;
  const keys = Object.keys(r);
  if (keys.length !== 4) return false;
  const frac = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1;
  return Number.isInteger(r.c) && (r.c as number) >= 0 && (r.c as number) < 2 ** 32 && frac(r.s0) && frac(r.s1) && frac(r.s2);
}

/** A generator opened from a state; `draw` and `state` are all the engine needs. */
export class Rng {
  private readonly prng: StatefulPrng;
  constructor(state: AleaState) {
    if (!isAleaState(state)) throw new Error('rng: invalid generator state');
    this.prng = makeAlea('', { state });
  }

  /** A uniform whole number in [0, n), n at most 2^32, without modulo bias (rejection sampling). */
  below(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new Error(`rng: bad bound ${n}`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const u = this.prng.int32() >>> 0;
      if (u < limit) return u % n;
    }
  }

  state(): AleaState {
    return this.prng.state();
  }
}

/**
 * Picks an index by whole-number weights. Each item's chance is its share of 10 000 basis points
 * (cumulative boundaries floor(cum * 10000 / total), so the chances always add up to exactly 10 000);
 * the draw is a whole number in [0, 10 000). Weights below zero count as zero. Returns null when no
 * weight is positive: the caller decides what that means; it never falls through to an item.
 */
export function pickWeighted(rng: Rng, weights: readonly number[]): { index: number; chanceBp: number; draw: number } | null {
  const total = weightTotal(weights);
  if (total <= 0) return null;
  const draw = rng.below(BASIS);
  return locate(weights, total, draw);
}

/** The chance in basis points of each weight, adding up to 10 000 (all zero when no weight is positive). */
export function chancesBp(weights: readonly number[]): number[] {
  const total = weightTotal(weights);
  const out: number[] = [];
  let cum = 0;
  let prevBoundary = 0;
  for (const w of weights) {
    cum += Math.max(w, 0);
    const boundary = total > 0 ? Math.floor((cum * BASIS) / total) : 0;
    out.push(boundary - prevBoundary);
    prevBoundary = boundary;
  }
  return out;
}

/** The index a given draw lands on, and its chance: used for live play and for forced outcomes alike. */
export function locate(weights: readonly number[], total: number, draw: number): { index: number; chanceBp: number; draw: number } {
  let cum = 0;
  let prevBoundary = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    cum += Math.max(w, 0);
    const boundary = Math.floor((cum * BASIS) / total);
    if (draw < boundary) return { index: i, chanceBp: boundary - prevBoundary, draw };
    prevBoundary = boundary;
  }
  throw new Error('rng: draw beyond the last boundary');
}

function weightTotal(weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) if (w > 0) total += w;
  return total;
}
