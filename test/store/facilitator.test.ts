import { describe, expect, it } from 'vitest';
import { checkReplay, recordReplay, stateHash } from '../../src/engine/replay/replay';
import { clockText, type FacilitatorSetup, MINUTE_MS, modelPicks, playSideOf } from '../../src/store/facilitator';
import { FACILITATION_KEY } from '../../src/store/facilitator-persist';
import { isHandover } from '../../src/store/run';
import type { SessionStore } from '../../src/store/session';
import { memoryStorage } from '../../src/store/storage';
import { fixtureCatalog, session } from './helpers';

const SETUP: FacilitatorSetup = { scenarioId: 'minimal', seed: 'K7Q3', secret: true, players: { us: 'people', cn: 'people' }, timerMinutes: 2, decideOutcomes: false };

function facilitated(setup: Partial<FacilitatorSetup> = {}): SessionStore {
  const store = session();
  store.getState().openFacilitator();
  expect(store.getState().screen).toBe('facilitator');
  store.getState().startFacilitated({ ...SETUP, ...setup });
  expect(store.getState().screen).toBe('briefing');
  store.getState().continueFromBriefing();
  expect(store.getState().screen).toBe('turn');
  return store;
}

const run = (store: SessionStore) => {
  const r = store.getState().run;
  if (r === null) throw new Error('no run');
  return r;
};
const fac = (store: SessionStore) => {
  const f = store.getState().facilitation;
  if (f === null) throw new Error('no facilitation');
  return f;
};

describe('facilitator set-up', () => {
  it('maps who plays each side onto the run, two teams only where the scenario has teams', () => {
    expect(playSideOf({ us: 'people', cn: 'people' }, true)).toBe('both');
    expect(playSideOf({ us: 'people', cn: 'people' }, false)).toBeNull();
    expect(playSideOf({ us: 'model', cn: 'people' }, false)).toBe('cn');
    expect(playSideOf({ us: 'model', cn: 'model' }, true)).toBeNull();
  });

  it('starts the run with the secret, the timer and the odds hidden', () => {
    const store = facilitated();
    expect(run(store).side).toBe('both');
    expect(run(store).game.seed).toBe('K7Q3');
    expect(fac(store)).toMatchObject({ secret: true, paused: false, held: null, timer: { limitMs: 2 * MINUTE_MS, leftMs: 2 * MINUTE_MS, expired: false } });
    expect(store.getState().settings.showOdds).toBe(false);
  });

  it('refuses a bad seed and stays on the set-up screen', () => {
    const store = session();
    store.getState().openFacilitator();
    store.getState().startFacilitated({ ...SETUP, seed: '' });
    expect(store.getState().screen).toBe('facilitator');
    expect(store.getState().notice?.kind).toBe('bad-seed');
  });

  it('opens from the ?facilitator link', () => {
    const store = session();
    store.getState().openLink('?facilitator');
    expect(store.getState().screen).toBe('facilitator');
    expect(store.getState().notice).toBeNull();
  });
});

describe('turn timer', () => {
  it.each([
    [150_000, '2:30 left'],
    [161_000, '2:41 left'],
    [60_000, '1:00 left'],
    [400, '0:01 left'],
    [0, 'time is up'],
  ])('%i ms reads "%s"', (ms, text) => expect(clockText(ms)).toBe(text));

  it('counts down only while a team chooses, warns at one minute, stops at zero and waits for the facilitator', () => {
    const store = facilitated({ players: { us: 'people', cn: 'model' } });
    store.getState().facilitate({ kind: 'tick', ms: 59_000 });
    expect(fac(store).timer?.leftMs).toBe(61_000);
    expect(fac(store).timer?.warned).toBe(false);
    store.getState().facilitate({ kind: 'tick', ms: 2_000 });
    expect(fac(store).timer?.warned).toBe(true);
    expect(fac(store).say?.text).toBe('1 minute left.');
    store.getState().facilitate({ kind: 'pause', on: true });
    store.getState().facilitate({ kind: 'tick', ms: 30_000 });
    expect(fac(store).timer?.leftMs).toBe(59_000);
    store.getState().facilitate({ kind: 'pause', on: false });
    store.getState().facilitate({ kind: 'tick', ms: 120_000 });
    expect(fac(store).timer).toMatchObject({ leftMs: 0, expired: true });
    expect(fac(store).say?.text).toMatch(/^Time is up/);
    expect(run(store).game.log).toHaveLength(0);
    store.getState().facilitate({ kind: 'tick', ms: 120_000 });
    expect(run(store).game.log).toHaveLength(0);
    expect(store.getState().screen).toBe('turn');
  });

  it('opens a hidden bar at expiry, and gives one more minute on request', () => {
    const store = facilitated({ players: { us: 'people', cn: 'model' }, timerMinutes: 1 });
    store.getState().facilitate({ kind: 'toggle-bar' });
    expect(fac(store).barOpen).toBe(false);
    store.getState().facilitate({ kind: 'tick', ms: 60_000 });
    expect(fac(store).timer?.expired).toBe(true);
    expect(fac(store).barOpen).toBe(true);
    store.getState().facilitate({ kind: 'extend' });
    expect(fac(store).timer).toMatchObject({ leftMs: MINUTE_MS, expired: false });
  });

  it('at expiry the default option for each waiting side becomes an ordinary choice in the log', () => {
    const store = facilitated({ timerMinutes: 1 });
    store.getState().choose('us', 'go_public');
    expect(isHandover(run(store))).toBe(true);
    store.getState().handOver();
    store.getState().facilitate({ kind: 'tick', ms: 60_000 });
    store.getState().facilitate({ kind: 'use-defaults' });
    expect(store.getState().screen).toBe('outcome');
    const record = run(store).lastRecord;
    if (record?.kind !== 'turn') throw new Error('no turn');
    expect(record.moves.map((m) => [m.side, m.option, m.forced])).toEqual([
      ['us', 'go_public', false],
      ['cn', 'cooperate', false],
    ]);
  });

  it('starts afresh on the next turn', () => {
    const store = facilitated({ players: { us: 'people', cn: 'model' } });
    store.getState().facilitate({ kind: 'tick', ms: 100_000 });
    store.getState().choose('us', 'request_help');
    store.getState().facilitate({ kind: 'tick', ms: 10_000 });
    store.getState().continueFromOutcome();
    store.getState().facilitate({ kind: 'tick', ms: 1_000 });
    expect(fac(store).timer).toMatchObject({ leftMs: 119_000, turn: 1 });
  });
});

