/**
 * A player's page in a class exercise (issue 10): with the seed kept secret, neither the facilitator's
 * projected page before the debrief nor a player's page opened beside it (same browser, another tab)
 * holds the seed or the hidden odds, in its DOM, its storage or anything it sends over the network.
 */
import type { Page, Request } from 'playwright-core';
import { expect, it } from 'vitest';
import { activate, browserSuite, expectScreen, tabTo, waitForScreen } from './harness';
import { leaveBriefing, typeInto } from './play';

const SEED = 'S3CR';

/**
 * What a page holds that a curious player could read: the markup and title, localStorage (shared by
 * every tab of the game), and with `ownTab` the tab's sessionStorage too (where the facilitator's tab
 * keeps the class run until the debrief; a player's tab has its own).
 */
async function holdings(page: Page, ownTab: boolean): Promise<string> {
  return page.evaluate((withSession) => {
    const dump = (s: Storage): string =>
      Array.from({ length: s.length }, (_, i) => s.key(i) ?? '')
        .map((k) => `${k}=${s.getItem(k) ?? ''}`)
        .join('\n');
    return [document.title, document.documentElement.outerHTML, dump(localStorage), withSession ? dump(sessionStorage) : ''].join('\n');
  }, ownTab);
}

function recordRequests(page: Page, into: string[]): void {
  page.on('request', (r: Request) => {
    into.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`);
  });
}

browserSuite(
  'a player page in a class exercise',
  (suite) => {
    it('never holds the secret seed or the hidden odds: DOM, storage, network', async () => {
      const requests: string[] = [];
      const facilitator = await suite.open();
      recordRequests(facilitator.page, requests);
      const { page } = facilitator;
      await activate(page, 'button[data-action="facilitator"]');
      await page.locator('#app[data-screen="facilitator"]').waitFor();
      await typeInto(page, '#fac-seed', SEED);
      await activate(page, '#fac-secret', 'Space');
      expect(await page.locator('#fac-secret').isChecked()).toBe(true);
      await tabTo(page, 'button[data-action="start-facilitated"]');
      await activate(page, 'button[data-action="start-facilitated"]');
      await expectScreen(page, 'briefing');
      await leaveBriefing(page);

      // The projected page: no seed in its markup nor in the shared storage, no odds beside the options.
      expect(await holdings(page, false)).not.toContain(SEED);
      expect(await page.evaluate(() => localStorage.getItem('red-phone:save'))).toBeNull();
      expect(await page.locator('#show-odds').count()).toBe(0);
      const options = await page.locator('button[data-side]').allInnerTexts();
      expect(options.length).toBeGreaterThan(0);
      expect(options.join(' ')).not.toMatch(/\d\s?%/);

      // A player's page beside it: same browser, its own tab.
      const player = await suite.reopen(facilitator);
      recordRequests(player.page, requests);
      await waitForScreen(player.page, 'title');
      expect(await holdings(player.page, true)).not.toContain(SEED);
      await player.page.reload();
      await waitForScreen(player.page, 'title');
      expect(await holdings(player.page, true)).not.toContain(SEED);

      // The facilitator's reload continues the class run (the seed stays in that tab only).
      await page.reload();
      await expectScreen(page, 'turn');
      expect(await holdings(page, false)).not.toContain(SEED);
      expect(await holdings(player.page, true)).not.toContain(SEED);

      // Back to the title and on to a new run: the note about the saved class run does not name its seed.
      await activate(page, 'button[data-action="menu"]');
      await expectScreen(page, 'title');
      await activate(page, 'button[data-action="choose-scenario"]');
      await expectScreen(page, 'new-run');
      expect(await page.locator('#ui').innerText()).toMatch(/You have a saved run \([^)]*turn 1\): starting asks before it replaces it/);
      expect(await holdings(page, false)).not.toContain(SEED);

      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((r) => r.includes(SEED))).toEqual([]);
    });

    it('a code ending in H hides the odds toggle and the map until the debrief, even with "Show odds" on', async () => {
      const { page } = await suite.open({ at: '?code=IPT-K7Q3-H' });
      await expectScreen(page, 'briefing');
      await leaveBriefing(page);
      await page.evaluate(() => localStorage.setItem('red-phone:settings', JSON.stringify({ showOdds: true, reducedMotion: false, projector: false })));
      await page.reload();
      await waitForScreen(page, 'turn');
      expect((await page.locator('button[data-side]').allInnerTexts()).join(' ')).not.toMatch(/\d\s?%/);
      await activate(page, 'button[data-option]');
      await expectScreen(page, 'outcome');
      expect(await page.locator('#show-odds').count()).toBe(0);
      expect(await page.locator('#ui').innerText()).not.toMatch(/chance|the die came up/i);
      await activate(page, 'button[data-action="menu"]');
      await expectScreen(page, 'title');
      expect(await page.locator('[data-scenario-card="ip-theft"] button[data-action="open-map"]').count(), 'no map of the scenario being played').toBe(0);
      expect(await page.locator('button[data-action="open-map"]').count(), 'the other scenarios keep theirs').toBeGreaterThan(0);
    });
  },
  { stage: false },
);
