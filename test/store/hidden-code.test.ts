/**
 * An exercise code ending in H (issue 17): a run started from it keeps the odds and the scenario map out
 * of sight until its debrief, whatever the page's "Show odds" setting, and a reload keeps it so.
 */
import { describe, expect, it } from 'vitest';
import { legalOptions } from '../../src/engine';
import { codeFor } from '../../src/store/derive';
import { mapOpen, oddsKept, oddsShown } from '../../src/store/odds-kept';
import { createSession } from '../../src/store/session';
import { memoryStorage } from '../../src/store/storage';
import { fixtureCatalog, seeds } from './helpers';

const page = (storage = memoryStorage()) => createSession({ catalog: fixtureCatalog(), storage, randomSeed: seeds('K7Q3'), settings: { showOdds: true } });

describe('an exercise code that hides the odds and the map', () => {
  it('is offered on the new-run screen and typed back as it was read out', () => {
    const store = page();
    store.getState().chooseScenario('minimal', 'AB2C');
    store.getState().setDraft({ hidden: true });
    const draft = store.getState().draft;
    expect(draft === null ? null : codeFor(draft.scenarioId, draft.seed, draft.hidden)).toBe('MIN-AB2C-H');
    store.getState().back();
    store.getState().openCode('min ab2c h');
    expect(store.getState().draft).toMatchObject({ scenarioId: 'minimal', seed: 'AB2C', hidden: true });
  });

  it('keeps them hidden through a reload until the debrief, then gives the setting back', () => {
    const storage = memoryStorage();
    const store = page(storage);
    store.getState().openLink('?code=MIN-AB2C-H');
    store.getState().continueFromBriefing();
    expect(store.getState().run?.hidden).toBe(true);
    expect(oddsKept(store.getState())).toBe(true);
    expect(oddsShown(store.getState()), 'the "Show odds" setting does not count').toBe(false);
    expect(mapOpen(store.getState(), 'minimal')).toBe(false);
    expect(mapOpen(store.getState(), 'other')).toBe(true);
    const reloaded = page(storage).getState();
    expect(oddsKept(reloaded)).toBe(true);
    for (let guard = 0; guard < 30 && store.getState().run?.game.ending === null; guard++) {
      const run = store.getState().run;
      if (run === null) throw new Error('no run');
      store.getState().choose('us', legalOptions(run.scenario, run.game, 'us')[0]?.id ?? '');
      store.getState().continueFromOutcome();
    }
    expect(store.getState().run?.game.ending).not.toBeNull();
    expect(oddsShown(store.getState())).toBe(true);
    expect(mapOpen(store.getState(), 'minimal')).toBe(true);
  });

  it('a plain code hides nothing', () => {
    const store = page();
    store.getState().openLink('?code=MIN-AB2C');
    expect(store.getState().run?.hidden).toBeUndefined();
    expect(oddsShown(store.getState())).toBe(true);
  });
});
