/**
 * The browser half of the benchmark: the built game beside a bare Phaser 4 page built the same way
 * (test/bench/bare), in Debian's headless Chromium. It reports figures beside their goals; it is not a
 * test and never fails on a figure.
 *
 * Measures: gzip size of the built JS (sum of .js files, level 9), cold load to the first interactive
 * screen (median of 7 loads, each in a fresh context), frames per second over 2 s (the game during
 * turn transitions, the bare page idle), and heap growth over runs played in a row: from run 1 to run 20,
 * and from run 5 to run 25 (after a warm-up), with the second split by heap snapshots into compiled code
 * and data.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildPage, REPO_ROOT } from '../browser/build';
import { CHROMIUM_MISSING, chromiumInstalled, launchChromium } from '../browser/chromium';
import { serveStatic } from '../browser/static-server';
import { type HeapSplit, snapshotSplit } from './heap-split';
import type { BenchSection } from './section';

const LOADS = 7;
const FPS_WINDOW_MS = 2000;
const RUNS = 25;
/** Runs played before the steady figure's first sample: V8 is still compiling hot game code in them. */
const WARM_UP_RUNS = 5;

export interface FrameStats {
  readonly fps: number;
  /** The longest gap between two frames, in ms. */
  readonly longestFrameMs: number;
  /** Frames that took more than 50 ms (three missed frames at 60 Hz). */
  readonly slowFrames: number;
}

export interface BrowserBenchResult {
  readonly jsGzipBytes: { readonly game: number; readonly bare: number };
  readonly coldLoadMs: { readonly game: number; readonly bare: number; readonly gameAll: readonly number[]; readonly bareAll: readonly number[] };
  readonly frames: { readonly game: FrameStats; readonly bare: FrameStats };
  readonly heap: {
    readonly afterRun1: number;
    readonly afterRun20: number;
    /** From run 1 to run 20, from a cold start. */
    readonly growthPct: number;
    readonly warmUpRuns: number;
    readonly afterWarmUp: number;
    readonly afterLastRun: number;
    /** From run `warmUpRuns` to run `runs`: the figure the goal is judged on. */
    readonly steadyGrowthPct: number;
    /** Heap snapshots after the warm-up and after the last run, split by kind. */
    readonly split: { readonly atWarmUp: HeapSplit; readonly atLastRun: HeapSplit };
    readonly runs: number;
    /** After a garbage collection at the debrief of runs 1, 5, 10, 15, 20 and 25. */
    readonly trend: readonly HeapSample[];
  } | null;
}

async function jsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsFiles(path)));
    else if (entry.name.endsWith('.js')) out.push(path);
  }
  return out;
}

/** The sum over the build's .js files of each file's gzip size at level 9. */
export async function gzipJsBytes(dir: string): Promise<number> {
  let total = 0;
  for (const file of await jsFiles(dir)) total += gzipSync(await readFile(file), { level: 9 }).length;
  return total;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The game's first interactive screen: the title shown with a visible scenario card (ms since navigation, or false). */
const GAME_READY = (): number | false => {
  const app = document.querySelector('#app[data-screen="title"]');
  const card = document.querySelector('[data-scenario-card] button[data-action="choose-scenario"]');
  if (!app || !card) return false;
  const box = card.getBoundingClientRect();
  const style = getComputedStyle(card);
  return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none' ? performance.now() : false;
};

/** The bare page is ready when its scene's create() has run and set the marker. */
const BARE_READY = (): number | false => (window as unknown as { __bareReady?: number }).__bareReady ?? false;

/** Milliseconds from navigation start to ready, in a fresh context (empty cache) each time. */
async function coldLoads(browser: Browser, url: string, ready: () => number | false): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 30_000 });
    times.push(Math.round((await handle.jsonValue()) as number));
    await context.close();
  }
  return times;
}

/**
 * Records every animation frame's time in window.__frames. A string, not a function: tsx would wrap a
 * named inner function in a helper that does not exist in the page. Evaluating a string needs the
 * page's content security policy bypassed, so the pages that count frames are opened with bypassCSP.
 */
const FRAME_COUNTER = `(() => {
  window.__frames = [];
  function tick(t) {
    window.__frames.push(t);
    if (window.__frames.length < 100000) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`;

/** Counts animation frames over the window while `during` runs (it is started at once, not awaited first). */
async function countFrames(page: Page, during: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(FRAME_COUNTER);
  const started = Date.now();
  await during();
  const left = FPS_WINDOW_MS - (Date.now() - started);
  if (left > 0) await page.waitForTimeout(left);
  const frames = await page.evaluate((windowMs) => {
    const all = (window as unknown as { __frames: number[] }).__frames;
    const first = all[0] ?? 0;
    return all.filter((t) => t - first <= windowMs);
  }, FPS_WINDOW_MS);
  let longest = 0;
  let slow = 0;
  for (let i = 1; i < frames.length; i += 1) {
    const gap = (frames[i] ?? 0) - (frames[i - 1] ?? 0);
    longest = Math.max(longest, gap);
    if (gap > 50) slow += 1;
  }
  return { fps: Math.round((frames.length / (FPS_WINDOW_MS / 1000)) * 10) / 10, longestFrameMs: Math.round(longest), slowFrames: slow };
}

