/**
 * The network bench's clients, a child process of their own (so their work does not share the
 * server's event loop): one facilitator connection per class (at most MAX_GROUPS groups each), two
 * team seats per group, all on 127.0.0.1. Setup: each facilitator creates its class, each seat joins.
 * Then, on 'go', every group plays one whole run: each seat thinks (uniform in [thinkMin, thinkMax] ms,
 * seeded per seat as in class-peer-bench.mjs), locks an option offered (seeded), and waits for the
 * view that shows the turn resolved. Latency of a turn = the time the last of the two seats received
 * that view − the time the second seat sent its choice. Talks to its parent over IPC.
 */
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, Created, Joined, SeatView } from '../../src/net/protocol';

export interface ClientConfig {
  /** Seats of US connect to the first, seats of China to the last, facilitators in turn to each. */
  readonly urls: readonly string[];
  readonly groups: number;
  readonly perClass: number;
  readonly scenarioId: string;
  readonly hostKey: string;
  readonly thinkMin: number;
  readonly thinkMax: number;
  readonly seed: number;
  readonly turnTimeoutMs: number;
  /** The whole play phase ends by then (ms after 'go'). */
  readonly playMs: number;
  readonly maxTurns: number;
}

export interface ClientResult {
  readonly connected: number;
  /** Connections per server address, in the order of `urls`. */
  readonly perUrl: readonly number[];
  readonly connectMs: number;
  readonly playMs: number;
  readonly completed: number;
  readonly failed: number;
  readonly runsFinished: number;
  readonly latencies: readonly number[];
  readonly errors: readonly string[];
  /** The clients' own CPU over the play phase, percent of one core. */
  readonly clientCpu: number;
}

export type ToParent = { type: 'ready'; connectMs: number; connected: number } | { type: 'done'; result: ClientResult } | { type: 'failed'; error: string };

function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const seatRng = (seed: number, group: number, seat: number): (() => number) => mulberry32((seed * 1000003) ^ (group * 7919 + seat * 104729 + 0x9e3779b9));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function open(url: string): Promise<Socket> {
  const socket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true, timeout: 20_000 });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(e));
  });
}

