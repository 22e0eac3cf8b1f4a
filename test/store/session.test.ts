import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { legalOptions } from '../../src/engine';
import { loadCatalog } from '../../src/store/catalog';
import { sidesOf } from '../../src/store/links';
import { askingSide } from '../../src/store/run';
import { memoryStorage, SAVE_KEY } from '../../src/store/storage';
import { fixtureCatalog, session } from './helpers';

describe('session store: a one-side run', () => {
  it('goes title, new run, briefing, turn, outcome, and on to the debrief', () => {
    const store = session();
    expect(store.getState().screen).toBe('title');
    store.getState().chooseScenario('minimal');
    expect(store.getState().screen).toBe('new-run');
    expect(store.getState().draft).toEqual({ scenarioId: 'minimal', side: 'us', seed: 'K7Q3' });
    store.getState().startRun();
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().run?.game.seed).toBe('K7Q3');
    store.getState().continueFromBriefing();
    expect(store.getState().screen).toBe('turn');
    let turns = 0;
    while (store.getState().screen !== 'debrief') {
      const run = store.getState().run;
      if (run === null) throw new Error('no run');
      const first = legalOptions(run.scenario, run.game, 'us')[0];
      if (first === undefined) throw new Error('no option');
      store.getState().choose('us', first.id);
      expect(store.getState().screen).toBe('outcome');
      expect(store.getState().run?.lastRecord?.kind).toBe('turn');
      store.getState().continueFromOutcome();
      turns++;
      expect(turns).toBeLessThanOrEqual(4);
    }
    expect(store.getState().run?.game.ending).not.toBeNull();
  });

  it('refuses a choice for the side the model plays, and leaves the state as it was', () => {
    const store = session();
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    store.getState().continueFromBriefing();
    const before = store.getState().run;
    store.getState().choose('cn', 'cooperate');
    expect(store.getState().run).toBe(before);
    expect(store.getState().notice?.kind).toBe('refused');
    store.getState().choose('us', 'no_such_option');
    expect(store.getState().run).toBe(before);
  });

  it('refuses a bad typed seed with a banner and stays on the new-run screen', () => {
    const store = session();
    store.getState().chooseScenario('minimal');
    store.getState().setDraft({ seed: '' });
    store.getState().startRun();
    expect(store.getState().screen).toBe('new-run');
    expect(store.getState().notice?.kind).toBe('bad-seed');
    store.getState().setDraft({ seed: 'class 7b' });
    store.getState().startRun();
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().notice).toBeNull();
  });
});

describe('session store: two teams', () => {
  it('holds the US choice hidden until China chooses, then resolves both', () => {
    const store = session();
    store.getState().chooseScenario('minimal');
    store.getState().setDraft({ side: 'both' });
    store.getState().startRun();
    store.getState().continueFromBriefing();
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    expect(askingSide(run)).toBe('us');
    store.getState().choose('cn', 'deny');
    expect(store.getState().notice?.kind).toBe('refused');
    store.getState().choose('us', 'request_help');
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().run?.pending).toEqual({ us: 'request_help' });
    expect(store.getState().run?.game.log).toHaveLength(0);
    store.getState().handOver();
    store.getState().choose('cn', 'deny');
    expect(store.getState().screen).toBe('outcome');
    const record = store.getState().run?.lastRecord;
    expect(record?.kind === 'turn' ? record.moves.map((m) => [m.side, m.by, m.option]) : null).toEqual([
      ['us', 'people', 'request_help'],
      ['cn', 'people', 'deny'],
    ]);
    expect(store.getState().run?.pending).toBeNull();
  });
});

