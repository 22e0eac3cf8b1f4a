import { describe, expect, it } from 'vitest';
import { chancesBp, type EngineErrorCode, fireInject, type GameState, legalChoices, resolveTurn, type Scenario, start, type TurnChoice, type TurnRecord, type TurnResult } from '../../src/engine';
import { Rng, seedState } from '../../src/engine/rules/rng';
import { controllersFor, playSteps } from '../golden/policy';
import { MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);

/** The minimal scenario with text replaced: each pair must match exactly once. */
function variant(...pairs: [string, string][]): Scenario {
  let text = minimalText();
  for (const [from, to] of pairs) {
    if (text.split(from).length !== 2) throw new Error(`variant: "${from}" does not occur exactly once`);
    text = text.replace(from, to);
  }
  return scenarioFromText(text, 'minimal-variant.yaml');
}

/** An unanswered request leads back to the opening beat, so play can run until the turn limit (4). */
const LOOP: [string, string] = ['text: No answer comes., effects: { trust: -5 } }', 'text: No answer comes., effects: { trust: -5 }, next: opening }'];
/** A denial leads back to the opening beat too. */
const DENY_LOOP: [string, string] = ['text: A flat denial., effects: { escalation: 5 } }', 'text: A flat denial., effects: { escalation: 5 }, next: opening }'];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.getOwnPropertyNames(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function ok(result: TurnResult): GameState {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.state;
}

function turn(scenario: Scenario, state: GameState, choice: TurnChoice): { state: GameState; record: TurnRecord } {
  const result = resolveTurn(scenario, deepFreeze(state), choice);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  if (result.record.kind !== 'turn') throw new Error('expected a turn record');
  return { state: result.state, record: result.record };
}

const teams = (scenario: Scenario = minimal, seed = 'K7Q3'): GameState => start(scenario, seed, controllersFor('teams'));
const usAlone = (scenario: Scenario = minimal, seed = 'K7Q3'): GameState => start(scenario, seed, controllersFor('us'));

describe('engine: illegal input is an error value and the state is unchanged', () => {
  const ended = (): GameState => turn(minimal, turn(minimal, usAlone(), { us: 'request_help' }).state, { us: 'wait' }).state;
  const afterOpening = (): GameState => turn(minimal, usAlone(), { us: 'request_help' }).state;
  const zeroWeights = variant(['weight: "40 + trust / 2"', 'weight: "trust - 50"'], ['weight: 30, text: No answer comes.', 'weight: "trust - 50", text: No answer comes.']);
  const summitFired = (): GameState => ok(fireInject(minimal, usAlone(), 'summit'));

  const table: { name: string; code: EngineErrorCode; state: () => GameState; act: (s: GameState) => TurnResult }[] = [
    { name: 'a turn after the game has ended', code: 'turn/game-over', state: ended, act: (s) => resolveTurn(minimal, s, { us: 'wait' }) },
    { name: 'an inject after the game has ended', code: 'turn/game-over', state: ended, act: (s) => fireInject(minimal, s, 'summit') },
    { name: 'no option for a side played by people', code: 'turn/missing-choice', state: () => usAlone(), act: (s) => resolveTurn(minimal, s, {}) },
    { name: 'one side of two missing', code: 'turn/missing-choice', state: () => teams(), act: (s) => resolveTurn(minimal, s, { us: 'request_help' }) },
    { name: 'an option for the side the model plays', code: 'turn/not-your-turn', state: () => usAlone(), act: (s) => resolveTurn(minimal, s, { us: 'request_help', cn: 'deny' }) },
    { name: 'an option that does not exist', code: 'turn/unknown-option', state: () => usAlone(), act: (s) => resolveTurn(minimal, s, { us: 'nuke' }) },
    { name: 'an option of another beat', code: 'turn/unknown-option', state: () => usAlone(), act: (s) => resolveTurn(minimal, s, { us: 'wait' }) },
    {
      name: 'an option whose condition does not hold',
      code: 'turn/option-not-offered',
      state: () => ({ ...afterOpening(), flags: { evidence_public: true } }),
      act: (s) => resolveTurn(minimal, s, { us: 'call_hotline' }),
    },
    {
      name: 'forcing an outcome the option lacks',
      code: 'turn/unknown-outcome',
      state: () => usAlone(),
      act: (s) => resolveTurn(minimal, s, { us: 'request_help', force: { us: 'named' } }),
    },
    { name: 'an inject that does not exist', code: 'turn/unknown-inject', state: () => usAlone(), act: (s) => fireInject(minimal, s, 'meteor') },
    { name: 'an inject fired twice', code: 'turn/inject-fired', state: summitFired, act: (s) => fireInject(minimal, s, 'summit') },
    { name: 'every outcome weighing zero', code: 'scenario/zero-weights', state: () => usAlone(zeroWeights), act: (s) => resolveTurn(zeroWeights, s, { us: 'request_help' }) },
    {
      name: 'a state at a beat the scenario lacks',
      code: 'state/mismatch',
      state: () => ({ ...usAlone(), beat: 'nowhere' }),
      act: (s) => resolveTurn(minimal, s, { us: 'request_help' }),
    },
  ];

  it.each(table.map((c) => [c.name, c.code, c] as const))('%s gives %s', (_name, code, c) => {
    const input = deepFreeze(c.state());
    const result = c.act(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(5);
    expect(result.state).toBe(input);
  });

  it('covers every error code the engine can return', () => {
    const codes: EngineErrorCode[] = [
      'turn/game-over',
      'turn/missing-choice',
      'turn/not-your-turn',
      'turn/unknown-option',
      'turn/option-not-offered',
      'turn/unknown-outcome',
      'turn/unknown-inject',
      'turn/inject-fired',
      'scenario/zero-weights',
      'state/mismatch',
    ];
    expect(new Set(table.map((c) => c.code))).toEqual(new Set(codes));
  });
});

describe('engine: pure turns', () => {
  it.each(['us', 'cn', 'teams'] as const)('plays whole games from deep-frozen states without mutating them (%s)', (mode) => {
    for (const seed of ['K7Q3', 'A', 'red phone', '2222']) {
      for (let pick = 0; pick < 3; pick++) {
        const steps = Array.from({ length: 6 }, (_, t) => ({ kind: 'turn' as const, us: pick + t, cn: pick * 2 + t, forceUs: null, forceCn: null }));
        let previous = deepFreeze(start(minimal, seed, controllersFor(mode)));
        const snapshot = JSON.stringify(previous);
        const end = playSteps(minimal, previous, steps, true, (s) => {
          previous = deepFreeze(s);
        });
        expect(end.ending).not.toBeNull();
        expect(JSON.stringify(start(minimal, seed, controllersFor(mode)))).toBe(snapshot);
      }
    }
  });

  it('a new game makes no draw and starts at the first beat', () => {
    const s = usAlone();
    expect(s).toMatchObject({ turn: 0, beat: 'opening', ending: null, indicators: { trust: 50, escalation: 20 }, flags: { evidence_public: false }, log: [] });
    expect(s.rng.world).toEqual(seedState('K7Q3'));
    expect(s.rng.counterpart).toEqual(seedState('K7Q3\u0000counterpart'));
  });
});

describe('engine: chance, forced outcomes and the counterpart model', () => {
  const first = new Rng(seedState('K7Q3'));
  const worldDraws = [first.below(10_000), first.below(10_000)];

  it('outcome draws come from the world stream, us first, whoever plays each side', () => {
    for (const mode of ['us', 'cn', 'teams'] as const) {
      const s = start(minimal, 'K7Q3', controllersFor(mode));
      const { record } = turn(minimal, s, mode === 'us' ? { us: 'request_help' } : mode === 'cn' ? { cn: 'deny' } : { us: 'request_help', cn: 'deny' });
      expect(record.moves.map((m) => m.side)).toEqual(['us', 'cn']);
      expect(record.moves.map((m) => m.draw)).toEqual(worldDraws);
    }
  });

  it('the outcome chance is the basis-point share of its weight', () => {
    const { record } = turn(minimal, teams(), { us: 'request_help', cn: 'deny' });
    const [helped, ignored] = chancesBp([40 + 50 / 2, 30]);
    expect(worldDraws[0]).toBe(7769);
    expect(helped).toBe(6842);
    expect(record.moves[0]).toMatchObject({ outcome: 'ignored', chanceBp: ignored, draw: 7769 });
  });

  it('a forced outcome keeps the draw (the generator advances as usual) and records its own chance', () => {
    const free = turn(minimal, teams(), { us: 'request_help', cn: 'deny' });
    const freeOutcome = free.record.moves[0]?.outcome;
    const other = freeOutcome === 'helped' ? 'ignored' : 'helped';
    const forced = turn(minimal, teams(), { us: 'request_help', cn: 'deny', force: { us: other } });
    const move = forced.record.moves[0];
    expect(move).toMatchObject({ outcome: other, forced: true, draw: free.record.moves[0]?.draw });
    expect(move?.chanceBp).toBe(chancesBp([65, 30])[other === 'helped' ? 0 : 1]);
    expect(forced.state.rng).toEqual(free.state.rng);
    expect(free.record.moves[0]?.forced).toBe(false);
  });

  it('a facilitator can force the outcome of the model side, of the option the model picks', () => {
    const seeds = ['K7Q3', 'A', 'B', 'C', 'D', 'E', 'F', 'G'];
    const seed = seeds.find((x) => turn(minimal, usAlone(minimal, x), { us: 'request_help' }).record.moves[1]?.option === 'deny');
    expect(seed).toBeDefined();
    const { record } = turn(minimal, usAlone(minimal, seed), { us: 'request_help', force: { cn: 'denied' } });
    expect(record.moves[1]).toMatchObject({ by: 'model', option: 'deny', outcome: 'denied', forced: true });
    const wrong = resolveTurn(minimal, usAlone(minimal, seed), { us: 'request_help', force: { cn: 'arrests' } });
    expect(wrong.ok ? 'played' : wrong.error.code).toBe('turn/unknown-outcome');
  });

  it('a facilitator cannot force an outcome the state rules out (its chance is zero): the turn would tell two stories', () => {
    const atResponse = turn(minimal, teams(), { us: 'request_help', cn: 'cooperate', force: { us: 'helped' } }).state;
    const noTrust = { ...atResponse, indicators: { ...atResponse.indicators, trust: 0 } };
    const refused = resolveTurn(minimal, noTrust, { us: 'call_hotline', cn: 'stall', force: { us: 'answered' } });
    expect(refused.ok ? 'played' : refused.error.code).toBe('turn/outcome-impossible');
    expect(refused.state).toBe(noTrust);
    const allowed = resolveTurn(minimal, noTrust, { us: 'call_hotline', cn: 'stall', force: { us: 'unanswered' } });
    expect(allowed.ok).toBe(true);
  });

  it('the side resolving second reads the first result: the lead resolves first and its outcome is in the context', () => {
    const { record } = turn(minimal, teams(), { us: 'request_help', cn: 'cooperate' });
    expect(record.moves.map((m) => m.side)).toEqual(['us', 'cn']);
    for (const m of record.moves) expect(m.chances.reduce((n, c) => n + c, 0)).toBe(10_000);
  });

  it('the model picks with its own stream, with the chance of its pick recorded', () => {
    const s = usAlone();
    const { state, record } = turn(minimal, s, { us: 'request_help' });
    const cn = record.moves[1];
    expect(cn?.by).toBe('model');
    const pickDraw = new Rng(seedState('K7Q3\u0000counterpart')).below(10_000);
    const [cooperate, deny] = chancesBp([10 + 50 / 5, 10]);
    expect(cn?.pick).toEqual({ chanceBp: pickDraw < (cooperate ?? 0) ? cooperate : deny, draw: pickDraw });
    expect(cn?.option).toBe(pickDraw < (cooperate ?? 0) ? 'cooperate' : 'deny');
    expect(state.rng.counterpart).not.toEqual(s.rng.counterpart);
  });

  it('two teams: both moves are by people, and the counterpart stream is untouched', () => {
    const s = teams();
    const { state, record } = turn(minimal, s, { us: 'go_public', cn: 'cooperate' });
    expect(record.moves.map((m) => [m.side, m.by, m.option, m.pick])).toEqual([
      ['us', 'people', 'go_public', null],
      ['cn', 'people', 'cooperate', null],
    ]);
    expect(state.rng.counterpart).toEqual(s.rng.counterpart);
    expect(state.rung).toEqual({ us: 2, cn: 0 });
    expect(state.last).toEqual({ us: 'go_public', cn: 'cooperate' });
    expect(legalChoices(minimal, state).cn?.map((o) => o.id)).toEqual(['retaliate']);
  });

  it('the lead side decides where play goes', () => {
    const { state, record } = turn(minimal, teams(), { us: 'go_public', cn: 'deny' });
    expect(record.next).toBe('showdown');
    expect(state.beat).toBe('showdown');
    expect(state.flags.evidence_public).toBe(true);
  });
});

describe('engine: injects', () => {
  const loop = variant(LOOP);

  it('a scripted inject fires once, at the end of the first turn its condition holds', () => {
    let s = teams(loop);
    const fired: string[][] = [];
    for (let t = 0; t < 4; t++) {
      const r = turn(loop, s, { us: 'request_help', cn: 'deny', force: { us: 'ignored' } });
      fired.push(r.record.injects.map((i) => `${i.inject}:${i.by}`));
      s = r.state;
    }
    expect(fired).toEqual([[], [], ['leak:script'], []]);
    expect(s.firedInjects).toEqual(['leak']);
  });

  it('a facilitator inject applies at once, is logged between turns and fires only once', () => {
    const s = turn(minimal, usAlone(), { us: 'request_help', force: { us: 'ignored' } }).state;
    const result = fireInject(minimal, deepFreeze(s), 'summit');
    const after = ok(result);
    expect(result.ok && result.record).toEqual({
      kind: 'inject',
      turn: 1,
      inject: 'summit',
      changes: [{ id: 'trust', from: s.indicators.trust, to: (s.indicators.trust ?? 0) + 5 }],
      flagsSet: [],
      flagsCleared: [],
      ending: null,
    });
    expect(after.rng).toEqual(s.rng);
    expect(after.turn).toBe(1);
    expect(fireInject(minimal, after, 'summit').ok).toBe(false);
  });

  it('a scripted inject fired early by the facilitator never fires again by itself', () => {
    let s = ok(fireInject(loop, teams(loop), 'leak'));
    for (let t = 0; t < 4; t++) {
      const r = turn(loop, s, { us: 'request_help', cn: 'deny', force: { us: 'ignored' } });
      expect(r.record.injects).toEqual([]);
      s = r.state;
    }
  });
});

describe('engine: the ledger of requests', () => {
  const loop = variant(LOOP, DENY_LOOP, ['due: 2', 'due: 1']);

  it('answered in the turn it was sent: on time', () => {
    const { state, record } = turn(minimal, teams(), { us: 'request_help', cn: 'cooperate', force: { us: 'helped' } });
    expect(record.ledger.map((e) => [e.kind, e.request, e.late, e.quality])).toEqual([
      ['sent', 1, false, null],
      ['answered', 1, false, 'full'],
    ]);
    expect(state.ledger).toEqual([{ id: 1, from: 'us', to: 'cn', topic: 'Intrusion logs', sentTurn: 1, dueTurn: 3, status: 'on_time', answeredTurn: 1, quality: 'full' }]);
  });

  it('answered after its due turn: overdue, then late', () => {
    let s = teams(loop);
    const events: string[][] = [];
    const plan: TurnChoice[] = [
      { us: 'request_help', cn: 'deny', force: { us: 'helped' } },
      { us: 'request_help', cn: 'deny', force: { us: 'ignored' } },
      { us: 'request_help', cn: 'cooperate', force: { us: 'ignored' } },
    ];
    for (const choice of plan) {
      const r = turn(loop, s, choice);
      events.push(r.record.ledger.map((e) => `${e.kind}${e.late ? ' late' : ''}`));
      s = r.state;
    }
    expect(events).toEqual([['sent'], ['overdue late'], ['answered late']]);
    expect(s.ledger[0]).toMatchObject({ status: 'late', dueTurn: 2, answeredTurn: 3, quality: 'full' });
  });

  it('never answered by the end: never', () => {
    const a = turn(minimal, teams(), { us: 'request_help', cn: 'deny', force: { us: 'helped' } });
    const b = turn(minimal, a.state, { us: 'wait', cn: 'stall' });
    expect(b.record.ending).toBe('stalemate');
    expect(b.record.ledger.map((e) => e.kind)).toEqual(['expired']);
    expect(b.state.ledger[0]?.status).toBe('never');
  });
});

describe('engine: hotline, endings and clamping', () => {
  const opened = (): GameState => turn(minimal, usAlone(), { us: 'request_help', force: { us: 'ignored' } }).state;

  it('an answered call counts a call and an answer, and can end the game', () => {
    const { state, record } = turn(minimal, opened(), { us: 'call_hotline', force: { us: 'answered' } });
    expect(state.hotline).toEqual({ status: 'answered', calls: 1, answered: 1, unanswered: 0 });
    expect(record.hotline).toBe('answered');
    expect([record.next, record.ending, state.ending]).toEqual(['deal', 'deal', 'deal']);
  });

  it('an unanswered call counts a call and a miss', () => {
    const { state } = turn(minimal, opened(), { us: 'call_hotline', force: { us: 'unanswered' } });
    expect(state.hotline).toEqual({ status: 'unanswered', calls: 1, answered: 0, unanswered: 1 });
  });

  it('the game times out at maxTurns with the timeout ending', () => {
    const loop = variant(LOOP);
    let s = usAlone(loop);
    const endings: (string | null)[] = [];
    for (let t = 0; t < 4; t++) {
      const r = turn(loop, s, { us: 'request_help', force: { us: 'ignored' } });
      endings.push(r.record.ending);
      s = r.state;
    }
    expect(endings).toEqual([null, null, null, 'stalemate']);
    expect([s.turn, s.ending, s.beat]).toEqual([4, 'stalemate', 'opening']);
    expect(resolveTurn(loop, s, { us: 'request_help' }).ok).toBe(false);
  });

  it('an ending condition is reached wherever play is', () => {
    const hot = variant(['start: 20, better: lower', 'start: 60, better: lower']);
    const { record } = turn(hot, teams(hot), { us: 'go_public', cn: 'deny' });
    expect([record.ending, record.next]).toEqual(['crisis', 'crisis']);
  });

  it('both sides’ effects are summed before clamping, so their order does not matter', () => {
    const high = ['start: 20, better: lower', 'start: 90, better: lower'] as [string, string];
    const usUp = variant(high, ['denial., effects: { escalation: 5 }', 'denial., effects: { escalation: -20 }']);
    const usDown = variant(high, ['effects: { escalation: 15 }', 'effects: { escalation: -20 }'], ['denial., effects: { escalation: 5 }', 'denial., effects: { escalation: 15 }']);
    const a = turn(usUp, teams(usUp), { us: 'go_public', cn: 'deny' });
    const b = turn(usDown, teams(usDown), { us: 'go_public', cn: 'deny' });
    expect(a.state.indicators.escalation).toBe(85);
    expect(b.state.indicators.escalation).toBe(85);
    expect(a.record.changes).toEqual([{ id: 'escalation', from: 90, to: 85 }]);
  });

  it('indicators are clamped to their range', () => {
    const high = variant(['start: 20, better: lower', 'start: 90, better: lower']);
    const { state } = turn(high, teams(high), { us: 'go_public', cn: 'deny' });
    expect(state.indicators.escalation).toBe(100);
  });
});
