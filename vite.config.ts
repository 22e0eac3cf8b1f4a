import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

/**
 * The dev server injects styles inline and talks to the page over a websocket for hot reload, which
 * the strict policy in index.html forbids; only `vite` (serve) relaxes it. Builds keep it as written.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'red-phone:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: wss:");
    },
  };
}

/**
 * Designer mode under `npm run dev`: a saved scenario file is sent to the page as the custom event
 * `red-phone:scenario` with its new text (src/ui/designer/install.ts), and the page reloads it in
 * place instead of reloading the whole game. The shared files (terms, ladder, schema) still reload
 * the page. Builds have no dev server and ignore this.
 */
function scenarioHotReload(): Plugin {
  return {
    name: 'red-phone:scenario-hot-reload',
    apply: 'serve',
    async hotUpdate({ type, file, read }) {
      if (this.environment.name !== 'client' || type !== 'update') return;
      const match = /[\\/]scenarios[\\/]([^\\/]+\.yaml)$/.exec(file);
      const name = match?.[1];
      if (name === undefined || name.startsWith('_') || ['schema.yaml', 'terms.yaml', 'ladder.yaml', 'facts.yaml', 'glossary.yaml'].includes(name)) return;
      this.environment.hot.send({ type: 'custom', event: 'red-phone:scenario', data: { file: `/scenarios/${name}`, text: await read() } });
      return [];
    },
  };
}

const CARDS_ID = 'virtual:scenario-cards';
const DATA_ID = 'virtual:scenario-data';

interface BuiltScenarios {
  readonly cards: unknown[];
  readonly problems: string[];
  readonly prepared: { readonly library: string; readonly scenarios: Record<string, string>; readonly overlays: Record<string, Record<string, string>> };
}

/**
 * `virtual:scenario-cards`: the title cards of scenarios/*.yaml, each checked by the engine's own
 * loader in Node when the module is built. A scenario that does not load stops the build with the
 * checker's messages.
 *
 * `virtual:scenario-data`: what that check read each scenario and translation to, as JSON
 * (src/engine/format/prepared.ts), one chunk per file (`virtual:scenario-data/<id>` and
 * `virtual:scenario-data/<lang>/<id>`), and the shared library's. The page compiles a scenario from
 * it when the scenario is first opened, without reading its YAML or checking it again.
 *
 * The cards and data are worked out by src/cli/scenario-cards.ts in a child process, once until a
 * scenario file changes: this config imports nothing from src/, so Vite's native config loader has
 * nothing to warn about when `npm start` runs.
 */
function scenarioCards(): Plugin {
  const root = import.meta.dirname;
  const dir = join(root, 'scenarios');
  let built: BuiltScenarios | null = null;
  const build = (): BuiltScenarios => {
    if (built !== null) return built;
    const json = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'scenario-cards.ts'), dir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    built = JSON.parse(json) as BuiltScenarios;
    return built;
  };
  // A module's id is the file's name without `.yaml`, so that nothing takes it for a YAML file.
  const loader = (path: string): string => `() => import(${JSON.stringify(`${DATA_ID}/${path.replace(/\.yaml$/, '')}`)})`;
  return {
    name: 'red-phone:scenario-cards',
    resolveId(id) {
      return id === CARDS_ID || id === DATA_ID || id.startsWith(`${DATA_ID}/`) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:scenario-')) return null;
      for (const n of readdirSync(dir).filter((name) => name.endsWith('.yaml'))) this.addWatchFile(join(dir, n));
      for (const n of existsSync(join(dir, 'zh-Hans')) ? readdirSync(join(dir, 'zh-Hans')).filter((name) => name.endsWith('.yaml')) : []) this.addWatchFile(join(dir, 'zh-Hans', n));
      const { cards, problems, prepared } = build();
      if (problems.length > 0) this.error(`a bundled scenario does not load:\n${problems.join('\n')}`);
      if (id === `\0${CARDS_ID}`) return `export default ${JSON.stringify(cards)};`;
      if (id === `\0${DATA_ID}`) {
        const scenarios = Object.keys(prepared.scenarios).map((file) => `${JSON.stringify(file)}: ${loader(file)}`);
        const overlays = Object.entries(prepared.overlays).map(
          ([lang, files]) =>
            `${JSON.stringify(lang)}: { ${Object.keys(files)
              .map((file) => `${JSON.stringify(file)}: ${loader(`${lang}/${file}`)}`)
              .join(', ')} }`,
        );
        return `export const library = ${JSON.stringify(prepared.library)};\nexport const scenarios = { ${scenarios.join(', ')} };\nexport const overlays = { ${overlays.join(', ')} };\n`;
      }
      // One file's data: its JSON as a string (a string literal is the cheapest thing to load; the page parses it when the scenario opens).
      const path = `${id.slice(`\0${DATA_ID}/`.length)}.yaml`;
      const slash = path.indexOf('/');
      const data = slash < 0 ? prepared.scenarios[path] : prepared.overlays[path.slice(0, slash)]?.[path.slice(slash + 1)];
      if (data === undefined) this.error(`no checked data for ${path}`);
      return `export default ${JSON.stringify(data)};`;
    },
    hotUpdate({ file }) {
      if (!/[\\/]scenarios[\\/](zh-Hans[\\/])?[^\\/]+\.yaml$/.test(file)) return;
      built = null;
      for (const module of this.environment.moduleGraph.idToModuleMap.values()) {
        if (module.id?.startsWith('\0virtual:scenario-') === true) this.environment.moduleGraph.invalidateModule(module);
      }
    },
  };
}

