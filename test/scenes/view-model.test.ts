import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fireInject, type GameState, type LogRecord, loadLibrary, loadScenario, resolveTurn, type Scenario, start, type TurnChoice } from '../../src/engine';
import { debriefView, gaugesOf, ledgerRows, roomView, rungBefore, wireOf } from '../../src/scenes/view-model';
import type { Run, RunPlace } from '../../src/store/session';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

function minimal(): Scenario {
  const lib = loadLibrary(read('scenarios/terms.yaml'), read('scenarios/ladder.yaml'), read('scenarios/facts.yaml'));
  if (lib.library === null) throw new Error('library did not load');
  const loaded = loadScenario(read('test/fixtures/valid/minimal.yaml'), 'minimal.yaml', lib.library);
  if (loaded.scenario === null) throw new Error('minimal.yaml did not load');
  return loaded.scenario;
}

const scenario = minimal();

function play(choices: readonly TurnChoice[]): { game: GameState; last: LogRecord | null } {
  let game = start(scenario, 'K7Q3', { us: 'people', cn: 'people' });
  let last: LogRecord | null = null;
  for (const c of choices) {
    const r = resolveTurn(scenario, game, c);
    if (!r.ok) throw new Error(r.error.message);
    game = r.state;
    last = r.record;
  }
  return { game, last };
}

const runOf = (game: GameState, last: LogRecord | null, place: RunPlace): Run => ({ scenario, side: 'both', game, lastRecord: last, pending: null, place, review: null });

/** Turn 1: the US asks for help (forced to be helped: trust +10, a request due in 2 turns); China denies (escalation +5). */
const ASK: TurnChoice = { us: 'request_help', cn: 'deny', force: { us: 'helped' } };
const WAIT: TurnChoice = { us: 'wait', cn: 'stall' };

describe('room view after one turn', () => {
  const { game, last } = play([ASK]);
  const outcome = roomView(runOf(game, last, 'outcome'), 'outcome');

  it('shows each gauge with its change, judged from the US side', () => {
    const trust = outcome.gauges.find((g) => g.id === 'trust');
    const esc = outcome.gauges.find((g) => g.id === 'escalation');
    expect(trust).toMatchObject({ value: 60, delta: 10, trend: 'better', fraction: 0.6, fromFraction: 0.5 });
    expect(esc).toMatchObject({ value: 25, delta: 5, trend: 'worse', fraction: 0.25, fromFraction: 0.2 });
  });

  it('puts both sides on the ladder and remembers where they stood', () => {
    expect(outcome.rung).toEqual({ us: 1, cn: 2 });
    expect(outcome.rungBefore).toEqual({ us: 0, cn: 0 });
    expect(outcome.rungs.map((r) => r.label)[0]).toBe('Quiet diplomacy');
  });

  it('labels the resolved turn and the date the clock has reached', () => {
    expect(outcome.turnLabel).toBe('Turn 1 · at most 4, most runs end by 2 · resolved');
    expect(outcome.date).toBe('19 October 2015');
    expect(outcome.highlight).toBe(true);
    const turn = roomView(runOf(game, last, 'turn'), 'turn');
    expect(turn.turnLabel).toBe('Turn 2 · at most 4, most runs end by 2');
    expect(turn.highlight).toBe(false);
    expect(turn.rungBefore).toEqual(turn.rung);
  });

  it('lists the request in the ledger and on the wire', () => {
    expect(outcome.ledger).toEqual([{ id: 1, route: 'US → CN', topic: 'Intrusion logs', status: 'OPEN · due turn 3, 26 October 2015', tone: 'open' }]);
    expect(outcome.ledgerMore).toBe(0);
    expect(outcome.wire).toEqual([
      { turn: 1, kind: 'ledger', text: 'US → CN #1: request sent' },
      { turn: 1, kind: 'move', text: 'US: Ask for assistance  ·  CN: Deny' },
    ]);
    expect(outcome.hotline).toBe('idle');
    expect(outcome.hotlineTally).toBe('no calls yet');
  });
});

describe('ledger and ladder over several turns', () => {
  it('marks an open request overdue once its due turn has been played', () => {
    const { game } = play([ASK]);
    expect(ledgerRows(scenario, { ...game, turn: 2 }).rows[0]).toMatchObject({ status: 'OPEN · due turn 3, 26 October 2015', tone: 'open' });
    expect(ledgerRows(scenario, { ...game, turn: 3 }).rows[0]).toMatchObject({ status: 'OVERDUE since turn 3', tone: 'overdue' });
  });

  it('says how a request ended when the game closed it', () => {
    const { game } = play([ASK, WAIT]);
    expect(ledgerRows(scenario, game).rows[0]).toMatchObject({ status: 'NEVER ANSWERED', tone: 'failed' });
  });

  it('takes the rung before the last turn from the turn before it', () => {
    const { game } = play([ASK, WAIT]);
    expect(game.rung).toEqual({ us: 0, cn: 0 });
    expect(rungBefore(game)).toEqual({ us: 1, cn: 2 });
  });

  it('shows no change on a gauge the last turn left alone', () => {
    const { game, last } = play([ASK, WAIT]);
    const gauges = gaugesOf(scenario, game, last);
    expect(gauges.every((g) => g.delta === 0 && g.trend === 'same')).toBe(true);
    const sinceStart = gaugesOf(scenario, game, 'start');
    expect(sinceStart.find((g) => g.id === 'trust')?.delta).toBe(10);
  });

  it('keeps the wire newest first, with injects, and at most its length', () => {
    const { game: first } = play([ASK]);
    const fired = fireInject(scenario, first, 'summit');
    if (!fired.ok) throw new Error(fired.error.message);
    const ended = resolveTurn(scenario, fired.state, WAIT);
    if (!ended.ok) throw new Error(ended.error.message);
    expect(wireOf(scenario, ended.state, 5)).toEqual([
      { turn: 2, kind: 'ledger', text: 'US → CN #1: request never answered' },
      { turn: 2, kind: 'move', text: 'US: Wait  ·  CN: Stall' },
      { turn: 1, kind: 'inject', text: 'A summit is called' },
      { turn: 1, kind: 'ledger', text: 'US → CN #1: request sent' },
      { turn: 1, kind: 'move', text: 'US: Ask for assistance  ·  CN: Deny' },
    ]);
    expect(wireOf(scenario, ended.state, 1)).toHaveLength(1);
  });
});

describe('debrief view', () => {
  it('names the ending, its tone, the span and the record of requests and calls', () => {
    const { game, last } = play([ASK, WAIT]);
    expect(game.ending).toBe('stalemate');
    const d = debriefView(runOf(game, last, 'debrief'));
    expect(d).toEqual({
      title: 'A minimal crisis',
      ending: 'Stalemate',
      tone: 'mixed',
      viewer: 'us',
      span: '12 October 2015 – 26 October 2015 · 2 turns',
      requests: 'Requests for assistance: 1 sent · 0 on time · 0 late · 1 never answered',
      hotline: 'Hotline: 0 calls · no calls yet',
    });
  });
});
