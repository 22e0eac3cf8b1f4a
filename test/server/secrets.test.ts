/**
 * What a player's socket receives during a whole run (two team seats, odds hidden): every frame is
 * captured, and none holds the secret seed, the salt, odds or draws, or the other team's pending option
 * between its lock and the turn's resolution. After the reveal the seed and salt are there, and
 * sha256(seed:salt) is the commitment shown from the start.
 */
import { createHash } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SeatView } from '../../src/net/protocol';
import { host, nextView, seat, send, startTestServer, type TestServer, value } from './helpers';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

/** Every engine.io packet the socket receives from now on, as JSON text. */
function capture(socket: Socket): string[] {
  const frames: string[] = [];
  socket.io.engine.on('packet', (p: { type: string; data?: unknown }) => frames.push(JSON.stringify(p)));
  return frames;
}

const SEED = 'QX7RV9KW';

it('a player receives no secret during a whole run, and the revealed seed and salt match the commitment', async () => {
  const fac = await host(srv.url, { scenarioId: 'grid-false-flag', seed: SEED, oddsHidden: true, groups: 1 });
  const code = fac.created.view.joinCode;
  const cn = await seat(srv.url, code, 1, 'cn');
  const us = await seat(srv.url, code, 1, 'us');
  const frames = capture(us.socket);
  const views: SeatView[] = [us.joined.view];
  us.socket.on('seat:view', (v: SeatView) => views.push(v));
  let pendingChecks = 0;
  try {
    const commitment = us.joined.view.commitment;
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    let mine = us.joined.view;
    let theirs = cn.joined.view;
    for (let i = 0; i < 40 && mine.ending === null; i++) {
      const { turn, seen } = mine;
      const cnOption = theirs.options?.[0]?.id ?? '';
      // China locks first; the United States' socket learns only that China has locked.
      const told = nextView(us.socket, (v) => v.locked.cn && v.seen === seen);
      value(await send(cn.socket, 'seat:choose', { turn, option: cnOption }));
      await told;
      const between = frames.length;
      const ownIds = (mine.options ?? []).map((o) => o.id);
      const nextUs = nextView(us.socket, (v) => v.seen > seen);
      const nextCn = nextView(cn.socket, (v) => v.seen > seen);
      // What the US socket received while China's choice was sealed.
      if (!ownIds.includes(cnOption)) {
        for (const f of frames.slice(0, between)) expect(f.includes(`"${cnOption}"`), `turn ${turn}: China's pending option in a frame`).toBe(false);
        pendingChecks++;
      }
      value(await send(us.socket, 'seat:choose', { turn, option: mine.options?.[0]?.id }));
      mine = await nextUs;
      theirs = await nextCn;
    }
    expect(mine.ending).not.toBeNull();
    expect(pendingChecks).toBeGreaterThan(0);
    const before = frames.length;
    expect(before).toBeGreaterThan(views.length);
    for (const f of frames) expect(f.includes(SEED), 'the seed in a frame before the reveal').toBe(false);
    for (const v of views) {
      expect(v.reveal).toBeNull();
      for (const o of v.options ?? []) expect(o.odds).toBeNull();
      for (const m of v.last?.moves ?? []) expect(m.draw).toBeNull();
      expect(JSON.stringify(v)).not.toContain(SEED);
    }

    const revealed = nextView(us.socket, (v) => v.reveal !== null);
    value(await send(fac.socket, 'fac:reveal', {}));
    const shown = await revealed;
    const reveal = shown.reveal;
    if (reveal === null) throw new Error('no reveal');
    expect(reveal.seed).toBe(SEED);
    expect(createHash('sha256').update(`${reveal.seed}:${reveal.salt}`).digest('hex')).toBe(commitment);
    for (const f of frames.slice(0, before)) expect(f.includes(reveal.salt), 'the salt in a frame before the reveal').toBe(false);
    expect(frames.slice(before).some((f) => f.includes(SEED) && f.includes(reveal.salt))).toBe(true);
    expect(JSON.parse(reveal.replay).seed).toBe(SEED);
  } finally {
    for (const s of [fac.socket, us.socket, cn.socket]) s.disconnect();
  }
});