describe('pause', () => {
  it('holds every step of play: no choice, no hand-over, no leaving the outcome, until play resumes', () => {
    const store = facilitated({ timerMinutes: null });
    store.getState().choose('us', 'request_help');
    store.getState().facilitate({ kind: 'pause', on: true });
    store.getState().handOver();
    expect(isHandover(run(store))).toBe(true);
    store.getState().facilitate({ kind: 'pause', on: false });
    store.getState().handOver();
    store.getState().choose('cn', 'deny');
    expect(store.getState().screen).toBe('outcome');
    store.getState().facilitate({ kind: 'pause', on: true });
    store.getState().continueFromOutcome();
    expect(store.getState().screen).toBe('outcome');
    store.getState().facilitate({ kind: 'pause', on: false });
    store.getState().continueFromOutcome();
    expect(store.getState().screen).toBe('turn');
  });
});

describe('two teams on one screen', () => {
  it('hands over between the teams; China cannot choose before it is ready; both resolve together', () => {
    const store = facilitated({ timerMinutes: null });
    store.getState().choose('us', 'request_help');
    expect(isHandover(run(store))).toBe(true);
    store.getState().choose('cn', 'deny');
    expect(store.getState().notice?.kind).toBe('refused');
    expect(run(store).game.log).toHaveLength(0);
    store.getState().handOver();
    expect(isHandover(run(store))).toBe(false);
    store.getState().choose('cn', 'deny');
    expect(store.getState().screen).toBe('outcome');
    const record = run(store).lastRecord;
    expect(record?.kind === 'turn' ? record.moves.map((m) => m.option) : []).toEqual(['request_help', 'deny']);
  });
});