async function screenIs(page: Page, screen: string): Promise<void> {
  await page.locator(`#app[data-screen="${screen}"]`).waitFor({ state: 'attached', timeout: 15_000 });
}

async function clickAction(page: Page, action: string): Promise<void> {
  await page.locator(`button[data-action="${action}"]`).first().click();
}

/** From the new-run screen of the first scenario: starts a run and plays it to the debrief taking option 1. */
export async function playRun(page: Page, seed: string): Promise<void> {
  await screenIs(page, 'new-run');
  await page.locator('#seed-input').fill(seed);
  await clickAction(page, 'start-run');
  await screenIs(page, 'briefing');
  await clickAction(page, 'continue');
  for (let turn = 0; turn < 100; turn += 1) {
    await screenIs(page, 'turn');
    await page.locator('button[data-index="1"]').first().click();
    await screenIs(page, 'outcome');
    await clickAction(page, 'continue');
    await page.waitForFunction(() => {
      const s = document.querySelector('#app')?.getAttribute('data-screen');
      return s === 'turn' || s === 'debrief';
    });
    if ((await page.locator('#app').getAttribute('data-screen')) === 'debrief') return;
  }
  throw new Error('a run did not end within 100 turns');
}

interface HeapSample {
  readonly run: number;
  readonly usedBytes: number;
  /** DOM nodes and JS event listeners alive (Memory.getDOMCounters), to tell a DOM leak from data. */
  readonly nodes: number;
  readonly listeners: number;
}

async function sampleHeap(page: Page, run: number): Promise<HeapSample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  await cdp.detach();
  return { run, usedBytes: usage.usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
}

async function gameFrames(browser: Browser, url: string): Promise<FrameStats> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(GAME_READY);
  await page.locator('[data-scenario-card] button[data-action="choose-scenario"]').first().click();
  await screenIs(page, 'new-run');
  await page.locator('#seed-input').fill('FPS1');
  await clickAction(page, 'start-run');
  await screenIs(page, 'briefing');
  await clickAction(page, 'continue');
  await screenIs(page, 'turn');
  await page.waitForTimeout(500);
  const stats = await countFrames(page, async () => {
    await page.locator('button[data-index="1"]').first().click();
    await page.waitForTimeout(900);
    await clickAction(page, 'continue');
  });
  await context.close();
  return stats;
}

async function bareFrames(browser: Browser, url: string): Promise<FrameStats> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(BARE_READY);
  await page.waitForTimeout(500);
  const stats = await countFrames(page, async () => undefined);
  await context.close();
  return stats;
}

