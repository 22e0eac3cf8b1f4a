/**
 * Child processes for the class server's tests: a free loopback port, the class server started as
 * `npm run class` would start it (without the build), a redis-server of the test's own, each stopped
 * by its pid when the test file ends. Every wait is bounded in time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { HOST_KEY, ROOT } from './helpers';

export const REDIS_SERVER = '/usr/bin/redis-server';
export const REDIS_MISSING = `redis-server is not installed at ${REDIS_SERVER} (Debian: apt-get install -y --no-install-recommends redis-server; .ci/run does it)`;
export const redisInstalled = (): boolean => existsSync(REDIS_SERVER);

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const address = probe.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface Proc {
  readonly child: ChildProcess;
  output(): string;
  /** Kills it (SIGKILL unless told) and waits for it to exit (at most 5 s). */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const started: Proc[] = [];

/** Stops every process started here that is still running (call it in afterAll). */
export async function stopAll(): Promise<void> {
  await Promise.all(started.map((p) => p.stop()));
}

/** Spawns `command` and waits (at most `ms`) until its output contains `ready`. */
export async function startProc(command: string, args: readonly string[], ready: string, env: NodeJS.ProcessEnv = process.env, ms = 20_000): Promise<Proc> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const proc: Proc = {
    child,
    output: () => text,
    stop: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    },
  };
  started.push(proc);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start in ${ms} ms:\n${text}`)), ms);
    const take = (d: Buffer): void => {
      text += d.toString();
      if (text.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`${command} exited:\n${text}`));
    });
  });
  return proc;
}

/** A redis-server of the test's own: loopback only, nothing saved. */
export async function startRedis(): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const proc = await startProc(REDIS_SERVER, ['--save', '', '--appendonly', 'no', '--port', String(port), '--bind', '127.0.0.1'], 'Ready to accept connections');
  return { proc, url: `redis://127.0.0.1:${port}` };
}

/** The class server on 127.0.0.1 and a free port, with these extra arguments. */
export async function startClass(extra: readonly string[]): Promise<{ proc: Proc; url: string }> {
  const port = await freePort();
  const args = ['--import', 'tsx', join(ROOT, 'src', 'server', 'main.ts'), '--port', String(port), '--host', '127.0.0.1', '--no-build', ...extra];
  const proc = await startProc(process.execPath, args, 'class server ready', { ...process.env, CLASS_HOST_KEY: HOST_KEY });
  return { proc, url: `http://127.0.0.1:${port}` };
}

export async function waitFor(test: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
