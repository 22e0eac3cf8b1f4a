/**
 * Golden replays: every file in test/golden/ replays to exactly its recorded log. When a scenario or
 * the rules change on purpose, run `npm run golden` and review the diff; never edit these by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReplay, parseReplay } from '../../src/engine';
import { type GoldenFile, goldenName, goldenRuns } from './golden';
import { allScenarios, loadAll, ROOT, scenarioAt } from './scenarios';

const dir = join(ROOT, 'test/golden');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const HINT = 'if the scenario or the rules changed on purpose, run `npm run golden` and review the diff';

describe('golden replays', () => {
  it.each(files)('%s replays to its recorded log', (name) => {
    const golden = JSON.parse(readFileSync(join(dir, name), 'utf8')) as GoldenFile;
    const scenario = scenarioAt(golden.scenario);
    const parsed = parseReplay(JSON.stringify(golden.replay), name);
    if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
    const checked = checkReplay(scenario, parsed.value);
    if (!checked.ok) throw new Error(`${name}: ${checked.error.code}: ${checked.error.message} (${HINT})`);
    expect(checked.value.state.log, HINT).toStrictEqual(golden.log);
    expect(checked.value.state.ending).toBe(golden.ending);
    expect(golden.ending).not.toBeNull();
  });

  it('every scenario file loads', () => {
    expect(loadAll().broken.map((b) => b.problem)).toEqual([]);
  });

  it('every scenario has its golden replays', () => {
    const expected = allScenarios().flatMap(({ scenario }) => goldenRuns(scenario).map((r) => goldenName(scenario.id, r.seed)));
    const missing = expected.filter((f) => !files.includes(f));
    expect(missing, `missing golden replays (${HINT})`).toEqual([]);
  });

  it('covers facilitator injects, forced outcomes, model picks and two-team play', () => {
    const all = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldenFile);
    const actions = all.flatMap((g) => g.replay.actions);
    expect(actions.some((a) => a.kind === 'inject')).toBe(true);
    expect(actions.some((a) => a.kind === 'turn' && a.force !== undefined)).toBe(true);
    expect(all.some((g) => g.mode === 'teams')).toBe(true);
    expect(all.some((g) => g.mode === 'cn')).toBe(true);
    expect(all.some((g) => g.log.some((r) => r.kind === 'turn' && r.moves.some((m) => m.by === 'model')))).toBe(true);
  });
});