async function ask<T>(socket: Socket, event: string, message: unknown): Promise<T> {
  const ack = (await socket.timeout(20_000).emitWithAck(event, message)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event}: ${ack.code}: ${ack.message}`);
  return ack.value;
}

interface SeatClient {
  readonly socket: Socket;
  view: SeatView;
  readonly rng: () => number;
}

/** Resolves with the time the next view with more log records than `seen` arrives, or null after `ms`. */
function nextResolved(seat: SeatClient, seen: number, ms: number): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      seat.socket.off('seat:view', on);
      resolve(null);
    }, ms);
    const on = (v: SeatView): void => {
      if (v.seen <= seen) return;
      const at = performance.now();
      clearTimeout(timer);
      seat.socket.off('seat:view', on);
      seat.view = v;
      resolve(at);
    };
    seat.socket.on('seat:view', on);
  });
}

/** Workers at a time over `items`, each item's job awaited. */
async function pool<T>(items: readonly T[], workers: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, items.length) }, async () => {
      while (next < items.length) await job(items[next++] as T);
    }),
  );
}

async function setup(c: ClientConfig, sockets: Socket[], perUrl: number[]): Promise<{ us: SeatClient; cn: SeatClient }[]> {
  const track = async (i: number): Promise<Socket> => {
    const s = await open(c.urls[i] as string);
    sockets.push(s);
    perUrl[i] = (perUrl[i] ?? 0) + 1;
    return s;
  };
  const classes = Math.ceil(c.groups / c.perClass);
  const codes: string[] = [];
  for (let k = 0; k < classes; k++) {
    const fac = await track(k % c.urls.length);
    const groups = Math.min(c.perClass, c.groups - k * c.perClass);
    const created = await ask<Created>(fac, 'host:create', { key: c.hostKey, scenarioId: c.scenarioId, players: { us: 'team', cn: 'team' }, oddsHidden: true, timerMinutes: null, groups });
    fac.on('fac:view', () => {});
    codes.push(created.view.joinCode);
  }
  const out: { us: SeatClient; cn: SeatClient }[] = new Array(c.groups);
  await pool([...Array(c.groups).keys()], 25, async (g) => {
    const code = codes[Math.floor(g / c.perClass)] as string;
    const group = (g % c.perClass) + 1;
    const seat = async (side: 'us' | 'cn', i: number, n: number): Promise<SeatClient> => {
      const socket = await track(i);
      const joined = await ask<Joined>(socket, 'seat:join', { code, group, side });
      return { socket, view: joined.view, rng: seatRng(c.seed, g, n) };
    };
    out[g] = { us: await seat('us', 0, 0), cn: await seat('cn', c.urls.length - 1, 1) };
  });
  return out;
}

async function play(c: ClientConfig, groups: readonly { us: SeatClient; cn: SeatClient }[]): Promise<Omit<ClientResult, 'connected' | 'perUrl' | 'connectMs'>> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const deadline = t0 + c.playMs;
  const latencies: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  let runsFinished = 0;
  const span = c.thinkMax - c.thinkMin;
  await Promise.all(
    groups.map(async ({ us, cn }) => {
      for (let t = 0; t < c.maxTurns && us.view.ending === null; t++) {
        const seen = us.view.seen;
        const sent: number[] = [];
        const turn = async (seat: SeatClient): Promise<number | null> => {
          await sleep(c.thinkMin + Math.floor(seat.rng() * (span + 1)));
          if (performance.now() > deadline) return null;
          const options = seat.view.options ?? [];
          const option = options[Math.floor(seat.rng() * options.length)]?.id ?? '';
          const arrived = nextResolved(seat, seen, Math.max(1, Math.min(c.turnTimeoutMs, deadline - performance.now())));
          sent.push(performance.now());
          const ack = (await seat.socket
            .timeout(c.turnTimeoutMs)
            .emitWithAck('seat:choose', { turn: seat.view.turn, option })
            .catch((e: unknown) => ({ ok: false, message: String(e) }))) as { ok: boolean; message?: string };
          if (!ack.ok && errors.length < 5) errors.push(`seat:choose: ${ack.message ?? ''}`);
          return arrived;
        };
        const [a, b] = await Promise.all([turn(us), turn(cn)]);
        if (a === null || b === null || sent.length < 2) {
          failed++;
          return;
        }
        latencies.push(Math.max(a, b) - Math.max(...sent));
      }
      if (us.view.ending !== null) runsFinished++;
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const playMs = performance.now() - t0;
  return { playMs, clientCpu: ((cpu.user + cpu.system) / 1000 / playMs) * 100, completed: latencies.length, failed, runsFinished, latencies, errors };
}

async function main(): Promise<void> {
  const c = JSON.parse(process.argv[2] ?? '{}') as ClientConfig;
  const send = (m: ToParent): void => {
    process.send?.(m);
  };
  const sockets: Socket[] = [];
  const perUrl = c.urls.map(() => 0);
  try {
    const t0 = performance.now();
    const groups = await setup(c, sockets, perUrl);
    const connectMs = performance.now() - t0;
    send({ type: 'ready', connectMs, connected: sockets.length });
    await new Promise<void>((resolve) => process.once('message', () => resolve()));
    const played = await play(c, groups);
    send({ type: 'done', result: { connected: sockets.filter((s) => s.connected).length, perUrl, connectMs, ...played } });
  } catch (e) {
    send({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
  } finally {
    for (const s of sockets) s.disconnect();
    setTimeout(() => process.exit(0), 200);
  }
}

if (process.argv[1]?.endsWith('network-client.ts')) await main();
