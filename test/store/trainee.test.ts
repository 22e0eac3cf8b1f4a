import { describe, expect, it } from 'vitest';
import { legalOptions, type Side } from '../../src/engine';
import { decodeReplayCode } from '../../src/engine/replay/replay-code';
import type { SessionStore } from '../../src/store/session';
import { memoryStorage, SAVE_KEY } from '../../src/store/storage';
import { actionsUpTo, extrasFromSettings, extrasSettings, MAX_NOTE_CHARS, pathsOf, splitTurn, turnsPlayed } from '../../src/store/trainee';
import { session } from './helpers';

/** Plays a one-side run to the debrief, picking option `pick(turn)` (0-based index, clamped) each turn. */
function playToEnd(store: SessionStore, pick: (turn: number) => number, side: Side = 'us'): void {
  if (store.getState().screen === 'briefing') store.getState().continueFromBriefing();
  for (let guard = 0; guard < 20 && store.getState().screen !== 'debrief'; guard++) {
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    const options = legalOptions(run.scenario, run.game, side);
    const option = options[Math.min(pick(run.game.turn), options.length - 1)];
    if (option === undefined) throw new Error('no option');
    store.getState().choose(side, option.id);
    store.getState().continueFromOutcome();
  }
  expect(store.getState().screen).toBe('debrief');
}

function finished(storage = memoryStorage()): SessionStore {
  const store = session(storage);
  store.getState().chooseScenario('minimal');
  store.getState().startRun();
  playToEnd(store, () => 0);
  return store;
}

describe('rewind and branch', () => {
  it('rewinds to a turn with the same dice, keeps the run left behind as a branch, and compares the paths', () => {
    const storage = memoryStorage();
    const store = finished(storage);
    const before = store.getState().run;
    if (before === null) throw new Error('no run');
    const played = turnsPlayed(before.game);
    expect(played).toBeGreaterThanOrEqual(2);

    store.getState().rewindTo(1);
    const rewound = store.getState().run;
    expect(store.getState().screen).toBe('turn');
    expect(rewound?.game.turn).toBe(1);
    expect(rewound?.game.log).toEqual(before.game.log.slice(0, rewound?.game.log.length));
    expect(rewound?.extras?.branches).toHaveLength(1);
    const code = rewound?.extras?.branches[0]?.code ?? '';
    const decoded = decodeReplayCode(code, [before.scenario]);
    expect(decoded.ok && decoded.value.actions.length).toBe(played);

    playToEnd(store, () => 1);
    const after = store.getState().run;
    if (after === null) throw new Error('no run');
    const paths = pathsOf(after);
    expect(paths.map((p) => p.label)).toEqual(['Your run', 'Branch from turn 2']);
    expect(paths[0]?.splitTurn).toBe(2);
    expect(paths[0]?.game.log).toEqual(before.game.log);
    expect(paths[1]?.current).toBe(true);
    expect(splitTurn(before.game, after.game)).toBe(2);

    const reopened = session(storage);
    expect(reopened.getState().run?.extras?.branches).toEqual(after.extras?.branches);
  });

  it('refuses a rewind past the end, and rewinds to the briefing with 0', () => {
    const store = finished();
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    store.getState().rewindTo(turnsPlayed(run.game));
    expect(store.getState().notice?.message).toMatch(/^Rewind refused: choose a turn from 0 to \d+\.$/);
    expect(store.getState().run).toBe(run);
    store.getState().rewindTo(0);
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().run?.game.log).toEqual([]);
  });

  it('actionsUpTo keeps whole turns only', () => {
    const store = finished();
    const game = store.getState().run?.game;
    if (game === undefined) throw new Error('no run');
    expect(actionsUpTo(game, 0)).toEqual([]);
    expect(actionsUpTo(game, 2).filter((a) => a.kind === 'turn')).toHaveLength(2);
  });
});

describe('hot-wash notes', () => {
  it('are kept in the save settings, split into 200-character values, and read back', () => {
    const storage = memoryStorage();
    const store = finished(storage);
    store.getState().showPanel('hot-wash');
    expect(store.getState().screen).toBe('hot-wash');
    const long = `${'x'.repeat(440)} end.`;
    store.getState().setNote(0, long);
    const saved = JSON.parse(storage.getItem(SAVE_KEY) ?? '{}') as { settings: Record<string, string> };
    expect([saved.settings['note.0.0'], saved.settings['note.0.1'], saved.settings['note.0.2']].map((v) => v?.length)).toEqual([200, 200, 45]);
    const reopened = session(storage);
    expect(reopened.getState().run?.extras?.notes).toEqual([long]);
  });

  it('caps a note, ignores a question that does not exist, and round-trips through settings', () => {
    const store = finished();
    store.getState().setNote(0, 'y'.repeat(MAX_NOTE_CHARS + 10));
    store.getState().setNote(99, 'nowhere');
    const extras = store.getState().run?.extras;
    expect(extras?.notes).toEqual(['y'.repeat(MAX_NOTE_CHARS)]);
    expect(extrasFromSettings(extrasSettings(extras))).toEqual(extras);
    expect(extrasFromSettings({ 'branch.0': 'not a branch', 'note.0.0': 7 })).toBeUndefined();
  });

  it('the hot wash and the report open only from a finished run', () => {
    const store = session();
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    store.getState().showPanel('report');
    expect(store.getState().screen).toBe('briefing');
  });
});
