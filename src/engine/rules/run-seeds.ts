/**
 * The simulator's seeding of one run's three streams in place: the world's (seeded `head`), the
 * counterpart's (`head` + {@link COUNTERPART_SEED_TAIL}) and a third whose tail the caller names (the
 * policy's), where run `i` of a simulation seeded `seed` has the head `${seed}-${i}`. The states are
 * bit for bit those of {@link Rng.reseedJoined} on the joined strings (test/engine/rng-port.test.ts);
 * only the work differs, and it is most of what seeding costs a short run:
 *
 * - no string is built: the head is the prefix `${seed}-` and the digits of `i`, as character codes;
 * - Mash's first pass starts from the same value for every seed, so its run over the prefix is done
 *   once, and over the digits once for all three streams (their first passes differ only in the tail);
 * - the second and third passes of the three streams are independent chains of dependent arithmetic,
 *   so they are worked side by side in one loop, which the processor overlaps;
 * - and so are the next run's: a simulation seeds its runs in order, so run `i + 1` is seeded with run
 *   `i`, six chains side by side, and kept for the next call. The chains are so long (each step waits
 *   for the last) that six take hardly longer than three: seeding a run took ~0.7 us, a pair takes ~0.75.
 */
import { COUNTERPART_SEED_TAIL } from './game';
import { mashOn, N3, type Rng } from './rng';

/**
 * rng.ts's `mashStep`, the same arithmetic, written out here: run from separate modules (as `tsx`
 * runs the command line and the bench), the imported one was not inlined in the seeding loops and the
 * seeding took two and a half times as long. test/engine/rng-port.test.ts holds the two to seedrandom.
 */
function mashStep(from: number, code: number): number {
  let n = from + code;
  let h = 0.02519603282416938 * n;
  n = Math.floor(h);
  h -= n;
  h *= n;
  n = Math.floor(h);
  h -= n;
  return n + h * 0x100000000;
}

/** A string's UTF-16 code units, as Mash reads them (not its code points, as iterating it gives). */
const codesOf = (s: string): Int32Array => Int32Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

export class RunSeeds {
  /** The head's codes (the prefix, then room for the digits of any run number), and the next run's. */
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly prefixLength: number;
  /** Mash's value after the first pass over the prefix. */
  private readonly afterPrefix: number;
  private readonly counterpartTail: Int32Array;
  private readonly thirdTail: Int32Array;
  /** The six chains' running values: this run's world, counterpart and third stream, then the next run's. */
  private readonly v = new Float64Array(6);
  /** The chains' values after each pass (`6 * pass + chain`); the next run's are kept for it. */
  private readonly passes = new Float64Array(18);
  /** The run whose streams `passes` hold (chains 3 to 5), or -1. */
  private pending = -1;

  constructor(prefix: string, thirdTail: string) {
    const codes = codesOf(prefix);
    this.prefixLength = codes.length;
    // A run number below 2^53 has at most 16 digits.
    this.head = new Int32Array(codes.length + 16);
    this.head.set(codes);
    this.next = this.head.slice();
    this.afterPrefix = mashOn(N3, prefix);
    this.counterpartTail = codesOf(COUNTERPART_SEED_TAIL);
    this.thirdTail = codesOf(thirdTail);
  }

  /** Reseeds the three streams for run `run` (a whole number from 0 to 2^53, written in decimal as `${run}` writes it). */
  seed(run: number, world: Rng, counterpart: Rng, third: Rng): void {
    if (!Number.isSafeInteger(run) || run < 0) throw new Error(`rng: bad run number ${run}`);
    const p = this.passes;
    if (run !== this.pending) {
      const length = this.digits(this.head, run);
      // The next run alongside when its head is as long; else the same head twice (its results unused).
      const paired = Number.isSafeInteger(run + 1) && this.digits(this.next, run + 1) === length;
      if (!paired) this.next.set(this.head);
      this.work(length);
      this.pending = paired ? run + 1 : -1;
      world.seedFromMash(p[0] as number, p[6] as number, p[12] as number);
      counterpart.seedFromMash(p[1] as number, p[7] as number, p[13] as number);
      third.seedFromMash(p[2] as number, p[8] as number, p[14] as number);
      return;
    }
    this.pending = -1;
    world.seedFromMash(p[3] as number, p[9] as number, p[15] as number);
    counterpart.seedFromMash(p[4] as number, p[10] as number, p[16] as number);
    third.seedFromMash(p[5] as number, p[11] as number, p[17] as number);
  }

  /** Writes the digits of `run` after the prefix in `codes`; returns the head's length. */
  private digits(codes: Int32Array, run: number): number {
    const at = this.prefixLength;
    let n = 1;
    for (let r = run; r >= 10; r = Math.floor(r / 10)) n++;
    for (let k = n - 1, r = run; k >= 0; k--, r = Math.floor(r / 10)) codes[at + k] = 48 + (r % 10); // '0' + the digit
    return at + n;
  }

  /** Mash's three passes of the six chains over heads of `length` codes, into `passes`. */
  private work(length: number): void {
    const { head, next, v, passes } = this;
    // First pass: the digits of each head (the prefix's pass is done once), then the tails.
    let a = this.afterPrefix;
    let b = a;
    for (let k = this.prefixLength; k < length; k++) {
      a = mashStep(a, head[k] as number);
      b = mashStep(b, next[k] as number);
    }
    v.fill(a, 0, 3);
    v.fill(b, 3, 6);
    this.tails();
    passes.set(v, 0);
    // Second and third passes: the six chains side by side over the heads, then the four tails side by side.
    for (let pass = 1; pass < 3; pass++) {
      this.heads(length);
      this.tails();
      passes.set(v, 6 * pass);
    }
  }

  /** One pass of the six chains over the heads' first `length` codes. */
  private heads(length: number): void {
    const { head, next, v } = this;
    let w0 = v[0] as number;
    let c0 = v[1] as number;
    let t0 = v[2] as number;
    let w1 = v[3] as number;
    let c1 = v[4] as number;
    let t1 = v[5] as number;
    for (let k = 0; k < length; k++) {
      const x = head[k] as number;
      const y = next[k] as number;
      w0 = mashStep(w0, x);
      c0 = mashStep(c0, x);
      t0 = mashStep(t0, x);
      w1 = mashStep(w1, y);
      c1 = mashStep(c1, y);
      t1 = mashStep(t1, y);
    }
    v[0] = w0;
    v[1] = c0;
    v[2] = t0;
    v[3] = w1;
    v[4] = c1;
    v[5] = t1;
  }

  /** The counterpart's tail on chains 1 and 4 and the third's on chains 2 and 5, side by side. */
  private tails(): void {
    const { v } = this;
    const ct = this.counterpartTail;
    const tt = this.thirdTail;
    const both = Math.min(ct.length, tt.length);
    let c0 = v[1] as number;
    let t0 = v[2] as number;
    let c1 = v[4] as number;
    let t1 = v[5] as number;
    for (let k = 0; k < both; k++) {
      c0 = mashStep(c0, ct[k] as number);
      t0 = mashStep(t0, tt[k] as number);
      c1 = mashStep(c1, ct[k] as number);
      t1 = mashStep(t1, tt[k] as number);
    }
    for (let k = both; k < ct.length; k++) {
      c0 = mashStep(c0, ct[k] as number);
      c1 = mashStep(c1, ct[k] as number);
    }
    for (let k = both; k < tt.length; k++) {
      t0 = mashStep(t0, tt[k] as number);
      t1 = mashStep(t1, tt[k] as number);
    }
    v[1] = c0;
    v[2] = t0;
    v[4] = c1;
    v[5] = t1;
  }
}
