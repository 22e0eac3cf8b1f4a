/**
 * The browser-test harness: one Chromium per test worker, game pages that every test finds new (wiped
 * warm pages, page-pool.ts), page errors and console errors collected on every page and failed on
 * after each test, and keyboard helpers that play the game as a person would.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Dialog, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject } from 'vitest';
import { REPO_ROOT } from './build';
import { launchChromium } from './chromium';
import { PagePool } from './page-pool';

export type ScreenName = 'title' | 'new-run' | 'briefing' | 'turn' | 'outcome' | 'debrief';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-artifacts', 'screenshots');

export interface GamePage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Page errors and console errors seen so far, in order. */
  readonly errors: string[];
  /** Dialogs (alert, confirm, prompt) the page opened. */
  readonly dialogs: string[];
}

export interface OpenOptions extends BrowserContextOptions {
  /** Query string or path relative to the game's address, for example `?scenario=ip-theft`. */
  readonly at?: string;
  /** Scripts run before the page's own, in every document of this page (not in pages `reopen` adds). */
  readonly initScripts?: readonly string[];
  /** Do not wait for the first screen (for tests that inspect loading itself). */
  readonly noWait?: boolean;
  /** Another build's address instead of the game's. */
  readonly baseUrl?: string;
  /**
   * Load the Phaser stage behind the page text (the suite's choice by default). A test that reads only
   * page text leaves it out (`window.__redPhoneTextOnly`), which saves Chromium drawing the canvas.
   */
  readonly stage?: boolean;
}

export interface SuiteOptions {
  /** Whether pages load the Phaser stage unless a test says otherwise (default true). */
  readonly stage?: boolean;
}

export interface BrowserSuite {
  readonly browser: () => Browser;
  readonly gameUrl: () => string;
  /** Opens the game in a page with nothing stored (a wiped warm page, page-pool.ts), tracked for errors and given back after the test. */
  open(options?: OpenOptions): Promise<GamePage>;
  /** A new page in an existing game's context (same storage), tracked the same way. */
  reopen(game: GamePage, at?: string): Promise<GamePage>;
}

/** Set before the page's own scripts: the game leaves out the Phaser stage behind the page text. */
const TEXT_ONLY = 'window.__redPhoneTextOnly = true;';

/**
 * Chromium asks the server root for /favicon.ico on its own when a page declares no icon; the game is
 * served from a sub-folder, so that probe is outside the page and not the page's error.
 */
function isFaviconProbe(url: string): boolean {
  try {
    return new URL(url).pathname === '/favicon.ico';
  } catch {
    return false;
  }
}

