/**
 * Engine and simulator speed on one core: complete simulated runs per second (random policy) and
 * resolved turns per second for every scenario, next to the floor: a bare loop making the same number
 * of Alea draws. The ratio says how many times the cost of the draws alone a run takes.
 *
 * Times are the process's CPU time (user + system), not wall time, so that other work on the machine
 * (a shared build box, a test run beside it) does not count against the engine.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { PROJECT_ROOT, projectScenarioFiles, SCENARIOS_DIR } from '../../src/cli/project';
import { table } from '../../src/cli/table';
import type { CompiledOption, Scenario, Side } from '../../src/engine';
import { loadLibrary, loadScenario } from '../../src/engine/check/load';
import type { Library } from '../../src/engine/format/compile';
import { Playout } from '../../src/engine/rules/playout';
import { BASIS, Rng, seedState } from '../../src/engine/rules/rng';
import { RunSeeds } from '../../src/engine/rules/run-seeds';
import { decisionImpact, type SimOptions, type SimReport, simulate } from '../../src/sim';
import { POLICY_SEED_TAIL } from '../../src/sim/policies';
import type { BenchSection } from './section';

/** The goals (issue 11): at least this many complete runs per second per scenario on one core… */
const GOAL_RUNS_PER_SECOND = 150_000;
/** …and a run costs at most this many times the bare generator draws it makes. */
const GOAL_RATIO = 15;
/** CPU seconds (user + system) since `from`, a value of process.cpuUsage(). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
}

function loadAll(): { name: string; scenario: Scenario | null }[] {
  const lib = loadLibrary(readFileSync(join(SCENARIOS_DIR, 'terms.yaml'), 'utf8'), readFileSync(join(SCENARIOS_DIR, 'ladder.yaml'), 'utf8'), readFileSync(join(SCENARIOS_DIR, 'facts.yaml'), 'utf8'));
  if (lib.library === null) throw new Error('the terms or ladder file has errors');
  const files = [...projectScenarioFiles(), join(PROJECT_ROOT, 'test/fixtures/valid/minimal.yaml')];
  return files.map((abs) => {
    const name = relative(PROJECT_ROOT, abs);
    return { name, scenario: loadScenario(readFileSync(abs, 'utf8'), name, lib.library as Library).scenario };
  });
}

/**
 * The runs and the bare draws are timed in turns, slice by slice (about SLICE_SECONDS each, SLICES of
 * each), so that both see the same machine: on a shared box the processor's speed swings by half from
 * one second to the next, and a ratio of a run timed in one second to draws timed in another swung with it.
 */
const SLICES = 10;
const SLICE_SECONDS = 0.1;

/** Bare draws: uniform draws of the same bound from one Alea generator, nothing else. */
function bareSlice(rng: Rng, draws: number): number {
  let sink = 0;
  for (let i = 0; i < draws; i++) sink += rng.below(BASIS);
  return sink;
}

/**
 * How many (runs or draws) `work` must do for one call to last about SLICE_SECONDS: grown from `from`
 * until a call lasts three slices, then scaled down, so that one slow call (a collection, a neighbour on
 * the machine) cannot leave the slices short.
 */
function sliceSize(from: number, work: (n: number) => void): number {
  let n = from;
  for (;;) {
    const t0 = process.cpuUsage();
    work(n);
    const seconds = cpuSince(t0);
    if (seconds >= 3 * SLICE_SECONDS) return Math.max(1, Math.round((n * SLICE_SECONDS) / seconds));
    n = Math.ceil((n * 3 * SLICE_SECONDS * 1.2) / Math.max(seconds, 0.005));
  }
}

interface Timed {
  /** Runs timed (SLICES slices of the same seeded runs) and their CPU seconds. */
  readonly runs: number;
  readonly seconds: number;
  /** Bare draws timed beside them, and their CPU seconds. */
  readonly draws: number;
  readonly drawSeconds: number;
  /** The runs in a slice. */
  readonly sliceRuns: number;
}

