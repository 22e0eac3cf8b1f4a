/**
 * Wiring only: bundle the scenarios, create the session store, open a link, mount the page-text
 * layer, expose the read-only test hook, and start the Phaser stage behind the text if it is built.
 */
import '@fontsource/ibm-plex-sans/400.css';
import '@fontsource/ibm-plex-sans/600.css';
import '@fontsource/ibm-plex-sans/700.css';
import '@fontsource/ibm-plex-mono/400.css';
import '@fontsource/ibm-plex-mono/600.css';
import './ui/styles.css';
import scenarioCards from 'virtual:scenario-cards';
import * as scenarioData from 'virtual:scenario-data';
import { randomSeedFrom } from './engine';
import { stateHash } from './engine/replay';
import { startLang } from './i18n/lang';
import { type Catalog, isScenarioFile, type SourceFile } from './store/catalog';
import { lazyCatalog, type PreparedBundle } from './store/catalog-cards';
import { openDesigner, prepareDesigner } from './store/designer-session';
import { pageGlossary } from './store/glossary';
import { createSession, type SessionStore } from './store/session';
import type { StorageLike } from './store/storage';
import { mountUi } from './ui/app';
import { installDesigner } from './ui/designer/install';
import { installGlossary } from './ui/gloss';
import { installHistory } from './ui/history';
import { idbShelf } from './ui/idb-shelf';
import { installUpdatePrompt } from './ui/update-prompt';

interface StageModule {
  createStage(parent: HTMLElement, store: SessionStore): { destroy(): void };
}

/** The read-only hook the browser tests use (documented in the browser contract). */
export interface RedPhoneHook {
  screen(): string;
  logJson(): string | null;
  stateHash(): string | null;
}

declare global {
  interface Window {
    __redPhone?: RedPhoneHook;
    /**
     * Set before the page loads to leave the Phaser stage out: the page text alone, as the class seat
     * page is (the browser tests that read only page text use it; it draws no canvas).
     */
    __redPhoneTextOnly?: boolean;
  }
}

function required(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`index.html has no #${id}`);
  return el;
}

/** localStorage (or sessionStorage, this tab's own), or null where reading it throws (storage disabled, some private modes). */
function pageStorage(kind: 'localStorage' | 'sessionStorage' = 'localStorage'): StorageLike | null {
  try {
    const storage = window[kind];
    storage.getItem('red-phone:probe');
    return storage;
  } catch {
    return null;
  }
}

function randomSeed(): string {
  const bits = new Uint32Array(1);
  crypto.getRandomValues(bits);
  return randomSeedFrom(bits[0] ?? 0);
}

/** The page's language, from `?lang=` or as remembered (English by default), set before anything is drawn. */
const PAGE_LANG = startLang(location.search, document.documentElement);

/**
 * Scenario files beyond the bundled ones, fetched and checked in the page (a test build adds fixtures
 * to this glob). The bundled scenarios come checked from the build (`virtual:scenario-data`); their
 * YAML files are in the build too, but the page does not read them.
 */
const SCENARIO_URLS = import.meta.glob<string>('/scenarios/*.yaml', { query: '?url', import: 'default', eager: true });
const CARDED = new Set(scenarioCards.map((c) => c.file));
/** The glossary in each language other than English (scenarios/<lang>/glossary.yaml), over the English one; fetched only by a page in that language. */
const GLOSSARY_OVERLAY_URLS: Readonly<Record<string, string | undefined>> = {
  'zh-Hans': import.meta.glob<string>('/scenarios/zh-Hans/glossary.yaml', { query: '?url', import: 'default', eager: true })['/scenarios/zh-Hans/glossary.yaml'],
};

/** What the page starts from: the bundled scenarios and, in another language, their translations and the glossary's. */
interface StartFiles {
  readonly texts: readonly SourceFile[];
  readonly prepared: PreparedBundle;
  readonly glossary: string | undefined;
}

