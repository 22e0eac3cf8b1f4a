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
  .filter(({ golden }) => bundled.has(golden.scenario));

browserSuite('golden replays in the browser', (suite) => {
  it.skipIf(goldens.length === 0)(`${goldens.length} golden replays of the bundled scenarios end as in Node`, async () => {
    const { page } = await suite.open(BROWSER_ZONE);
    const mismatches: string[] = [];
    for (const { name, golden } of goldens) {
      const scenario = loadScenarioFile(golden.scenario);
      await expectScreen(page, 'title');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button[data-action="import-replay"]')]);
      await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(golden.replay, null, 2)) });
      await watchToDebrief(page);
      const watched = await hook(page);
      if (watched.logJson !== `${JSON.stringify(golden.log, null, 2)}\n`) mismatches.push(`${name}: the log differs from the golden log`);
      if (watched.stateHash !== golden.replay.hashes[golden.replay.hashes.length - 1]) mismatches.push(`${name}: state hash ${watched.stateHash} is not the replay's last`);
      const ending = scenario.file.endings.find((e) => e.id === golden.ending);
      if (ending && !(await visibleText(page, '#debrief')).includes(norm(ending.title))) mismatches.push(`${name}: the debrief does not show "${ending.title}"`);
      await activate(page, 'button[data-action="to-title"]');
    }
    expect(mismatches).toEqual([]);
  });
});
