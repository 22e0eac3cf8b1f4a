/**
 * What no one had tried (issue 10): two tabs on one save, a reload in the middle of a turn, a full or
 * disabled storage, and a tampered replay file. Each is what a user would meet; each asserts what
 * they would notice.
 */
import { describe, expect, it } from 'vitest';
import { legalOptions, recordReplay, stateHash, stringifyReplay } from '../../src/engine';
import { importReplay } from '../../src/store/review';
import type { SessionStore } from '../../src/store/session';
import { ELSEWHERE } from '../../src/store/session-kit';
import { memoryStorage, SAVE_KEY, type StorageLike } from '../../src/store/storage';
import { fixtureCatalog, session } from './helpers';

function started(storage: StorageLike | null, side: 'us' | 'both' = 'us'): SessionStore {
  const store = session(storage);
  store.getState().chooseScenario('minimal');
  store.getState().setDraft({ side });
  store.getState().startRun();
  store.getState().continueFromBriefing();
  return store;
}

function playTurn(store: SessionStore, pick = 0): void {
  const run = store.getState().run;
  if (run === null) throw new Error('no run');
  const options = legalOptions(run.scenario, run.game, 'us');
  store.getState().choose('us', (options[Math.min(pick, options.length - 1)] ?? options[0])?.id ?? '');
  store.getState().continueFromOutcome();
}

describe('two tabs on the same save', () => {
  it('the second tab does not overwrite the first tab’s newer run: it says so and offers the export', () => {
    const storage = memoryStorage();
    const first = started(storage);
    const second = session(storage);
    expect(second.getState().run?.game.log).toEqual(first.getState().run?.game.log);
    playTurn(first);
    const newer = storage.getItem(SAVE_KEY);
    playTurn(second, 1);
    expect(storage.getItem(SAVE_KEY)).toBe(newer);
    expect(second.getState().saved).toBe(false);
    expect(second.getState().notice).toEqual({ kind: 'storage', message: ELSEWHERE() });
    expect(second.getState().exportSave()).not.toBeNull();
    // The first tab goes on saving its own run.
    playTurn(first);
    expect(first.getState().saved).toBe(true);
    expect(storage.getItem(SAVE_KEY)).not.toBe(newer);
  });

  it('a reload of the second tab picks up the newer run', () => {
    const storage = memoryStorage();
    const first = started(storage);
    session(storage);
    playTurn(first);
    expect(session(storage).getState().run?.game.log).toEqual(first.getState().run?.game.log);
  });
});

describe('a reload in the middle of a turn', () => {
  it('two teams: the sealed US choice, the screen and the state come back as they were', () => {
    const storage = memoryStorage();
    const store = started(storage, 'both');
    store.getState().choose('us', 'request_help');
    const before = store.getState();
    const after = session(storage).getState();
    expect(after.screen).toBe('turn');
    expect(after.run?.pending).toEqual({ us: 'request_help' });
    expect(stateHash(after.run?.game ?? before.run?.game ?? ({} as never))).toBe(stateHash(before.run?.game ?? ({} as never)));
  });

  it('on the outcome screen: the same outcome is shown again, not a new draw', () => {
    const storage = memoryStorage();
    const store = started(storage);
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    store.getState().choose('us', legalOptions(run.scenario, run.game, 'us')[0]?.id ?? '');
    expect(store.getState().screen).toBe('outcome');
    const after = session(storage).getState();
    expect(after.screen).toBe('outcome');
    expect(after.run?.lastRecord).toEqual(store.getState().run?.lastRecord);
  });
});

describe('a full or disabled storage', () => {
  const full = (): StorageLike => {
    const inner = memoryStorage();
    return {
      get length() {
        return inner.length;
      },
      key: (i) => inner.key(i),
      getItem: (k) => inner.getItem(k),
      removeItem: (k) => inner.removeItem(k),
      setItem: () => {
        throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
      },
    };
  };

  it.each([
    ['full', full(), 'Not saved: the browser storage is full. Export now to keep this run.'],
    ['disabled', null, 'Not saved: this browser gives the page no storage. Export now to keep this run.'],
  ])('%s: play goes on, the banner says the run is not saved, and the export holds it', (_name, storage, message) => {
    const store = started(storage);
    playTurn(store);
    expect(store.getState().saved).toBe(false);
    expect(store.getState().notice).toEqual({ kind: 'storage', message });
    expect(store.getState().run?.game.log.length).toBeGreaterThan(0);
    const exported = store.getState().exportSave();
    expect(exported).toContain('"format":"red-phone/save"');
  });
});

describe('a tampered replay file', () => {
  const store = started(memoryStorage());
  playTurn(store);
  const run = store.getState().run;
  if (run === null) throw new Error('no run');
  const recorded = recordReplay(run.scenario, run.game);
  if (!recorded.ok) throw new Error(recorded.error.message);
  const base = JSON.parse(stringifyReplay(recorded.value)) as Record<string, unknown> & { controllers: Record<string, string>; actions: Record<string, unknown>[]; hashes: string[] };
  const cases: [string, (o: typeof base) => void, RegExp][] = [
    ['format', (o) => Object.assign(o, { format: 'red-phone/replay2' }), /format/],
    ['version', (o) => Object.assign(o, { version: 99 }), /version 99/],
    ['engineVersion', (o) => Object.assign(o, { engineVersion: '9.9.9' }), /at engineVersion/],
    ['scenarioId', (o) => Object.assign(o, { scenarioId: 'other' }), /at scenarioId/],
    ['scenarioVersion', (o) => Object.assign(o, { scenarioVersion: '9.9.9' }), /minimal 9\.9\.9/],
    ['scenarioHash', (o) => Object.assign(o, { scenarioHash: '0123456789abcdef' }), /at scenarioHash/],
    ['seed', (o) => Object.assign(o, { seed: 'ZZZZ' }), /at hashes\[0\]\): the seed, a choice or who plays a side was changed/],
    ['controllers', (o) => Object.assign(o.controllers, { us: 'model' }), /the engine refused action 1 .*\(at actions\[0\]\)/],
    ['an action', (o) => Object.assign(o.actions[0] ?? {}, { us: 'go_public' }), /at hashes\[0\]\): the seed, a choice/],
    ['an action kind', (o) => Object.assign(o.actions[0] ?? {}, { kind: 'inject' }), /actions\[0\]/],
    ['a hash', (o) => Object.assign(o.hashes, { 0: '0000000000000000' }), /at hashes\[0\]/],
    ['one action more', (o) => o.actions.push({ kind: 'turn', us: 'request_help' }), /2 actions and 1 state hashes/],
    ['an extra field', (o) => Object.assign(o, { extra: 1 }), /"extra"/],
  ];
  it.each(cases)('%s changed: refused with the field named, never replayed', (_name, change, named) => {
    const o = structuredClone(base);
    change(o);
    const result = importReplay(JSON.stringify(o), 'group-a.json', fixtureCatalog());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.startsWith('group-a.json: ')).toBe(true);
      expect(result.message).toMatch(named);
    }
  });

  it('the untouched file replays', () => {
    expect(importReplay(JSON.stringify(base), 'group-a.json', fixtureCatalog()).ok).toBe(true);
  });
});
