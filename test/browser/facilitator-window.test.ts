/**
 * One-screen facilitation with the controls in a second window (issue 17): the projected page shows no
 * bar while the controls window is open, the controls window shows the run and its pending choice and
 * sends pause, resume, injects and a forced outcome back, the projected page applies them (its log
 * records them), and Enter after Resume continues the game. Closing the window brings the bar back.
 */
import { expect, it } from 'vitest';
import { activate, browserSuite, expectScreen, hook, tabTo } from './harness';
import { leaveBriefing, typeInto } from './play';

browserSuite(
  'facilitator controls in a second window',
  (suite) => {
    it('drives the projected run from the second window; the projector shows the story only', async () => {
      const projector = await suite.open();
      const { page } = projector;
      await activate(page, 'button[data-action="facilitator"]');
      await page.locator('#app[data-screen="facilitator"]').waitFor();
      await typeInto(page, '#fac-seed', 'W1ND');
      await activate(page, '#fac-decide-setup', 'Space');
      await tabTo(page, 'button[data-action="start-facilitated"]');
      await activate(page, 'button[data-action="start-facilitated"]');
      await expectScreen(page, 'briefing');
      await leaveBriefing(page);

      const [controls] = await Promise.all([projector.context.waitForEvent('page'), activate(page, 'button[data-action="fac-window"]')]);
      await controls.locator('[data-controls="connected"]').waitFor();
      await expect.poll(() => page.locator('#facilitator-bar').isHidden()).toBe(true);
      expect(await controls.locator('#facilitator-bar').isVisible()).toBe(true);

      // Pause from the controls: the projector is covered; Resume: it plays on, and Enter continues.
      await controls.locator('button[data-action="fac-pause"]').click();
      await page.locator('#fac-cover:not([hidden])').waitFor();
      await controls.locator('button[data-action="fac-pause"]', { hasText: 'Resume play' }).click();
      await page.locator('#fac-cover').waitFor({ state: 'hidden' });

      // A choice on the projector waits for the facilitator's "resolve as" in the controls window only.
      await activate(page, 'button[data-option]');
      await controls.locator('.fac-resolve').waitFor();
      expect(await page.locator('.fac-resolve').count(), 'the projector shows no pending choice').toBe(0);
      const labels = await controls.locator('.fac-resolve label').allInnerTexts();
      expect(labels.join(' '), 'outcomes in words, not ids').not.toMatch(/^[a-z]+(_[a-z]+)+$/m);
      const forced = controls.locator('.fac-resolve input[type="radio"]').nth(1);
      const outcome = (await forced.getAttribute('value')) ?? '';
      await forced.check();
      await controls.locator('button[data-action="fac-resolve"]').click();
      await expectScreen(page, 'outcome');
      const log = JSON.parse((await hook(page)).logJson ?? '[]') as { moves: { outcome: string; forced: boolean }[] }[];
      expect(log[0]?.moves.some((m) => m.forced && m.outcome === outcome)).toBe(true);

      // Closing the controls window brings the bar back to the projected page.
      await controls.close();
      await expect.poll(() => page.locator('#facilitator-bar').isVisible(), { timeout: 10_000 }).toBe(true);

      // On the projector's own bar: Pause, then Resume by keyboard; the next Enter continues the game.
      await activate(page, 'button[data-action="fac-pause"]');
      await page.locator('#fac-cover:not([hidden])').waitFor();
      await activate(page, 'button[data-action="fac-pause"]');
      await page.locator('#fac-cover').waitFor({ state: 'hidden' });
      await page.keyboard.press('Enter');
      await expectScreen(page, 'turn');
    });
  },
  { stage: false },
);