describe('facilitator actions are recorded and replay exactly', () => {
  it('an inject, a paused refusal and a forced outcome end up in the log and in a replay with the same hashes', () => {
    const store = facilitated({ decideOutcomes: true, timerMinutes: null });
    store.getState().facilitate({ kind: 'inject', inject: 'summit' });
    expect(store.getState().screen).toBe('outcome');
    expect(run(store).lastRecord).toMatchObject({ kind: 'inject', inject: 'summit' });
    store.getState().continueFromOutcome();
    store.getState().facilitate({ kind: 'pause', on: true });
    store.getState().choose('us', 'request_help');
    expect(run(store).pending).toBeNull();
    store.getState().facilitate({ kind: 'pause', on: false });
    store.getState().choose('us', 'request_help');
    store.getState().handOver();
    store.getState().choose('cn', 'deny');
    expect(store.getState().screen).toBe('turn');
    expect(fac(store).held).toEqual({ us: 'request_help', cn: 'deny' });
    store.getState().facilitate({ kind: 'resolve', force: { us: 'ignored' } });
    expect(store.getState().screen).toBe('outcome');
    const record = run(store).lastRecord;
    if (record?.kind !== 'turn') throw new Error('no turn');
    expect(record.moves[0]).toMatchObject({ side: 'us', outcome: 'ignored', forced: true });
    expect(record.moves[1]).toMatchObject({ side: 'cn', outcome: 'denied', forced: false });

    const game = run(store).game;
    const replay = recordReplay(run(store).scenario, game);
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value.actions[0]).toEqual({ kind: 'inject', inject: 'summit' });
    expect(replay.value.actions[1]).toMatchObject({ kind: 'turn', us: 'request_help', cn: 'deny', force: { us: 'ignored' } });
    const scenario = fixtureCatalog().entries[0]?.scenario;
    if (scenario === undefined) throw new Error('no scenario');
    const replayed = checkReplay(scenario, replay.value);
    if (!replayed.ok) throw new Error(replayed.error.message);
    expect(stateHash(replayed.value.state)).toBe(stateHash(game));
    expect(replayed.value.state.log).toEqual(game.log);
  });

  it("forces the counterpart model's outcome too: its pick is shown before, unchanged after, and replayed", () => {
    const store = facilitated({ players: { us: 'people', cn: 'model' }, decideOutcomes: true, timerMinutes: null });
    store.getState().choose('us', 'request_help');
    const held = fac(store).held;
    if (held === null) throw new Error('nothing held');
    const picks = modelPicks(run(store), held);
    expect(picks).toHaveLength(1);
    const pick = picks[0];
    if (pick === undefined) throw new Error('no pick');
    const outcome = pick.option === 'cooperate' ? 'arrests' : 'denied';
    store.getState().facilitate({ kind: 'resolve', force: { us: 'ignored', cn: outcome } });
    const record = run(store).lastRecord;
    if (record?.kind !== 'turn') throw new Error('no turn');
    expect(record.moves.map((m) => [m.side, m.by, m.option, m.outcome, m.forced])).toEqual([
      ['us', 'people', 'request_help', 'ignored', true],
      ['cn', 'model', pick.option, outcome, true],
    ]);
    const replay = recordReplay(run(store).scenario, run(store).game);
    if (!replay.ok) throw new Error(replay.error.message);
    const replayed = checkReplay(run(store).scenario, replay.value);
    if (!replayed.ok) throw new Error(replayed.error.message);
    expect(stateHash(replayed.value.state)).toBe(stateHash(run(store).game));
  });

  it('refuses an inject while a choice is sealed, and an unknown outcome, leaving the run as it was', () => {
    const store = facilitated({ decideOutcomes: true, timerMinutes: null });
    store.getState().choose('us', 'request_help');
    const before = run(store);
    store.getState().facilitate({ kind: 'inject', inject: 'summit' });
    expect(run(store)).toBe(before);
    expect(store.getState().notice?.kind).toBe('refused');
    store.getState().handOver();
    store.getState().choose('cn', 'deny');
    store.getState().facilitate({ kind: 'resolve', force: { us: 'no_such_outcome' } });
    expect(store.getState().screen).toBe('turn');
    expect(fac(store).held).not.toBeNull();
    expect(run(store).game.log).toHaveLength(0);
  });

  it('a plain run started from the new-run screen has no facilitation', () => {
    const store = facilitated();
    store.getState().toTitle();
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    expect(store.getState().notice?.kind).toBe('overwrite');
    store.getState().startLinked();
    expect(store.getState().facilitation).toBeNull();
  });
});

describe('facilitator mode across a reload', () => {
  it('keeps the secret, the timer, the pause and a choice awaiting "resolve as" for the same run', () => {
    const storage = memoryStorage();
    const store = session(storage);
    store.getState().openFacilitator();
    store.getState().startFacilitated({ ...SETUP, decideOutcomes: true });
    store.getState().continueFromBriefing();
    store.getState().facilitate({ kind: 'tick', ms: 30_500 });
    store.getState().choose('us', 'request_help');
    store.getState().handOver();
    store.getState().choose('cn', 'deny');
    store.getState().facilitate({ kind: 'pause', on: true });
    const again = session(storage);
    expect(again.getState().screen).toBe('turn');
    expect(again.getState().facilitation).toMatchObject({
      secret: true,
      paused: true,
      decideOutcomes: true,
      held: { us: 'request_help', cn: 'deny' },
      timer: { leftMs: 90_000, turn: 0 },
      say: null,
    });
    again.getState().facilitate({ kind: 'resolve', force: {} });
    expect(again.getState().screen).toBe('outcome');
  });

  it('is dropped for a plain run, and ignored when it belongs to another run or is damaged', () => {
    const storage = memoryStorage();
    const store = session(storage);
    store.getState().openFacilitator();
    store.getState().startFacilitated(SETUP);
    expect(storage.data.has(FACILITATION_KEY)).toBe(true);
    store.getState().toTitle();
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    store.getState().startLinked();
    expect(storage.data.has(FACILITATION_KEY)).toBe(false);
    storage.data.set(FACILITATION_KEY, JSON.stringify({ run: 'minimal\u0000OTHER', secret: true, decideOutcomes: false, barOpen: true, paused: false, timer: null, held: null }));
    expect(session(storage).getState().facilitation).toBeNull();
    storage.data.set(FACILITATION_KEY, '{"run":');
    expect(session(storage).getState().facilitation).toBeNull();
  });
});
