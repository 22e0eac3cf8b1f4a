/**
 * Warm game pages for the browser tests. A fresh context and page cost Chromium a new renderer
 * process and a cold cache: about 3.6 s of processor time to the title screen on the 2-core CI
 * machine, against about 0.45 s to wipe a used page's storage and load the game in it again. So each
 * test worker keeps its pages: after a test, a page's other pages are closed, its sessionStorage is
 * cleared, it goes to about:blank, and its origin's storage (localStorage, IndexedDB, cookies, caches,
 * service workers) is wiped. The next test that asks for the same context options gets it back, as a
 * new visitor with the game's files in the browser's cache. A desktop viewport is set on the page, so
 * it does not make a context of its own; a phone's or a tablet's (touch, mobile) does.
 *
 * Scripts a test asks for before the page's own are added through DevTools and removed after it. What
 * cannot be undone on a page retires its context instead: an init script or a binding added through
 * Playwright, a route, the fake clock, a second origin. A context that lets service workers run is
 * never reused.
 */
import type { Browser, BrowserContext, BrowserContextOptions, CDPSession, Page } from 'playwright-core';

interface Entry {
  readonly key: string;
  readonly options: BrowserContextOptions;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Opened when first needed (scripts, the wipe): an extra DevTools session on a page is left out until then. */
  cdp: CDPSession | null;
  /** The scripts this test added through DevTools, removed when it ends. */
  scripts: string[];
  /** Every http(s) origin a page of the context has shown since it was last wiped. */
  readonly origins: Set<string>;
  /** Those the kept page itself has shown (its sessionStorage). */
  readonly pageOrigins: Set<string>;
  inUse: boolean;
  /** Something the test did to the page or context cannot be undone: close it after the test. */
  retire: boolean;
  mediaChanged: boolean;
  permissionsChanged: boolean;
  offlineChanged: boolean;
  closed: boolean;
}

/** Free pages kept per test worker; the least recently used is closed beyond this. */
const MAX_FREE = 6;

/** Methods that leave something on a page or context that a later test would inherit. */
const LASTING = ['addInitScript', 'exposeBinding', 'exposeFunction', 'route', 'routeFromHAR', 'routeWebSocket'] as const;

export class PagePool {
  private entries: Entry[] = [];

  constructor(private readonly browser: Browser) {}

  /**
   * A page at about:blank in a context made with these options, with nothing stored for any site and
   * `scripts` run before the page's own in every document it loads until the test ends. It is the
   * caller's until `release()`.
   */
  async acquire(options: BrowserContextOptions, scripts: readonly string[] = []): Promise<{ page: Page; context: BrowserContext }> {
    const key = contextKey(options);
    // The most recently used page of these options: the one the last test left, with its cache warmest.
    const reusable = options.serviceWorkers !== 'block' ? undefined : this.entries.findLast((e) => e.key === key && !e.inUse && !e.closed);
    const entry = reusable ?? (await this.create(key, options));
    entry.inUse = true;
    // The last used at the end: release() closes free pages from the front.
    this.entries = [...this.entries.filter((e) => e !== entry), entry];
    if (scripts.length > 0) {
      entry.cdp ??= await entry.context.newCDPSession(entry.page);
      // A session's scripts run only while its Page domain is on.
      await entry.cdp.send('Page.enable');
      for (const source of scripts) entry.scripts.push((await entry.cdp.send('Page.addScriptToEvaluateOnNewDocument', { source })).identifier);
    }
    if (options.viewport) await entry.page.setViewportSize(options.viewport);
    return { page: entry.page, context: entry.context };
  }

  /** After a test: every page it was given is wiped and kept, or closed with its context. */
  async release(): Promise<void> {
    for (const entry of this.entries.filter((e) => e.inUse)) {
      entry.inUse = false;
      if (!(await this.wipe(entry))) await this.drop(entry);
    }
    const free = this.entries.filter((e) => !e.inUse);
    for (const entry of free.slice(0, Math.max(0, free.length - MAX_FREE))) await this.drop(entry);
  }

