/**
 * The page while its heavy analyses run, and what Chinese adds. In Debian's headless Chromium, on the
 * built game: the long tasks (over 50 ms, PerformanceObserver 'longtask') on the page's thread from
 * the click to the answer, for luck versus choice (a finished run of the first scenario) and for the
 * scenario map's figures; once with the analysis worker and once with Worker removed from the page
 * (the analyses then run in the page, as before). Goal: no long task over 50 ms while they run.
 * Then the bytes the Chinese page brings beside the English one. A benchmark reports; it never fails.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildPage, REPO_ROOT } from '../browser/build';
import { CHROMIUM_MISSING, chromiumInstalled, launchChromium } from '../browser/chromium';
import { serveStatic } from '../browser/static-server';
import { playRun } from './browser';
import type { BenchSection } from './section';

interface Window {
  readonly longest: number;
  readonly count: number;
  readonly ms: number;
}

const NO_WORKER = 'Object.defineProperty(window, "Worker", { value: undefined, configurable: true });';
const OBSERVE = `window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask' });`;

async function longTasksDuring(page: Page, act: () => Promise<void>): Promise<Window> {
  await page.evaluate(OBSERVE);
  const t0 = Date.now();
  await act();
  const ms = Date.now() - t0;
  await page.waitForTimeout(100);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  return { longest: Math.round(Math.max(0, ...tasks)), count: tasks.length, ms };
}

async function luck(browser: Browser, url: string, worker: boolean): Promise<Window> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  if (!worker) await context.addInitScript(NO_WORKER);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('[data-scenario-card] button[data-action="choose-scenario"]').first().click();
    await playRun(page, 'LUCK1');
    const button = page.locator('button[data-action^="luck"]').first();
    // Scrolling the long debrief to the button paints it: that is not the analysis, so it happens first.
    await button.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    return await longTasksDuring(page, async () => {
      await button.click();
      await page.locator('#luck-result .luck-chart, #luck-result table').first().waitFor({ timeout: 120_000 });
    });
  } finally {
    await context.close();
  }
}

async function map(browser: Browser, url: string, worker: boolean): Promise<Window & { readonly opening: Window }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  if (!worker) await context.addInitScript(NO_WORKER);
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#app[data-screen="title"]').waitFor();
    // The Phaser stage loads and starts behind the title (over a second of its own long tasks on a
    // fresh page): that is not the map's doing, so it is left to finish first.
    await page.locator('#stage[data-stage]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(1000);
    // Opening the map compiles its scenario from the build's checked data on first use, on the page's
    // thread (reported apart); the figures' sample is the analysis, measured from the structure shown to the figures.
    const open = page.locator('button[data-action="open-map"]').first();
    const opening = await longTasksDuring(page, async () => {
      await open.click();
      await page.locator('.map-screen').waitFor({ timeout: 120_000 });
    });
    const figures = await longTasksDuring(page, async () => {
      await page.locator('.map-screen[data-map-ready]').waitFor({ timeout: 120_000 });
    });
    return { ...figures, opening };
  } finally {
    await context.close();
  }
}

/** The bundled scenarios' ids (scenarios/*.yaml but the shared files and the template). */
async function scenarioIds(): Promise<Set<string>> {
  const shared = ['terms.yaml', 'ladder.yaml', 'facts.yaml', 'glossary.yaml', 'schema.yaml'];
  return new Set((await readdir(join(REPO_ROOT, 'scenarios'))).filter((n) => n.endsWith('.yaml') && !n.startsWith('_') && !shared.includes(n)).map((n) => n.slice(0, -'.yaml'.length)));
}

/**
 * The gzip -9 bytes of the code a fresh page fetches up to its title screen and its stage, and of the
 * scenarios' checked data it fetches beside it (the chunks named for a scenario, virtual:scenario-data).
 */
