/**
 * The browser tests' global setup: builds the game once into a temporary folder, serves it from a
 * sub-folder on 127.0.0.1, and hands the address to the tests. Without Chromium the tests are skipped
 * locally and fail under CI.
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
  await buildPage({ outDir: dist });
  const server = await serveStatic(dist, SUB_PATH);
  project.provide('gameUrl', server.url);
  project.provide('distDir', dist);
  return async () => {
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
