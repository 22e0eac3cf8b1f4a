/**
 * The command line's log of a run (`scenario play … --json`), run in another time zone and locale than
 * the browser's, for comparing the two runtimes byte for byte.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './build';

const run = promisify(execFile);

/** The browser tests' pages run in this time zone and locale; the CLI in {@link CLI_ENV}'s. */
export const BROWSER_ZONE = { timezoneId: 'Asia/Shanghai', locale: 'zh-CN' } as const;
export const CLI_ENV = { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: '' } as const;

/**
 * `tsx src/cli/main.ts play scenarios/<file> --seed S --side SIDE --choose LIST --json`: LIST is the
 * 1-based picks (`2,1,3`), or `us:cn` pairs for two teams (`2:1,1:3`).
 */
export async function cliLog(file: string, seed: string, side: 'us' | 'cn' | 'both', choose: string): Promise<string> {
  const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const args = ['src/cli/main.ts', 'play', `scenarios/${file}`, '--seed', seed, '--side', side, '--choose', choose, '--json'];
  const { stdout } = await run(tsx, args, { cwd: REPO_ROOT, env: { ...process.env, ...CLI_ENV }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}
