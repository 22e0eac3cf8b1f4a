/**
 * A worker thread of `scenario sim --workers N` (see sim-pool.ts): it compiles the scenario from the
 * checked data the main thread sends (a compiled scenario holds functions, which cannot cross threads;
 * its data and the library's can, as the build ships them to the page: engine/format/prepared.ts),
 * without reading YAML or checking it again, makes sure it has the main thread's hash, then plays the
 * shares of runs it is sent and posts back each share's counts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compilePrepared, libraryFromPrepared, type Scenario } from '../engine';
import { type SimPart, simulatePart } from '../sim';
import type { PoolTask, WorkerData, WorkerReply } from './sim-pool';

const port = parentPort;
if (port === null) throw new Error('sim-worker: not started as a worker thread');

const data = workerData as WorkerData;

function load(): Scenario {
  const scenario = compilePrepared(data.scenario, libraryFromPrepared(data.library));
  if (scenario.hash !== data.hash) throw new Error(`${data.file}: the data sent to the worker compiles to another scenario (its hash is ${scenario.hash}, the main thread's ${data.hash})`);
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
