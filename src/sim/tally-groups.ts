/**
 * The two groups of runs of every option: the runs that chose it and the runs that were offered it
 * and passed it by, each with its count of runs, its endings and its objectives' score totals.
 *
 * Adding a run's ending and scores to the group of every option it met is most of what closing a run
 * costs: some fifty options a run, each with ten objectives. Most options have no condition, and such
 * an option is offered exactly when its beat is played, so a run is added once to each beat it played
 * and once to each option it chose; the runs that passed an option by are then its beat's runs less the
 * runs that chose it, worked out only when the counts are read ({@link flush}). Only the options with
 * a condition are added one by one. The sums are of whole numbers, so the difference is exact and the
 * counts are the same as adding every run to every option it met.
 */
import type { Layout } from './layout';

/**
 * A run is added to a group three counts to a number while its scores are whole numbers from 0 to 100
 * (as they are in every shipped scenario): scores a, b and c as a + b * 2^17 + c * 2^34, and its ending
 * as a one in the part of the ending's number that is the ending's (the group's runs are the sum of its
 * endings). A group's row is then a few numbers side by side (four for eight objectives and five
 * endings, against ten counts in three arrays), added to in place. Each part stays below 2^17 for
 * PACKED_RUNS runs (100 * 1024 < 2^17), and the sums stay whole numbers below 2^53, so they are exact;
 * they are taken apart and added to the groups' counts every PACKED_RUNS runs and before the counts are
 * read. Whole numbers add up exactly in any order, so the counts are the same. A score that is not such
 * a number (a fraction, say) ends the packing for good: what is packed is added first, and from then on
 * every run is added as it comes, in the same order as before.
 */
const PART = 131072; // 2^17
const PARTS = 3;
const PACKED_RUNS = 1024;

export class Groups {
  /** Two groups per option: [2k] chose it, [2k + 1] passed it by. */
  readonly runs: Int32Array;
  readonly endings: Int32Array;
  readonly objectives: Float64Array;
  /** Per option: its beat's index, and 1 when it has no condition (offered whenever its beat is played). */
  readonly beatOf: Int32Array;
  readonly always: Uint8Array;
  /** Per beat: 1 when any of its options has no condition. */
  private readonly beatHasAlways: Uint8Array;
  /** The runs that played each beat since the last flush: count, endings, score totals. */
  private readonly beatRuns: Int32Array;
  private readonly beatEndings: Int32Array;
  private readonly beatObjectives: Float64Array;
  /** The chose groups as the last flush left them (what the beats' runs have been set against). */
  private readonly choseRuns: Int32Array;
  private readonly choseEndings: Int32Array;
  private readonly choseObjectives: Float64Array;
  /** The run each option, or beat, was last offered, or chosen in; -1 before any. */
  private readonly offeredIn: Int32Array;
  private readonly chosenIn: Int32Array;
  private readonly playedIn: Int32Array;
  /** This run's options with a condition offered, options chosen and beats played (first `n…` of each). */
  private readonly touched: Int32Array;
  private readonly chosen: Int32Array;
  private readonly played: Int32Array;
  private nTouched = 0;
  private nChosen = 0;
  private nPlayed = 0;
  private run = -1;
  /** How many numbers a run's packed scores take, and a row (its packed scores, then its packed endings); the run's packed scores; the rows of the groups and beats since the last unpacking. */
  private readonly packs: number;
  private readonly width: number;
  private readonly packed: Float64Array;
  private readonly packedGroups: Float64Array;
  private readonly packedBeats: Float64Array;
  private packedRuns = 0;
  private packing = true;

  constructor(
    layout: Layout,
    private readonly nEnd: number,
    private readonly nObj: number,
  ) {
    const nOpt = layout.options.length;
    const nBeats = layout.beatIds.length;
    this.runs = new Int32Array(nOpt * 2);
    this.endings = new Int32Array(nOpt * 2 * nEnd);
    this.objectives = new Float64Array(nOpt * 2 * nObj);
    this.beatOf = new Int32Array(nOpt);
    this.always = new Uint8Array(nOpt);
    for (const slot of layout.beats.values()) {
      for (const side of ['us', 'cn'] as const) {
        slot.beat.options[side].forEach((o, j) => {
          this.beatOf[slot.base[side] + j] = slot.index;
          this.always[slot.base[side] + j] = o.when === null ? 1 : 0;
        });
      }
    }
    this.beatHasAlways = new Uint8Array(nBeats);
    for (let k = 0; k < nOpt; k++) if (this.always[k] === 1) this.beatHasAlways[this.beatOf[k] as number] = 1;
    this.beatRuns = new Int32Array(nBeats);
    this.beatEndings = new Int32Array(nBeats * nEnd);
    this.beatObjectives = new Float64Array(nBeats * nObj);
    this.choseRuns = new Int32Array(nOpt);
    this.choseEndings = new Int32Array(nOpt * nEnd);
    this.choseObjectives = new Float64Array(nOpt * nObj);
    this.offeredIn = new Int32Array(nOpt).fill(-1);
    this.chosenIn = new Int32Array(nOpt).fill(-1);
    this.playedIn = new Int32Array(nBeats).fill(-1);
    this.touched = new Int32Array(nOpt);
    this.chosen = new Int32Array(nOpt);
    this.played = new Int32Array(nBeats);
    this.packs = Math.ceil(nObj / PARTS);
    this.width = this.packs + Math.ceil(nEnd / PARTS);
    this.packed = new Float64Array(this.packs);
    this.packedGroups = new Float64Array(nOpt * 2 * this.width);
    this.packedBeats = new Float64Array(nBeats * this.width);
  }