describe('session store: links and codes', () => {
  const cases: [string, string][] = [
    ['?scenario=nope&seed=K7Q3', 'scenario'],
    ['?seed=K7Q3', 'scenario'],
    ['?scenario=minimal', 'seed'],
    ['?scenario=minimal&seed=K7Q3&side=ru', 'side'],
    ['?code=MIN-K7Q', 'code'],
    ['?code=XYZ-K7Q3', 'code'],
    ['?code=MIN-K7Q3&seed=AAAA', 'code'],
  ];
  for (const [search, param] of cases) {
    it(`names the parameter "${param}" for ${search}`, () => {
      const store = session();
      store.getState().openLink(search);
      expect(store.getState().screen).toBe('title');
      expect(store.getState().notice?.kind).toBe('bad-link');
      expect(store.getState().notice?.message).toContain(`"${param}"`);
      expect(store.getState().run).toBeNull();
    });
  }

  it('starts the run a link names, at the briefing', () => {
    const store = session();
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=cn');
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().run?.side).toBe('cn');
    expect(store.getState().run?.game.seed).toBe('K7Q3');
  });

  it('starts the run an exercise code names, forgiving case and spaces', () => {
    const store = session();
    store.getState().openLink('?code=min%20k7q3');
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().run?.game.seed).toBe('K7Q3');
    expect(store.getState().run?.side).toBe('us');
  });

  it('opens a typed code on the new-run screen with its seed, or says what is wrong', () => {
    const store = session();
    store.getState().openCode('MIN-K7O3');
    expect(store.getState().notice?.kind).toBe('bad-code');
    expect(store.getState().notice?.message).toContain('"O"');
    store.getState().openCode('min-k7q3');
    expect(store.getState().screen).toBe('new-run');
    expect(store.getState().draft?.seed).toBe('K7Q3');
    expect(store.getState().notice).toBeNull();
  });

  it('ignores a page with no game parameters', () => {
    const store = session();
    store.getState().openLink('?utm=x');
    expect(store.getState().notice).toBeNull();
    expect(fixtureCatalog().entries.map((e) => e.id)).toEqual(['minimal']);
  });
});

describe('session store: saves', () => {
  it('saves after every turn and restores the same screen and state on reload', () => {
    const storage = memoryStorage();
    const store = session(storage);
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    store.getState().continueFromBriefing();
    store.getState().choose('us', 'request_help');
    const saved = storage.getItem(SAVE_KEY);
    expect(saved).not.toBeNull();
    const again = session(storage);
    expect(again.getState().screen).toBe('outcome');
    expect(again.getState().run?.game).toEqual(store.getState().run?.game);
    expect(again.getState().run?.lastRecord).toEqual(store.getState().run?.lastRecord);
    store.getState().continueFromOutcome();
    expect(session(storage).getState().screen).toBe('turn');
    store.getState().toTitle();
    const third = session(storage);
    expect(third.getState().screen).toBe('title');
    third.getState().continueRun();
    expect(third.getState().screen).toBe('turn');
  });
});

