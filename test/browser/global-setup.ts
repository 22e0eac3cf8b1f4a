/**
 * The browser tests' global setup: builds the game once into a temporary folder, serves it from a
 * sub-folder on 127.0.0.1, and hands the address to the tests. Without Chromium the tests are skipped
 * locally and fail under CI.
 *
 * Vitest waits for every global setup before it runs any test file, so the build is started here but
 * not awaited: the unit files run while it builds (they come first: their project's groupOrder in
 * vite.config.ts). The server holds each request until the build is done, and the harness waits for
 * it before a file's first page (`builtGame()` in harness.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPage } from './build';
import { CHROMIUM_MISSING, chromiumInstalled } from './chromium';
import { serveStatic } from './static-server';

export const SUB_PATH = '/sub/red-phone/';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!chromiumInstalled()) {
    if (process.env.CI === 'true') throw new Error(CHROMIUM_MISSING);
    console.warn(`\n[browser tests skipped] ${CHROMIUM_MISSING}\n`);
    project.provide('gameUrl', '');
    project.provide('distDir', '');
    return async () => {};
  }
  const dist = await mkdtemp(join(tmpdir(), 'red-phone-dist-'));
  const built = buildPage({ outDir: dist });
  // A failed build is reported by the server (500, with the build's message) to every test that asks.
  built.catch(() => undefined);
  const server = await serveStatic(dist, SUB_PATH, built);
  project.provide('gameUrl', server.url);
  project.provide('distDir', dist);
  return async () => {
    await built.catch(() => undefined);
    await server.close();
    await rm(dist, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built game's address (ending in `/`), or '' when Chromium is missing. */
    gameUrl: string;
    distDir: string;
  }
}