function track(page: Page, context: BrowserContext): GamePage & { untrack(): void } {
  const errors: string[] = [];
  const dialogs: string[] = [];
  const onError = (err: Error) => errors.push(`pageerror: ${err.message}`);
  const onConsole = (msg: ConsoleMessage) => {
    if (msg.type() !== 'error' || isFaviconProbe(msg.location().url)) return;
    errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
  };
  const onDialog = (dialog: Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  page.on('dialog', onDialog);
  const untrack = () => {
    page.off('pageerror', onError);
    page.off('console', onConsole);
    page.off('dialog', onDialog);
  };
  return { page, context, errors, dialogs, untrack };
}

/**
 * One Chromium per test worker, shared by the files it runs one after another (browser files share
 * their worker's modules: isolate is off), so each file does not pay a browser's start, with its pool
 * of warm pages. Every test still finds nothing stored. When a worker has no file for a moment the
 * browser is closed; a worker that ends before that closes it with itself (Playwright kills what it launched).
 */
let chromium: { browser: Promise<Browser>; pool: Promise<PagePool>; users: number; closing: ReturnType<typeof setTimeout> | null } | null = null;
const IDLE_CLOSE_MS = 1500;

async function sharedChromium(): Promise<{ browser: Browser; pool: PagePool }> {
  if (chromium === null) {
    const browser = launchChromium();
    chromium = { browser, pool: browser.then((b) => new PagePool(b)), users: 0, closing: null };
  }
  const shared = chromium;
  if (shared.closing !== null) clearTimeout(shared.closing);
  shared.closing = null;
  shared.users += 1;
  const browser = await shared.browser;
  if (browser.isConnected()) return { browser, pool: await shared.pool };
  chromium = null;
  return sharedChromium();
}

function releaseChromium(): void {
  const shared = chromium;
  if (shared === null) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  shared.closing = setTimeout(() => {
    if (chromium === shared) chromium = null;
    void shared.browser.then((b) => b.close()).catch(() => undefined);
  }, IDLE_CLOSE_MS);
  shared.closing.unref();
}

/** How long a file waits for the build: it runs beside the unit files on a busy machine. */
const BUILD_WAIT_MS = 110_000;
let build: Promise<void> | null = null;

/**
 * Waits until the global setup's build is served (it builds while the unit files run): the game's page
 * is asked for once per test worker, and a failed build fails the file with the build's message.
 */
function builtGame(): Promise<void> {
  build ??= fetch(inject('gameUrl'), { signal: AbortSignal.timeout(BUILD_WAIT_MS) }).then(async (res) => {
    if (!res.ok) throw new Error(`the game's build is not served: ${res.status} ${await res.text()}`);
  });
  return build;
}

/**
 * Declares a suite of browser tests: skipped when Chromium is missing (the global setup already failed
 * the run under CI), otherwise one Chromium for the file and an error check after every test.
 */
export function browserSuite(name: string, body: (suite: BrowserSuite) => void, suiteOptions: SuiteOptions = {}): void {
  const gameUrl = inject('gameUrl');
  describe.skipIf(gameUrl === '')(name, () => {
    let browser: Browser | null = null;
    let pool: PagePool | null = null;
    let opened: (GamePage & { untrack(): void })[] = [];
    const suite: BrowserSuite = {
      browser: () => {
        if (!browser) throw new Error('Chromium is not running');
        return browser;
      },
      gameUrl: () => gameUrl,
      async open(options = {}) {
        const { at = '', initScripts = [], noWait = false, baseUrl = gameUrl, stage = suiteOptions.stage ?? true, ...contextOptions } = options;
        if (pool === null) throw new Error('Chromium is not running');
        // The built game registers a service worker that precaches every file; a test page that does not test
        // the offline app blocks it, so each page does not download the whole game a second time.
        const { page, context } = await pool.acquire({ viewport: { width: 1280, height: 720 }, acceptDownloads: true, serviceWorkers: 'block', ...contextOptions }, [
          ...(stage ? [] : [TEXT_ONLY]),
          ...initScripts,
        ]);
        const game = track(page, context);
        opened.push(game);
        await game.page.goto(baseUrl + at);
        if (!noWait) await waitForScreen(game.page);
        return game;
      },
      async reopen(game, at = '') {
        const page = await game.context.newPage();
        // Without the stage as the page it comes from; the test's own init scripts stay with that page.
        if (await game.page.evaluate(() => '__redPhoneTextOnly' in window).catch(() => false)) await page.addInitScript(TEXT_ONLY);
        const next = track(page, game.context);
        opened.push(next);
        await next.page.goto(gameUrl + at);
        await waitForScreen(next.page);
        return next;
      },
    };
    beforeAll(async () => {
      // Chromium starts while the build finishes.
      const built = builtGame();
      built.catch(() => undefined);
      ({ browser, pool } = await sharedChromium());
      await built;
    });
    afterEach(async () => {
      const seen = opened.flatMap((g) => g.errors);
      for (const game of opened) game.untrack();
      opened = [];
      await pool?.release();
      expect(seen, 'page errors and console errors').toEqual([]);
    });
    afterAll(() => {
      if (browser !== null) releaseChromium();
      browser = null;
      pool = null;
    });
    body(suite);
  });
}

/** The screen `#app` shows now (its data-screen attribute). */
export async function screenOf(page: Page): Promise<string | null> {
  return page.locator('#app').getAttribute('data-screen');
}

/**
 * Waits until `look(arg)`, run in the page once per animation frame, returns something other than
 * false, null or undefined, and returns that value (`arg` and the value cross as JSON). The looking
 * happens in the page: the whole wait is three messages to Chromium, where a locator's wait and a
 * read after it make several each. Every message costs Chromium's browser and renderer processes
 * time (2.5 to 5 CPU-ms a call on a 2-core machine), and a keyboard play-through made up to a
 * thousand of them; the play helpers use this for every step.
 */
export async function waitInPage<A, R>(page: Page, look: (arg: A) => R | false | null | undefined, arg: A, timeout = 15_000): Promise<R> {
  const handle = await page.waitForFunction(look as (arg: unknown) => unknown, arg as unknown, { timeout });
  try {
    return (await handle.jsonValue()) as R;
  } finally {
    await handle.dispose();
  }
}

/** Waits until `#app` shows a screen (any, or the one named) with the test hook loaded. */
export async function waitForScreen(page: Page, screen?: ScreenName, timeout = 15_000): Promise<void> {
  await waitInPage(
    page,
    (wanted) => {
      const now = '__redPhone' in window ? document.querySelector('#app')?.getAttribute('data-screen') : null;
      return typeof now === 'string' && now !== '' && (wanted === null || now === wanted);
    },
    screen ?? null,
    timeout,
  );
}

/** Waits for a screen and asserts it is the one shown. */
export async function expectScreen(page: Page, screen: ScreenName): Promise<void> {
  if (
    await waitForScreen(page, screen).then(
      () => true,
      () => false,
    )
  )
    return;
  expect(await screenOf(page)).toBe(screen);
}

/** What {@link tabTo} learns from one look in the page: how many Tab presses reach the target, or why it cannot count. */
type TabCount = number | 'not-shown' | 'not-css';

/**
 * Moves keyboard focus with Tab (then Shift+Tab) until the element matching `selector` has focus, as a
 * keyboard user would. Fails if the element cannot be reached.
 *
 * Most of the time the number of Tab presses can be counted first in one look in the page (the
 * tabbable elements after the focused one, in page order) and pressed without a look after each; if
 * the count was wrong, or the selector is not plain CSS, the press-and-look loop finishes the walk.
 */
export async function tabTo(page: Page, selector: string): Promise<void> {
  const count = (sel: string): TabCount => {
    let el: Element | null;
    try {
      el = document.querySelector(sel);
    } catch {
      return 'not-css';
    }
    const shown = (e: Element) => {
      const r = e.getBoundingClientRect();
      return (r.width > 0 || r.height > 0) && getComputedStyle(e).visibility !== 'hidden';
    };
    if (el === null || !shown(el)) return 'not-shown';
    if (el === document.activeElement) return 0;
    const tabbable = (e: Element): boolean => {
      if (!(e instanceof HTMLElement) || e.matches(':disabled') || e.getAttribute('tabindex') === '-1' || e.closest('[inert], [hidden]') !== null) return false;
      const folded = e.closest('details:not([open])');
      if (folded !== null && !(e.tagName === 'SUMMARY' && e.parentElement === folded)) return false;
      if (e instanceof HTMLInputElement && e.type === 'radio' && !e.checked && document.querySelector(`input[type="radio"][name="${CSS.escape(e.name)}"]:checked`) !== null) return false;
      return shown(e);
    };
    const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')].filter(tabbable);
    const from = document.activeElement;
    const after = from === null || from === document.body ? all : all.filter((e) => (from.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !from.contains(e));
    const at = after.indexOf(el);
    return at < 0 ? 0 : at + 1;
  };
  const target = page.locator(selector).first();
  let presses = await page.evaluate(count, selector);
  if (presses === 'not-shown') {
    await target.waitFor({ state: 'visible' });
    presses = await page.evaluate(count, selector);
  } else if (presses === 'not-css') {
    await target.waitFor({ state: 'visible' });
  }
  for (let i = 0; i < (typeof presses === 'number' ? presses : 0); i += 1) await page.keyboard.press('Tab');
  const focused = () => (presses === 'not-css' ? target.evaluate((el) => el === document.activeElement) : page.evaluate((sel) => document.querySelector(sel) === document.activeElement, selector));
  if (await focused()) return;
  const stops = await page.evaluate(() => document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').length);
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i <= stops + 2; i += 1) {
      if (await focused()) return;
      await page.keyboard.press(key);
    }
  }
  expect(await focused(), `keyboard focus reaches ${selector}`).toBe(true);
}

/** Tabs to a control and presses a key on it (Enter by default). */
export async function activate(page: Page, selector: string, key = 'Enter'): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

/**
 * Text for comparing what is shown with what is written: every run of whitespace made one space, and
 * lower case (the style sheet may set headings in capitals, and innerText follows it).
 */
export function norm(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The visible text of the page-text layer (or another element), whitespace collapsed. */
export async function visibleText(page: Page, selector = '#ui'): Promise<string> {
  return norm(await page.locator(selector).first().innerText());
}

/** Saves a screenshot of the page under test-artifacts/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The test hook's view of the run (window.__redPhone). */
export async function hook(page: Page): Promise<{ screen: string; logJson: string | null; stateHash: string | null }> {
  return page.evaluate(() => {
    const h = (window as unknown as { __redPhone: { screen(): string; logJson(): string | null; stateHash(): string | null } }).__redPhone;
    return { screen: h.screen(), logJson: h.logJson(), stateHash: h.stateHash() };
  });
}
