import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  actionsOf,
  checkReplay,
  ENGINE_VERSION,
  fireInject,
  type GameState,
  parseReplay,
  parseSave,
  playActions,
  type ReplayErrorCode,
  type ReplayFile,
  recordReplay,
  resolveTurn,
  type Scenario,
  start,
  stateHash,
  stringifyReplay,
} from '../../src/engine';
import { controllersFor, must } from '../golden/policy';
import { MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);

/** A game with every kind of action: a facilitator inject, a forced outcome, people and model moves. */
function sampleGame(scenario: Scenario = minimal): GameState {
  let s = start(scenario, 'K7Q3', controllersFor('us'));
  const steps: ((s: GameState) => ReturnType<typeof resolveTurn>)[] = [
    (x) => fireInject(scenario, x, 'summit'),
    (x) => resolveTurn(scenario, x, { us: 'request_help', force: { us: 'helped' } }),
    (x) => resolveTurn(scenario, x, { us: 'wait' }),
  ];
  for (const step of steps) {
    const r = step(s);
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

const game = sampleGame();
const replay = must(recordReplay(minimal, game));
const text = stringifyReplay(replay);

describe('replay: recording and playing', () => {
  it('actionsOf reads people moves, forced outcomes and facilitator injects from the log', () => {
    expect(actionsOf(game)).toEqual([
      { kind: 'inject', inject: 'summit' },
      { kind: 'turn', us: 'request_help', force: { us: 'helped' } },
      { kind: 'turn', us: 'wait' },
    ]);
  });

  it('a two-team game records both sides; a model-only side is not an action', () => {
    const s0 = start(minimal, 'A', controllersFor('teams'));
    const s1 = resolveTurn(minimal, s0, { us: 'go_public', cn: 'deny', force: { cn: 'denied' } });
    expect(s1.ok && actionsOf(s1.state)).toEqual([{ kind: 'turn', us: 'go_public', cn: 'deny', force: { cn: 'denied' } }]);
  });

  it('the replay file has the header, the actions and one hash per action', () => {
    expect(replay).toMatchObject({
      format: 'red-phone/replay',
      version: 1,
      engineVersion: ENGINE_VERSION,
      scenarioId: 'minimal',
      scenarioVersion: '1.0.0',
      scenarioHash: minimal.hash,
      seed: 'K7Q3',
      controllers: { us: 'people', cn: 'model' },
    });
    expect(replay.hashes).toHaveLength(3);
    expect(replay.hashes[2]).toBe(stateHash(game));
  });

  it('replaying the actions gives exactly the live game, facilitator actions included', () => {
    const played = must(playActions(minimal, 'K7Q3', controllersFor('us'), actionsOf(game)));
    expect(played.state).toStrictEqual(game);
    expect(played.hashes).toEqual(replay.hashes);
  });

  it('parse then check round-trips to the same game', () => {
    const parsed = must(parseReplay(text, 'game.json'));
    expect(parsed).toStrictEqual(replay);
    expect(must(checkReplay(minimal, parsed)).state).toStrictEqual(game);
  });

  it('the state hash changes when anything in the state changes', () => {
    const h = stateHash(game);
    expect(stateHash({ ...game, seed: 'K7Q4' })).not.toBe(h);
    expect(stateHash({ ...game, log: game.log.slice(0, -1) })).not.toBe(h);
    expect(stateHash({ ...game, indicators: { ...game.indicators, trust: (game.indicators.trust ?? 0) + 1 } })).not.toBe(h);
    expect(stateHash(JSON.parse(JSON.stringify(game)) as GameState)).toBe(h);
    expect(stateHash({ ...game, engineVersion: '1.4.2' })).toBe(h);
  });

  it('playActions names the first action the engine refuses', () => {
    const actions: Action[] = [
      { kind: 'turn', us: 'request_help' },
      { kind: 'turn', us: 'request_help' },
    ];
    const r = playActions(minimal, 'K7Q3', controllersFor('us'), actions);
    expect(r.ok ? null : [r.error.code, r.error.action, r.error.path]).toEqual(['replay/illegal-action', 1, 'actions[1]']);
    expect(r.ok ? '' : r.error.message).toMatch(/^turn 2: .*turn\/unknown-option/);
  });

  it('playActions refuses a bad seed', () => {
    const r = playActions(minimal, '', controllersFor('us'), []);
    expect(r.ok ? null : r.error.code).toBe('replay/bad-seed');
  });

  it('recordReplay refuses a game of another scenario or of an older version of this one', () => {
    const other = scenarioFromText(minimalText().replace('id: minimal', 'id: other'), 'other.yaml');
    const wrong = recordReplay(other, game);
    expect(wrong.ok ? null : wrong.error.code).toBe('replay/wrong-scenario');
    const changed = scenarioFromText(minimalText().replace('A flat denial., effects: { escalation: 5 }', 'A flat denial., effects: { escalation: 6 }'), 'changed.yaml');
    const r = recordReplay(changed, game);
    expect(r.ok ? null : r.error.code).toBe('replay/scenario-changed');
  });

  it('recordReplay refuses a state that its own actions do not reproduce', () => {
    const tampered = { ...game, indicators: { ...game.indicators, trust: 99 } };
    const r = recordReplay(minimal, tampered);
    expect(r.ok ? null : r.error.code).toBe('replay/diverged');
  });
});

describe('replay: refused before turn 1', () => {
  const changedText = scenarioFromText(minimalText().replace('A flat denial., effects: { escalation: 5 }', 'A flat denial., effects: { escalation: 6 }'), 'changed.yaml');
  const bumped = scenarioFromText(minimalText().replace('version: 1.0.0', 'version: 1.1.0'), 'bumped.yaml');
  const other = scenarioFromText(minimalText().replace('id: minimal', 'id: other-crisis'), 'other.yaml');
  const table: [string, Scenario, ReplayFile, ReplayErrorCode, RegExp][] = [
    ['another scenario', other, replay, 'replay/wrong-scenario', /this replay is of scenario minimal, and the scenario open is other-crisis/],
    ['the same version with other content', changedText, replay, 'replay/scenario-changed', /^recorded for minimal 1\.0\.0 \(hash [0-9a-f]{4,}…\), this is 1\.0\.0 \(hash [0-9a-f]{4,}…\)$/],
    ['another version', bumped, replay, 'replay/scenario-changed', /^recorded for minimal 1\.0\.0 \(hash .*\), this is 1\.1\.0 \(hash .*\)$/],
    ['another engine major version', minimal, { ...replay, engineVersion: '1.0.0' }, 'replay/engine-version', /rules version 1\.0\.0; this build plays rules 2\.x/],
    ['fewer hashes than actions', minimal, { ...replay, hashes: replay.hashes.slice(1) }, 'replay/invalid', /3 actions and 2 state hashes/],
  ];
  it.each(table)('%s: %s', (_name, scenario, file, code, message) => {
    const r = checkReplay(scenario, file);
    expect(r.ok ? null : r.error.code).toBe(code);
    expect(r.ok ? '' : r.error.message).toMatch(message);
  });

  it('a newer minor engine version plays the same game', () => {
    expect(must(checkReplay(minimal, { ...replay, engineVersion: '2.9.3' })).state).toStrictEqual(game);
  });
});

describe('replay: stops at the first divergence', () => {
  it('names the turn and both hashes', () => {
    const hashes = replay.hashes.slice();
    hashes[2] = '9c1e000000000000';
    const r = checkReplay(minimal, { ...replay, hashes });
    expect(r.ok ? null : [r.error.code, r.error.action, r.error.message]).toEqual(['replay/diverged', 2, `turn 2: expected 9c1e…, got ${replay.hashes[2]?.slice(0, 4)}…`]);
  });

  it('names an inject action by its name and place', () => {
    const hashes = replay.hashes.slice();
    hashes[0] = '0000000000000000';
    const r = checkReplay(minimal, { ...replay, hashes });
    expect(r.ok ? '' : r.error.message).toMatch(/^inject "summit" before turn 1 \(action 1\): expected 0000…, got [0-9a-f]{4}…$/);
  });

  it('shows as many digits as it takes to tell the hashes apart', () => {
    const hashes = replay.hashes.slice();
    const real = replay.hashes[1] ?? '';
    hashes[1] = `${real.slice(0, 6)}${real.charAt(6) === 'a' ? 'b' : 'a'}${real.slice(7)}`;
    const r = checkReplay(minimal, { ...replay, hashes });
    expect(r.ok ? '' : r.error.message).toBe(`turn 1: expected ${hashes[1]?.slice(0, 7)}…, got ${real.slice(0, 7)}…`);
  });

  it('another seed diverges at the first action', () => {
    const r = checkReplay(minimal, { ...replay, seed: 'K7Q4' });
    expect(r.ok ? null : [r.error.code, r.error.action]).toEqual(['replay/diverged', 0]);
  });

  it('other controllers diverge at the first action', () => {
    const r = checkReplay(minimal, { ...replay, controllers: { us: 'people', cn: 'people' } });
    expect(r.ok ? null : r.error.code).toMatch(/^replay\/(diverged|illegal-action)$/);
  });
});

describe('replay: parse errors', () => {
  const json = (patch: Record<string, unknown>): string => JSON.stringify({ ...JSON.parse(text), ...patch });
  const table: [string, string, ReplayErrorCode, string | RegExp][] = [
    ['empty text', '', 'replay/bad-json', /not valid JSON/],
    ['bad JSON', '{"format": "red-phone/replay",', 'replay/bad-json', /not valid JSON/],
    ['a list', '[1, 2]', 'replay/not-a-replay', /holds a list/],
    ['a number', '42', 'replay/not-a-replay', /holds a number/],
    ['no format', json({ format: undefined }), 'replay/not-a-replay', /it has no "format" field/],
    ['another format', json({ format: 'red-phone/state@1' }), 'replay/not-a-replay', /its format is "red-phone\/state@1"/],
    ['a save', JSON.stringify({ format: 'red-phone/save', version: 1, savedBy: '1.0.0', replay: JSON.parse(text) }), 'replay/is-a-save', 'this is a Red Phone save, not a replay: open it as a save'],
    ['no version', json({ version: undefined }), 'replay/no-version', /has no version/],
    ['a version that is text', json({ version: '1' }), 'replay/invalid', /version: a whole number is expected/],
    ['a newer version', json({ version: 2 }), 'replay/too-new', 'saved by version 2; this build reads 1–1. A newer Red Phone can open it.'],
    ['version 0', json({ version: 0 }), 'replay/too-old', 'saved by version 0; this build reads 1–1'],
    ['an unknown field', json({ extra: true }), 'replay/invalid', /extra/],
    ['a seed that is a number', json({ seed: 111 }), 'replay/invalid', /^seed: /],
    ['an empty seed', json({ seed: '' }), 'replay/bad-seed', /1 to 64 characters/],
    ['a seed too long', json({ seed: 'x'.repeat(65) }), 'replay/bad-seed', /1 to 64 characters/],
    ['a seed with a control character', json({ seed: 'K7Q3\u0000counterpart' }), 'replay/bad-seed', /control characters/],
    ['a bad controller', json({ controllers: { us: 'people', cn: 'robot' } }), 'replay/invalid', /^controllers\.cn: /],
    ['a bad hash', json({ hashes: ['xyz', 'a', 'b'] }), 'replay/invalid', /^hashes\[0\]: a state hash is 16 hex digits/],
    ['an unknown action kind', json({ actions: [{ kind: 'undo' }] }), 'replay/unknown-action', /action 1 is of kind "undo"/],
    ['an action that is not an object', json({ actions: ['turn'] }), 'replay/unknown-action', /action 1 is of kind undefined/],
    ['an unknown field in an action', json({ actions: [{ kind: 'turn', us: 'wait', when: 3 }], hashes: ['0000000000000000'] }), 'replay/invalid', /^actions\[0\]/],
    ['an option id that is not an id', json({ actions: [{ kind: 'turn', us: 'Wait!' }], hashes: ['0000000000000000'] }), 'replay/invalid', /^actions\[0\]\.us: /],
    ['too many actions', json({ actions: Array.from({ length: 1001 }, () => ({ kind: 'turn' })) }), 'replay/too-many-actions', /1001 actions; at most 1000/],
    ['hashes and actions that do not match', json({ hashes: [] }), 'replay/invalid', /3 actions and 0 state hashes/],
    ['a __proto__ key', text.replace('"seed"', '"__proto__": {"polluted": true}, "seed"'), 'replay/forbidden-key', 'the key "__proto__" is not allowed in a replay'],
    ['a nested constructor key', text.replace('"us": "people"', '"constructor": {"prototype": 1}, "us": "people"'), 'replay/forbidden-key', /"constructor"/],
    ['a prototype key in an action', text.replace('"kind": "inject"', '"prototype": 1, "kind": "inject"'), 'replay/forbidden-key', /"prototype"/],
    ['deep nesting', json({ seed: JSON.parse('['.repeat(40) + ']'.repeat(40)) }), 'replay/too-deep', /deeper than 16 levels/],
    ['huge text', ' '.repeat(600 * 1024), 'replay/too-large', /at most 512 KB/],
  ];
  it.each(table)('%s', (_name, input, code, message) => {
    const r = parseReplay(input, 'class-3.json');
    expect(r.ok ? null : r.error.code).toBe(code);
    if (r.ok) return;
    expect(r.error.file).toBe('class-3.json');
    if (typeof message === 'string') expect(r.error.message).toBe(message);
    else expect(r.error.message).toMatch(message);
  });

  it('a byte-order mark before the JSON is skipped', () => {
    expect(parseReplay(`\ufeff${text}`, 'notepad.json')).toStrictEqual(parseReplay(text, 'notepad.json'));
  });

  it('a __proto__ key never reaches Object.prototype', () => {
    parseReplay('{"__proto__": {"polluted": true}}', 'x.json');
    parseReplay(text.replace('"seed"', '"__proto__": {"polluted": true}, "seed"'), 'x.json');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the path of the forbidden key', () => {
    const r = parseReplay(text.replace('"us": "people"', '"__proto__": 1, "us": "people"'), 'x.json');
    expect(r.ok ? null : r.error.path).toBe('controllers.__proto__');
  });
});

describe('replay and save parsing: untrusted objects', () => {
  const keyArb = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'format', 'version', 'replay', 'actions', 'seed'), fc.string({ maxLength: 6 }));
  const valueArb = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.array(tie('value'), { maxLength: 3 }), tie('object')),
    object: fc.array(fc.tuple(keyArb, tie('value')), { maxLength: 4 }),
  }));
  const textOf = (v: unknown): string =>
    Array.isArray(v) && v.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string')
      ? `{${v.map(([k, x]) => `${JSON.stringify(k)}:${textOf(x)}`).join(',')}}`
      : (JSON.stringify(v) ?? 'null');

  it('never changes Object.prototype and never throws, whatever the keys (property)', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(valueArb.object, fc.boolean(), (entries, withMagic) => {
        const magic = withMagic ? '"format":"red-phone/replay","version":1,' : '';
        const text = textOf(entries).replace(/^\{/, `{${magic}`).replace(/,\}$/, '}');
        const r = parseReplay(text, 'x.json');
        const s = parseSave(text, 'x.json');
        if (/"(__proto__|constructor|prototype)":/.test(text) && (r.ok || s.ok)) throw new Error(`accepted ${text}`);
        expect([typeof r.ok, typeof s.ok]).toEqual(['boolean', 'boolean']);
      }),
      { seed: 8, numRuns: 400 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  });
});
