import { describe, expect, it } from 'vitest';
import { legalOptions } from '../../src/engine';
import { recordReplay, stateHash } from '../../src/engine/replay/replay';
import { decodeReplayCode, encodeReplayCode } from '../../src/engine/replay/replay-code';
import { session } from './helpers';

function finishedCode(): { code: string; hash: string } {
  const store = session();
  store.getState().chooseScenario('minimal');
  store.getState().startRun();
  store.getState().continueFromBriefing();
  while (store.getState().screen !== 'debrief') {
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    const option = legalOptions(run.scenario, run.game, 'us')[1] ?? legalOptions(run.scenario, run.game, 'us')[0];
    if (option === undefined) throw new Error('no option');
    store.getState().choose('us', option.id);
    store.getState().continueFromOutcome();
  }
  const run = store.getState().run;
  if (run === null) throw new Error('no run');
  const file = recordReplay(run.scenario, run.game);
  if (!file.ok) throw new Error(file.error.message);
  const code = encodeReplayCode(file.value, run.scenario);
  if (!code.ok) throw new Error(code.error.message);
  return { code: code.value, hash: stateHash(run.game) };
}

describe('replay codes in the store', () => {
  it('a ?replay= link opens the code in the replay viewer, which ends on the same state', () => {
    const { code, hash } = finishedCode();
    const store = session();
    store.getState().openLink(`?replay=${code}`);
    expect(store.getState().screen).toBe('briefing');
    const review = store.getState().run?.review;
    expect(review?.name).toBe('a replay code');
    const last = review?.states[review.states.length - 1];
    expect(last === undefined ? null : stateHash(last)).toBe(hash);
  });

  it('an altered code is refused with the decoder’s message and the title screen stays', () => {
    const { code } = finishedCode();
    const i = code.length - 3;
    const bad = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    const store = session();
    const expected = decodeReplayCode(
      bad,
      store.getState().catalog.entries.map((e) => e.scenario),
    );
    expect(expected.ok).toBe(false);
    store.getState().openLink(`?replay=${bad}`);
    expect(store.getState().screen).toBe('title');
    expect(store.getState().notice?.kind).toBe('replay');
    expect(store.getState().notice?.message).toContain(expected.ok ? '' : expected.error.message);
    store.getState().openReplayCode('');
    expect(store.getState().notice?.message).toMatch(/^Replay code refused: /);
  });

  it('?compare opens the class comparison', () => {
    const store = session();
    store.getState().openLink('?compare');
    expect(store.getState().screen).toBe('compare');
  });
});
