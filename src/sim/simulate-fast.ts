/**
 * The simulator's fast loop: the same runs as the plain loop in simulate.ts, played in place by the
 * engine's {@link Playout} with one generator per stream reseeded each run, the contradiction checks
 * reading the playout's context (and made only where the scenario lets them find anything:
 * fast-checks.ts) and nothing allocated per turn unless something is found. It reports
 * exactly what the plain loop reports (test/sim/fast-path.test.ts).
 */
import type { CompiledOption, ObjectiveResult, Scenario, Side } from '../engine';
import { Playout, Rng, RunSeeds, SIDES } from '../engine';
import { type BeatPresuming, type Contradiction, contradictionsOffered, presumingAt } from './coherence';
import { FastChecks } from './fast-checks';
import type { BeatSlot, Layout } from './layout';
import { POLICY_SEED_TAIL, type PolicyKind, type PolicyOption, policyOf, policyView } from './policies';
import { type RunBook, runSeedOf } from './sim-part';

/** What the fast loop needs of the simulation's options. */
export interface FastRunOptions {
  readonly runs: number;
  readonly seed: string;
  readonly policy: PolicyKind;
  readonly side: Side;
  readonly onProgress?: (done: number, total: number) => void;
}

/** What the loop reads of a beat, made once: its place in the layout, the policy's view of each option, whether anything shown there presumes. */
interface BeatInfo {
  readonly slot: BeatSlot;
  /** By side position (0 the United States, 1 China): the options, their first place in the layout, the policy's views. */
  readonly options: readonly [readonly CompiledOption[], readonly CompiledOption[]];
  readonly base: readonly [number, number];
  readonly views: readonly [readonly PolicyOption[], readonly PolicyOption[]];
  /** By side position: 1 when an option of that side has a condition (else every option is offered, and counted by the beat's offer). */
  readonly conditional: Uint8Array;
  readonly presuming: BeatPresuming | null;
}

const PROGRESS_EVERY = 1000;

