/**
 * The game's own small persistence layer over localStorage (RELIABILITY 4-6): every read is
 * validated by the caller before use, a damaged save is copied aside byte for byte before anything
 * else is written, and a failing `setItem` is reported as a value, never thrown into the game.
 */

/** The part of the Web Storage API the game uses; tests pass an in-memory one. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SAVE_KEY = 'red-phone:save';
export const SESSION_KEY = 'red-phone:session';
export const SETTINGS_KEY = 'red-phone:settings';
export const DAMAGED_PREFIX = 'red-phone:damaged:';

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.name === 'QuotaExceededError' ? 'the browser storage is full' : err.message || err.name;
  return String(err);
}

/** Reads a key; a storage that throws (disabled, private mode) reads as absent. */
export function readKey(storage: StorageLike | null, key: string): string | null {
  if (storage === null) return null;
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes a key, reporting a failure (quota, private mode, no storage) as a value. */
export function writeKey(storage: StorageLike | null, key: string, value: string): WriteResult {
  if (storage === null) return { ok: false, message: 'this browser gives the page no storage' };
  try {
    storage.setItem(key, value);
    return { ok: true };
  } catch (err) {
    return { ok: false, message: messageOf(err) };
  }
}

export function removeKey(storage: StorageLike | null, key: string): WriteResult {
  if (storage === null) return { ok: false, message: 'this browser gives the page no storage' };
  try {
    storage.removeItem(key);
    return { ok: true };
  } catch (err) {
    return { ok: false, message: messageOf(err) };
  }
}

/**
 * Copies damaged bytes to the first free `red-phone:damaged:<n>` (n from 1), or finds the key that
 * already holds exactly these bytes, so that reloading twice never makes a second copy.
 */
export function keepAside(storage: StorageLike | null, bytes: string): { readonly ok: true; readonly key: string } | { readonly ok: false; readonly message: string } {
  if (storage === null) return { ok: false, message: 'this browser gives the page no storage' };
  for (let n = 1; n < 10_000; n++) {
    const key = `${DAMAGED_PREFIX}${n}`;
    const existing = readKey(storage, key);
    if (existing === bytes) return { ok: true, key };
    if (existing !== null) continue;
    const written = writeKey(storage, key, bytes);
    return written.ok ? { ok: true, key } : written;
  }
  return { ok: false, message: 'too many damaged saves are kept aside' };
}

/** An in-memory storage, for tests and for browsers that give the page none. */
export function memoryStorage(initial: Readonly<Record<string, string>> = {}): StorageLike & { readonly data: Map<string, string> } {
  const data = new Map<string, string>(Object.entries(initial));
  return {
    data,
    get length() {
      return data.size;
    },
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, String(value));
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}
