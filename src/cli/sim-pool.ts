/**
 * `scenario sim` on every core: worker threads play shares of the runs and the main thread adds the
 * shares up in run order. Run `i` is seeded `${seed}-${i}` (its policy and the counterpart from
 * streams derived from that seed) whoever plays it, so the report is the same bytes whatever the
 * number of workers (test/cli/sim-workers.test.ts). Every worker is ended when the work is done or
 * fails; a worker's error ends the command with its message.
 */

import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Library, preparedJson, preparedLibraryJson, type Scenario, type Side } from '../engine';
import { decisionImpact, type ImpactReport, type PolicyKind, type SimPart, type SimReport, simReport, simulate } from '../sim';
import { projectLibrary } from './project';
import { doTask, type PoolTask, type ShareTask, type TaskResult } from './sim-task';

/**
 * What each worker is started with: the scenario's checked data and the shared library's, as JSON
 * (engine/format/prepared.ts), the hash the scenario must compile to, and its file's name for messages.
 * Compiling the data takes a tenth of loading the file (YAML, the checker), so workers join sooner.
 */
export interface WorkerData {
  readonly file: string;
  readonly scenario: string;
  readonly library: string;
  readonly hash: string;
}

export type { PoolTask } from './sim-task';

export type WorkerReply = { readonly kind: 'ready' } | { readonly kind: 'done'; readonly task: number; readonly result: TaskResult } | { readonly kind: 'error'; readonly message: string };

export interface PoolJob {
  /** The scenario file (absolute path, named in messages) and the scenario loaded from it on the main thread. */
  readonly file: string;
  readonly scenario: Scenario;
  readonly runs: number;
  readonly seed: string;
  readonly side: Side;
  readonly policies: readonly PolicyKind[];
  /** The decision-impact study to make as well, with this many runs per alternative (see {@link simulateAll}). */
  readonly impactRuns?: number;
  /** False: every run is played by worker threads, none on this one (see {@link simulateOnWorkers}). */
  readonly mainPlays?: boolean;
  /** Runs of `policy` done so far, out of `runs`. */
  readonly onProgress?: (policy: PolicyKind, done: number, total: number) => void;
}

/** The project's library (scenarios/terms.yaml, ladder.yaml, facts.yaml), which every scenario the command line opens is compiled with. */
function sharedLibrary(): Library {
  const { library } = projectLibrary();
  if (library === null) throw new Error('the terms or ladder file has errors');
  return library;
}

/** The default number of workers: every core the process may use. */
export const defaultWorkers = (): number => availableParallelism();

/** Runs per share: small enough to keep every worker busy to the end, large enough that messages cost nothing. */
const shareSize = (runs: number, workers: number): number => Math.max(250, Math.ceil(runs / (workers * 8)));

/** esbuild's one call this file makes. */
type BuildSync = (options: Record<string, unknown>) => { outputFiles: { text: string }[] };

/** The worker's code bundled into one script, made once per process. */
let bundledWorker: string | null = null;

/**
 * How to start a worker: the built .js directly, or, from the source tree (as `npm run scenario` runs
 * it, through tsx), sim-worker.ts and all it imports bundled once by esbuild (tsx's own compiler, a
 * development dependency as tsx is) into one CommonJS script that each worker evaluates. A worker that
 * registered tsx and loaded the .ts modules one by one through its loader took about 1.5 CPU-seconds
 * to start; the bundle (about 1.2 MB) starts in about a tenth of that.
 */