async function fetchText(url: string | undefined): Promise<string | undefined> {
  if (url === undefined) return undefined;
  try {
    const res = await fetch(url);
    return res.ok ? await res.text() : undefined;
  } catch {
    return undefined;
  }
}
const SHARED = import.meta.glob<string>(['/scenarios/terms.yaml', '/scenarios/ladder.yaml', '/scenarios/facts.yaml', '/scenarios/glossary.yaml'], { query: '?raw', import: 'default', eager: true });

/** The scenario files without a card (none in the real build), fetched from beside the game; a file that cannot be fetched is left out. */
async function scenarioTexts(): Promise<SourceFile[]> {
  const texts = await Promise.all(
    Object.entries(SCENARIO_URLS)
      .filter(([file]) => isScenarioFile(file) && !CARDED.has(file.slice(file.lastIndexOf('/') + 1)))
      .map(async ([file, url]) => {
        const text = await fetchText(url);
        return text === undefined ? null : { file, text };
      }),
  );
  return texts.filter((t) => t !== null);
}

/** Each file's checked data from the build, by file name; a chunk that cannot be loaded (offline, never cached) is left out. */
async function preparedTexts(loaders: Readonly<Record<string, () => Promise<{ readonly default: string }>>>): Promise<Map<string, string>> {
  const loaded = await Promise.all(
    Object.entries(loaders).map(([file, load]) =>
      load().then(
        (m) => [file, m.default] as const,
        () => null,
      ),
    ),
  );
  return new Map(loaded.filter((x) => x !== null));
}

/** The bundled scenarios and, for a page in another language, their translations and the glossary's. */
async function bundledTexts(): Promise<StartFiles> {
  const [texts, scenarios, overlays, glossary] = await Promise.all([
    scenarioTexts(),
    preparedTexts(scenarioData.scenarios),
    preparedTexts(scenarioData.overlays[PAGE_LANG] ?? {}),
    fetchText(GLOSSARY_OVERLAY_URLS[PAGE_LANG]),
  ]);
  return { texts, prepared: { library: scenarioData.library, scenarios, overlays }, glossary };
}

/** The catalog of the bundled scenarios, in the page's language. */
function bundledCatalog(files: StartFiles): Catalog {
  const overlays = PAGE_LANG === 'en' ? null : { lang: PAGE_LANG, files: [] };
  return lazyCatalog(scenarioCards, files.texts, SHARED['/scenarios/terms.yaml'] ?? '', SHARED['/scenarios/ladder.yaml'] ?? '', SHARED['/scenarios/facts.yaml'] ?? '', overlays, files.prepared);
}

/** Creates the store, opens a link, mounts the page text and the test hook; returns the store. */
function startGame(files: StartFiles): SessionStore {
  const bundled = SHARED;
  const catalog = bundledCatalog(files);
  const storage = pageStorage();
  const designerCatalog = prepareDesigner(storage, catalog, bundled['/scenarios/terms.yaml'] ?? '', bundled['/scenarios/ladder.yaml'] ?? '', bundled['/scenarios/facts.yaml'] ?? '');
  const store = createSession({
    catalog: designerCatalog.catalog,
    storage,
    secretStorage: pageStorage('sessionStorage'),
    randomSeed,
    shelf: idbShelf(),
    now: () => new Date().toISOString(),
    settings: { reducedMotion: window.matchMedia('(prefers-reduced-motion: reduce)').matches },
  });
  installDesigner(store, storage, designerCatalog);
  if (location.search !== '') {
    if (new URLSearchParams(location.search).has('designer')) openDesigner(store);
    else store.getState().openLink(location.search);
    // The run now lives in the save: a reload continues it rather than starting the link's run again.
    // A replay link stays while its replay is watched, so a reload opens it again (at the same step).
    const watching = store.getState().run?.review != null && new URLSearchParams(location.search).has('replay');
    if (!watching) history.replaceState(history.state, '', location.pathname + location.hash);
  }
  const glossary = pageGlossary(bundled['/scenarios/glossary.yaml'] ?? '', files.glossary, PAGE_LANG);
  for (const warning of glossary.warnings) console.warn(`Red Phone: ${warning}`);
  installGlossary(glossary.glossary);
  mountUi({ app: required('app'), ui: required('ui'), banner: required('banner'), announcer: required('announcer') }, store);
  installHistory(store);
  window.__redPhone = Object.freeze({
    screen: () => store.getState().screen,
    logJson: () => {
      const run = store.getState().run;
      return run === null ? null : `${JSON.stringify(run.game.log, null, 2)}\n`;
    },
    stateHash: () => {
      const run = store.getState().run;
      return run === null ? null : stateHash(run.game);
    },
  });
  return store;
}