describe('session store: replays', () => {
  function finishedReplay(): string {
    const store = session();
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    store.getState().continueFromBriefing();
    for (let i = 0; i < 10 && store.getState().screen !== 'debrief'; i++) {
      const run = store.getState().run;
      if (run === null) throw new Error('no run');
      const last = legalOptions(run.scenario, run.game, 'us').at(-1);
      if (last === undefined) throw new Error('no option');
      store.getState().choose('us', last.id);
      store.getState().continueFromOutcome();
    }
    const text = store.getState().exportReplay();
    if (text === null) throw new Error('no replay');
    return text;
  }

  it('watches an imported replay step by step to the debrief, without touching the saved run', () => {
    const storage = memoryStorage();
    const text = finishedReplay();
    const store = session(storage);
    store.getState().openLink('?scenario=minimal&seed=ABCD&side=us');
    const saved = storage.getItem(SAVE_KEY);
    store.getState().importReplay(text, 'class.json');
    expect(store.getState().screen).toBe('briefing');
    const places: string[] = [];
    for (let i = 0; i < 20 && store.getState().screen !== 'debrief'; i++) {
      const screen = store.getState().screen;
      places.push(screen);
      if (screen === 'turn') store.getState().reviewStep(1);
      else if (screen === 'briefing') store.getState().continueFromBriefing();
      else store.getState().continueFromOutcome();
    }
    expect(places[0]).toBe('briefing');
    expect(places.slice(1, 3)).toEqual(['turn', 'outcome']);
    expect(store.getState().screen).toBe('debrief');
    expect(JSON.parse(store.getState().exportReplay() ?? '')).toEqual(JSON.parse(text));
    expect(storage.getItem(SAVE_KEY)).toBe(saved);
    store.getState().toTitle();
    expect(store.getState().run?.game.seed).toBe('ABCD');
  });

  it('forks a new run from a turn of the replay, asking first when it replaces a saved run', () => {
    const storage = memoryStorage();
    const store = session(storage);
    store.getState().openLink('?scenario=minimal&seed=ABCD&side=us');
    store.getState().importReplay(finishedReplay(), 'class.json');
    store.getState().reviewTurn(1);
    store.getState().reviewTurn(1);
    expect(store.getState().screen).toBe('turn');
    expect(store.getState().run?.game.turn).toBe(1);
    store.getState().fork();
    expect(store.getState().notice?.kind).toBe('overwrite');
    expect(store.getState().run?.review).not.toBeNull();
    expect(session(storage).getState().run?.game.seed).toBe('ABCD');
    store.getState().fork(true);
    expect(store.getState().notice).toBeNull();
    const run = store.getState().run;
    expect(run?.review).toBeNull();
    expect(store.getState().screen).toBe('turn');
    expect(run?.game.log).toHaveLength(1);
    if (run === null) throw new Error('no run');
    const option = legalOptions(run.scenario, run.game, 'us')[0];
    store.getState().choose('us', option?.id ?? '');
    expect(store.getState().screen).toBe('outcome');
    expect(store.getState().run?.game.log).toHaveLength(2);
    expect(session(storage).getState().run?.game).toEqual(store.getState().run?.game);
  });

  it('refuses a replay that does not match, with its message, and keeps the screen', () => {
    const store = session();
    const text = finishedReplay().replace(/"seed": "K7Q3"/, '"seed": "K7Q4"');
    store.getState().importReplay(text, 'edited.json');
    expect(store.getState().screen).toBe('title');
    expect(store.getState().notice?.kind).toBe('replay');
    expect(store.getState().notice?.message).toContain('edited.json');
    store.getState().importReplay('{"format":"red-phone/save","version":1}', 'save.json');
    expect(store.getState().notice?.message).toMatch(/save/);
    expect(store.getState().run).toBeNull();
  });
});

describe('session store: one update per action', () => {
  it('notifies subscribers once for each step of a run, saving included', () => {
    const store = session();
    let calls = 0;
    store.subscribe(() => {
      calls++;
    });
    const steps: [string, () => void][] = [
      ['chooseScenario', () => store.getState().chooseScenario('minimal')],
      ['startRun', () => store.getState().startRun()],
      ['continueFromBriefing', () => store.getState().continueFromBriefing()],
      ['choose', () => store.getState().choose('us', 'request_help')],
      ['continueFromOutcome', () => store.getState().continueFromOutcome()],
      ['toTitle', () => store.getState().toTitle()],
      ['continueRun', () => store.getState().continueRun()],
    ];
    for (const [name, act] of steps) {
      calls = 0;
      act();
      expect(calls, name).toBe(1);
    }
  });
});

describe('session store: sides on offer', () => {
  it('offers two teams only for a scenario with teams, and refuses side=both in a link otherwise', () => {
    const solo = loadCatalog(
      [{ file: '/scenarios/solo.yaml', text: readFileSync(new URL('../fixtures/valid/minimal.yaml', import.meta.url), 'utf8').replace('teams: true', 'teams: false') }],
      readFileSync(new URL('../../scenarios/terms.yaml', import.meta.url), 'utf8'),
      readFileSync(new URL('../../scenarios/ladder.yaml', import.meta.url), 'utf8'),
      readFileSync(new URL('../../scenarios/facts.yaml', import.meta.url), 'utf8'),
    );
    expect(sidesOf(solo, 'minimal')).toEqual(['us', 'cn']);
    expect(sidesOf(fixtureCatalog(), 'minimal')).toEqual(['us', 'cn', 'both']);
    const store = session(memoryStorage(), solo);
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=both');
    expect(store.getState().notice?.message).toContain('"side"');
    expect(store.getState().run).toBeNull();
  });
});
