/**
 * Helpers for the class server's tests: a server on 127.0.0.1 and a free port (in this process), clients
 * that send a message and wait for its acknowledgement (bounded in time), and a whole run played by a
 * fixed rule (the first option offered).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import type { Scenario } from '../../src/engine';
import type { Ack, Created, HostCreate, Joined, SeatView } from '../../src/net/protocol';
import { type ClassStore, MemoryStore } from '../../src/server/events';
import { type ClassServer, startClassServer } from '../../src/server/io';
import { loadScenarioSet, type ScenarioSet } from '../../src/server/library';

export const ROOT = join(import.meta.dirname, '..', '..');
export const HOST_KEY = 'test-host-key-0123456789';

let cached: ScenarioSet | null = null;
export function scenarios(): ReadonlyMap<string, Scenario> {
  cached ??= loadScenarioSet(join(ROOT, 'scenarios'));
  return cached.byId;
}

/** The shipped scenarios in their other languages, as the class server loads them. */
export function localised(): ScenarioSet['localised'] {
  cached ??= loadScenarioSet(join(ROOT, 'scenarios'));
  return cached.localised;
}

export interface TestServer {
  readonly url: string;
  readonly server: ClassServer;
  close(): Promise<void>;
}

export async function startTestServer(store: ClassStore = new MemoryStore(), joinsPerMinute = 1000): Promise<TestServer> {
  const http = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const { port } = http.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const server = await startClassServer({ http, store, scenarios: scenarios(), localised: localised(), hostKey: HOST_KEY, joinUrl: `${url}/?class`, joinsPerMinute, warn: () => {} });
  return { url, server, close: () => server.close() };
}

export function client(url: string, options: { reconnection?: boolean } = {}): Promise<Socket> {
  const socket = connect(url, { transports: ['websocket'], reconnection: options.reconnection ?? false, forceNew: true, timeout: 5000 });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connection in 5 s')), 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

export async function send<T>(socket: Socket, event: string, message: unknown): Promise<Ack<T>> {
  return (await socket.timeout(5000).emitWithAck(event, message)) as Ack<T>;
}

export function value<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`refused: ${ack.code}: ${ack.message}`);
  return ack.value;
}

export const createMessage = (over: Partial<HostCreate> = {}): HostCreate => ({
  key: HOST_KEY,
  scenarioId: 'opm-breach',
  players: { us: 'team', cn: 'team' },
  oddsHidden: true,
  timerMinutes: null,
  groups: 2,
  ...over,
});

export async function host(url: string, over: Partial<HostCreate> = {}): Promise<{ socket: Socket; created: Created }> {
  const socket = await client(url);
  return { socket, created: value(await send<Created>(socket, 'host:create', createMessage(over))) };
}

export async function seat(url: string, code: string, group: number, side: 'us' | 'cn', lang?: 'en' | 'zh-Hans'): Promise<{ socket: Socket; joined: Joined }> {
  const socket = await client(url);
  return { socket, joined: value(await send<Joined>(socket, 'seat:join', { code, group, side, ...(lang === undefined ? {} : { lang }) })) };
}

/** The next seat view the socket receives for which `test` holds (bounded by `ms`). */
export function nextView(socket: Socket, test: (v: SeatView) => boolean, ms = 5000): Promise<SeatView> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('seat:view', on);
      reject(new Error(`no such seat view in ${ms} ms`));
    }, ms);
    const on = (v: SeatView): void => {
      if (!test(v)) return;
      clearTimeout(timer);
      socket.off('seat:view', on);
      resolve(v);
    };
    socket.on('seat:view', on);
  });
}

/**
 * Plays both team seats to the end: each turn both lock the first option offered and wait for the
 * next turn's view. At most `maxTurns` turns. Returns the last view each side saw.
 */
export async function playToEnd(us: Socket, cn: Socket, first: { us: SeatView; cn: SeatView }, maxTurns = 80): Promise<{ us: SeatView; cn: SeatView }> {
  let views = first;
  for (let i = 0; i < maxTurns && views.us.ending === null; i++) {
    const { turn, seen } = views.us;
    const nextUs = nextView(us, (v) => v.seen > seen);
    const nextCn = nextView(cn, (v) => v.seen > seen);
    value(await send(us, 'seat:choose', { turn, option: views.us.options?.[0]?.id ?? '' }));
    value(await send(cn, 'seat:choose', { turn, option: views.cn.options?.[0]?.id ?? '' }));
    views = { us: await nextUs, cn: await nextCn };
  }
  return views;
}
