import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { sideFallback } from '../../src/engine';
import { activate, browserSuite, expectScreen, hook, norm, screenOf, visibleText } from './harness';
import { loadScenarioFile, primaryScenarioFile } from './oracle';
import { chooseScenario, leaveBriefing, pickOption, startRun, typeInto } from './play';

const saveBytes = (page: Page): Promise<string | null> => page.evaluate(() => localStorage.getItem('red-phone:save'));

const file = primaryScenarioFile();
const id = file === '' ? '' : loadScenarioFile(`scenarios/${file}`).id;

browserSuite(
  'links',
  (suite) => {
    const bad: readonly (readonly [string, string])[] = [
      ['an unknown scenario', '?scenario=nope&seed=K7Q3&side=us'],
      ['a seed far too long', `?scenario=${id}&seed=${'K'.repeat(500)}&side=us`],
      ['an unknown side', `?scenario=${id}&seed=K7Q3&side=xx`],
      ['an exercise code for no scenario', '?code=ZZZ-1234'],
    ];
    for (const [name, query] of bad) {
      it.skipIf(id === '')(`${name} (${query.slice(0, 40)}…): a banner and the title`, async () => {
        const { page } = await suite.open({ at: query });
        await expectScreen(page, 'title');
        const banner = page.locator('#banner');
        await banner.waitFor({ state: 'visible' });
        expect(await banner.getAttribute('role')).toBe('alert');
        expect((await banner.innerText()).trim()).not.toBe('');
        expect((await hook(page)).stateHash).toBeNull();
      });
    }

    it.skipIf(id === '')('new run: a new random seed changes the seed and the exercise code; back returns to the title', async () => {
      const { page } = await suite.open();
      await chooseScenario(page, id);
      const seed = await page.locator('#seed-input').inputValue();
      const code = ((await page.locator('#exercise-code').textContent()) ?? '').trim();
      expect(seed).toMatch(/^[2-9A-HJKMNP-Z]{4}$/);
      for (let i = 0; i < 3 && (await page.locator('#seed-input').inputValue()) === seed; i += 1) {
        await activate(page, 'button[data-action="random-seed"]');
      }
      const next = await page.locator('#seed-input').inputValue();
      expect(next).not.toBe(seed);
      expect(((await page.locator('#exercise-code').textContent()) ?? '').trim()).not.toBe(code);
      expect(((await page.locator('#exercise-code').textContent()) ?? '').trim()).toContain(next);
      await activate(page, 'button[data-action="back"]');
      await expectScreen(page, 'title');
    });

    it.skipIf(id === '')('a link beside a saved run asks first: keep leaves the save as it was, start replaces it', async () => {
      const game = await suite.open({ at: `?scenario=${id}&seed=K7Q3&side=us` });
      await leaveBriefing(game.page);
      await pickOption(game.page, 1, 'us');
      await expectScreen(game.page, 'outcome');
      const saved = await saveBytes(game.page);
      expect(saved).not.toBeNull();
      const played = (await hook(game.page)).stateHash;

      const asked = await suite.reopen(game, `?scenario=${id}&seed=ZZZZ&side=us`);
      await expectScreen(asked.page, 'title');
      const question = asked.page.locator('#banner [data-notice="overwrite"]');
      await question.waitFor({ state: 'visible' });
      const text = norm(await question.innerText());
      expect(text).toContain('seed zzzz');
      expect(text).toContain('seed k7q3');
      expect(text).toContain('turn 2');
      const keep = asked.page.locator('#banner button[data-action="dismiss"]');
      expect(norm(await keep.innerText())).toBe('keep my saved run');
      expect(await keep.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await asked.page.locator('#banner button[data-action="confirm-link"]').innerText()).toContain('Start the linked run');
      expect(await saveBytes(asked.page)).toBe(saved);
      await asked.page.keyboard.press('Enter');
      await question.waitFor({ state: 'detached' });
      expect(await saveBytes(asked.page)).toBe(saved);
      await activate(asked.page, 'button[data-action="continue-run"]');
      await expectScreen(asked.page, 'outcome');
      expect((await hook(asked.page)).stateHash).toBe(played);

      const replaced = await suite.reopen(game, `?scenario=${id}&seed=ZZZZ&side=us`);
      await replaced.page.locator('#banner [data-notice="overwrite"]').waitFor({ state: 'visible' });
      expect(await saveBytes(replaced.page)).toBe(saved);
      await activate(replaced.page, '#banner button[data-action="confirm-link"]');
      await expectScreen(replaced.page, 'briefing');
      const after = await saveBytes(replaced.page);
      expect(after).not.toBe(saved);
      expect(after).toContain('ZZZZ');
    });

    it.skipIf(id === '')('a scenario link and an exercise code start the same run as the menu', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const menu = await suite.open();
      await chooseScenario(menu.page, id);
      await typeInto(menu.page, '#seed-input', 'K7Q3');
      const code = ((await menu.page.locator('#exercise-code').textContent()) ?? '').trim();
      expect(code).not.toBe('');
      await startRun(menu.page, 'us', 'K7Q3');
      const fromMenu = await hook(menu.page);
      expect(fromMenu.stateHash).not.toBeNull();

      const link = await suite.open({ at: `?scenario=${id}&seed=K7Q3&side=us` });
      await expectScreen(link.page, 'briefing');
      expect(await visibleText(link.page)).toContain(norm(sideFallback(scenario.file.briefing, 'us')));
      expect((await hook(link.page)).stateHash).toBe(fromMenu.stateHash);
      expect(await link.page.locator('#banner').isVisible()).toBe(false);

      const byCode = await suite.open({ at: `?code=${encodeURIComponent(code)}` });
      expect(await screenOf(byCode.page)).toBe('briefing');
      expect((await hook(byCode.page)).stateHash).toBe(fromMenu.stateHash);
    });
  },
  { stage: false },
);
