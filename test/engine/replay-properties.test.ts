/**
 * Properties of reproducible play, over every scenario in scenarios/ (and the minimal fixture),
 * random seeds and random choices. fast-check runs with fixed seeds, so these never fail by chance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionsOf,
  checkReplay,
  createSave,
  ENGINE_VERSION,
  type GameState,
  isValidSeed,
  parseReplay,
  parseSave,
  playActions,
  randomSeedFrom,
  recordReplay,
  restoreSave,
  type Scenario,
  type Side,
  start,
  stateHash,
  stringifyReplay,
  stringifySave,
} from '../../src/engine';
import { controllersFor, playSteps, type Step } from '../golden/policy';
import { allScenarios } from '../golden/scenarios';

type Mode = Side | 'teams';

const modesOf = (scenario: Scenario): Mode[] => [...scenario.file.sides, ...(scenario.file.teams ? (['teams'] as const) : [])];

const seedArb = fc.oneof(
  fc.nat({ max: 31 ** 4 - 1 }).map(randomSeedFrom),
  fc.string({ minLength: 1, maxLength: 64 }).filter(isValidSeed),
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }).filter(isValidSeed),
);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({
      kind: fc.constant('turn' as const),
      us: fc.nat(11),
      cn: fc.nat(11),
      forceUs: fc.option(fc.nat(11), { freq: 4 }),
      forceCn: fc.option(fc.nat(11), { freq: 4 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('inject' as const), index: fc.nat(40) }) },
);

const gameArb = (scenario: Scenario) => fc.record({ seed: seedArb, mode: fc.constantFrom(...modesOf(scenario)), steps: fc.array(stepArb, { minLength: 1, maxLength: 70 }) });

const RUNS = 60;
const play = (scenario: Scenario, g: { seed: string; mode: Mode; steps: Step[] }, onState?: (s: GameState) => void): GameState =>
  playSteps(scenario, start(scenario, g.seed, controllersFor(g.mode)), g.steps, true, onState);

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.each(allScenarios().map((s) => [s.scenario.id, s.scenario] as const))('reproducible play of %s', (_id, scenario) => {
  it('(a) the same seed and choices give an identical game', () => {
    fc.assert(
      fc.property(gameArb(scenario), (g) => {
        const a = play(scenario, g);
        const b = play(scenario, g);
        expect(b).toStrictEqual(a);
        expect(stateHash(b)).toBe(stateHash(a));
        expect(a.ending).not.toBeNull();
      }),
      { seed: 1, numRuns: RUNS },
    );
  });

  it('(b) saving mid-run, loading and continuing equals an unbroken run', () => {
    fc.assert(
      fc.property(gameArb(scenario), fc.nat(), (g, cut) => {
        const k = cut % (g.steps.length + 1);
        const unbroken = play(scenario, g);
        const mid = playSteps(scenario, start(scenario, g.seed, controllersFor(g.mode)), g.steps.slice(0, k), false);
        expect(playSteps(scenario, roundTrip(mid), g.steps.slice(k), true)).toStrictEqual(unbroken);
        const save = createSave(scenario, mid, { cut: k });
        if (!save.ok) throw new Error(save.error.message);
        const parsed = parseSave(stringifySave(save.value), 'autosave');
        if (!parsed.ok) throw new Error(parsed.error.message);
        const restored = restoreSave(parsed.value, [scenario]);
        if (!restored.ok) throw new Error(restored.error.message);
        expect(restored.value.state).toStrictEqual(mid);
        expect(playSteps(scenario, restored.value.state, g.steps.slice(k), true)).toStrictEqual(unbroken);
      }),
      { seed: 2, numRuns: RUNS },
    );
  });

  it('(c) every state survives a JSON round trip unchanged', () => {
    fc.assert(
      fc.property(gameArb(scenario), (g) => {
        const first = start(scenario, g.seed, controllersFor(g.mode));
        expect(roundTrip(first)).toStrictEqual(first);
        play(scenario, g, (s) => expect(roundTrip(s)).toStrictEqual(s));
      }),
      { seed: 3, numRuns: RUNS },
    );
  });

  it('(d) replaying actionsOf(state) equals live play', () => {
    fc.assert(
      fc.property(gameArb(scenario), (g) => {
        const live = play(scenario, g);
        const replayed = playActions(scenario, live.seed, live.controllers, actionsOf(live));
        if (!replayed.ok) throw new Error(replayed.error.message);
        expect(replayed.value.state).toStrictEqual(live);
        const file = recordReplay(scenario, live);
        if (!file.ok) throw new Error(file.error.message);
        const parsed = parseReplay(stringifyReplay(file.value), 'replay.json');
        if (!parsed.ok) throw new Error(parsed.error.message);
        const checked = checkReplay(scenario, parsed.value);
        if (!checked.ok) throw new Error(checked.error.message);
        expect(checked.value.state).toStrictEqual(live);
      }),
      { seed: 4, numRuns: RUNS },
    );
  });

  it('(e) one corrupted character in a replay or a save gives a typed error or the identical game', () => {
    fc.assert(
      fc.property(gameArb(scenario), fc.nat(), fc.integer({ min: 0, max: 0x7f }), fc.boolean(), (g, at, code, asSave) => {
        const live = play(scenario, g);
        const file = recordReplay(scenario, live);
        if (!file.ok) throw new Error(file.error.message);
        const save = createSave(scenario, live, { team: 'Group 3' });
        if (!save.ok) throw new Error(save.error.message);
        const text = asSave ? stringifySave(save.value) : stringifyReplay(file.value);
        const i = at % text.length;
        const ch = String.fromCharCode(code);
        fc.pre(text.charAt(i) !== ch);
        const corrupted = text.slice(0, i) + ch + text.slice(i + 1);
        let state: GameState | null = null;
        if (asSave) {
          const parsed = parseSave(corrupted, 'save.json');
          const restored = parsed.ok ? restoreSave(parsed.value, [scenario]) : parsed;
          if (restored.ok) state = restored.value.state;
          else expect(restored.error.code).toMatch(/^save\/[a-z-]+$/);
        } else {
          const parsed = parseReplay(corrupted, 'replay.json');
          const checked = parsed.ok ? checkReplay(scenario, parsed.value) : parsed;
          if (checked.ok) state = checked.value.state;
          else expect(checked.error.code).toMatch(/^replay\/[a-z-]+$/);
        }
        if (state !== null) {
          expect(stateHash(state)).toBe(stateHash(live));
          expect(state).toStrictEqual(live);
        }
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('(e) examples: harmless changes give the identical game, a changed seed or choice is refused', () => {
    const live = play(scenario, { seed: 'K7Q3', mode: modesOf(scenario)[0] ?? 'us', steps: [{ kind: 'turn', us: 1, cn: 1, forceUs: null, forceCn: null }] });
    const file = recordReplay(scenario, live);
    if (!file.ok) throw new Error(file.error.message);
    const text = stringifyReplay(file.value);
    const outcome = (t: string): string => {
      const parsed = parseReplay(t, 'replay.json');
      const checked = parsed.ok ? checkReplay(scenario, parsed.value) : parsed;
      return checked.ok ? (stateHash(checked.value.state) === stateHash(live) ? 'same' : 'different') : checked.error.code;
    };
    expect(outcome(text.replace('\n  "version"', '\n\t"version"'))).toBe('same');
    const [major, minor] = ENGINE_VERSION.split('.');
    const patched = text.replace(`"engineVersion": "${ENGINE_VERSION}"`, `"engineVersion": "${major}.${minor}.999"`);
    expect(patched).not.toBe(text);
    expect(outcome(patched)).toBe('same');
    expect(outcome(text.replace('"seed": "K7Q3"', '"seed": "K7Q4"'))).toBe('replay/diverged');
    expect(outcome(text.replace('"version": 1', '"version": 7'))).toBe('replay/too-new');
    expect(outcome(text.replace('"format": "red-phone/replay"', '"format": "red-phone/replaz"'))).toBe('replay/not-a-replay');
  });
});