export function fastRuns(scenario: Scenario, layout: Layout, options: FastRunOptions, from: number, to: number, book: RunBook): void {
  const { runs, seed, side } = options;
  const policy = policyOf(options.policy);
  const tally = book.tally;
  const play = new Playout(scenario, side);
  const prng = new Rng({ c: 1, s0: 0, s1: 0, s2: 0 });
  const seeds = new RunSeeds(`${seed}-`, POLICY_SEED_TAIL);
  let most = 1;
  for (const slot of layout.beats.values()) for (const s of SIDES) most = Math.max(most, slot.beat.options[s].length);
  // Per side by position (0 the United States, 1 China): a record read by a side in a variable is slow.
  const lists = [new Int32Array(most), new Int32Array(most)] as const;
  // Where no option of a side has a condition, all are offered: 0, 1, 2… in place of its list.
  const all = Int32Array.from({ length: most }, (_, j) => j);
  const offered: [Int32Array, Int32Array] = [lists[0], lists[1]];
  const random = options.policy === 'random';
  const count = new Int32Array(2);
  const me = side === 'us' ? 0 : 1;
  const them = 1 - me;
  // A policy reads its options' length: one array per length, filled in place.
  const choicesOf: PolicyOption[][] = [];
  for (let n = 0; n <= most; n++) choicesOf.push(new Array<PolicyOption>(n));
  const found: Contradiction[] = [];
  const scores = scenario.objectives.map((o, i) => ({ id: o.id, side: o.side, label: scenario.file.objectives[i]?.label ?? o.id, met: false, score: 0 }));
  // By the beat's position in `scenario.beats`, as the playout and the layout both number beats.
  const beats: BeatInfo[] = [];
  for (const slot of layout.beats.values()) {
    const { beat } = slot;
    beats[slot.index] = {
      slot,
      options: [beat.options.us, beat.options.cn],
      base: [slot.base.us, slot.base.cn],
      views: [beat.options.us.map(policyView), beat.options.cn.map(policyView)],
      conditional: Uint8Array.of(beat.options.us.some((o) => o.when !== null) ? 1 : 0, beat.options.cn.some((o) => o.when !== null) ? 1 : 0),
      presuming: presumingAt(beat),
    };
  }
  const checks = new FastChecks(scenario, layout);

  for (let i = from; i < to; i++) {
    play.reset(seeds, i, prng);
    tally.beginRun(i);
    let failed = false;
    const ctx = play.ctx;
    while (play.ending === null) {
      const beat = play.beat;
      const info = beats[play.beatIndex] as BeatInfo;
      const slot = info.slot;
      tally.offerBeat(slot.index);
      for (let s = 0; s < 2; s++) {
        const opts = info.options[s] as readonly CompiledOption[];
        if (info.conditional[s] === 0) {
          offered[s] = all;
          count[s] = opts.length;
          continue;
        }
        const list = lists[s] as Int32Array;
        offered[s] = list;
        let n = 0;
        const base = info.base[s] as number;
        for (let j = 0; j < opts.length; j++) {
          const o = opts[j] as CompiledOption;
          if (o.when === null) list[n++] = j;
          else if (o.when(ctx) !== 0) {
            list[n++] = j;
            tally.offer(base + j);
          }
        }
        count[s] = n;
      }
      const mine = offered[me] as Int32Array;
      const n = count[me] as number;
      if (n === 0) {
        book.fail({ seed: runSeedOf(seed, i), turn: play.turn + 1, beat: beat.id, code: 'sim/no-option', message: `no option is offered to ${side} at ${beat.id}` });
        failed = true;
        break;
      }
      let pick: number;
      // The random policy reads only how many options there are (randomPolicy, written out).
      if (random) pick = mine[n > 1 ? prng.below(n) : 0] as number;
      else {
        const choices = choicesOf[n] as PolicyOption[];
        const views = info.views[me] as readonly PolicyOption[];
        for (let k = 0; k < n; k++) choices[k] = views[mine[k] as number] as PolicyOption;
        pick = mine[policy(choices, prng)] as number;
      }
      if (found.length > 0) found.length = 0;
      if (info.presuming !== null) contradictionsOffered(beat, info.presuming, ctx, play.turn + 1, offered, count, found);
      const error = play.step(pick, offered[them] as Int32Array, count[them] as number);
      if (error !== null) {
        book.fail({ seed: runSeedOf(seed, i), turn: play.turn + 1, beat: beat.id, code: error.code, message: error.message });
        failed = true;
        break;
      }
      // The moves' options by their place in the layout, the lead's first.
      const k0 = (info.base[play.moveSide[0] === 'us' ? 0 : 1] as number) + (play.moveOption[0] as number);
      const k1 = (info.base[play.moveSide[1] === 'us' ? 0 : 1] as number) + (play.moveOption[1] as number);
      tally.choose(k0, play.moveOutcome[0] as number);
      tally.choose(k1, play.moveOutcome[1] as number);
      checks.turn(play, k0, k1, beat.id, ctx, found);
      play.settle();
      if (play.ending !== null) checks.ending(play.ending, play.beat.id, ctx, play.turn, found);
      if (found.length > 0) book.contradicted(found, runSeedOf(seed, i));
      tally.visitBeat(slot.index);
      for (let k = 0; k < play.firedCount; k++) tally.fire(play.firedNow[k] as number);
    }
    if (failed) continue;
    for (let k = 0; k < scores.length; k++) {
      const o = scenario.objectives[k] as Scenario['objectives'][number];
      const s = scores[k] as (typeof scores)[number];
      const raw = o.score(ctx);
      s.met = o.met(ctx) !== 0;
      s.score = raw < 0 ? 0 : Math.min(raw, 100);
    }
    book.completed(i, play.ending as string, play.turn, scores as readonly ObjectiveResult[]);
    if (options.onProgress !== undefined && (i + 1) % PROGRESS_EVERY === 0) options.onProgress(i + 1, runs);
  }
}
