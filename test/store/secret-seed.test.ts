/**
 * The facilitator's secret seed (issue 10): until the debrief it is kept only in the facilitator's tab
 * (sessionStorage), never in the localStorage a player's page reads, and the replay file (which holds
 * it) is refused until the debrief reveals it. A reload of the facilitator's tab continues the run.
 */
import { describe, expect, it } from 'vitest';
import { legalOptions } from '../../src/engine';
import type { FacilitatorSetup } from '../../src/store/facilitator';
import { createSession, type SessionStore } from '../../src/store/session';
import { memoryStorage, SAVE_KEY } from '../../src/store/storage';
import { fixtureCatalog, seeds } from './helpers';

const SEED = 'QZ9X';
const SETUP: FacilitatorSetup = { scenarioId: 'minimal', seed: SEED, secret: true, players: { us: 'people', cn: 'model' }, timerMinutes: 2, decideOutcomes: false };

type Stores = { local: ReturnType<typeof memoryStorage>; tab: ReturnType<typeof memoryStorage> };
const page = ({ local, tab }: Stores): SessionStore => createSession({ catalog: fixtureCatalog(), storage: local, secretStorage: tab, randomSeed: seeds('K7Q3') });

/** Every key and value of a storage, as one text a curious player could read. */
const contents = (s: ReturnType<typeof memoryStorage>): string => [...s.data.entries()].map(([k, v]) => `${k}=${v}`).join('\n');

function startSecret(stores: Stores, setup: Partial<FacilitatorSetup> = {}): SessionStore {
  const store = page(stores);
  store.getState().openFacilitator();
  store.getState().startFacilitated({ ...SETUP, ...setup });
  store.getState().continueFromBriefing();
  return store;
}

function playOn(store: SessionStore): void {
  for (let guard = 0; guard < 20 && store.getState().run?.game.ending === null; guard++) {
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    const option = legalOptions(run.scenario, run.game, 'us')[0];
    if (option === undefined) throw new Error('no option');
    store.getState().choose('us', option.id);
    store.getState().continueFromOutcome();
  }
}

describe('a secret seed before the debrief', () => {
  it('is nowhere in localStorage, and a reload of the facilitator tab continues the run', () => {
    const stores = { local: memoryStorage(), tab: memoryStorage() };
    const store = startSecret(stores);
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    store.getState().choose('us', legalOptions(run.scenario, run.game, 'us')[0]?.id ?? '');
    expect(contents(stores.local)).not.toContain(SEED);
    expect(stores.local.data.has(SAVE_KEY)).toBe(false);
    expect(stores.tab.data.has(SAVE_KEY)).toBe(true);
    const reloaded = page(stores).getState();
    expect(reloaded.run?.game.seed).toBe(SEED);
    expect(reloaded.run?.game.log).toEqual(store.getState().run?.game.log);
    expect(reloaded.facilitation?.secret).toBe(true);
  });

  it('a player page beside it (another tab: its own session storage) finds no run and no seed', () => {
    const stores = { local: memoryStorage(), tab: memoryStorage() };
    startSecret(stores);
    const player = page({ local: stores.local, tab: memoryStorage() }).getState();
    expect(player.run).toBeNull();
    expect(player.facilitation).toBeNull();
    expect(contents(stores.local)).not.toContain(SEED);
  });

  it('the replay file is refused until the debrief, with a message; after it, it holds the seed', () => {
    const stores = { local: memoryStorage(), tab: memoryStorage() };
    const store = startSecret(stores);
    expect(store.getState().exportReplay()).toBeNull();
    expect(store.getState().notice?.message).toBe('The replay file holds the secret seed: it can be exported once the debrief has revealed it.');
    // The facilitator bar's own export: the facilitator's copy, to reopen as a replay and play on.
    expect(store.getState().exportReplay(true)).toMatch(new RegExp(`"seed": ?"${SEED}"`));
    playOn(store);
    expect(store.getState().run?.game.ending).not.toBeNull();
    expect(store.getState().exportReplay()).toMatch(new RegExp(`"seed": ?"${SEED}"`));
  });

  it('at the debrief the run moves to localStorage like any run, and the tab copy is gone', () => {
    const stores = { local: memoryStorage(), tab: memoryStorage() };
    const store = startSecret(stores);
    playOn(store);
    expect(stores.local.data.has(SAVE_KEY)).toBe(true);
    expect(stores.tab.data.has(SAVE_KEY)).toBe(false);
    expect(page({ local: stores.local, tab: memoryStorage() }).getState().run?.game.seed).toBe(SEED);
  });

  it('a class run whose seed is not secret is saved in localStorage as before', () => {
    const stores = { local: memoryStorage(), tab: memoryStorage() };
    startSecret(stores, { secret: false });
    expect(stores.local.data.has(SAVE_KEY)).toBe(true);
    expect(stores.tab.data.has(SAVE_KEY)).toBe(false);
  });
});
