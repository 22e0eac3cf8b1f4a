/**
 * The embedded store across a crash: the class server runs as a child process, a few turns are played,
 * it is killed with SIGKILL (and its file gets a torn last line, as if killed mid-write), it starts
 * again on the same port and data folder, and the clients reconnect on their own, resume their seats
 * at the same turn and finish the run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, expect, it } from 'vitest';
import type { Created, FacView, Joined, SeatView } from '../../src/net/protocol';
import { client, createMessage, HOST_KEY, nextView, playToEnd, ROOT, send, value } from './helpers';
import { freePort } from './procs';

const children: ChildProcess[] = [];
const sockets: Socket[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'class-data-'));

afterAll(() => {
  for (const s of sockets) s.disconnect();
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server as `npm run class` would (without the build) and waits for its ready line. */
async function startServer(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'server', 'main.ts'), '--port', String(port), '--host', '127.0.0.1', '--data', dataDir, '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, CLASS_HOST_KEY: HOST_KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  child.stdout?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    text += d.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 20 s:\n${text}`)), 20_000);
    const check = (): void => {
      if (text.includes('class server ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`the server exited:\n${text}`));
    });
  });
  return { child, output: () => text };
}

/** A seat whose socket reconnects by itself and resumes its seat on every connect after the first. */
async function reconnectingSeat(url: string, code: string, side: 'us' | 'cn'): Promise<{ socket: Socket; joined: Joined; resumed: SeatView[] }> {
  const socket = await client(url, { reconnection: true });
  sockets.push(socket);
  socket.io.reconnectionDelay(100);
  socket.io.reconnectionDelayMax(500);
  const joined = value(await send<Joined>(socket, 'seat:join', { code, group: 1, side }));
  const resumed: SeatView[] = [];
  let seen = joined.view.seen;
  socket.on('seat:view', (v: SeatView) => {
    seen = v.seen;
  });
  socket.on('connect', () => {
    socket
      .timeout(5000)
      .emitWithAck('seat:resume', { seatToken: joined.seatToken, seen })
      .then((ack: { ok: boolean; value: SeatView }) => {
        if (ack.ok) resumed.push(ack.value);
      })
      .catch(() => {});
  });
  return { socket, joined, resumed };
}

async function waitFor(test: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!test()) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('a killed server restarts at the same turn and its clients finish the run', { timeout: 40_000 }, async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const first = await startServer(port);
  const facSocket = await client(url);
  sockets.push(facSocket);
  const created = value(await send<Created>(facSocket, 'host:create', createMessage({ scenarioId: 'hotline-unanswered', groups: 1 })));
  const us = await reconnectingSeat(url, created.view.joinCode, 'us');
  const cn = await reconnectingSeat(url, created.view.joinCode, 'cn');

  // Two turns, then China locks turn 3 and the server is killed.
  const played = await playToEnd(us.socket, cn.socket, { us: us.joined.view, cn: cn.joined.view }, 2);
  expect(played.us.turn).toBe(2);
  const locked = nextView(us.socket, (v) => v.locked.cn);
  value(await send(cn.socket, 'seat:choose', { turn: 2, option: played.cn.options?.[0]?.id }));
  await locked;
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  const [file] = readdirSync(dataDir).filter((n) => n.endsWith('.jsonl'));
  if (file === undefined) throw new Error('no session file');
  appendFileSync(join(dataDir, file), '{"t":"lock","group":1,"tu');

  const second = await startServer(port);
  expect(second.output()).toContain('torn line');
  await waitFor(() => us.resumed.length > 0 && cn.resumed.length > 0, 15_000);
  const usBack = us.resumed[0] as SeatView;
  const cnBack = cn.resumed[0] as SeatView;
  expect(usBack.turn).toBe(2);
  expect(usBack.seen).toBe(played.us.seen);
  expect(cnBack.locked).toEqual({ mine: played.cn.options?.[0]?.id, us: false, cn: true });

  // The United States locks turn 3; then both play on to the end.
  const next = nextView(us.socket, (v) => v.turn === 3);
  const nextCn = nextView(cn.socket, (v) => v.turn === 3);
  value(await send(us.socket, 'seat:choose', { turn: 2, option: usBack.options?.[0]?.id }));
  const last = await playToEnd(us.socket, cn.socket, { us: await next, cn: await nextCn });
  expect(last.us.ending).not.toBeNull();
  expect(last.cn.ending).toEqual(expect.objectContaining({ title: last.us.ending?.title }));

  const fac = await client(url);
  sockets.push(fac);
  const view = value(await send<FacView>(fac, 'host:resume', { session: created.session, facToken: created.facToken }));
  expect(view.groups[0]?.turn).toBe(last.us.turn);
  expect(JSON.parse(view.groups[0]?.replay ?? '{}').actions.length).toBe(last.us.seen);

  second.child.kill('SIGTERM');
  const code = await new Promise<number | null>((r) => second.child.once('exit', (c) => r(c)));
  expect(code).toBe(0);
});
