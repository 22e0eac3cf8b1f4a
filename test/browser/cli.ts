/**
 * The command line's log of a run (`scenario play … --json`), run in another time zone and locale than
 * the browser's, for comparing the two runtimes byte for byte.
 */
import { execFile } from 'node:child_process';
import type { Ran } from '../cli/harness';
import { REPO_ROOT } from './build';

/** The browser tests' pages run in this time zone and locale; the CLI in {@link CLI_ENV}'s. */
export const BROWSER_ZONE = { timezoneId: 'Asia/Shanghai', locale: 'zh-CN' } as const;
export const CLI_ENV = { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: '' } as const;

/** One `scenario play` to log: LIST is the 1-based picks (`2,1,3`), or `us:cn` pairs for two teams (`2:1,1:3`). */
export interface CliPlay {
  readonly file: string;
  readonly seed: string;
  readonly side: 'us' | 'cn' | 'both';
  readonly choose: string;
}

const playArgs = (p: CliPlay): string[] => ['play', `scenarios/${p.file}`, '--seed', p.seed, '--side', p.side, '--choose', p.choose, '--json'];

/**
 * `scenario play scenarios/<file> --seed S --side SIDE --choose LIST --json` for each play, all in one
 * process started with tsx in {@link CLI_ENV} (cli-batch.ts runs each as the command line does): each
 * play's stdout, in order. Fails with the command's message when one does not succeed.
 */
export async function cliLogs(plays: readonly CliPlay[]): Promise<string[]> {
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'test/browser/cli-batch.ts'],
      { cwd: REPO_ROOT, env: { ...process.env, ...CLI_ENV }, maxBuffer: 64 * 1024 * 1024 },
      (error, out, err) => {
        if (error) reject(new Error(`the CLI batch failed: ${error.message}\n${err}`));
        else resolve(out);
      },
    );
    child.stdin?.end(JSON.stringify(plays.map(playArgs)));
  });
  const results = JSON.parse(stdout) as Ran[];
  return results.map((r, i) => {
    if (r.code !== 0) throw new Error(`scenario ${playArgs(plays[i] as CliPlay).join(' ')} exited ${r.code}: ${r.err}`);
    return r.out;
  });
}