/**
 * The installable, offline game (vite-plugin-pwa, prompt mode): the build's service worker precaches
 * every file the game needs (code, styles, fonts, the scenarios' checked data, the glossaries), so a
 * class whose network fails keeps playing. An update never replaces the game by itself: src/ui/update-prompt.ts asks on the
 * title screen. Registered from the page (injectRegister: false), never under `npm start`.
 */
function offlineApp(): Plugin[] {
  // The page opens the bundled scenarios from their checked data (JS chunks, precached with the code);
  // their YAML files are in the build but never fetched, so they are not precached. The glossaries are.
  const scenariosDir = join(import.meta.dirname, 'scenarios');
  const unread = readdirSync(scenariosDir)
    .filter((n) => n.endsWith('.yaml') && n !== 'glossary.yaml')
    .map((n) => `assets/${n.slice(0, -'.yaml'.length)}-*.yaml`);
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'Red Phone',
      short_name: 'Red Phone',
      description: 'A turn-based crisis game on the US–China cyber agreement of 25 September 2015.',
      lang: 'en',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#070c17',
      theme_color: '#070c17',
      icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,yaml,woff2,svg,png,webmanifest}'],
      globIgnores: unread,
      // Phaser's chunk is about 1.4 MB.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      // Every link (?scenario=…, ?replay=…, ?class) opens the one page.
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/socket\.io\//],
      ignoreURLParametersMatching: [/.*/],
      cleanupOutdatedCaches: true,
    },
  });
}

export default defineConfig(({ mode }) => ({
  plugins: [
    // The interface's messages (src/i18n/messages) as typed functions, English and Simplified Chinese,
    // compiled when `npm start` or a build begins. Vitest's own server (mode "test") reads what
    // `npm run i18n` compiled (test/i18n-setup.ts makes sure it is current) instead of compiling at
    // every start; that is what the dev server and a build inside Vitest compile too (one module per
    // language: the plugin gives `npm run build` a module per message), so they find nothing to write
    // while the unit tests read it.
    ...(mode === 'test'
      ? []
      : [paraglideVitePlugin({ project: './src/i18n/project.inlang', outdir: './src/i18n/paraglide', strategy: ['custom-remembered', 'baseLocale'], emitTsDeclarations: true })]),
    devContentSecurityPolicy(),
    scenarioHotReload(),
    scenarioCards(),
    offlineApp(),
  ],
  publicDir: 'assets/public',
  // Relative base: the built game runs from any static folder or sub-folder.
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist',
    assetsInlineLimit: 0,
    // Phaser alone is about 1.4 MB minified; it loads lazily behind the page text.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Phaser in its own chunk, so the game's code can change without re-downloading the engine.
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  // `npm start` prints its address and never tries to open a browser.
  server: { host: '127.0.0.1', port: 5173, open: false },
  preview: { host: '127.0.0.1', port: 4173, open: false },
  test: {
    environment: 'node',
    // Two files at a time on a 2-core machine (Vitest's default is one fewer than the cores). The browser
    // files keep both cores busy too (Chromium's own processes included): four at a time took the
    // processor to 100% and ran slower than two, with tests timing out.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 120_000,
    globalSetup: ['test/i18n-setup.ts'],
    projects: [
      // Unit files share their worker's modules (isolate: false): the engine, the simulator and the store
      // load once per worker instead of once per file. Every test leaves globals as it found them
      // (the purity tripwires restore Math.random, Date and the rest). They run first (group 0), while the
      // browser project's global setup builds the game; Vitest's own order would run the browser files
      // first (projects by name), and they would only wait for the build.
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/browser/**', '**/node_modules/**'], isolate: false, sequence: { groupOrder: 0 } } },
      {
        // Browser tests, after the unit files (group 1): one build served to every file (global setup); one
        // Chromium per worker, with its warm pages (test/browser/harness.ts).
        extends: true,
        test: {
          name: 'browser',
          sequence: { groupOrder: 1 },
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          isolate: false,
        },
      },
    ],
  },
}));
