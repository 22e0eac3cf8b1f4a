import { expect, it } from 'vitest';
import { browserSuite, expectScreen, norm, visibleText } from './harness';
import { loadScenarioFile, primaryScenarioFile } from './oracle';
import { chooseScenario, leaveBriefing, pickOption, startRun } from './play';

const file = primaryScenarioFile();
/** Longer than the live region's delay, so what it says has been said. */
const ANNOUNCED_MS = 300;

browserSuite(
  'two teams on one screen',
  (suite) => {
    it.skipIf(file === '' || !loadScenarioFile(`scenarios/${file}`).file.teams)("the US choice is sealed through the hand-over and China's choice, then both are revealed together", async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const { page } = await suite.open();
      await chooseScenario(page, scenario.id);
      await startRun(page, 'both', 'TEAM');
      await leaveBriefing(page);

      const usLabel = norm(await page.locator('button[data-side="us"][data-index="2"] .option-label').innerText()).replace(/^2\. /, '');
      expect(usLabel.length).toBeGreaterThan(3);
      await pickOption(page, 2, 'us');

      await page.locator('.handover-screen').waitFor({ state: 'visible' });
      await page.waitForTimeout(ANNOUNCED_MS);
      const handover = await visibleText(page);
      expect(handover).toContain(norm("Pass to China's team"));
      expect(handover).not.toContain(usLabel);
      expect(norm((await page.locator('#ui').textContent()) ?? '')).not.toContain(usLabel);
      expect(norm((await page.locator('#announcer').textContent()) ?? '')).toContain('press enter when you are ready');
      expect(norm((await page.locator('#announcer').textContent()) ?? '')).not.toContain(usLabel);
      expect(await page.locator('[data-option]').count(), 'no option of either side on the hand-over').toBe(0);
      await page.keyboard.press('1');
      await expectScreen(page, 'turn');
      expect(await page.locator('[data-option]').count(), 'a number key does not reach past the hand-over').toBe(0);

      await page.keyboard.press('Enter');
      await page.locator('button[data-side="cn"][data-index="1"]').waitFor({ state: 'visible' });
      await page.waitForTimeout(ANNOUNCED_MS);
      expect(await page.locator('button[data-side="us"]').count()).toBe(0);
      expect(await page.locator('.option.chosen, [aria-pressed="true"][data-option]').count()).toBe(0);
      expect(norm((await page.locator('#ui').textContent()) ?? '')).not.toContain(usLabel);
      const announced = norm((await page.locator('#announcer').textContent()) ?? '');
      expect(announced).toContain('china team: your decision');
      expect(announced).not.toContain(usLabel);
      const cnLabel = norm(await page.locator('button[data-side="cn"][data-index="1"] .option-label').innerText()).replace(/^1\. /, '');

      await pickOption(page, 1, 'cn');
      await expectScreen(page, 'outcome');
      const outcome = await visibleText(page, '#outcome-text');
      expect(outcome).toContain(usLabel);
      expect(outcome).toContain(cnLabel);
      const log = await page.evaluate(() => (window as unknown as { __redPhone: { logJson(): string | null } }).__redPhone.logJson());
      const moves = (JSON.parse(log ?? '[]') as { moves: { side: string; by: string }[] }[])[0]?.moves ?? [];
      expect(moves.map((m) => [m.side, m.by])).toEqual([
        ['us', 'people'],
        ['cn', 'people'],
      ]);
    });
  },
  { stage: false },
);
