import { describe, expect, it } from 'vitest';
import {
  createSave,
  fireInject,
  type GameState,
  parseSave,
  recordReplay,
  resolveTurn,
  restoreSave,
  type SaveErrorCode,
  type SaveFile,
  type Scenario,
  start,
  stringifyReplay,
  stringifySave,
} from '../../src/engine';
import { controllersFor, must } from '../golden/policy';
import { MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);

function midGame(): GameState {
  let s = start(minimal, 'K7Q3', controllersFor('teams'));
  for (const step of [(x: GameState) => fireInject(minimal, x, 'summit'), (x: GameState) => resolveTurn(minimal, x, { us: 'request_help', cn: 'deny', force: { us: 'helped' } })]) {
    const r = step(s);
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

const game = midGame();
const save = must(createSave(minimal, game, { turnSeconds: 90, showOdds: false, team: 'Group 3' }));
const text = stringifySave(save);

describe('save: create, parse, restore', () => {
  it('holds the replay, who saved it and the settings', () => {
    expect(save).toStrictEqual({
      format: 'red-phone/save',
      version: 1,
      savedBy: '2.0.0',
      replay: must(recordReplay(minimal, game)),
      settings: { turnSeconds: 90, showOdds: false, team: 'Group 3' },
    });
  });

  it('a save without settings has no settings field', () => {
    expect('settings' in must(createSave(minimal, game))).toBe(false);
  });

  it('restores exactly the saved game, which then plays on like the original', () => {
    const parsed = must(parseSave(text, 'autosave'));
    expect(parsed).toStrictEqual(save);
    const restored = must(restoreSave(parsed, [minimal]));
    expect(restored.scenario).toBe(minimal);
    expect(restored.state).toStrictEqual(game);
    const a = resolveTurn(minimal, restored.state, { us: 'wait', cn: 'stall' });
    const b = resolveTurn(minimal, game, { us: 'wait', cn: 'stall' });
    expect(a).toStrictEqual(b);
  });

  it('a save of a new game restores to the new game', () => {
    const fresh = start(minimal, 'IPT', controllersFor('cn'));
    expect(must(restoreSave(must(parseSave(stringifySave(must(createSave(minimal, fresh))), 'x')), [minimal])).state).toStrictEqual(fresh);
  });
});

describe('save: refused with a reason', () => {
  const json = (patch: Record<string, unknown>): string => JSON.stringify({ ...JSON.parse(text), ...patch });
  const replayPatch = (patch: Record<string, unknown>): string => json({ replay: { ...save.replay, ...patch } });
  const table: [string, string, SaveErrorCode, string | RegExp, string][] = [
    ['truncated text', text.slice(0, text.length - 7), 'save/corrupt', /not valid JSON/, ''],
    ['empty text', '', 'save/corrupt', /not valid JSON/, ''],
    ['a replay offered as a save', stringifyReplay(save.replay), 'save/is-a-replay', 'this is a Red Phone replay, not a save: open it as a replay', 'format'],
    ['another file', '{"name": "my notes"}', 'save/not-a-save', /it has no "format" field/, 'format'],
    ['no version', json({ version: undefined }), 'save/no-version', /has no version/, 'version'],
    ['a newer version', json({ version: 4 }), 'save/too-new', 'saved by version 4; this build reads 1–1. A newer Red Phone can open it.', 'version'],
    ['version 0', json({ version: 0 }), 'save/too-old', 'saved by version 0; this build reads 1–1', 'version'],
    ['a newer replay inside', replayPatch({ version: 3 }), 'save/too-new', /^the game inside the save: saved by version 3; this build reads 1–1/, 'replay.version'],
    ['a broken replay inside', replayPatch({ seed: 7 }), 'save/corrupt', /^the game inside the save: seed: /, 'replay.seed'],
    ['no replay', json({ replay: undefined }), 'save/corrupt', /^replay: /, 'replay'],
    ['an unknown field', json({ autosave: true }), 'save/corrupt', /autosave/, ''],
    ['a setting of the wrong type', json({ settings: { team: { name: 'x' } } }), 'save/corrupt', /^settings\.team: /, 'settings.team'],
    ['a __proto__ setting', text.replace('"settings":{', '"settings":{"__proto__":{"admin":true},'), 'save/corrupt', 'the key "__proto__" is not allowed in a save', 'settings.__proto__'],
    ['a constructor key', text.replace('"savedBy"', '"constructor":{},"savedBy"'), 'save/corrupt', /"constructor"/, 'constructor'],
    ['huge text', ' '.repeat(700 * 1024), 'save/too-large', /at most 600 KB/, ''],
  ];
  it.each(table)('%s', (_name, input, code, message, path) => {
    const r = parseSave(input, 'autosave');
    expect(r.ok ? null : r.error.code).toBe(code);
    if (r.ok) return;
    if (typeof message === 'string') expect(r.error.message).toBe(message);
    else expect(r.error.message).toMatch(message);
    expect(r.error.path).toBe(path);
    expect(r.error.file).toBe('autosave');
  });

  const changed = scenarioFromText(minimalText().replace('A flat denial., effects: { escalation: 5 }', 'A flat denial., effects: { escalation: 6 }'), 'changed.yaml');
  const bumped = scenarioFromText(minimalText().replace('version: 1.0.0', 'version: 1.1.0'), 'bumped.yaml');
  const other = scenarioFromText(minimalText().replace('id: minimal', 'id: other-crisis'), 'other.yaml');
  const hashes = save.replay.hashes.slice();
  hashes[1] = '77a0000000000000';
  const restoreTable: [string, SaveFile, Scenario[], SaveErrorCode, RegExp][] = [
    ['its scenario is not loaded', save, [other], 'save/scenario-missing', /scenario minimal, which is not loaded \(loaded: other-crisis\)/],
    ['no scenario is loaded', save, [], 'save/scenario-missing', /\(loaded: none\)/],
    [
      'its scenario changed its rules',
      save,
      [changed],
      'save/scenario-changed',
      /^recorded for minimal 1\.0\.0 \(hash [0-9a-f]{4,}…\), this is 1\.0\.0 \(hash [0-9a-f]{4,}…\); the save cannot continue/,
    ],
    ['its scenario has a new version', save, [other, bumped], 'save/scenario-changed', /this is 1\.1\.0/],
    ['another engine major version', { ...save, replay: { ...save.replay, engineVersion: '3.1.0' } }, [minimal], 'save/engine-version', /rules version 3\.1\.0/],
    ['a hash that does not match', { ...save, replay: { ...save.replay, hashes } }, [minimal], 'save/diverged', /^the saved game does not replay: turn 1: expected 77a0…, got [0-9a-f]{4}…$/],
    [
      'an action the engine refuses',
      { ...save, replay: { ...save.replay, actions: [{ kind: 'inject', inject: 'meteor' }, save.replay.actions[1] ?? { kind: 'turn' }] } },
      [minimal],
      'save/corrupt',
      /turn\/unknown-inject/,
    ],
  ];
  it.each(restoreTable)('restoring when %s gives %s', (_name, file, scenarios, code, message) => {
    const r = restoreSave(file, scenarios);
    expect(r.ok ? null : r.error.code).toBe(code);
    expect(r.ok ? '' : r.error.message).toMatch(message);
  });

  it('a save carries on when only words of its scenario changed (the rules hash is the same)', () => {
    const reworded = scenarioFromText(minimalText().replace('Nothing is settled.', 'Nothing at all is settled.'), 'reworded.yaml');
    expect(reworded.hash).toBe(minimal.hash);
    expect(reworded.textHash).not.toBe(minimal.textHash);
    const r = restoreSave(save, [reworded]);
    expect(r.ok ? r.value.state.turn : r.error.message).toBe(1);
    expect(createSave(reworded, game).ok).toBe(true);
  });

  it('createSave refuses a game of a scenario that has changed since', () => {
    const r = createSave(changed, game);
    expect(r.ok ? null : r.error.code).toBe('save/scenario-changed');
  });
});
