/**
 * Replays made before turns became one event (format 2, rules 2.0.0) are refused before turn 1 with
 * the message the game gives for another version of a scenario, never replayed differently.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReplay, ENGINE_VERSION, parseReplay } from '../../src/engine';
import { MINIMAL_PATH, scenarioAt } from '../golden/scenarios';

const read = (name: string): string => readFileSync(new URL(`../fixtures/replays/${name}`, import.meta.url), 'utf8');

describe('replays from before format 2', () => {
  it.each([
    ['minimal-before-format-2.json', MINIMAL_PATH],
    ['ip-theft-before-format-2.json', 'scenarios/ip-theft.yaml'],
  ])('%s is read, then refused as made for another version of the scenario', (name, path) => {
    const parsed = parseReplay(read(name), name);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.engineVersion).toBe('1.0.0');
    const checked = checkReplay(scenarioAt(path), parsed.value);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.code).toBe('replay/scenario-changed');
    expect(checked.error.message).toMatch(/^recorded for [a-z-]+ 1\.0\.0 \(hash [0-9a-f]+…\), this is \d+\.\d+\.\d+ \(hash [0-9a-f]+…\)/);
  });

  it('this build plays rules 2', () => {
    expect(ENGINE_VERSION.split('.')[0]).toBe('2');
  });
});
