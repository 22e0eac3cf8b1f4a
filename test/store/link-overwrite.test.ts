import { describe, expect, it } from 'vitest';
import { legalOptions } from '../../src/engine';
import { createSession } from '../../src/store/session';
import { memoryStorage, SAVE_KEY, type StorageLike } from '../../src/store/storage';
import { fixtureCatalog, seeds, session } from './helpers';

/** A store with a saved run of minimal (seed K7Q3, the US) one turn in, and its storage. */
function oneTurnIn(): { storage: StorageLike; saved: string } {
  const storage = memoryStorage();
  const store = session(storage);
  store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
  store.getState().continueFromBriefing();
  const run = store.getState().run;
  if (run === null) throw new Error('no run');
  store.getState().choose('us', legalOptions(run.scenario, run.game, 'us')[0]?.id ?? '');
  expect(store.getState().screen).toBe('outcome');
  const saved = storage.getItem(SAVE_KEY);
  if (saved === null) throw new Error('not saved');
  return { storage, saved };
}

describe('a link beside a saved run', () => {
  for (const link of ['?scenario=minimal&seed=ZZZZ&side=us', '?code=MIN-ZZZZ']) {
    it(`${link}: asks, naming both runs; keep leaves the saved bytes as they were`, () => {
      const { storage, saved } = oneTurnIn();
      const store = session(storage);
      store.getState().openLink(link);
      const notice = store.getState().notice;
      expect(notice?.kind).toBe('overwrite');
      expect(notice?.kind === 'overwrite' ? notice.link : undefined).toEqual({ scenarioId: 'minimal', side: 'us', seed: 'ZZZZ' });
      expect(notice?.message).toContain('seed ZZZZ');
      expect(notice?.message).toContain('seed K7Q3');
      expect(notice?.message).toContain('turn 2');
      expect(store.getState().screen).toBe('title');
      expect(store.getState().run?.game.seed).toBe('K7Q3');
      expect(storage.getItem(SAVE_KEY)).toBe(saved);
      store.getState().dismissNotice();
      expect(storage.getItem(SAVE_KEY)).toBe(saved);
      store.getState().continueRun();
      expect(store.getState().screen).toBe('outcome');
      expect(store.getState().run?.game.log).toHaveLength(1);
    });
  }

  it('start replaces the saved run with the linked one, at its briefing', () => {
    const { storage, saved } = oneTurnIn();
    const store = session(storage);
    store.getState().openLink('?scenario=minimal&seed=ZZZZ&side=us');
    store.getState().startLinked();
    expect(store.getState().notice).toBeNull();
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().run?.game.seed).toBe('ZZZZ');
    expect(storage.getItem(SAVE_KEY)).not.toBe(saved);
    expect(session(storage).getState().run?.game.seed).toBe('ZZZZ');
  });

  it('starts at once with no saved run, or when the saved run is the same one at its start', () => {
    const storage = memoryStorage();
    const first = session(storage);
    first.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    expect(first.getState().screen).toBe('briefing');
    const again = session(storage);
    again.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    expect(again.getState().notice).toBeNull();
    expect(again.getState().screen).toBe('briefing');
    const otherSide = session(storage);
    otherSide.getState().openLink('?scenario=minimal&seed=K7Q3&side=cn');
    expect(otherSide.getState().notice?.kind).toBe('overwrite');
  });

  it('asks even for the same run once a turn is played, and startLinked does nothing without the question', () => {
    const { storage, saved } = oneTurnIn();
    const store = session(storage);
    store.getState().startLinked();
    expect(store.getState().screen).toBe('outcome');
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    expect(store.getState().notice?.kind).toBe('overwrite');
    expect(storage.getItem(SAVE_KEY)).toBe(saved);
  });

  it('hides a secret facilitated seed in the question', () => {
    const storage = memoryStorage();
    const store = createSession({ catalog: fixtureCatalog(), storage, randomSeed: seeds('SECR') });
    store.getState().openFacilitator();
    store.getState().startFacilitated({ scenarioId: 'minimal', seed: 'SECR', secret: true, players: { us: 'people', cn: 'model' }, timerMinutes: null, decideOutcomes: false });
    expect(store.getState().run?.game.seed).toBe('SECR');
    const saved = storage.getItem(SAVE_KEY);
    const again = session(storage);
    again.getState().openLink('?scenario=minimal&seed=ZZZZ&side=us');
    expect(again.getState().notice?.kind).toBe('overwrite');
    expect(again.getState().notice?.message).not.toContain('SECR');
    expect(again.getState().notice?.message).toContain('seed ZZZZ');
    expect(storage.getItem(SAVE_KEY)).toBe(saved);
  });

  it('?facilitator and ?replay= links leave the saved run as it was', () => {
    const { storage, saved } = oneTurnIn();
    const store = session(storage);
    store.getState().openLink('?facilitator');
    expect(store.getState().screen).toBe('facilitator');
    expect(storage.getItem(SAVE_KEY)).toBe(saved);
    const replay = session(storage);
    replay.getState().openLink('?replay=RP1.not-a-code');
    expect(storage.getItem(SAVE_KEY)).toBe(saved);
  });
});
