import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { activate, browserSuite, expectScreen, screenshot, tabTo } from './harness';
import { loadScenarioFile, primaryScenarioFile } from './oracle';
import { leaveBriefing, pickOption } from './play';

const file = primaryScenarioFile();
/** Time for the stage's screen transition to finish before a picture is taken. */
const SETTLE_MS = 400;

async function inspect(page: Page, name: string, found: Record<string, string[]>): Promise<void> {
  await page.waitForTimeout(SETTLE_MS);
  const seen = await seriousViolations(page, { enhancedContrast: true });
  if (seen.length > 0) found[name] = seen.map((v) => `${v.id}: ${v.nodes.join(' ')}`);
  await screenshot(page, `projector-${name}-1920x1080`);
}

browserSuite('projector mode', (suite) => {
  it.skipIf(file === '' || !loadScenarioFile(`scenarios/${file}`).file.teams)('large type, AAA text contrast and a thick focus ring on every facilitated screen; the setting is kept', async () => {
    const scenario = loadScenarioFile(`scenarios/${file}`);
    const { page } = await suite.open({ viewport: { width: 1920, height: 1080 } });
    const found: Record<string, string[]> = {};
    const rootSize = (): Promise<number> => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const plain = await rootSize();
    await activate(page, '#setting-projector', 'Space');
    await page.locator('#app.projector').waitFor({ state: 'attached' });
    expect(await rootSize()).toBeGreaterThan(plain);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('red-phone:settings'))) ?? '{}')).toMatchObject({ projector: true });
    await inspect(page, '1-title', found);

    await activate(page, 'button[data-action="facilitator"]');
    await page.locator('#app[data-screen="facilitator"]').waitFor();
    await tabTo(page, '#fac-scenario');
    await page.selectOption('#fac-scenario', scenario.id);
    await tabTo(page, 'input[name="fac-cn"]:checked');
    await page.keyboard.press('ArrowUp');
    await tabTo(page, '#fac-timer');
    await page.selectOption('#fac-timer', '5');
    await inspect(page, '2-setup', found);
    const ring = await page.evaluate(() => parseFloat(getComputedStyle(document.activeElement as Element).outlineWidth));
    expect(ring, 'the focus ring is at least 6 px wide').toBeGreaterThanOrEqual(6);
    await activate(page, 'button[data-action="start-facilitated"]');
    await expectScreen(page, 'briefing');
    await inspect(page, '3-briefing', found);
    await leaveBriefing(page);
    await inspect(page, '4-turn-us', found);
    await pickOption(page, 1, 'us');
    await page.locator('.handover-screen').waitFor({ state: 'visible' });
    await inspect(page, '5-handover', found);
    await page.keyboard.press('Enter');
    await page.locator('button[data-side="cn"][data-index="1"]').waitFor({ state: 'visible' });
    await activate(page, 'button[data-action="fac-pause"]');
    await page.locator('#fac-cover').waitFor({ state: 'visible' });
    await inspect(page, '6-paused', found);
    await activate(page, 'button[data-action="fac-pause"]');
    await page.locator('#fac-cover').waitFor({ state: 'hidden' });
    await pickOption(page, 1, 'cn');
    await expectScreen(page, 'outcome');
    await inspect(page, '7-outcome', found);
    expect(found).toEqual({});
  });
});
