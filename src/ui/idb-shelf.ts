/**
 * The list of runs in IndexedDB, through idb-keyval: one entry per run, keyed by its id, in a store of
 * its own (`red-phone` / `runs`). A browser that refuses IndexedDB (some private modes) or a full disk
 * comes back as a message, never a throw; the page then says the list could not be kept.
 */
import { createStore, del, set, values } from 'idb-keyval';
import { asRecord, type RunRecord, type RunShelf, type ShelfResult } from '../store/run-shelf';

function reason(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') return 'the browser’s storage for this site is full';
  return `the browser would not keep it (${err instanceof Error ? err.message : String(err)})`;
}

async function attempt<T>(work: () => Promise<T>): Promise<ShelfResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, message: reason(err) };
  }
}

export function idbShelf(): RunShelf | null {
  if (typeof indexedDB === 'undefined') return null;
  let store: ReturnType<typeof createStore>;
  try {
    store = createStore('red-phone', 'runs');
  } catch {
    return null;
  }
  return {
    put: (record: RunRecord) =>
      attempt(async () => {
        await set(record.id, record, store);
        return null;
      }),
    list: () =>
      attempt(async () =>
        (await values(store))
          .map(asRecord)
          .filter((r): r is RunRecord => r !== null)
          .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0)),
      ),
    remove: (id: string) =>
      attempt(async () => {
        await del(id, store);
        return null;
      }),
  };
}
