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
 *   so they are worked side by side in one loop, which the processor overlaps.
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
  /** The head's codes: the prefix, then room for the digits of any run number. */
  private readonly head: Int32Array;
  private readonly prefixLength: number;
  /** Mash's value after the first pass over the prefix. */
  private readonly afterPrefix: number;
  private readonly counterpartTail: Int32Array;
  private readonly thirdTail: Int32Array;
  // The counterpart's and the third stream's running values, as `heads` and `tails` leave them.
  private c = 0;
  private t = 0;

  constructor(prefix: string, thirdTail: string) {
    const codes = codesOf(prefix);
    this.prefixLength = codes.length;
    // A run number below 2^53 has at most 16 digits.
    this.head = new Int32Array(codes.length + 16);
    this.head.set(codes);
    this.afterPrefix = mashOn(N3, prefix);
    this.counterpartTail = codesOf(COUNTERPART_SEED_TAIL);
    this.thirdTail = codesOf(thirdTail);
  }

  /** Reseeds the three streams for run `run` (a whole number from 0 to 2^53, written in decimal as `${run}` writes it). */
  seed(run: number, world: Rng, counterpart: Rng, third: Rng): void {
    if (!Number.isSafeInteger(run) || run < 0) throw new Error(`rng: bad run number ${run}`);
    const head = this.head;
    const at = this.prefixLength;
    let digits = 1;
    for (let r = run; r >= 10; r = Math.floor(r / 10)) digits++;
    for (let k = digits - 1, r = run; k >= 0; k--, r = Math.floor(r / 10)) head[at + k] = 48 + (r % 10); // '0' + the digit
    const length = at + digits;
    // First pass: one over the head for all three, then the two tails.
    let h = this.afterPrefix;
    for (let k = at; k < length; k++) h = mashStep(h, head[k] as number);
    const w1 = h;
    this.tails(h, h);
    const c1 = this.c;
    const t1 = this.t;
    // Second and third passes: the three chains side by side over the head, then the two tails side by side.
    const w2 = this.heads(w1, c1, t1, length);
    this.tails(this.c, this.t);
    const c2 = this.c;
    const t2 = this.t;
    const w3 = this.heads(w2, c2, t2, length);
    this.tails(this.c, this.t);
    world.seedFromMash(w1, w2, w3);
    counterpart.seedFromMash(c1, c2, this.c);
    third.seedFromMash(t1, t2, this.t);
  }

  /** One pass over the head's first `length` codes for the three chains; returns the world's, leaves the others in `c` and `t`. */
  private heads(w: number, c: number, t: number, length: number): number {
    const head = this.head;
    let a = w;
    let b = c;
    let d = t;
    for (let k = 0; k < length; k++) {
      const code = head[k] as number;
      a = mashStep(a, code);
      b = mashStep(b, code);
      d = mashStep(d, code);
    }
    this.c = b;
    this.t = d;
    return a;
  }

  /** The counterpart's tail from `c` and the third's from `t`, side by side; leaves the results in `c` and `t`. */
  private tails(c: number, t: number): void {
    const ct = this.counterpartTail;
    const tt = this.thirdTail;
    const both = Math.min(ct.length, tt.length);
    let b = c;
    let d = t;
    for (let k = 0; k < both; k++) {
      b = mashStep(b, ct[k] as number);
      d = mashStep(d, tt[k] as number);
    }
    for (let k = both; k < ct.length; k++) b = mashStep(b, ct[k] as number);
    for (let k = both; k < tt.length; k++) d = mashStep(d, tt[k] as number);
    this.c = b;
    this.t = d;
  }
}
