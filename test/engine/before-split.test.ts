/**
 * A save written before the scenario hash was split (main at 91a2ae7, ip-theft 2.0.0 after one turn)
 * carries the old whole-content hash. It still opens, in English and in Chinese, continues, and saves
 * again; a replay recorded from it carries the same hash, so it replays too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReplay, createSave, legalOptions, loadScenario, parseSave, recordReplay, resolveTurn, restoreSave } from '../../src/engine';
import { library, ROOT, scenarioAt } from '../golden/scenarios';

const text = readFileSync(join(ROOT, 'test/fixtures/replays/ip-theft-save-before-split.json'), 'utf8');
const english = scenarioAt('scenarios/ip-theft.yaml');
const chinese = loadScenario(readFileSync(join(ROOT, 'scenarios/ip-theft.yaml'), 'utf8'), 'ip-theft.yaml', library(), {
  text: readFileSync(join(ROOT, 'scenarios/zh-Hans/ip-theft.yaml'), 'utf8'),
  file: 'zh-Hans/ip-theft.yaml',
}).scenario;

describe('a save from before the hash split', () => {
  it('carries the whole-content hash of today’s file, not the rules hash', () => {
    const parsed = parseSave(text, 'save.json');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.replay.scenarioHash).toBe(english.contentHash);
    expect(parsed.value.replay.scenarioHash).not.toBe(english.hash);
  });

  it.each([
    ['English', english],
    ['Chinese', chinese],
  ] as const)('opens in %s, plays on and saves again', (_name, scenario) => {
    if (scenario === null) throw new Error('the Chinese text does not load');
    const parsed = parseSave(text, 'save.json');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const restored = restoreSave(parsed.value, [scenario]);
    if (!restored.ok) throw new Error(restored.error.message);
    expect(restored.value.state.turn).toBe(1);
    const option = legalOptions(scenario, restored.value.state, 'us')[0];
    if (option === undefined) throw new Error('no option');
    const next = resolveTurn(scenario, restored.value.state, { us: option.id });
    if (!next.ok) throw new Error(next.error.message);
    expect(createSave(scenario, next.state).ok).toBe(true);
    const replay = recordReplay(scenario, next.state);
    if (!replay.ok) throw new Error(replay.error.message);
    expect(replay.value.scenarioHash).toBe(english.contentHash);
    const again = checkReplay(english, replay.value);
    expect(again.ok ? again.value.state.turn : again.error.message).toBe(2);
  });
});
