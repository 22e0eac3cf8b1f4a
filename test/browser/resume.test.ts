import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { activate, browserSuite, expectScreen, hook, screenOf, visibleText, waitForScreen } from './harness';
import { loadScenarioFile, primaryScenarioFile } from './oracle';
import { chooseScenario, leaveBriefing, leaveOutcome, pickOption, startRun } from './play';

const file = primaryScenarioFile();

/** After a reload: the run comes back, directly or through the title's "continue" button. */
async function resumeAfterReload(page: Page): Promise<void> {
  await page.reload();
  await waitForScreen(page);
  if ((await screenOf(page)) === 'title' && (await page.locator('button[data-action="continue-run"]').count()) > 0) {
    await activate(page, 'button[data-action="continue-run"]');
  }
}

browserSuite(
  'reload mid-run',
  (suite) => {
    it.skipIf(file === '')('resumes at the same screen and turn with the same state hash', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const { page } = await suite.open();
      await chooseScenario(page, scenario.id);
      await startRun(page, 'us', 'R3LD');
      await leaveBriefing(page);
      await pickOption(page, 1, 'us');
      await expectScreen(page, 'outcome');
      expect(await leaveOutcome(page)).toBe('turn');

      const before = await hook(page);
      const turnText = await visibleText(page);
      expect(before.stateHash).not.toBeNull();
      expect(await page.evaluate(() => localStorage.getItem('red-phone:save'))).not.toBeNull();

      await resumeAfterReload(page);
      await expectScreen(page, 'turn');
      const after = await hook(page);
      expect(after.stateHash).toBe(before.stateHash);
      expect(after.logJson).toBe(before.logJson);
      expect(await visibleText(page)).toBe(turnText);

      await pickOption(page, 1, 'us');
      await expectScreen(page, 'outcome');
      const outcome = await hook(page);
      const outcomeText = await visibleText(page, '#outcome-text');
      await resumeAfterReload(page);
      await expectScreen(page, 'outcome');
      expect((await hook(page)).stateHash).toBe(outcome.stateHash);
      expect(await visibleText(page, '#outcome-text')).toBe(outcomeText);
    });
  },
  { stage: false },
);