  private async create(key: string, options: BrowserContextOptions): Promise<Entry> {
    const context = await this.browser.newContext(options);
    const page = await context.newPage();
    const entry: Entry = {
      key,
      options,
      context,
      page,
      cdp: null,
      scripts: [],
      origins: new Set(),
      pageOrigins: new Set(),
      inUse: false,
      retire: options.serviceWorkers !== 'block',
      mediaChanged: false,
      permissionsChanged: false,
      offlineChanged: false,
      closed: false,
    };
    context.on('close', () => {
      entry.closed = true;
    });
    watchOrigins(page, [entry.origins, entry.pageOrigins]);
    context.on('page', (p) => {
      if (p !== page) watchOrigins(p, [entry.origins]);
    });
    this.watchChanges(entry);
    this.entries.push(entry);
    return entry;
  }

  /** Notes what a test does that the wipe must undo, or that rules the context out for later tests. */
  private watchChanges(entry: Entry): void {
    const { page, context } = entry;
    const retire = () => {
      entry.retire = true;
    };
    for (const target of [page, context] as const) {
      for (const name of LASTING) before(target, name, retire);
    }
    // Playwright's fake clock belongs to the context and installs itself with its first use.
    for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(context.clock))) {
      if (name !== 'constructor') before(context.clock, name, retire);
    }
    before(page, 'emulateMedia', () => {
      entry.mediaChanged = true;
    });
    before(context, 'grantPermissions', () => {
      entry.permissionsChanged = true;
    });
    before(context, 'setOffline', () => {
      entry.offlineChanged = true;
    });
  }

  /** Puts a page back as it was made; false when it cannot be (closed, or changed for good). */
  private async wipe(entry: Entry): Promise<boolean> {
    const { page, context, options } = entry;
    if (entry.closed || entry.retire || page.isClosed()) return false;
    try {
      for (const other of context.pages()) if (other !== page) await other.close();
      for (const identifier of entry.scripts.splice(0)) await entry.cdp?.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
      // sessionStorage belongs to the tab and can only be cleared from a page of its origin: the one the
      // page shows. A page that has shown two origins keeps the other's, so it is not reused.
      const shown = [...entry.pageOrigins];
      if (shown.length > 1) return false;
      if (shown.length === 1) {
        if (new URL(page.url()).origin !== shown[0]) return false;
        await page.evaluate(() => sessionStorage.clear());
      }
      await page.goto('about:blank');
      if (entry.offlineChanged) await context.setOffline(options.offline ?? false);
      if (entry.permissionsChanged) {
        await context.clearPermissions();
        if (options.permissions) await context.grantPermissions(options.permissions);
      }
      if (entry.mediaChanged)
        await page.emulateMedia({ media: null, colorScheme: options.colorScheme ?? null, reducedMotion: options.reducedMotion ?? null, forcedColors: options.forcedColors ?? null });
      entry.offlineChanged = entry.permissionsChanged = entry.mediaChanged = false;
      await context.clearCookies();
      entry.cdp ??= await context.newCDPSession(page);
      for (const origin of entry.origins) {
        await entry.cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
      }
      entry.origins.clear();
      entry.pageOrigins.clear();
      return true;
    } catch {
      return false;
    }
  }

  private async drop(entry: Entry): Promise<void> {
    this.entries = this.entries.filter((e) => e !== entry);
    await entry.context.close().catch(() => undefined);
  }
}

/**
 * Pages of one key share a context. A desktop viewport is set on each page; touch, a mobile viewport
 * (meta viewport, screen size) and a pixel ratio belong to the context.
 */
function contextKey(options: BrowserContextOptions): string {
  const perContext = options.isMobile === true || options.hasTouch === true || options.deviceScaleFactor !== undefined;
  // JSON leaves out what is undefined: a desktop viewport, and touch or mobile said to be off.
  return JSON.stringify({
    ...options,
    viewport: perContext ? options.viewport : undefined,
    isMobile: options.isMobile === true ? true : undefined,
    hasTouch: options.hasTouch === true ? true : undefined,
  });
}

function watchOrigins(page: Page, sets: readonly Set<string>[]): void {
  page.on('framenavigated', (frame) => {
    const url = frame.url();
    if (url.startsWith('http:') || url.startsWith('https:')) for (const set of sets) set.add(new URL(url).origin);
  });
}

/** Calls `note` before every call of the object's method `name` (an own property shadows the prototype's). */
function before<T extends object>(target: T, name: PropertyKey, note: () => void): void {
  const original = (target as Record<PropertyKey, unknown>)[name];
  if (typeof original !== 'function') return;
  Object.defineProperty(target, name, {
    configurable: true,
    value: (...args: unknown[]) => {
      note();
      return (original as (...a: unknown[]) => unknown).apply(target, args);
    },
  });
}
