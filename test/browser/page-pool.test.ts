/**
 * The harness's warm pages (page-pool.ts): a page handed to the next test is the same page, but the
 * game finds a new visitor in it: nothing in localStorage, sessionStorage, IndexedDB or cookies. A
 * test's init scripts run in the kept page and are gone after it; what a test cannot take back (the
 * fake clock) retires the page. A desktop viewport of another size is the same page, resized.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserSuite } from './harness';

/** What the page's origin holds, as a test would see it. */
async function stored(page: Page): Promise<{ local: string[]; session: string[]; cookie: string; databases: string[] }> {
  return page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    cookie: document.cookie,
    databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
  }));
}

browserSuite(
  'warm pages between tests',
  (suite) => {
    let first: Page | null = null;
    let clocked: Page | null = null;

    it('a test leaves things in every kind of storage', async () => {
      // Two pages of the same options at once, as some tests open: the next test must still get the last one.
      await suite.open();
      const { page } = await suite.open();
      first = page;
      await page.evaluate(async () => {
        localStorage.setItem('left-behind', '1');
        sessionStorage.setItem('left-behind', '1');
        // biome-ignore lint/suspicious/noDocumentCookie: a cookie is what this test leaves behind, set as a page would.
        document.cookie = 'left=behind';
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('left-behind', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('things');
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        });
      });
      const seen = await stored(page);
      expect(seen.local).toContain('left-behind');
      expect(seen.session).toContain('left-behind');
      expect(seen.databases).toContain('left-behind');
    });

    it('the next test gets the same page with none of it', async () => {
      const { page } = await suite.open();
      expect(page, 'the page was reused').toBe(first);
      const seen = await stored(page);
      expect(seen.local).not.toContain('left-behind');
      expect(seen.session).not.toContain('left-behind');
      expect(seen.cookie).toBe('');
      expect(seen.databases).not.toContain('left-behind');
    });

    it('a test with init scripts and another desktop size gets the kept page, resized, with its scripts', async () => {
      const { page } = await suite.open({ initScripts: ['window.__marked = true;'], viewport: { width: 1366, height: 768 } });
      expect(page).toBe(first);
      expect(await page.evaluate(() => '__marked' in window)).toBe(true);
      expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([1366, 768]);
    });

    it('whose scripts are gone with it: the next test has the kept page, unmarked, at its own size', async () => {
      const { page } = await suite.open();
      expect(page).toBe(first);
      expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([1280, 720]);
      expect(await page.evaluate(() => '__marked' in window)).toBe(false);
      await page.reload();
      expect(await page.evaluate(() => '__marked' in window)).toBe(false);
    });

    it('a test that installs the fake clock', async () => {
      const { page } = await suite.open();
      clocked = page;
      await page.clock.install({ time: new Date('2015-09-25T12:00:00Z') });
      await page.reload();
      expect(await page.evaluate(() => new Date().getUTCFullYear())).toBe(2015);
    });

    it('retires its page: the next test has the real time', async () => {
      const { page } = await suite.open();
      expect(page).not.toBe(clocked);
      expect(await page.evaluate(() => new Date().getUTCFullYear())).toBeGreaterThan(2025);
    });
  },
  { stage: false },
);
