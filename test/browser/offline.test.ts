/**
 * The offline, installable game (issue 13): the built game registers its service worker, which
 * precaches every scenario file and font; with the network gone (Playwright's offline mode) a reload
 * still opens the game and a scenario plays through to its debrief. The page offers the web manifest
 * for installing it. A new version never replaces the game during a run: it waits for the title
 * screen and asks, and reloading into it keeps the run.
 *
 * The build is served here by a server of this file's own (127.0.0.1), so a test can publish a "new
 * version" (a changed service worker script) the way a real host would.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { activate, browserSuite, expectScreen, waitForScreen } from './harness';
import { loadScenarioFile, primaryScenarioFile } from './oracle';
import { chooseScenario, leaveBriefing, leaveOutcome, pickOption, startRun } from './play';

const file = primaryScenarioFile();
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.yaml': 'text/plain',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
let version = 1;
let server: Server | null = null;
let base = '';

beforeAll(async () => {
  const dist = inject('distDir');
  if (dist === '') return;
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const rel = normalize(decodeURIComponent(path === '/' ? '/index.html' : path)).slice(1);
    if (rel.startsWith('..') || rel.split(sep).includes('..')) {
      res.writeHead(404).end();
      return;
    }
    readFile(join(dist, rel)).then(
      (bytes) => {
        const body = rel === 'sw.js' ? Buffer.concat([bytes, Buffer.from(`\n// version ${version}\n`)]) : bytes;
        res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve())));
});

browserSuite('offline', (suite) => {
  it.skipIf(file === '')('a reload with the network gone plays a scenario through; a new version waits for the title and asks', async () => {
    const scenario = loadScenarioFile(`scenarios/${file}`);
    const { page, context } = await suite.open({ baseUrl: base, serviceWorkers: 'allow' });
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toMatch(/manifest\.webmanifest$/);
    // The service worker has installed and precached the game (its first visit).
    await page.waitForFunction(() => document.querySelector('#app')?.getAttribute('data-offline') === 'ready', undefined, { timeout: 30_000 });
    await context.setOffline(true);
    await page.reload();
    await waitForScreen(page, 'title');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await chooseScenario(page, scenario.id);
    await startRun(page, 'us', 'OFF1');
    await leaveBriefing(page);
    for (let turn = 0; turn < 40; turn += 1) {
      await pickOption(page, 1, 'us');
      await expectScreen(page, 'outcome');
      if ((await leaveOutcome(page)) === 'debrief') break;
    }
    await expectScreen(page, 'debrief');

    // A new version is published; the page finds it when it next opens (the run comes back at its debrief).
    await context.setOffline(false);
    version = 2;
    await page.reload();
    await expectScreen(page, 'debrief');
    await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null, undefined, { timeout: 20_000 });
    expect(await page.locator('#update-prompt').isVisible(), 'no offer during a run').toBe(false);
    await activate(page, 'button[data-action="to-title"]');
    await expectScreen(page, 'title');
    await page.locator('#update-prompt').waitFor({ state: 'visible' });
    expect(await page.locator('#update-prompt').innerText()).toContain('A new version of Red Phone is ready');
    await Promise.all([page.waitForEvent('load'), activate(page, 'button[data-action="update-now"]')]);
    await waitForScreen(page, 'title');
    expect(await page.locator('button[data-action="continue-run"]').count(), 'the run is still there').toBe(1);
  });
});
