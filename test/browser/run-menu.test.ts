import { expect, it } from 'vitest';
import { activate, browserSuite, expectScreen, hook, tabTo } from './harness';
import { bundledScenarioFiles, loadScenarioFile, primaryScenarioFile } from './oracle';
import { leaveBriefing, pickOption } from './play';

const file = primaryScenarioFile();
const scenario = file === '' ? null : loadScenarioFile(`scenarios/${file}`);
const id = scenario?.id ?? '';
const teamsId =
  bundledScenarioFiles()
    .map((f) => loadScenarioFile(`scenarios/${f}`))
    .find((s) => s.file.teams === true)?.id ?? '';

browserSuite(
  'run menu',
  (suite) => {
    it.skipIf(id === '')('Menu on the briefing, a turn and an outcome returns to the title; Continue brings back the same screen and state', async () => {
      const { page } = await suite.open({ at: `?scenario=${id}&seed=K7Q3&side=us` });
      const menu = page.locator('button[data-action="menu"]');
      await expectScreen(page, 'briefing');
      expect(await menu.getAttribute('aria-label')).toBeNull();
      expect((await menu.textContent())?.startsWith('Menu')).toBe(true);
      await activate(page, 'button[data-action="menu"]');
      await expectScreen(page, 'title');
      await activate(page, 'button[data-action="continue-run"]');
      await expectScreen(page, 'briefing');

      await leaveBriefing(page);
      const turnHash = (await hook(page)).stateHash;
      await activate(page, 'button[data-action="menu"]');
      await expectScreen(page, 'title');
      await activate(page, 'button[data-action="continue-run"]');
      await expectScreen(page, 'turn');
      expect((await hook(page)).stateHash).toBe(turnHash);

      await pickOption(page, 1, 'us');
      await expectScreen(page, 'outcome');
      const before = await hook(page);
      await activate(page, 'button[data-action="menu"]');
      await expectScreen(page, 'title');
      expect(await page.locator('#ui h1').evaluate((el) => el === document.activeElement)).toBe(true);
      await activate(page, 'button[data-action="continue-run"]');
      await expectScreen(page, 'outcome');
      const after = await hook(page);
      expect(after.stateHash).toBe(before.stateHash);
      expect(after.logJson).toBe(before.logJson);
    });

    it.skipIf(id === '')('Escape in a term dialog and a number key on a turn do not leave the run', async () => {
      const { page } = await suite.open({ at: `?scenario=${id}&seed=K7Q3&side=us` });
      await leaveBriefing(page);
      await tabTo(page, 'button[data-action="menu"]');
      await page.keyboard.press('9');
      await expectScreen(page, 'turn');
      if ((await page.locator('button[data-term]').count()) > 0) {
        await activate(page, 'button[data-term]');
        await page.locator('dialog[open]').waitFor({ state: 'visible' });
        await page.keyboard.press('Escape');
        await page.locator('dialog[open]').waitFor({ state: 'detached' });
        await expectScreen(page, 'turn');
      }
    });

    it.skipIf(teamsId === '')('two teams: no Menu while the United States choice is sealed', async () => {
      const { page } = await suite.open({ at: `?scenario=${teamsId}&seed=K7Q3&side=both` });
      await leaveBriefing(page);
      expect(await page.locator('button[data-action="menu"]').count()).toBe(1);
      await pickOption(page, 1, 'us');
      await expectScreen(page, 'turn');
      expect(await page.locator('button[data-action="menu"]').count()).toBe(0);
    });
  },
  { stage: false },
);
