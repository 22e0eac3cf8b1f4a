/**
 * The class server on the network (issue 9): N seat clients on 127.0.0.1, two team seats per group and
 * one facilitator connection per class (at most MAX_GROUPS groups a class), every group playing one
 * whole run of a shipped scenario through the real server, spawned as `npm run class` would start it
 * (file store under a temporary folder), and through two processes sharing a redis-server of the
 * bench's own. The clients run in a child process of their own (test/bench/network-client.ts). Beside
 * them, the floor: a bare socket.io server of the same protocol shape (test/bench/network-floor.ts).
 *
 * Latency of a turn = the time the last of the two seats received the view of the resolved turn − the
 * time the second seat sent its choice. Goals: 300 clients on one process with p95 under 50 ms, and
 * through two processes and Redis under 100 ms; 1,000 seats on one process within 3x the floor's p95.
 * The whole section is capped at about three minutes: a run that would not fit is left out and said so.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from '../../src/cli/table';
import { MAX_GROUPS } from '../../src/net/protocol';
import { HOST_KEY, ROOT } from '../server/helpers';
import { freePort, type Proc, redisInstalled, startClass, startProc, startRedis } from '../server/procs';
import type { ClientConfig, ClientResult, ToParent } from './network-client';
import type { BenchSection } from './section';

const SECTION_MS = 180_000;
const PLAY_MS = 30_000;
const SCENARIO = 'opm-breach';
/** A seat view of opm-breach is 2.5 to 4.4 KB of JSON (3.9 KB on average): the floor sends 3.9 KB. */
const FLOOR_VIEW_BYTES = 3900;
const FLOOR_TURNS = 7;

type Mode = 'floor' | 'class' | 'redis';
interface Run {
  readonly mode: Mode;
  readonly seats: number;
  /** What the run needs at most, to decide whether it fits in the section's time. */
  readonly budgetMs: number;
}

/** The 300-seat runs twice, interleaved, so that the floor and both modes see the same machine (it is shared). */
const RUNS: readonly Run[] = [
  { mode: 'floor', seats: 300, budgetMs: 25_000 },
  { mode: 'class', seats: 300, budgetMs: 40_000 },
  { mode: 'redis', seats: 300, budgetMs: 45_000 },
  { mode: 'floor', seats: 300, budgetMs: 25_000 },
  { mode: 'class', seats: 300, budgetMs: 40_000 },
  { mode: 'redis', seats: 300, budgetMs: 45_000 },
  { mode: 'floor', seats: 1000, budgetMs: 30_000 },
  { mode: 'class', seats: 1000, budgetMs: 50_000 },
];

const LABEL: Record<Mode, string> = { floor: 'floor (bare socket.io)', class: 'class server, 1 process', redis: 'class server, 2 processes + Redis' };

interface Measured {
  readonly run: Run;
  readonly result: ClientResult;
  readonly serverCpu: readonly number[];
  readonly load: readonly [number, number];
  readonly median: number;
  readonly p95: number;
}

