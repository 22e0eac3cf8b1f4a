/**
 * Issue 10 in the store: hot-wash notes and branches are kept whole or refused with a message before
 * anything is lost; a new run from the menu asks before it replaces the saved run; links that open
 * the facilitator set-up or a replay and also name a run say so; a long pasted code gives its length.
 */
import { describe, expect, it } from 'vitest';
import { parseExerciseCode } from '../../src/engine';
import { persistRun, restoreRun } from '../../src/store/persist';
import { memoryStorage, SAVE_KEY } from '../../src/store/storage';
import { extrasFromSettings, extrasProblem, extrasSettings, MAX_NOTE_CHARS } from '../../src/store/trainee';
import { fixtureCatalog, session } from './helpers';

const longNote = (q: number): string => `${q}`.padEnd(MAX_NOTE_CHARS, 'x');

describe('hot-wash notes and branches in the save', () => {
  it('eleven full notes and a long branch code come back whole after a reload', () => {
    const storage = memoryStorage();
    const store = session(storage);
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    const extras = { notes: Array.from({ length: 10 }, (_, q) => longNote(q)), branches: [{ rewoundTo: 1, code: `RP1.${'A'.repeat(500)}` }] };
    expect(extrasProblem(extras)).toBeNull();
    expect(persistRun(storage, { ...run, extras }, 'turn').ok).toBe(true);
    const restored = restoreRun(storage, fixtureCatalog());
    if (restored.kind !== 'ok') throw new Error(restored.kind);
    expect(restored.run.extras).toEqual(extras);
  });

  it('twelve full notes do not fit: the problem is said beforehand, never a later note dropped', () => {
    const extras = { notes: Array.from({ length: 12 }, (_, q) => longNote(q)), branches: [] };
    expect(extrasProblem(extras)).toMatch(/would need 60 save values and the save holds 56/);
    // What is written is everything or, when it fits, all of it reads back.
    expect(extrasFromSettings(extrasSettings({ notes: extras.notes.slice(0, 11), branches: [] }))?.notes).toEqual(extras.notes.slice(0, 11));
  });

  it('a note that would not fit is refused with a visible message, and the saved notes stay as they were', () => {
    const storage = memoryStorage();
    const store = session(storage);
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    // Fill the save almost to the brim with branches whose codes are long, then write a long note.
    const branches = Array.from({ length: 8 }, (_, i) => ({ rewoundTo: i, code: `RP1.${'B'.repeat(1390)}` }));
    store.setState({ run: { ...run, extras: { notes: [], branches } } });
    const before = storage.getItem(SAVE_KEY);
    store.getState().setNote(0, longNote(0));
    expect(store.getState().notice?.kind).toBe('refused');
    expect(store.getState().notice?.message).toMatch(/^Note 1 not kept: the notes and branches of this run would need \d+ save values/);
    expect(storage.getItem(SAVE_KEY)).toBe(before);
  });
});

describe('a new run from the menu', () => {
  it('asks before replacing the saved run (keep, export, replace), and replaces it only when told', () => {
    const storage = memoryStorage();
    const store = session(storage);
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    store.getState().continueFromBriefing();
    store.getState().toTitle();
    store.getState().chooseScenario('minimal', 'WXYZ');
    const saved = storage.getItem(SAVE_KEY);
    store.getState().startRun();
    const notice = store.getState().notice;
    expect(notice?.kind).toBe('overwrite');
    expect(notice?.message).toContain('Your saved run is A minimal crisis');
    expect(notice?.message).toContain('Starting the new run replaces it.');
    expect(storage.getItem(SAVE_KEY)).toBe(saved);
    expect(store.getState().run?.game.seed).toBe('K7Q3');
    store.getState().startLinked();
    expect(store.getState().run?.game.seed).toBe('WXYZ');
    expect(storage.getItem(SAVE_KEY)).not.toBe(saved);
  });

  it('starts at once when there is no saved run', () => {
    const store = session();
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    expect(store.getState().notice).toBeNull();
    expect(store.getState().screen).toBe('briefing');
  });
});

describe('links that name two things', () => {
  it.each([
    ['?facilitator&scenario=minimal&seed=K7Q3', 'facilitator', '"scenario", "seed"'],
    ['?replay=RP1.AAAA&seed=K7Q3', 'replay', '"seed"'],
    ['?replay=RP1.AAAA&scenario=minimal', 'replay', '"scenario"'],
  ])('%s is refused, naming both', (search, opener, named) => {
    const store = session();
    store.getState().openLink(search);
    expect(store.getState().screen).toBe('title');
    expect(store.getState().notice?.kind).toBe('bad-link');
    expect(store.getState().notice?.message).toBe(
      `Link parameter "${opener}": "${opener}" ${opener === 'facilitator' ? 'opens the facilitator set-up' : 'opens a replay'}, and ${named} would start a run: give one or the other, not both.`,
    );
  });

  it('a 5000-character code is reported as 5000 characters long', () => {
    const parsed = parseExerciseCode(`IPT-${'K'.repeat(4996)}`, ['ip-theft']);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toContain('(this has 5000 characters)');
  });
});
