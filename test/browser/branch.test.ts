import { join } from 'node:path';
import { expect, it } from 'vitest';
import { stateHash } from '../../src/engine/replay/replay';
import { seriousViolations } from './axe';
import { activate, browserSuite, expectScreen, hook, norm, SCREENSHOT_DIR, screenshot, tabTo, visibleText } from './harness';
import { loadScenarioFile, playByIndex, primaryScenarioFile } from './oracle';
import { playTurns } from './play';
import { debriefSave, openWithSave } from './trainee-helpers';

const file = primaryScenarioFile();
const PICKS = [2, 1, 1, 2, 1, 3, 1, 2];
const KEEP = 2;

browserSuite(
  'rewind and branch',
  (suite) => {
    it.skipIf(file === '')('rewinding to a turn and choosing differently keeps both branches, compared in the debrief', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const first = playByIndex(scenario, 'BRCH', 'us', PICKS);
      const other = first.picks[KEEP] === 1 ? 2 : 1;
      const second = playByIndex(scenario, 'BRCH', 'us', [...first.picks.slice(0, KEEP), other, 1, 1, 1, 1, 1, 1, 1]);
      const { page } = await openWithSave(suite, debriefSave(scenario, first.state));
      await expectScreen(page, 'debrief');
      expect(await page.locator('#branches').count(), 'no branches before a rewind').toBe(0);

      await tabTo(page, '#rewind-turn');
      await page.locator('#rewind-turn').selectOption(String(KEEP));
      await activate(page, 'button[data-action="rewind"]');
      await expectScreen(page, 'turn');
      expect(await visibleText(page)).toContain(`turn ${KEEP + 1}`);
      // While the branch is played a line says so, naming it by the turn it chose again.
      expect(await visibleText(page, '.branch-banner')).toBe(`playing branch from turn ${KEEP + 1}. your run is kept: the debrief compares them.`);
      expect(await page.evaluate(() => localStorage.getItem('red-phone:save') ?? '')).toContain('branch.0');

      await playTurns(page, 'us', second.picks.slice(KEEP));
      await expectScreen(page, 'debrief');
      expect((await hook(page)).stateHash).toBe(stateHash(second.state));

      const branches = await visibleText(page, '#branches');
      expect(branches).toContain(`your run: parts from this path at turn ${KEEP + 1}; ending: ${norm(first.endingTitle)}`);
      expect(branches).toContain(`branch from turn ${KEEP + 1}: the path you are looking at; ending: ${norm(second.endingTitle)}`);
      expect(branches).toContain('(split here)');
      const total = (run: typeof first): number => run.objectives.filter((o) => o.side === 'us').reduce((a, o) => a + o.score, 0);
      const totals = await page.locator('#branches tr', { hasText: 'total score' }).locator('td').allTextContents();
      expect(totals).toEqual([String(total(first)), String(total(second))]);
      expect(await seriousViolations(page), 'axe on the debrief with branches').toEqual([]);
      await page.locator('#branches').scrollIntoViewIfNeeded();
      await screenshot(page, 'branch-debrief');

      await page.reload();
      await page.waitForFunction(() => '__redPhone' in window);
      await expectScreen(page, 'debrief');
      expect(await visibleText(page, '#branches'), 'branches survive a reload').toContain(`parts from this path at turn ${KEEP + 1}`);
    });

    it.skipIf(file === '')('luck versus choice shows its summary, a chart with the player marked and a table', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const run = playByIndex(scenario, 'LUCK', 'us', PICKS);
      const { page } = await openWithSave(suite, debriefSave(scenario, run.state));
      await expectScreen(page, 'debrief');
      await activate(page, 'button[data-action="luck"]');
      await page.locator('.luck-view').waitFor({ state: 'visible', timeout: 20_000 });
      const text = await visibleText(page, '#luck-result');
      expect(text).toContain('in plain words');
      expect(await page.locator('.luck-summary li').count()).toBeGreaterThan(0);
      expect(await page.locator('.luck-chart').getAttribute('role')).toBe('img');
      expect(await page.locator('.luck-chart text', { hasText: 'you:' }).count()).toBe(1);
      expect(await page.locator('#luck-result table').count()).toBe(2);
      expect(await seriousViolations(page), 'axe on luck versus choice').toEqual([]);
      await page.locator('#luck-result').scrollIntoViewIfNeeded();
      await screenshot(page, 'luck-versus-choice');
      await page.locator('.luck-chart').screenshot({ path: join(SCREENSHOT_DIR, 'luck-chart.png') });
      await page.locator('.policy-chart').screenshot({ path: join(SCREENSHOT_DIR, 'luck-policy-chart.png') });
    });
  },
  { stage: false },
);
