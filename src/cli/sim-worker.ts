/**
 * A worker thread of `scenario sim --workers N` (see sim-pool.ts): it loads the scenario file itself
 * (a compiled scenario holds functions, which cannot cross threads), checks it has the same hash as the
 * main thread's, then plays the shares of runs it is sent and posts back each share's counts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../engine';
import { type SimPart, simulatePart } from '../sim';
import type { Io } from './io';
import { loadScenarioFile, projectLibrary } from './project';
import type { PoolTask, WorkerData, WorkerReply } from './sim-pool';

const port = parentPort;
if (port === null) throw new Error('sim-worker: not started as a worker thread');

const data = workerData as WorkerData;
const quiet: Io = { cwd: data.cwd, out: () => undefined, err: () => undefined, stdin: null, stderrIsTTY: false };

function load(): Scenario {
  const lib = projectLibrary();
  if (lib.library === null) throw new Error('the terms or ladder file has errors');
  const { scenario } = loadScenarioFile(quiet, data.file, lib.library);
  if (scenario === null) throw new Error(`${data.file} has errors`);
  if (scenario.hash !== data.hash) throw new Error(`${data.file} changed while the simulation ran (its hash is ${scenario.hash}, was ${data.hash})`);
  return scenario;
}

const reply = (r: WorkerReply): void => port.postMessage(r);

try {
  const scenario = load();
  port.on('message', (task: PoolTask) => {
    try {
      const part: SimPart = simulatePart(scenario, { runs: task.runs, seed: task.seed, policy: task.policy, side: task.side }, task.from, task.to);
      reply({ kind: 'part', task: task.id, part });
    } catch (e) {
      reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
  reply({ kind: 'ready' });
} catch (e) {
  reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
}
