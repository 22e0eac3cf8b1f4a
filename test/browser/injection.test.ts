/**
 * Scenario files are data: a file whose every text is HTML or script, opened in designer mode as a
 * designer or a stranger's download would be, is shown as text on every screen from the designer's
 * preview and the title card to the debrief, and makes no element, request or dialog.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './build';
import { activate, browserSuite, expectScreen, screenOf } from './harness';
import { chooseScenario, leaveBriefing, leaveOutcome, pickOption, startRun } from './play';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const FIXTURE_ID = 'injection-test';
const FIXTURE = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'browser', 'injection.yaml'), 'utf8');

/** Records, from before the page's own scripts, every img, script or b element added to the body. */
const WATCH_ELEMENTS = `
  window.__added = [];
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType !== 1 || !document.body || !document.body.contains(n)) continue;
      const found = [n, ...n.querySelectorAll('img, script, b')].filter((e) => ['IMG', 'SCRIPT', 'B'].includes(e.tagName));
      for (const e of found) window.__added.push(e.outerHTML.slice(0, 120));
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** The page text shows both payloads literally, and no element came from them. */
async function expectInert(page: Page, where: string): Promise<void> {
  const text = (await page.locator('#ui').innerText()).toLowerCase();
  expect(text, `${where}: the img payload shown as text`).toContain(IMG);
  expect(text, `${where}: the script payload shown as text`).toContain(SCRIPT);
  const made = await page.evaluate(() => ({
    added: (window as unknown as { __added: string[] }).__added,
    live: document.querySelectorAll('img[src="x"], img[onerror], #ui script, #ui b, #stage script').length,
  }));
  expect(made, `${where}: no element made from the text`).toEqual({ added: [], live: 0 });
}

browserSuite(
  'scenario text is text',
  (suite) => {
    it('a scenario whose every text is HTML or script shows it literally and runs nothing, designer preview to debrief', async () => {
      const requests: string[] = [];
      const game = await suite.open({ at: '?designer', initScripts: [WATCH_ELEMENTS] });
      const { page } = game;
      page.on('request', (r) => requests.push(r.url()));
      await page.locator('#app[data-screen="designer"]').waitFor({ state: 'attached' });
      await page.locator('#designer-file').setInputFiles({ name: 'injection.yaml', mimeType: 'text/yaml', buffer: Buffer.from(FIXTURE, 'utf8') });
      await page.locator('#designer-preview').waitFor();
      await expectInert(page, 'designer preview');

      await activate(page, 'button[data-action="designer-back"]');
      await expectScreen(page, 'title');
      const card = page.locator(`[data-scenario-card="${FIXTURE_ID}"]`);
      expect(await card.count(), 'the imported scenario has its card on the title screen').toBe(1);
      expect((await card.innerText()).toLowerCase()).toContain(IMG);
      await expectInert(page, 'title');

      await chooseScenario(page, FIXTURE_ID);
      await expectInert(page, 'new-run');
      await startRun(page, 'us', 'XSS1');
      await expectInert(page, 'briefing');
      await leaveBriefing(page);
      for (let turn = 0; turn < 10; turn += 1) {
        await expectInert(page, `turn ${turn + 1}`);
        await pickOption(page, 1, 'us');
        await expectScreen(page, 'outcome');
        await expectInert(page, `outcome ${turn + 1}`);
        if ((await leaveOutcome(page)) === 'debrief') break;
      }
      expect(await screenOf(page)).toBe('debrief');
      await expectInert(page, 'debrief');

      expect(game.dialogs, 'no alert, confirm or prompt').toEqual([]);
      expect(
        requests.filter((u) => new URL(u).pathname.endsWith('/x')),
        'no request for the img payload',
      ).toEqual([]);
    });
  },
  { stage: false },
);
