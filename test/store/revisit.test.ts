import { describe, expect, it } from 'vitest';
import { legalOptions } from '../../src/engine';
import { session } from './helpers';

describe('session store: revisit (the browser Back button on a run)', () => {
  it('goes from an unanswered turn back to the briefing or the last outcome, and never undoes a turn', () => {
    const store = session();
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    store.getState().continueFromBriefing();
    store.getState().revisit('outcome');
    expect(store.getState().screen).toBe('turn');
    store.getState().revisit('briefing');
    expect(store.getState().screen).toBe('briefing');
    store.getState().continueFromBriefing();
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    const first = legalOptions(run.scenario, run.game, 'us')[0];
    if (first === undefined) throw new Error('no option');
    store.getState().choose('us', first.id);
    const played = store.getState().run;
    // From the outcome nothing goes back: the turn is answered.
    store.getState().revisit('briefing');
    expect(store.getState().screen).toBe('outcome');
    store.getState().continueFromOutcome();
    expect(store.getState().screen).toBe('turn');
    store.getState().revisit('briefing');
    expect(store.getState().screen).toBe('turn');
    store.getState().revisit('outcome');
    expect(store.getState().screen).toBe('outcome');
    expect(store.getState().run?.game).toBe(played?.game);
    expect(store.getState().run?.lastRecord).toBe(played?.lastRecord);
  });
});