async function heapOverRuns(browser: Browser, url: string): Promise<BrowserBenchResult['heap']> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(GAME_READY);
  await page.locator('[data-scenario-card] button[data-action="choose-scenario"]').first().click();
  const trend: HeapSample[] = [];
  const splits: HeapSplit[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    await playRun(page, `H${String(run).padStart(3, '0')}`);
    if (run === 1 || run % 5 === 0) trend.push(await sampleHeap(page, run));
    if (run === WARM_UP_RUNS || run === RUNS) splits.push(await snapshotSplit(page));
    if (run < RUNS) await clickAction(page, 'new-run');
  }
  await context.close();
  const at = (run: number) => trend.find((t) => t.run === run)?.usedBytes ?? Number.NaN;
  const pct = (from: number, to: number) => Math.round(((to - from) / from) * 1000) / 10;
  const afterRun1 = at(1);
  const afterRun20 = at(20);
  const afterWarmUp = at(WARM_UP_RUNS);
  const afterLastRun = at(RUNS);
  const none: HeapSplit = { code: Number.NaN, data: Number.NaN };
  return {
    afterRun1,
    afterRun20,
    growthPct: pct(afterRun1, afterRun20),
    warmUpRuns: WARM_UP_RUNS,
    afterWarmUp,
    afterLastRun,
    steadyGrowthPct: pct(afterWarmUp, afterLastRun),
    split: { atWarmUp: splits[0] ?? none, atLastRun: splits[1] ?? none },
    runs: RUNS,
    trend,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const signedPct = (pct: number) => `${pct >= 0 ? '+' : ''}${pct}%`;
const signedKb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${kb(bytes)}`;

/** Formats the figures beside their goals. */
export function formatBrowserBench(r: BrowserBenchResult): string {
  const loadRatio = r.coldLoadMs.game / r.coldLoadMs.bare;
  const jsAbove = r.jsGzipBytes.game - r.jsGzipBytes.bare;
  const steady = r.frames.game.fps >= 0.9 * r.frames.bare.fps && r.frames.game.slowFrames === 0;
  const mark = (ok: boolean) => (ok ? 'meets goal' : 'MISSES goal');
  const lines = [
    'browser (headless Chromium; game beside a bare Phaser 4 page built the same way)',
    `  JS, gzip -9         game ${kb(r.jsGzipBytes.game)}  bare ${kb(r.jsGzipBytes.bare)}  (+${kb(jsAbove)})   goal: <= bare + 150 KB   ${mark(jsAbove <= 150 * 1024)}`,
    `  cold load, median   game ${r.coldLoadMs.game} ms  bare ${r.coldLoadMs.bare} ms  (x${loadRatio.toFixed(2)})   goal: <= 1.3x bare   ${mark(loadRatio <= 1.3)}`,
    `                      game loads ${r.coldLoadMs.gameAll.join(', ')} ms; bare loads ${r.coldLoadMs.bareAll.join(', ')} ms`,
    `  frames over 2 s     game ${r.frames.game.fps} fps in turn transitions (longest frame ${r.frames.game.longestFrameMs} ms, ${r.frames.game.slowFrames} over 50 ms)`,
    `                      bare ${r.frames.bare.fps} fps idle (longest frame ${r.frames.bare.longestFrameMs} ms, ${r.frames.bare.slowFrames} over 50 ms)   goal: steady   ${mark(steady)}`,
  ];
  if (r.heap) {
    const h = r.heap;
    const codeGrowth = h.split.atLastRun.code - h.split.atWarmUp.code;
    const dataGrowth = h.split.atLastRun.data - h.split.atWarmUp.data;
    lines.push(
      `  heap, ${h.runs} runs       after run 1 ${mb(h.afterRun1)}, after run 20 ${mb(h.afterRun20)}  (${signedPct(h.growthPct)}) from a cold start, not judged:`,
      `                      the first runs include V8 compiling the game's hot functions, which levels off`,
      `                      after run ${h.warmUpRuns} ${mb(h.afterWarmUp)}, after run ${h.runs} ${mb(h.afterLastRun)}  (${signedPct(h.steadyGrowthPct)}) over ${h.runs - h.warmUpRuns} runs after a ${h.warmUpRuns}-run warm-up   goal: < 10%   ${mark(h.steadyGrowthPct < 10)}`,
      `                      of it, by heap snapshots: compiled code ${signedKb(codeGrowth)}, data (objects, strings, arrays, closures) ${signedKb(dataGrowth)}`,
      `                      after runs ${h.trend.map((t) => `${t.run}: ${mb(t.usedBytes)}`).join(', ')}`,
      `                      DOM nodes ${r.heap.trend.map((t) => t.nodes).join(' → ')}; JS event listeners ${r.heap.trend.map((t) => t.listeners).join(' → ')}`,
    );
  } else {
    lines.push('  heap                not measured');
  }
  return lines.join('\n');
}

/** Builds both pages, measures, prints and returns the figures; null when Chromium is missing. */
export async function runBrowserBench(log: (line: string) => void = console.log): Promise<BrowserBenchResult | null> {
  if (!chromiumInstalled()) {
    log(`browser: skipped. ${CHROMIUM_MISSING}`);
    return null;
  }
  const work = await mkdtemp(join(tmpdir(), 'red-phone-bench-'));
  const gameDir = join(work, 'game');
  const bareDir = join(work, 'bare');
  const browser = await launchChromium();
  const servers: { close(): Promise<void> }[] = [];
  try {
    await buildPage({ outDir: gameDir });
    await buildPage({ configFile: resolve(REPO_ROOT, 'test/bench/bare/vite.config.ts'), outDir: bareDir });
    const game = await serveStatic(gameDir, '/sub/red-phone/');
    const bare = await serveStatic(bareDir, '/sub/bare/');
    servers.push(game, bare);
    const jsGzipBytes = { game: await gzipJsBytes(gameDir), bare: await gzipJsBytes(bareDir) };
    const gameAll = await coldLoads(browser, game.url, GAME_READY);
    const bareAll = await coldLoads(browser, bare.url, BARE_READY);
    const frames = { game: await gameFrames(browser, game.url), bare: await bareFrames(browser, bare.url) };
    const heap = await heapOverRuns(browser, game.url);
    const result: BrowserBenchResult = {
      jsGzipBytes,
      coldLoadMs: { game: median(gameAll), bare: median(bareAll), gameAll, bareAll },
      frames,
      heap,
    };
    log(formatBrowserBench(result));
    return result;
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** The section `npm run bench` prints (test/bench/run.ts). */
export const browserSection: BenchSection = {
  title: 'browser: the game beside a bare Phaser 4 page',
  async run() {
    const lines: string[] = [];
    await runBrowserBench((text) => lines.push(...text.split('\n')));
    return lines;
  },
};

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename);
if (invokedDirectly) {
  runBrowserBench().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
