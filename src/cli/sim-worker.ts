/**
 * A worker thread of `scenario sim --workers N` (see sim-pool.ts): it compiles the scenario from the
 * checked data the main thread sends (a compiled scenario holds functions, which cannot cross threads;
 * its data and the library's can, as the build ships them to the page: engine/format/prepared.ts),
 * without reading YAML or checking it again, makes sure it has the main thread's hash, then plays the
 * tasks it is sent (shares of runs, the decision-impact study: sim-task.ts) and posts back their results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compilePrepared, libraryFromPrepared, type Scenario } from '../engine';
import type { WorkerData, WorkerReply } from './sim-pool';
import { doTask, type PoolTask } from './sim-task';

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
      reply({ kind: 'done', task: task.id, result: doTask(scenario, task) });
    } catch (e) {
      reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
  reply({ kind: 'ready' });
} catch (e) {
  reply({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
}
