/**
 * The golden replays (test/golden, checked in Node by golden.test.ts) played in Chromium too
 * (RELIABILITY 2): each is imported on the title screen, watched to its debrief with the keyboard, and
 * must end with the golden log byte for byte and the replay's last state hash.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './build';
import { BROWSER_ZONE } from './cli';
import { activate, browserSuite, expectScreen, hook, norm, visibleText } from './harness';
import { bundledScenarioFiles, loadScenarioFile } from './oracle';
import { watchToDebrief } from './play';

interface Golden {
  readonly scenario: string;
  readonly mode: string;
  readonly replay: { readonly scenarioId: string; readonly hashes: readonly string[] };
  readonly ending: string | null;
  readonly log: unknown;
}

const GOLDEN_DIR = join(REPO_ROOT, 'test', 'golden');
const bundled = new Set(bundledScenarioFiles().map((f) => `scenarios/${f}`));
const goldens = readdirSync(GOLDEN_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((name) => ({ name, golden: JSON.parse(readFileSync(join(GOLDEN_DIR, name), 'utf8')) as Golden }))
  .filter(({ golden }) => bundled.has(golden.scenario))
  // One replay per mode (us, cn, teams), each of another scenario: the engine in Chromium against Node
  // in every mode within the time budget; test/golden/golden.test.ts replays every golden in Node, and
  // the keyboard play-through plays every scenario in Chromium.
  .filter(({ golden }, _i, all) => {
    const modes = [...new Set(all.map((g) => g.golden.mode))].sort();
    const scenarios = [...new Set(all.map((g) => g.golden.scenario))];
    const pick = modes.map((mode, m) => all.filter((g) => g.golden.mode === mode).find((g) => g.golden.scenario === scenarios[m % scenarios.length]) ?? all.find((g) => g.golden.mode === mode));
    return pick.some((p) => p?.golden === golden);
  });

browserSuite(
  'golden replays in the browser',
  (suite) => {
    it('finds golden replays of the bundled scenarios', () => {
      expect(goldens.length).toBeGreaterThan(0);
    });

    // One test per replay, each in a fresh page, so a slow machine meets each one's time limit.
    it.each(goldens.map((g) => [g.name, g] as const))('%s ends in the browser as in Node', async (name, { golden }) => {
      const { page } = await suite.open(BROWSER_ZONE);
      const scenario = loadScenarioFile(golden.scenario);
      await expectScreen(page, 'title');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button[data-action="import-replay"]')]);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(golden.replay, null, 2)) });
      await watchToDebrief(page);
      const watched = await hook(page);
      expect(watched.logJson, `${name}: the log`).toBe(`${JSON.stringify(golden.log, null, 2)}\n`);
      expect(watched.stateHash, `${name}: the last state hash`).toBe(golden.replay.hashes[golden.replay.hashes.length - 1]);
      const ending = scenario.file.endings.find((e) => e.id === golden.ending);
      if (ending !== undefined) expect(await visibleText(page, '#debrief')).toContain(norm(ending.title));
      await activate(page, 'button[data-action="to-title"]');
    });
  },
  { stage: false },
);
