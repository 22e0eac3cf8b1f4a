/**
 * Builds a page with Vite into a folder, the way `npm run build` does, for the browser tests and the
 * benchmark. Extra plugins let a test-only build add fixtures without touching the real catalogue.
 */
import { resolve } from 'node:path';
import { build, type PluginOption } from 'vite';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** The Vite config file; the game's own by default. */
  readonly configFile?: string;
  readonly outDir: string;
  readonly plugins?: readonly PluginOption[];
}

/** Runs `vite build` with the given config into `outDir` (emptied first). */
export async function buildPage(options: BuildOptions): Promise<void> {
  const configFile = options.configFile ?? resolve(REPO_ROOT, 'vite.config.ts');
  await build({
    configFile,
    // Errors only: the build's warnings (chunk sizes, plugin timings) are noise in test output.
    logLevel: 'error',
    build: { outDir: options.outDir, emptyOutDir: true, reportCompressedSize: false },
    plugins: [...(options.plugins ?? [])],
  });
}