/** CPU seconds a process has used (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;

async function servers(mode: Mode, data: string): Promise<{ urls: string[]; procs: Proc[] }> {
  const fast = ['--joins-per-minute', '1000000'];
  if (mode === 'floor') {
    const port = await freePort();
    const proc = await startProc(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test', 'bench', 'network-floor.ts'), String(port), String(FLOOR_VIEW_BYTES), String(FLOOR_TURNS)],
      'class server ready',
    );
    return { urls: [`http://127.0.0.1:${port}`], procs: [proc] };
  }
  if (mode === 'class') {
    const one = await startClass(['--data', data, ...fast]);
    return { urls: [one.url], procs: [one.proc] };
  }
  const redis = await startRedis();
  const [a, b] = await Promise.all([startClass(['--redis', redis.url, ...fast]), startClass(['--redis', redis.url, ...fast])]);
  return { urls: [a.url, b.url], procs: [a.proc, b.proc, redis.proc] };
}

function clients(config: ClientConfig, onReady: () => void): Promise<ClientResult> {
  const child = fork(join(ROOT, 'test', 'bench', 'network-client.ts'), [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  return new Promise<ClientResult>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('the clients did not finish in time')), 60_000 + config.playMs);
    const fail = (e: Error): void => {
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      reject(e);
    };
    child.on('message', (m: ToParent) => {
      if (m.type === 'ready') {
        onReady();
        child.send('go');
      } else if (m.type === 'done') {
        clearTimeout(timer);
        resolve(m.result);
      } else fail(new Error(m.error));
    });
    child.once('exit', (code) => fail(new Error(`the clients exited (${code}) ${stderr.slice(-400)}`)));
  });
}

async function measure(run: Run): Promise<Measured> {
  const data = mkdtempSync(join(tmpdir(), 'bench-class-'));
  const { urls, procs } = await servers(run.mode, data);
  try {
    const groups = run.seats / 2;
    const config: ClientConfig = {
      urls,
      groups,
      perClass: MAX_GROUPS,
      scenarioId: SCENARIO,
      hostKey: HOST_KEY,
      thinkMin: 50,
      thinkMax: 500,
      seed: 1,
      turnTimeoutMs: 15_000,
      playMs: PLAY_MS,
      maxTurns: 40,
    };
    // The class servers, then redis-server when there is one.
    const servers = procs;
    let cpuAtGo: number[] = [];
    let loadAtGo = 0;
    let wallAtGo = 0;
    const result = await clients(config, () => {
      cpuAtGo = servers.map((p) => cpuSeconds(p.child.pid));
      loadAtGo = loadavg()[0] ?? 0;
      wallAtGo = performance.now();
    });
    const wall = (performance.now() - wallAtGo) / 1000;
    const serverCpu = servers.map((p, i) => ((cpuSeconds(p.child.pid) - (cpuAtGo[i] ?? 0)) / wall) * 100);
    const sorted = [...result.latencies].sort((a, b) => a - b);
    return { run, result, serverCpu, load: [loadAtGo, loadavg()[0] ?? 0], median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
  } finally {
    await Promise.all(procs.map((p) => p.stop('SIGTERM')));
    await Promise.all(procs.map((p) => p.stop('SIGKILL')));
    rmSync(data, { recursive: true, force: true });
  }
}

const ms = (x: number): string => (Number.isNaN(x) ? '-' : `${x.toFixed(1)} ms`);

function goalOf(m: Measured, all: readonly Measured[]): string {
  if (m.run.mode === 'floor') return '';
  // The floor run just before this one, of the same size.
  const floor = all
    .slice(0, all.indexOf(m))
    .reverse()
    .find((f) => f.run.mode === 'floor' && f.run.seats === m.run.seats);
  const ratio =
    floor === undefined || !(floor.p95 > 0) ? '' : `; ${(m.p95 / floor.p95).toFixed(1)}x the floor's p95${m.run.seats >= 1000 ? ` (aim 3x: ${m.p95 <= 3 * floor.p95 ? 'met' : 'not met'})` : ''}`;
  const limit = m.run.seats > 300 ? null : m.run.mode === 'class' ? 50 : 100;
  const ok = m.result.failed === 0 && m.result.completed > 0;
  const verdict = limit === null ? '' : `p95 under ${limit} ms: ${ok && m.p95 < limit ? 'met' : 'not met'}`;
  return `${verdict}${ratio}`.replace(/^; /, '');
}

async function run(): Promise<readonly string[]> {
  const started = performance.now();
  const measured: Measured[] = [];
  const notes: string[] = [];
  for (const r of RUNS) {
    if (r.mode === 'redis' && !redisInstalled()) {
      notes.push(`  ${LABEL[r.mode]}, ${r.seats} seats: left out (no redis-server at /usr/bin/redis-server)`);
      continue;
    }
    if (performance.now() - started + r.budgetMs > SECTION_MS) {
      notes.push(`  ${LABEL[r.mode]}, ${r.seats} seats: left out (it would not fit in the section's ${SECTION_MS / 1000} s)`);
      continue;
    }
    try {
      measured.push(await measure(r));
    } catch (e) {
      notes.push(`  ${LABEL[r.mode]}, ${r.seats} seats: failed (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const rows = [['run', 'seats', 'clients per process', 'turns ok', 'failed', 'runs ended', 'median', 'p95', 'server CPU', 'clients CPU', 'load 1 min', 'goal']];
  for (const m of measured) {
    rows.push([
      LABEL[m.run.mode],
      String(m.run.seats),
      m.result.perUrl.join(' + '),
      String(m.result.completed),
      String(m.result.failed),
      `${m.result.runsFinished}/${m.run.seats / 2}`,
      ms(m.median),
      ms(m.p95),
      m.serverCpu.map((c) => `${c.toFixed(0)}%`).join(' + '),
      `${m.result.clientCpu.toFixed(0)}%`,
      `${m.load[0].toFixed(2)}→${m.load[1].toFixed(2)}`,
      goalOf(m, measured),
    ]);
  }
  const errors = measured.flatMap((m) => m.result.errors.map((e) => `  ${LABEL[m.run.mode]} ${m.run.seats}: ${e}`));
  return [
    `  ${SCENARIO}, two team seats a group and a facilitator connection a class of up to ${MAX_GROUPS} groups; every group plays one whole run`,
    `  (the floor: ${FLOOR_TURNS} turns); think times 50 to 500 ms; WebSocket on 127.0.0.1; clients in their own process; ${(loadavg()[0] ?? 0).toFixed(2)} load now.`,
    `  Latency = last seat's view of the resolved turn − second seat's choice sent. CPU (100% = one core): each server process (then redis-server), and the clients' process.`,
    '',
    ...table(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l']),
    ...notes,
    ...errors,
    `  (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  ];
}

export const networkSection: BenchSection = { title: 'Network: the class server on loopback', run };