  beginRun(run: number): void {
    this.run = run;
    this.nTouched = 0;
    this.nChosen = 0;
    this.nPlayed = 0;
  }

  offer(k: number): void {
    if (this.always[k] === 1) {
      const b = this.beatOf[k] as number;
      if (this.playedIn[b] !== this.run) {
        this.playedIn[b] = this.run;
        this.played[this.nPlayed++] = b;
      }
    } else if (this.offeredIn[k] !== this.run) {
      this.offeredIn[k] = this.run;
      this.touched[this.nTouched++] = k;
    }
  }

  /** Beat `b` is offered this turn: as {@link offer} of each of its options without a condition (the caller offers the others). */
  offerBeat(b: number): void {
    if (this.beatHasAlways[b] === 1 && this.playedIn[b] !== this.run) {
      this.playedIn[b] = this.run;
      this.played[this.nPlayed++] = b;
    }
  }

  choose(k: number): void {
    if (this.chosenIn[k] !== this.run) {
      this.chosenIn[k] = this.run;
      this.chosen[this.nChosen++] = k;
    }
  }

  /** Adds the run (ending `e`, scores `scores`) to the groups of every option it met. */
  endRun(e: number, scores: Float64Array): void {
    if (this.packing && !this.pack(scores)) {
      this.unpack();
      this.packing = false;
    }
    if (this.packing) this.endPacked(e);
    else this.endOneByOne(e, scores);
  }

  private endOneByOne(e: number, scores: Float64Array): void {
    const { run, nEnd, nObj, always, beatOf, playedIn, offeredIn, chosenIn } = this;
    for (let t = 0; t < this.nPlayed; t++) add(this.beatRuns, this.beatEndings, this.beatObjectives, this.played[t] as number, nEnd, nObj, e, scores);
    // An option counts as chosen only in a run that was offered it, as before.
    for (let t = 0; t < this.nChosen; t++) {
      const k = this.chosen[t] as number;
      const met = always[k] === 1 ? playedIn[beatOf[k] as number] === run : offeredIn[k] === run;
      if (met) add(this.runs, this.endings, this.objectives, 2 * k, nEnd, nObj, e, scores);
    }
    for (let t = 0; t < this.nTouched; t++) {
      const k = this.touched[t] as number;
      if (chosenIn[k] !== run) add(this.runs, this.endings, this.objectives, 2 * k + 1, nEnd, nObj, e, scores);
    }
  }

  /** {@link endOneByOne}, to the packed rows. */
  private endPacked(e: number): void {
    const { run, width, packed, always, beatOf, playedIn, offeredIn, chosenIn, packedGroups } = this;
    const endAt = this.packs + Math.floor(e / PARTS);
    const endBy = PART_VALUES[e % PARTS] as number;
    for (let t = 0; t < this.nPlayed; t++) addPacked(this.packedBeats, (this.played[t] as number) * width, packed, endAt, endBy);
    for (let t = 0; t < this.nChosen; t++) {
      const k = this.chosen[t] as number;
      const met = always[k] === 1 ? playedIn[beatOf[k] as number] === run : offeredIn[k] === run;
      if (met) addPacked(packedGroups, 2 * k * width, packed, endAt, endBy);
    }
    for (let t = 0; t < this.nTouched; t++) {
      const k = this.touched[t] as number;
      if (chosenIn[k] !== run) addPacked(packedGroups, (2 * k + 1) * width, packed, endAt, endBy);
    }
    if (++this.packedRuns === PACKED_RUNS) this.unpack();
  }

  /** Packs a run's scores into `packed`; false (nothing packed) when one is not a whole number from 0 to 100. */
  private pack(scores: Float64Array): boolean {
    const { packed, nObj } = this;
    for (let q = 0; q < this.packs; q++) {
      let v = 0;
      for (let i = Math.min(nObj, PARTS * q + PARTS) - 1; i >= PARTS * q; i--) {
        const x = scores[i] as number;
        if (!(x >= 0 && x <= 100 && Math.floor(x) === x)) return false;
        v = v * PART + x;
      }
      packed[q] = v;
    }
    return true;
  }