/** Times `play` (n runs), slice for slice in turn with the bare draws. */
function timeSlices(play: (runs: number) => void): Timed {
  const rng = new Rng(seedState('bare'));
  let sink = bareSlice(rng, 100_000);
  play(2000);
  const sliceRuns = sliceSize(500, play);
  const sliceDraws = sliceSize(100_000, (n) => {
    sink += bareSlice(rng, n);
  });
  // One untimed pair first: the first scenario measured would otherwise pay for the simulator's warm-up.
  play(sliceRuns);
  sink += bareSlice(rng, sliceDraws);
  let seconds = 0;
  let drawSeconds = 0;
  for (let k = 0; k < SLICES; k++) {
    const t0 = process.cpuUsage();
    play(sliceRuns);
    seconds += cpuSince(t0);
    const t1 = process.cpuUsage();
    sink += bareSlice(rng, sliceDraws);
    drawSeconds += cpuSince(t1);
  }
  if (sink < 0) throw new Error('unreachable');
  return { runs: sliceRuns * SLICES, seconds, draws: sliceDraws * SLICES, drawSeconds, sliceRuns };
}

const simOptions = (scenario: Scenario, runs: number): SimOptions => ({ runs, seed: 'bench', policy: 'random', side: scenario.file.sides[0] ?? 'us' });

/** Times the scenario's runs (random policy) and the bare draws; `report` is the last slice's. */
function timeSim(scenario: Scenario): Timed & { readonly report: SimReport } {
  let report: SimReport | null = null;
  const timed = timeSlices((runs) => {
    report = simulate(scenario, simOptions(scenario, runs));
  });
  if (report === null) throw new Error('unreachable');
  return { ...timed, report };
}

/**
 * The same runs played by the engine alone: the {@link Playout} with the random policy, as the
 * simulator's fast loop plays them (the same seeds, options offered, picks and draws), with none of
 * the simulator's counting or contradiction checks. What the rules cost without the report.
 */
function engineRuns(scenario: Scenario): (runs: number) => void {
  const side: Side = scenario.file.sides[0] ?? 'us';
  const me = side === 'us' ? 0 : 1;
  const play = new Playout(scenario, side);
  const prng = new Rng({ c: 1, s0: 0, s1: 0, s2: 0 });
  let most = 1;
  for (const beat of scenario.beats.values()) most = Math.max(most, beat.options.us.length, beat.options.cn.length);
  const lists = [new Int32Array(most), new Int32Array(most)] as const;
  const count = new Int32Array(2);
  return (runs) => {
    const seeds = new RunSeeds('bench-', POLICY_SEED_TAIL);
    for (let i = 0; i < runs; i++) {
      play.reset(seeds, i, prng);
      while (play.ending === null) {
        const beat = play.beat;
        for (let s = 0; s < 2; s++) {
          const opts = s === 0 ? beat.options.us : beat.options.cn;
          const list = lists[s] as Int32Array;
          let n = 0;
          for (let j = 0; j < opts.length; j++) {
            const when = (opts[j] as CompiledOption).when;
            if (when === null || when(play.ctx) !== 0) list[n++] = j;
          }
          count[s] = n;
        }
        const mine = lists[me] as Int32Array;
        const n = count[me] as number;
        if (n === 0) break;
        const pick = mine[n > 1 ? prng.below(n) : 0] as number;
        if (play.step(pick, lists[1 - me] as Int32Array, count[1 - me] as number) !== null) break;
        play.settle();
      }
    }
  };
}

/** Counts the generator draws `play` makes, by counting calls to Rng.below (outside the timed pass). */
function countDraws(play: () => void): number {
  const proto = Rng.prototype as unknown as { below: (n: number) => number };
  const original = proto.below;
  let draws = 0;
  proto.below = function counted(this: Rng, n: number): number {
    draws++;
    return original.call(this, n);
  };
  try {
    play();
  } finally {
    proto.below = original;
  }
  return draws;
}

const fmt = (x: number): string => String(Math.round(x));

