/**
 * The list of runs kept in the browser (issue 17, IndexedDB): two runs side by side, neither replacing
 * the other; a kept run opens where it was left with the same state; deleting asks a second time and
 * never offers the run open now; a save written by today's main (no run id) moves over intact.
 */
import { expect, it } from 'vitest';
import { createSave, stringifySave } from '../../src/engine/replay/save';
import { seriousViolations } from './axe';
import { activate, browserSuite, expectScreen, hook, visibleText, waitForScreen } from './harness';
import { loadScenarioFile, playByIndex, primaryScenarioFile } from './oracle';
import { chooseScenario, leaveBriefing, pickOption, startRun } from './play';

const file = primaryScenarioFile();

async function toTitle(page: import('playwright-core').Page): Promise<void> {
  await activate(page, 'button[data-action="menu"]');
  await expectScreen(page, 'title');
  await page.locator('#kept-status:not(:text("Reading"))').waitFor();
}

browserSuite(
  'your runs',
  (suite) => {
    it.skipIf(file === '')('keeps two runs side by side; opens one where it was left; deletes the other after asking', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const { page } = await suite.open();
      await chooseScenario(page, scenario.id);
      await startRun(page, 'us', 'AAAA');
      await leaveBriefing(page);
      await pickOption(page, 1, 'us');
      await expectScreen(page, 'outcome');
      const first = await hook(page);
      await toTitle(page);
      await chooseScenario(page, scenario.id);
      expect(await visibleText(page)).toContain('it stays in your list of runs on the title screen');
      await startRun(page, 'cn', 'BBBB');
      await leaveBriefing(page);
      await toTitle(page);

      const rows = page.locator('li.kept-run');
      await expect.poll(() => rows.count()).toBe(2);
      const texts = await rows.allInnerTexts();
      expect(texts.join('\n')).toContain('the United States, seed AAAA, turn 2 of');
      expect(texts.join('\n')).toContain('China, seed BBBB');
      expect(await page.locator('li.kept-run[data-open="true"] button[data-action="delete-kept"]').count(), 'the open run cannot be deleted').toBe(0);
      expect(await seriousViolations(page), 'axe on the title with the list').toEqual([]);

      await activate(page, 'li.kept-run[data-open="false"] button[data-action="open-kept"]');
      await expectScreen(page, 'outcome');
      expect((await hook(page)).stateHash).toBe(first.stateHash);
      await page.reload();
      await waitForScreen(page, 'outcome');
      expect((await hook(page)).stateHash, 'the opened run is the saved run now').toBe(first.stateHash);
      await toTitle(page);

      await activate(page, 'li.kept-run[data-open="false"] button[data-action="delete-kept"]');
      await activate(page, 'li.kept-run[data-open="false"] button[data-action="confirm-delete-kept"]');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await visibleText(page, '#kept-status')).toContain('deleted');
      expect(await rows.first().getAttribute('data-open')).toBe('true');
    });

    it.skipIf(file === '')('a save written by today’s main moves over to the list intact', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const played = playByIndex(scenario, 'MAIN', 'us', [1, 2]);
      const save = createSave(scenario, played.state, { screen: 'title', place: 'debrief' });
      if (!save.ok) throw new Error(save.error.message);
      const { page } = await suite.open();
      await page.evaluate((text) => localStorage.setItem('red-phone:save', text), stringifySave(save.value));
      await page.reload();
      await waitForScreen(page);
      await page.locator('#kept-status:not(:text("Reading"))').waitFor();
      const rows = page.locator('li.kept-run');
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain(`seed MAIN, ended after turn ${played.state.turn}: ${played.endingTitle}`);
      await page.reload();
      await waitForScreen(page);
      await expect.poll(() => rows.count(), { message: 'a reload does not add it twice' }).toBe(1);
      await activate(page, 'button[data-action="continue-run"]');
      await expectScreen(page, 'debrief');
      expect((await hook(page)).logJson).toBe(`${JSON.stringify(played.state.log, null, 2)}\n`);
    });
  },
  { stage: false },
);
