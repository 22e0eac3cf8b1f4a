import { readFileSync } from 'node:fs';
import { legalOptions } from '../../src/engine';
import { type Catalog, loadCatalog } from '../../src/store/catalog';
import type { Run } from '../../src/store/run';
import { createSession, type SessionStore } from '../../src/store/session';
import { memoryStorage, type StorageLike } from '../../src/store/storage';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** A catalog with the minimal fixture scenario, loaded as the browser loads the bundled files. */
export function fixtureCatalog(): Catalog {
  return loadCatalog([{ file: '/scenarios/minimal.yaml', text: read('test/fixtures/valid/minimal.yaml') }], read('scenarios/terms.yaml'), read('scenarios/ladder.yaml'), read('scenarios/facts.yaml'));
}

/** Seeds handed out in order, so a test knows each "random" seed. */
export function seeds(...list: string[]): () => string {
  let i = 0;
  return () => list[i++ % list.length] as string;
}

export function session(storage: StorageLike | null = memoryStorage(), catalog: Catalog = fixtureCatalog()): SessionStore {
  return createSession({ catalog, storage, randomSeed: seeds('K7Q3', 'ABCD', 'WXYZ') });
}

/** A finished one-side run of the minimal scenario on `seed`, option `pick(turn)` (0-based, clamped) each turn. */
export function finishedRun(seed: string, pick: (turn: number) => number): Run {
  const store = session();
  store.getState().chooseScenario('minimal', seed);
  store.getState().startRun();
  store.getState().continueFromBriefing();
  for (let guard = 0; guard < 50 && store.getState().screen !== 'debrief'; guard++) {
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    const options = legalOptions(run.scenario, run.game, 'us');
    const option = options[Math.min(pick(run.game.turn), options.length - 1)];
    if (option === undefined) throw new Error('no option');
    store.getState().choose('us', option.id);
    store.getState().continueFromOutcome();
  }
  const run = store.getState().run;
  if (run === null) throw new Error('no run');
  return run;
}