/** Starts the game; a broken invariant still leaves words on the page, never a blank one. */
function startOrExplain(files: StartFiles): SessionStore {
  try {
    return startGame(files);
  } catch (err) {
    const ui = document.getElementById('ui');
    if (ui !== null) ui.textContent = `Red Phone could not start: ${err instanceof Error ? err.message : String(err)}. Reload the page; if it happens again, clear this site's storage.`;
    throw err;
  }
}

/**
 * The offline app's service worker, in a build only: `npm start` (the dev server, with hot reload)
 * serves the sources as they change and has none.
 */
function startOffline(store: SessionStore): void {
  if (import.meta.hot !== undefined || !('serviceWorker' in navigator)) return;
  import('virtual:pwa-register').then(
    ({ registerSW }) => installUpdatePrompt(required('app'), store, (options) => registerSW({ ...options, immediate: true })),
    () => undefined,
  );
}

function startStage(store: SessionStore): void {
  const stages = import.meta.glob<StageModule>('./scenes/index.ts');
  const loadStage = stages['./scenes/index.ts'];
  if (loadStage === undefined) return;
  const parent = required('stage');
  if (window.__redPhoneTextOnly === true) {
    parent.dataset.stage = 'off';
    return;
  }
  loadStage().then(
    (mod) => {
      try {
        mod.createStage(parent, store);
        parent.dataset.stage = 'ready';
      } catch {
        parent.dataset.stage = 'failed';
      }
    },
    () => {
      parent.dataset.stage = 'failed';
    },
  );
}

/**
 * A networked class (`?class`): the seat or the facilitator's console, page text only. Its code (and
 * socket.io's) loads only here.
 */
async function startClass(param: string): Promise<void> {
  const catalog = bundledCatalog(await bundledTexts());
  const { mountClass } = await import('./ui/class');
  // The cards in the page's language (a Chinese console lists the scenarios by their Chinese titles).
  const cards = catalog.entries.flatMap((e) => (e.card === undefined ? [] : [e.card]));
  mountClass({ app: required('app'), ui: required('ui'), announcer: required('announcer') }, param, cards, catalog);
}

/** The facilitator's controls in a second window (`?controls#t=…`), opened from the facilitator bar. */
async function startControls(token: string): Promise<void> {
  const catalog = bundledCatalog(await bundledTexts());
  const { mountControls } = await import('./ui/facilitator/controls-page');
  mountControls({ app: required('app'), ui: required('ui'), announcer: required('announcer') }, token, catalog, randomSeed);
}

const classParam = new URLSearchParams(location.search).get('class');
const controlsToken = new URLSearchParams(location.search).has('controls') ? new URLSearchParams(location.hash.slice(1)).get('t') : null;
if (controlsToken !== null && /^[0-9a-f]{32}$/.test(controlsToken)) {
  startControls(controlsToken).catch((err: unknown) => {
    required('ui').textContent = `The facilitator controls could not start: ${err instanceof Error ? err.message : String(err)}. Close this window and open it again from the projected page.`;
  });
} else if (classParam !== null) {
  startClass(classParam).catch((err: unknown) => {
    required('ui').textContent = `The class page could not start: ${err instanceof Error ? err.message : String(err)}. Reload the page.`;
  });
} else
  void bundledTexts().then((files) => {
    const store = startOrExplain(files);
    startStage(store);
    startOffline(store);
  });
