/** Runs CLI commands in-process with captured output (fast), or as a child process through tsx (a few). */
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/main';
import { ROOT } from '../golden/scenarios';

export interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** `npm run scenario -- ...args` in-process, from the repository root; `input` is what is typed. */
export async function cli(args: readonly string[], options: { input?: string; cwd?: string; tty?: boolean } = {}): Promise<Ran> {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    cwd: options.cwd ?? ROOT,
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    stdin: options.input !== undefined ? Readable.from([options.input]) : null,
    stderrIsTTY: options.tty === true,
  });
  return { code, out, err };
}

/**
 * The same, as a child process: `node --import tsx src/cli/main.ts ...args`, what `npm run scenario`
 * runs less tsx's own launcher process (which only starts this one).
 */
export function spawnCli(args: readonly string[]): Ran {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8' },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

export const MINIMAL = 'test/fixtures/valid/minimal.yaml';
export const BROKEN = 'test/cli/fixtures/broken.yaml';
export const WARNED = 'test/cli/fixtures/warned.yaml';
