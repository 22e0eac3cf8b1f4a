/**
 * A test-only build of the game that also bundles fixture scenarios (for example the injection
 * scenario), without adding them to scenarios/: a build plugin widens the catalogue's
 * `import.meta.glob('/scenarios/*.yaml', …)` to a second folder. The real build never sees it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { buildPage } from './build';
import { type StaticServer, serveStatic } from './static-server';

const CATALOGUE_GLOB = /import\.meta\.glob(<[^>]*>)?\(\s*(['"`])\/scenarios\/\*\.yaml\2/g;

/** Adds `pattern` (a root-relative glob such as `/test/fixtures/browser/*.yaml`) to the catalogue's glob. */
export function extraScenarios(pattern: string): Plugin {
  return {
    name: 'red-phone-test:extra-scenarios',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/src/') || !code.includes('import.meta.glob')) return null;
      const widened = code.replace(CATALOGUE_GLOB, (_m, generic: string | undefined) => `import.meta.glob${generic ?? ''}(['/scenarios/*.yaml', '${pattern}']`);
      return widened === code ? null : { code: widened, map: null };
    },
  };
}

/** Builds the game with the extra scenarios and serves it from a sub-folder; close() removes it all. */
export async function serveFixtureBuild(pattern: string, prefix: string): Promise<StaticServer> {
  const dir = await mkdtemp(join(tmpdir(), 'red-phone-fixture-dist-'));
  await buildPage({ outDir: dir, plugins: [extraScenarios(pattern)] });
  const server = await serveStatic(dir, prefix);
  return {
    url: server.url,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