async function pageBytes(browser: Browser, url: string, dir: string): Promise<{ js: number; data: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const ids = await scenarioIds();
  try {
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('response', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(url);
    await page.locator('#app[data-screen="title"]').waitFor();
    await page.locator('#stage[data-stage]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(500);
    let js = 0;
    let data = 0;
    for (const path of new Set(fetched)) {
      const name = path.split('/').pop() ?? '';
      if (!name.endsWith('.js') && !name.endsWith('.yaml')) continue;
      const bytes = gzipSync(await readFile(join(dir, 'assets', name)).catch(() => readFile(join(dir, name))), { level: 9 }).length;
      if (name.endsWith('.js') && !ids.has(name.slice(0, name.lastIndexOf('-')))) js += bytes;
      else data += bytes;
    }
    return { js, data };
  } finally {
    await context.close();
  }
}

async function gzipOfFiles(dir: string, pick: (name: string) => boolean): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir)) if (pick(name)) total += gzipSync(await readFile(join(dir, name)), { level: 9 }).length;
  return total;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const line = (name: string, w: Window): string => `  ${name.padEnd(34)} longest task ${String(w.longest).padStart(4)} ms, ${w.count} over 50 ms, answer in ${w.ms} ms`;

async function run(): Promise<string[]> {
  if (!chromiumInstalled()) return [`analysis: skipped. ${CHROMIUM_MISSING}`];
  const work = await mkdtemp(join(tmpdir(), 'red-phone-bench-analysis-'));
  const browser = await launchChromium();
  const lines: string[] = [];
  let en = { js: 0, data: 0 };
  let zh = { js: 0, data: 0 };
  try {
    await buildPage({ outDir: work });
    const server = await serveStatic(work, '/sub/red-phone/');
    try {
      const luckWorker = await luck(browser, server.url, true);
      const luckPage = await luck(browser, server.url, false);
      const mapWorker = await map(browser, server.url, true);
      const mapPage = await map(browser, server.url, false);
      lines.push(line('luck versus choice, in the worker', luckWorker), line('luck versus choice, in the page', luckPage));
      lines.push(line("map's figures, in the worker", mapWorker), line("map's figures, in the page", mapPage));
      lines.push(line('opening the map (scenario compiled)', mapWorker.opening));
      en = await pageBytes(browser, server.url, work);
      zh = await pageBytes(browser, `${server.url}?lang=zh-Hans`, work);
      lines.push(
        `  the English page loads             ${kb(en.js)} JS (gzip, Phaser included), ${kb(en.data)} of the scenarios' checked data`,
        `  the Chinese page loads             ${kb(zh.js)} JS, ${kb(zh.data)} of the scenarios' checked data (the English and their Chinese text)`,
      );
      const met = luckWorker.longest <= 50 && mapWorker.longest <= 50;
      lines.push(
        `  goal: no task over 50 ms while an analysis runs: ${met ? 'met' : 'not met'} (longest in the page ${Math.max(luckPage.longest, mapPage.longest)} ms, with the worker ${Math.max(luckWorker.longest, mapWorker.longest)} ms)`,
      );
    } finally {
      await server.close();
    }
    const assets = join(work, 'assets');
    const messages = async (locale: string): Promise<number> => {
      let total = 0;
      const dir = join(REPO_ROOT, 'src/i18n/messages', locale);
      for (const name of await readdir(dir)) total += gzipSync(await readFile(join(dir, name)), { level: 9 }).length;
      return total;
    };
    const overlays = zh.data - en.data;
    const english = en.data;
    const analysisChunk = await gzipOfFiles(assets, (n) => n.startsWith('worker') && n.endsWith('.js'));
    lines.push(
      `  Chinese interface messages          ${kb(await messages('zh-Hans'))} gzip (English ${kb(await messages('en'))}); both are in the one bundle`,
      `  Chinese scenario text               ${kb(overlays)} gzip of checked data, fetched only by a page in Chinese (the English scenarios: ${kb(english)})`,
      '  CJK fonts                           0 KB: Chinese is drawn in the system fonts',
      `  analysis worker chunk               ${kb(analysisChunk)} gzip, loaded on the first analysis`,
    );
  } finally {
    await browser.close();
    await rm(work, { recursive: true, force: true });
  }
  return lines;
}

/** The section `npm run bench` prints (test/bench/run.ts). */
export const analysisSection: BenchSection = { title: 'analysis: the page while analyses run; what Chinese adds', run };
