/**
 * `npm run class` builds the game first when dist/ is missing or older than its sources: the newest
 * file in src/, scenarios/ and index.html against dist/index.html.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string, depth = 0): number {
  if (!existsSync(path) || depth > 12) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let most = 0;
  for (const name of readdirSync(path)) most = Math.max(most, newest(join(path, name), depth + 1));
  return most;
}

/** Whether dist/index.html is missing or older than the newest source file. */
export function needsBuild(root: string): boolean {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'scenarios')), newest(join(root, 'index.html')));
  return statSync(built).mtimeMs < sources;
}

/** Runs `vite build` in `root`, its output passed through; true when it succeeded. */
export function build(root: string): boolean {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}