  /** Adds what was packed to the groups' and beats' score totals, and starts packing afresh. */
  private unpack(): void {
    if (this.packedRuns === 0) return;
    this.unpackRows(this.packedGroups, this.runs, this.endings, this.objectives);
    this.unpackRows(this.packedBeats, this.beatRuns, this.beatEndings, this.beatObjectives);
    this.packedRuns = 0;
  }

  /** Adds the packed rows `from` to the counts (row r to runs[r], endings and objectives from r * nEnd and r * nObj), and clears them. */
  private unpackRows(from: Float64Array, runs: Int32Array, endings: Int32Array, objectives: Float64Array): void {
    const { width, packs, nObj, nEnd } = this;
    for (let r = 0; r * width < from.length; r++) {
      const at = r * width;
      if (isClear(from, at + packs, at + width)) continue;
      for (let q = 0; q < width; q++) {
        let v = from[at + q] as number;
        from[at + q] = 0;
        const scores = q < packs;
        const first = PARTS * (scores ? q : q - packs);
        const to = Math.min(scores ? nObj : nEnd, first + PARTS);
        for (let i = first; i < to; i++) {
          const part = v % PART;
          v = (v - part) / PART;
          if (scores) objectives[r * nObj + i] = (objectives[r * nObj + i] as number) + part;
          else {
            endings[r * nEnd + i] = (endings[r * nEnd + i] as number) + part;
            runs[r] = (runs[r] as number) + part;
          }
        }
      }
    }
  }

  /** Brings the passed-by groups of the options without a condition up to date: their beat's runs less the runs that chose them. */
  flush(): void {
    this.unpack();
    const { nEnd, nObj } = this;
    for (let k = 0; k < this.always.length; k++) {
      if (this.always[k] !== 1) continue;
      const b = this.beatOf[k] as number;
      const c = 2 * k;
      const p = c + 1;
      this.runs[p] = (this.runs[p] as number) + (this.beatRuns[b] as number) - ((this.runs[c] as number) - (this.choseRuns[k] as number));
      for (let x = 0; x < nEnd; x++) {
        const chose = (this.endings[c * nEnd + x] as number) - (this.choseEndings[k * nEnd + x] as number);
        this.endings[p * nEnd + x] = (this.endings[p * nEnd + x] as number) + (this.beatEndings[b * nEnd + x] as number) - chose;
      }
      for (let x = 0; x < nObj; x++) {
        const chose = (this.objectives[c * nObj + x] as number) - (this.choseObjectives[k * nObj + x] as number);
        this.objectives[p * nObj + x] = (this.objectives[p * nObj + x] as number) + (this.beatObjectives[b * nObj + x] as number) - chose;
      }
    }
    this.beatRuns.fill(0);
    this.beatEndings.fill(0);
    this.beatObjectives.fill(0);
    this.settled();
  }

  /** After counts are added from elsewhere (already flushed there), the chose groups as they now stand. */
  settled(): void {
    const { nEnd, nObj } = this;
    for (let k = 0; k < this.choseRuns.length; k++) {
      this.choseRuns[k] = this.runs[2 * k] as number;
      for (let x = 0; x < nEnd; x++) this.choseEndings[k * nEnd + x] = this.endings[2 * k * nEnd + x] as number;
      for (let x = 0; x < nObj; x++) this.choseObjectives[k * nObj + x] = this.objectives[2 * k * nObj + x] as number;
    }
  }
}

/** Adds a run (ending `e`, `scores`) to group `g` of the given counters. */
function add(runs: Int32Array, endings: Int32Array, objectives: Float64Array, g: number, nEnd: number, nObj: number, e: number, scores: Float64Array): void {
  runs[g] = (runs[g] as number) + 1;
  endings[g * nEnd + e] = (endings[g * nEnd + e] as number) + 1;
  const at = g * nObj;
  for (let i = 0; i < nObj; i++) objectives[at + i] = (objectives[at + i] as number) + (scores[i] as number);
}

/** The value of a one in each part of a packed number. */
const PART_VALUES = Float64Array.of(1, PART, PART * PART);

/** Adds a run's packed scores and its ending (`endBy` at `endAt`) to the row at `at`. */
function addPacked(to: Float64Array, at: number, packed: Float64Array, endAt: number, endBy: number): void {
  for (let q = 0; q < packed.length; q++) to[at + q] = (to[at + q] as number) + (packed[q] as number);
  to[at + endAt] = (to[at + endAt] as number) + endBy;
}

/** Whether `a` is zero from `from` to `to` (a row whose endings are all zero was given no run). */
function isClear(a: Float64Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (a[i] !== 0) return false;
  return true;
}
