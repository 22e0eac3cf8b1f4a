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

/** Chances are whole numbers of basis points: 10 000 is certainty. */
export const BASIS = 10_000;

// Johannes Baagøe's Alea and its Mash seeding (MIT), as seedrandom 3.0.5 ships them in lib/alea.js,
// written out here so that a generator is a plain object with no closures: the same arithmetic, step
// for step, so every state and draw is bit for bit seedrandom's (test/engine/rng-port.test.ts).
const TWO_M32 = 2.3283064365386963e-10; // 2^-32

/** Mash's running value `n` after one more character, of code `code`. */
function mashStep(from: number, code: number): number {
  let n = from + code;
  let h = 0.02519603282416938 * n;
  // seedrandom writes `h >>> 0`; h stays in [0, 2^28) here (n < 2^33 + 2^16 throughout), where the
  // two agree, and Math.floor is the faster.
  n = Math.floor(h);
  h -= n;
  h *= n;
  n = Math.floor(h);
  h -= n;
  return n + h * 0x100000000; // 2^32
}

/** Mash's running value after `data`, starting from `n`. */
export function mashOn(from: number, data: string): number {
  let n = from;
  for (let i = 0; i < data.length; i++) n = mashStep(n, data.charCodeAt(i));
  return n;
}

// Alea first mashes ' ' three times, whatever the seed: that part is the same for every generator.
const N1 = mashOn(0xefc8249d, ' ');
const N2 = mashOn(N1, ' ');
/** Mash's value after Alea's three spaces: where the first pass over every seed starts. */
export const N3 = mashOn(N2, ' ');
const SPACE0 = (N1 >>> 0) * TWO_M32;
const SPACE1 = (N2 >>> 0) * TWO_M32;
const SPACE2 = (N3 >>> 0) * TWO_M32;

type AleaFactory = (seed: string, options: { state: true }) => { state(): AleaState };
const makeAlea = alea as unknown as AleaFactory;

/**
 * The state of a new generator seeded with `seed`, by seedrandom itself. Seeds are always strings,
 * chosen at the edge. {@link Rng.reseed} does the same in place, without seedrandom's closures.
 */
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

const BASIS_LIMIT = 4294967296 - (4294967296 % BASIS);

/** The largest multiple of `n` at most 2^32: draws at or above it are rejected, so every value is equally likely. */
function limitOf(n: number): number {
  if (!Number.isInteger(n) || n <= 0 || n > 4294967296) throw new Error(`rng: bad bound ${n}`);
  return 4294967296 - (4294967296 % n);
}

/** The limits of the small bounds a policy draws with (how many options are offered), worked out once. */
const SMALL_LIMITS = Float64Array.from({ length: 64 }, (_, n) => (n === 0 ? 0 : limitOf(n)));

/** A generator opened from a state; `below` and `state` are all the engine needs. */
export class Rng {
  private c = 0;
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  constructor(state: AleaState) {
    this.resume(state);
  }

  /** Continues from `state` in place (a simulator reuses one generator for many runs). */
  resume(state: AleaState): void {
    if (!isAleaState(state)) throw new Error('rng: invalid generator state');
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
  }

  /** Starts over as a new generator seeded with `seed`, in place: the same as `resume(seedState(seed))`, bit for bit. */
  reseed(seed: string): void {
    this.reseedJoined(seed, '');
  }

  /** {@link reseed} with the seed `head + tail`, without joining the two (Mash reads a seed one character after another). */
  reseedJoined(head: string, tail: string): void {
    const n1 = mashOn(mashOn(N3, head), tail);
    const n2 = mashOn(mashOn(n1, head), tail);
    const n3 = mashOn(mashOn(n2, head), tail);
    this.seedFromMash(n1, n2, n3);
  }

  /** Starts over from Mash's values after the seed's first, second and third pass (as Alea's seeding does). */
  seedFromMash(n1: number, n2: number, n3: number): void {
    let s0 = SPACE0 - (n1 >>> 0) * TWO_M32;
    if (s0 < 0) s0 += 1;
    let s1 = SPACE1 - (n2 >>> 0) * TWO_M32;
    if (s1 < 0) s1 += 1;
    let s2 = SPACE2 - (n3 >>> 0) * TWO_M32;
    if (s2 < 0) s2 += 1;
    this.c = 1;
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
  }

  /** A uniform whole number in [0, n), n at most 2^32, without modulo bias (rejection sampling). */
  below(n: number): number {
    if (n === BASIS) return this.belowBasis();
    // A modulo of 2^32 is a slow float remainder: the small bounds' limits come from a table.
    const limit = (n | 0) === n && n > 0 && n < SMALL_LIMITS.length ? (SMALL_LIMITS[n] as number) : limitOf(n);
    for (;;) {
      // Alea's step, then seedrandom's int32 of it read as unsigned.
      const t = 2091639 * this.s0 + this.c * TWO_M32;
      this.s0 = this.s1;
      this.s1 = this.s2;
      this.c = t | 0;
      this.s2 = t - this.c;
      const u = ((this.s2 * 0x100000000) | 0) >>> 0;
      if (u < limit) return u % n;
    }
  }

  /**
   * {@link below} of BASIS, which almost every draw is: with the bound a constant, the remainder of a
   * whole number below 2^32 by it compiles to integer arithmetic, not a float remainder.
   */
  private belowBasis(): number {
    for (;;) {
      const t = 2091639 * this.s0 + this.c * TWO_M32;
      this.s0 = this.s1;
      this.s1 = this.s2;
      this.c = t | 0;
      this.s2 = t - this.c;
      const u = ((this.s2 * 0x100000000) | 0) >>> 0;
      if (u < BASIS_LIMIT) return u % BASIS;
    }
  }

  state(): AleaState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
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

/** {@link pickWeighted} over the first `count` weights, without its record, for the simulator: the index landed on, or -1 when no weight is positive (no draw made). */
export function pickIndex(rng: Rng, weights: ArrayLike<number>, count: number): number {
  let total = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i] as number;
    if (w > 0) total += w;
  }
  if (total <= 0) return -1;
  const draw = rng.below(BASIS);
  let cum = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[i] as number;
    cum += Math.max(w, 0);
    if (draw < Math.floor((cum * BASIS) / total)) return i;
  }
  throw new Error('rng: draw beyond the last boundary');
}
