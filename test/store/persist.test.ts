import { describe, expect, it } from 'vitest';
import { DAMAGED_PREFIX, keepAside, memoryStorage, SAVE_KEY, type StorageLike } from '../../src/store/storage';
import { session } from './helpers';

/** A valid save of a minimal run one turn in. */
function validSave(): string {
  const storage = memoryStorage();
  const store = session(storage);
  store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
  store.getState().continueFromBriefing();
  store.getState().choose('us', 'request_help');
  const text = storage.getItem(SAVE_KEY);
  if (text === null) throw new Error('no save');
  return text;
}

const damaged: [string, (valid: string) => string, string][] = [
  ['truncated JSON', (v) => v.slice(0, v.length - 20), 'save/corrupt'],
  ['garbage bytes', () => '\u0000\u00ff not a save', 'save/corrupt'],
  ['a too-new version', (v) => v.replace('"version":1', '"version":7'), 'save/too-new'],
  ['no version', (v) => v.replace('"version":1,', ''), 'save/no-version'],
  ['another scenario content hash', (v) => v.replace(/"scenarioHash":"[0-9a-f]{16}"/, '"scenarioHash":"0123456789abcdef"'), 'save/scenario-changed'],
  ['a scenario not installed', (v) => v.replace(/"scenarioId":"minimal"/, '"scenarioId":"elsewhere"'), 'save/scenario-missing'],
  ['a replay stored as a save', () => '{"format":"red-phone/replay","version":1}', 'save/is-a-replay'],
  ['an edited choice', (v) => v.replace('"us":"request_help"', '"us":"go_public"'), 'save/diverged'],
];

describe('restoring a damaged save', () => {
  for (const [name, damage, code] of damaged) {
    it(`${name}: keeps the bytes aside, says why (${code}), and starts on the title screen`, () => {
      const bytes = damage(validSave());
      const storage = memoryStorage({ [SAVE_KEY]: bytes });
      const store = session(storage);
      const notice = store.getState().notice;
      expect(notice?.kind).toBe('bad-save');
      expect(notice?.message).toContain(code);
      expect(notice?.message).toContain(`${DAMAGED_PREFIX}1`);
      expect(notice?.kind === 'bad-save' ? notice.bytes : null).toBe(bytes);
      expect(storage.getItem(`${DAMAGED_PREFIX}1`)).toBe(bytes);
      expect(storage.getItem(SAVE_KEY)).toBe(bytes);
      expect(store.getState().screen).toBe('title');
      expect(store.getState().run).toBeNull();
      store.getState().startFresh();
      expect(storage.getItem(SAVE_KEY)).toBeNull();
      expect(storage.getItem(`${DAMAGED_PREFIX}1`)).toBe(bytes);
      expect(store.getState().notice).toBeNull();
    });
  }

  it('keeps the same damaged bytes once however often the page reloads, and a second one apart', () => {
    const storage = memoryStorage({ [SAVE_KEY]: 'broken' });
    session(storage);
    session(storage);
    expect(storage.getItem(`${DAMAGED_PREFIX}1`)).toBe('broken');
    expect(storage.getItem(`${DAMAGED_PREFIX}2`)).toBeNull();
    expect(keepAside(storage, 'broken again')).toEqual({ ok: true, key: `${DAMAGED_PREFIX}2` });
  });

  it('holds every save when the damaged bytes cannot be copied aside, so they are never overwritten', () => {
    const storage = memoryStorage({ [SAVE_KEY]: 'broken' });
    const refusing: StorageLike = {
      get length() {
        return storage.length;
      },
      key: (i) => storage.key(i),
      getItem: (k) => storage.getItem(k),
      removeItem: (k) => storage.removeItem(k),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const store = session(refusing);
    expect(store.getState().savesHeld).toBe(true);
    expect(store.getState().notice?.message).toContain('could not be copied aside');
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    store.getState().continueFromBriefing();
    store.getState().choose('us', 'request_help');
    expect(store.getState().screen).toBe('outcome');
    expect(storage.getItem(SAVE_KEY)).toBe('broken');
  });
});

describe('a storage that refuses writes', () => {
  it('keeps play going, says "not saved: export now", and offers the save text', () => {
    const refusing: StorageLike = {
      length: 0,
      key: () => null,
      getItem: () => null,
      removeItem: () => undefined,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const store = session(refusing);
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().saved).toBe(false);
    expect(store.getState().notice?.kind).toBe('storage');
    expect(store.getState().notice?.message).toMatch(/^Not saved: the browser storage is full\. Export now/);
    store.getState().continueFromBriefing();
    store.getState().choose('us', 'request_help');
    expect(store.getState().screen).toBe('outcome');
    const text = store.getState().exportSave();
    const restored = session(memoryStorage({ [SAVE_KEY]: text ?? '' }));
    expect(restored.getState().run?.game).toEqual(store.getState().run?.game);
    expect(restored.getState().screen).toBe('outcome');
  });

  it('works with no storage at all', () => {
    const store = session(null);
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=cn');
    store.getState().continueFromBriefing();
    store.getState().choose('cn', 'deny');
    expect(store.getState().screen).toBe('outcome');
    expect(store.getState().notice?.kind).toBe('storage');
  });

  it('clears the storage notice once a save succeeds again', () => {
    const storage = memoryStorage();
    let refuse = true;
    const flaky: StorageLike = {
      ...storage,
      get length() {
        return storage.length;
      },
      getItem: (k) => storage.getItem(k),
      setItem: (k, v) => {
        if (refuse) throw new Error('quota');
        storage.setItem(k, v);
      },
    };
    const store = session(flaky);
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    expect(store.getState().notice?.kind).toBe('storage');
    refuse = false;
    store.getState().continueFromBriefing();
    expect(store.getState().notice).toBeNull();
    expect(store.getState().saved).toBe(true);
  });
});

describe('a saved two-team turn', () => {
  it('restores the sealed US choice so China chooses next', () => {
    const storage = memoryStorage();
    const store = session(storage);
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=both');
    store.getState().continueFromBriefing();
    store.getState().choose('us', 'go_public');
    const again = session(storage);
    expect(again.getState().screen).toBe('turn');
    expect(again.getState().run?.pending).toEqual({ us: 'go_public' });
    again.getState().handOver();
    again.getState().choose('cn', 'deny');
    expect(again.getState().screen).toBe('outcome');
  });
});

describe('a damaged save and a new run', () => {
  it('"start fresh" after starting a new run keeps the new run and its save', () => {
    const storage = memoryStorage({ [SAVE_KEY]: 'broken' });
    const store = session(storage);
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    const saved = storage.getItem(SAVE_KEY);
    expect(saved).not.toBe('broken');
    store.getState().startFresh();
    expect(storage.getItem(SAVE_KEY)).toBe(saved);
    expect(store.getState().run?.game.seed).toBe('K7Q3');
    expect(store.getState().screen).toBe('briefing');
    expect(storage.getItem(`${DAMAGED_PREFIX}1`)).toBe('broken');
  });
});
