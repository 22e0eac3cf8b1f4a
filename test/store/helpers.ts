import { readFileSync } from 'node:fs';
import { type Catalog, loadCatalog } from '../../src/store/catalog';
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
