/**
 * The list of runs kept in the browser (issue 17): a new run never replaces another; a save from before
 * the list moves over on first load, once; a kept run opens where it was left, state for state; the open
 * run cannot be deleted; a secret class run stays off the list until its debrief; a shelf that refuses
 * says so.
 */
import { describe, expect, it } from 'vitest';
import { legalOptions, stateHash } from '../../src/engine';
import { memoryShelf, type RunShelf } from '../../src/store/run-shelf';
import { createSession, type SessionStore } from '../../src/store/session';
import { memoryStorage, SAVE_KEY } from '../../src/store/storage';
import { fixtureCatalog, seeds } from './helpers';

let tick = 0;
const clock = (): string => new Date(Date.UTC(2026, 11, 6, 9, 0, tick++)).toISOString();

function page(storage = memoryStorage(), shelf: RunShelf | null = memoryShelf(), secretStorage = memoryStorage()): SessionStore {
  return createSession({ catalog: fixtureCatalog(), storage, secretStorage, shelf, now: clock, randomSeed: seeds('K7Q3', 'ABCD', 'WXYZ', 'MNPQ') });
}

function start(store: SessionStore, seed: string, turns = 1): void {
  store.getState().chooseScenario('minimal', seed);
  store.getState().startRun();
  store.getState().continueFromBriefing();
  for (let t = 0; t < turns && store.getState().run?.game.ending === null; t++) {
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    store.getState().choose('us', legalOptions(run.scenario, run.game, 'us')[0]?.id ?? '');
    store.getState().continueFromOutcome();
  }
}

/** Lets the shelf's writes (promises) land. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('the list of runs', () => {
  it('keeps two runs side by side: starting the second replaces nothing', async () => {
    const shelf = memoryShelf();
    const store = page(memoryStorage(), shelf);
    start(store, 'AAAA');
    const first = store.getState().run;
    start(store, 'BBBB');
    await settle();
    const kept = await store.getState().keptRuns();
    expect(kept.ok && kept.value.map((r) => r.seed).sort()).toEqual(['AAAA', 'BBBB']);
    expect(new Set(kept.ok ? kept.value.map((r) => r.id) : []).size).toBe(2);
    const older = kept.ok ? kept.value.find((r) => r.seed === 'AAAA') : undefined;
    if (older === undefined || first === null) throw new Error('the first run is not kept');
    expect(older).toMatchObject({ scenarioId: 'minimal', sideWords: 'the United States', turn: first.game.turn, ending: null });

    store.getState().openKept(older);
    expect(store.getState().run?.game.seed).toBe('AAAA');
    expect(stateHash(store.getState().run?.game ?? first.game)).toBe(stateHash(first.game));
    expect(store.getState().screen).toBe(first.place);
    await settle();
    const after = await store.getState().keptRuns();
    expect(after.ok && after.value.length, 'opening a kept run adds no entry').toBe(2);
  });

  it('moves a save from before the list over on first load, once, and it opens to the same state', async () => {
    const storage = memoryStorage();
    const old = createSession({ catalog: fixtureCatalog(), storage, randomSeed: seeds('K7Q3') });
    start(old, 'OLD1', 2);
    // As main wrote it before the list of runs: no run id in the save's settings.
    const data = JSON.parse(storage.data.get(SAVE_KEY) ?? '{}') as { settings?: Record<string, string> };
    delete data.settings?.runId;
    storage.data.set(SAVE_KEY, JSON.stringify(data));
    const shelf = memoryShelf();
    const first = page(storage, shelf);
    await settle();
    expect([...shelf.data.values()].map((r) => r.seed)).toEqual(['OLD1']);
    expect(stateHash(first.getState().run?.game ?? ({} as never))).toBe(stateHash(old.getState().run?.game ?? ({} as never)));
    page(storage, shelf);
    await settle();
    expect(shelf.data.size, 'a reload does not add it twice').toBe(1);
  });

  it('deletes a kept run, never the one open now', async () => {
    const shelf = memoryShelf();
    const store = page(memoryStorage(), shelf);
    start(store, 'AAAA');
    start(store, 'BBBB');
    await settle();
    const open = store.getState().run?.id ?? '';
    expect(await store.getState().deleteKept(open)).toEqual({ ok: false, message: 'this is the run open now: open or start another run first' });
    const other = [...shelf.data.keys()].find((id) => id !== open) ?? '';
    expect((await store.getState().deleteKept(other)).ok).toBe(true);
    expect([...shelf.data.keys()]).toEqual([open]);
  });

  it('keeps a secret class run off the list until its debrief', async () => {
    const shelf = memoryShelf();
    const store = page(memoryStorage(), shelf);
    store.getState().openFacilitator();
    store.getState().startFacilitated({ scenarioId: 'minimal', seed: 'QZ9X', secret: true, players: { us: 'people', cn: 'model' }, timerMinutes: null, decideOutcomes: false });
    store.getState().continueFromBriefing();
    await settle();
    expect(JSON.stringify([...shelf.data.values()])).not.toContain('QZ9X');
    for (let guard = 0; guard < 30 && store.getState().run?.game.ending === null; guard++) {
      const run = store.getState().run;
      if (run === null) throw new Error('no run');
      store.getState().choose('us', legalOptions(run.scenario, run.game, 'us')[0]?.id ?? '');
      store.getState().continueFromOutcome();
    }
    await settle();
    expect([...shelf.data.values()].map((r) => r.seed)).toEqual(['QZ9X']);
  });

  it('says so when the browser will not keep the list, and the run is still saved', async () => {
    const refusing: RunShelf = {
      put: async () => ({ ok: false, message: 'the browser’s storage for this site is full' }),
      list: async () => ({ ok: true, value: [] }),
      remove: async () => ({ ok: true, value: null }),
    };
    const storage = memoryStorage();
    const store = page(storage, refusing);
    start(store, 'AAAA');
    await settle();
    expect(store.getState().notice?.message).toBe('Not kept in your list of runs: the browser’s storage for this site is full. The run itself is saved; Export now to keep a copy.');
    expect(storage.data.has(SAVE_KEY)).toBe(true);
  });
});