function workerStart(): { entry: string | URL; eval: boolean } {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return { entry: new URL('./sim-worker.js', self), eval: false };
  if (bundledWorker === null) {
    const { buildSync } = createRequire(self)('esbuild') as { buildSync: BuildSync };
    const out = buildSync({ entryPoints: [fileURLToPath(new URL('./sim-worker.ts', self))], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' });
    const code = out.outputFiles[0]?.text;
    if (code === undefined) throw new Error('sim: esbuild made no bundle of the worker');
    bundledWorker = code;
  }
  return { entry: bundledWorker, eval: true };
}

/**
 * One report per policy, in the order given, played by `threads` threads: this one and `threads - 1`
 * workers. This thread starts on the runs at once and the workers join as they come up (starting one
 * loads the whole program again, which takes a second or so), so more threads never make a simulation
 * slower than one. `job.mainPlays === false` leaves every run to the workers (the tests check the workers so).
 */
export async function simulateOnWorkers(job: PoolJob, threads: number): Promise<SimReport[]> {
  return (await simulateAll(job, threads)).reports;
}

/**
 * The reports, and the decision-impact study when `job.impactRuns` is given (null otherwise). On
 * several threads the study is one more task, taken first (it is the longest), beside the shares of runs.
 */
export async function simulateAll(job: PoolJob, threads: number): Promise<{ reports: SimReport[]; impact: ImpactReport | null }> {
  const { scenario, runs, seed, side, policies, impactRuns } = job;
  const mainPlays = job.mainPlays !== false;
  if (threads <= 1 && mainPlays) {
    const progress = job.onProgress;
    const reports = policies.map((policy) =>
      simulate(scenario, { runs, seed, policy, side, ...(progress !== undefined ? { onProgress: (done: number, total: number) => progress(policy, done, total) } : {}) }),
    );
    return { reports, impact: impactRuns === undefined ? null : decisionImpact(scenario, side, { seed, runs: impactRuns }) };
  }
  const tasks: PoolTask[] = impactRuns === undefined ? [] : [{ kind: 'impact', id: 0, side, seed, runs: impactRuns }];
  const size = shareSize(runs, Math.max(threads, 2));
  for (const policy of policies) for (let from = 0; from < runs; from += size) tasks.push({ kind: 'share', id: tasks.length, policy, side, seed, runs, from, to: Math.min(runs, from + size) });
  const results = await runTasks(job, tasks, Math.max(1, Math.min(mainPlays ? threads - 1 : threads, tasks.length)), mainPlays);
  const reports = policies.map((policy) => {
    const mine = tasks.filter((t): t is ShareTask => t.kind === 'share' && t.policy === policy).map((t) => partOf(results[t.id]));
    return simReport(scenario, { runs, seed, policy, side }, mine);
  });
  const study = results.find((r) => r?.kind === 'impact');
  return { reports, impact: study?.kind === 'impact' ? study.impact : null };
}

function partOf(result: TaskResult | undefined): SimPart {
  if (result?.kind !== 'share') throw new Error('sim: a share of the runs came back without its counts');
  return result.part;
}

/** Does every task on `count` workers, and on this thread too when `mainPlays`; the results by task id. */
function runTasks(job: PoolJob, tasks: readonly PoolTask[], count: number, mainPlays: boolean): Promise<TaskResult[]> {
  const start = workerStart();
  const data: WorkerData = { file: job.file, scenario: preparedJson(job.scenario.file), library: preparedLibraryJson(sharedLibrary()), hash: job.scenario.hash };
  const results: TaskResult[] = [];
  const pool: Worker[] = [];
  let next = 0;
  let done = 0;
  const runsDone = new Map<PolicyKind, number>();
  return new Promise<TaskResult[]>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      // Every worker is ended, whether the work is done or failed; terminate() also ends one that hangs or is still starting.
      void Promise.all(pool.map((w) => w.terminate())).then(
        () => (error === null ? resolve(results) : reject(error)),
        () => (error === null ? resolve(results) : reject(error)),
      );
    };
    const record = (task: PoolTask, result: TaskResult): void => {
      results[task.id] = result;
      done++;
      if (task.kind === 'share' && result.kind === 'share') {
        runsDone.set(task.policy, (runsDone.get(task.policy) ?? 0) + result.part.to - result.part.from);
        job.onProgress?.(task.policy, runsDone.get(task.policy) as number, job.runs);
      }
      if (done === tasks.length) finish(null);
    };
    const give = (w: Worker): void => {
      const task = tasks[next++];
      if (task !== undefined) w.postMessage(task);
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(start.entry, { eval: start.eval, workerData: data });
      pool.push(w);
      w.on('message', (r: WorkerReply) => {
        if (settled) return;
        if (r.kind === 'error') return finish(new Error(`sim worker: ${r.message}`));
        if (r.kind === 'done') record(tasks[r.task] as PoolTask, r.result);
        if (!settled) give(w);
      });
      w.on('error', (e) => finish(new Error(`sim worker: ${e instanceof Error ? e.message : String(e)}`)));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`sim worker: stopped (exit code ${code}) before the simulation was done`));
      });
    }
    if (mainPlays) void playHere();
    // This thread takes the next task in turn with the workers, yielding between tasks so their messages are heard.
    async function playHere(): Promise<void> {
      while (!settled && next < tasks.length) {
        const task = tasks[next++] as PoolTask;
        try {
          record(task, doTask(job.scenario, task));
        } catch (e) {
          finish(e instanceof Error ? e : new Error(String(e)));
        }
        await new Promise((resume) => setImmediate(resume));
      }
    }
  });
}