export const engineSection: BenchSection = {
  title: `Engine and simulator, Node ${process.version}, one core (random policy; goal ${GOAL_RUNS_PER_SECOND} runs/s within ${GOAL_RATIO}x the bare draws)`,
  run: async () => {
    const rows: string[][] = [['scenario', 'runs', 'turns', 'runs/s', 'turns/s', 'draws/run', 'bare draws/s', 'ratio', 'engine alone', `goal: >= ${GOAL_RUNS_PER_SECOND} runs/s, <= ${GOAL_RATIO}x`]];
    const skipped: string[] = [];
    for (const { name, scenario } of loadAll()) {
      if (scenario === null) {
        skipped.push(name);
        continue;
      }
      const timed = timeSim(scenario);
      const { runs, seconds } = timed;
      const turns = timed.report.turns.histogram.reduce((n, h) => n + h.turns * h.runs, 0) * SLICES;
      // Every slice plays the same seeded runs, so it makes the same draws.
      const perSlice = countDraws(() => simulate(scenario, simOptions(scenario, timed.sliceRuns)));
      const draws = perSlice * SLICES;
      const rate = timed.draws / timed.drawSeconds;
      const bare = draws / rate;
      const rps = runs / seconds;
      const ratio = seconds / bare;
      // The engine alone, on the same runs: it must make the same draws, or it is not the same runs.
      const engine = engineRuns(scenario);
      const alone = timeSlices(engine);
      if (countDraws(() => engine(timed.sliceRuns)) !== perSlice) throw new Error(`bench: the engine alone made other draws than the simulator on ${name}`);
      const aloneBare = ((perSlice / timed.sliceRuns) * alone.runs) / (alone.draws / alone.drawSeconds);
      const aloneRatio = alone.seconds / aloneBare;
      const missed = [...(rps < GOAL_RUNS_PER_SECOND ? [`${fmt((rps * 100) / GOAL_RUNS_PER_SECOND)}% of the runs/s`] : []), ...(ratio > GOAL_RATIO ? [`ratio ${ratio.toFixed(1)}x`] : [])];
      rows.push([
        name,
        String(runs),
        String(turns),
        fmt(rps),
        fmt(turns / seconds),
        (draws / runs).toFixed(1),
        fmt(rate),
        `${ratio.toFixed(1)}x`,
        `${aloneRatio.toFixed(1)}x`,
        missed.length === 0 ? 'met' : `MISSED (${missed.join(', ')})`,
      ]);
    }
    // The decision-impact study that `scenario sim` adds (300 runs per alternative, as the CLI uses), its cost beside the plain runs.
    const impactRows: string[][] = [['scenario', 'side', 'impact CPU s', 'plain sim runs in that time', 'flags']];
    for (const { name, scenario } of loadAll()) {
      if (scenario === null) continue;
      const { runs, seconds } = timeSim(scenario);
      for (const side of scenario.file.sides) {
        const from = process.cpuUsage();
        const impact = decisionImpact(scenario, side, { seed: 'bench', runs: 300 });
        const spent = cpuSince(from);
        impactRows.push([name, side, spent.toFixed(2), fmt((runs / seconds) * spent), impact.flags.map((f) => f.key).join(' ') || 'none']);
      }
    }
    return [
      ...table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
      '',
      ...table(impactRows, ['l', 'l', 'r', 'r', 'l']),
      '',
      `  ratio: time of the simulated runs over the time of the same number of bare Alea draws; the runs and the bare draws are timed in turn, ${SLICES} slices of about ${SLICE_SECONDS} s each.`,
      "  engine alone: the same runs (the same draws) played by the engine's Playout with the random policy and nothing else: no counting, no contradiction checks, no report; its ratio is the part of the cost the rules themselves take.",
      `  times are CPU seconds of this process; load average while measuring: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
      ...(skipped.length > 0 ? [`  skipped (the file has errors): ${skipped.join(', ')}`] : []),
    ];
  },
};
