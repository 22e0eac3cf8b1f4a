/**
 * The gate and the roles: invalid messages get `bad-message` naming the field and the reason, and the
 * socket stays connected; a seat token acts only for its side of its group; only the facilitator may
 * pause, extend, inject, override and reveal; a wrong host key cannot create; join attempts are
 * rate-limited; a foreign Origin is refused.
 */
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeatView } from '../../src/net/protocol';
import { client, createMessage, host, nextView, seat, send, startTestServer, type TestServer, value } from './helpers';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

describe('invalid messages', () => {
  it.each([
    ['an unknown field', 'seat:join', { code: 'ABCDEF', group: 1, side: 'us', extra: 1 }, /extra: unknown field/],
    ['a wrong type', 'seat:join', { code: 'ABCDEF', group: '1', side: 'us' }, /^group: /],
    ['a wrong side', 'seat:join', { code: 'ABCDEF', group: 1, side: 'ru' }, /^side: /],
    ['a 5 KB payload', 'seat:choose', { turn: 0, option: 'x'.repeat(5000) }, /5\d{3} bytes; at most 4096 bytes/],
    ['a missing token', 'seat:resume', { seen: 0 }, /^seatToken: /],
    ['no object at all', 'fac:pause', 'pause', /^message: /],
  ])('%s is refused and the socket kept', async (_name, event, message, reason) => {
    const socket = await client(srv.url);
    try {
      const ack = await send(socket, event, message);
      expect(ack.ok).toBe(false);
      if (!ack.ok) {
        expect(ack.code).toBe('bad-message');
        expect(ack.message).toMatch(reason);
      }
      expect(socket.connected).toBe(true);
      const again = await send(socket, 'seat:join', { code: 'ZZZZZZ', group: 1, side: 'us' });
      expect(again.ok ? '' : again.code).toBe('bad-code');
    } finally {
      socket.disconnect();
    }
  });

  it('a frame over the transport limit closes the connection, and the server carries on', async () => {
    const socket = await client(srv.url);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (why) => resolve(why)));
    socket.emit('seat:choose', { turn: 0, option: 'x'.repeat(40_000) }, () => {});
    expect(await closed).toMatch(/transport/);
    const other = await client(srv.url);
    expect(other.connected).toBe(true);
    other.disconnect();
  });
});

describe('roles', () => {
  it('a seat acts only for its side of its group, never as the facilitator', async () => {
    const fac = await host(srv.url, { players: { us: 'team', cn: 'team' }, groups: 2 });
    const code = fac.created.view.joinCode;
    const us1 = await seat(srv.url, code, 1, 'us');
    const cn2 = await seat(srv.url, code, 2, 'cn');
    try {
      for (const [event, message] of [
        ['fac:inject', { group: 1, inject: 'x' }],
        ['fac:override', { group: 1, side: 'cn', outcome: null }],
        ['fac:pause', { on: true }],
        ['fac:extend', { minutes: 1 }],
        ['fac:reveal', {}],
      ] as const) {
        const ack = await send(us1.socket, event, message);
        expect(ack.ok ? 'ok' : ack.code, event).toBe('not-allowed');
      }
      // us of group 1 locks; group 2 and the other side are untouched.
      const v = us1.joined.view;
      value(await send(us1.socket, 'seat:choose', { turn: 0, option: v.options?.[0]?.id }));
      const twice = await send(us1.socket, 'seat:choose', { turn: 0, option: v.options?.[0]?.id });
      expect(twice.ok ? 'ok' : twice.code).toBe('already-locked');
      const stale = await send(cn2.socket, 'seat:choose', { turn: 3, option: 'x' });
      expect(stale.ok ? 'ok' : stale.code).toBe('stale-turn');
      const foreign = await send(cn2.socket, 'seat:choose', { turn: 0, option: v.options?.[0]?.id });
      expect(foreign.ok ? 'ok' : foreign.code).toBe('engine-refused');
      const cn1 = await seat(srv.url, code, 1, 'cn');
      expect(cn1.joined.view.locked).toEqual({ mine: null, us: true, cn: false });
      expect(cn2.joined.view.group).toBe(2);
      const resumed = value(await send<SeatView>(cn2.socket, 'seat:resume', { seatToken: cn2.joined.seatToken, seen: 0 }));
      expect(resumed.locked).toEqual({ mine: null, us: false, cn: false });
      cn1.socket.disconnect();
      const noSeat = await client(srv.url);
      const ack = await send(noSeat, 'seat:choose', { turn: 0, option: 'x' });
      expect(ack.ok ? 'ok' : ack.code).toBe('not-allowed');
      const badToken = await send(noSeat, 'seat:resume', { seatToken: 'x'.repeat(43), seen: 0 });
      expect(badToken.ok ? 'ok' : badToken.code).toBe('bad-token');
      const facAsOther = await send(noSeat, 'host:resume', { session: fac.created.session, facToken: us1.joined.seatToken });
      expect(facAsOther.ok ? 'ok' : facAsOther.code).toBe('bad-token');
      noSeat.disconnect();
    } finally {
      for (const s of [fac.socket, us1.socket, cn2.socket]) s.disconnect();
    }
  });

  it('the facilitator pauses, extends, overrides and injects; the seats see it', async () => {
    const fac = await host(srv.url, { scenarioId: 'opm-breach', timerMinutes: 5, groups: 1 });
    const us = await seat(srv.url, fac.created.view.joinCode, 1, 'us');
    try {
      expect(us.joined.view.clock?.limitMs).toBe(300_000);
      const paused = nextView(us.socket, (v) => v.clock?.paused === true);
      value(await send(fac.socket, 'fac:pause', { on: true }));
      expect((await paused).clock?.leftMs).toBeLessThanOrEqual(300_000);
      const longer = nextView(us.socket, (v) => (v.clock?.leftMs ?? 0) > 300_000);
      value(await send(fac.socket, 'fac:extend', { group: 1, minutes: 2 }));
      await longer;
      const inject = fac.created.view.groups[0]?.injects[0];
      if (inject !== undefined) {
        const fired = nextView(us.socket, (v) => v.seen === 1);
        value(await send(fac.socket, 'fac:inject', { group: 1, inject: inject.id }));
        expect((await fired).last?.injects[0]?.title).toBe(inject.title);
        const again = await send(fac.socket, 'fac:inject', { group: 1, inject: inject.id });
        expect(again.ok ? 'ok' : again.code).toBe('engine-refused');
      }
      const wrong = await send(fac.socket, 'fac:override', { group: 1, side: 'us', outcome: 'no-such-outcome' });
      expect(wrong.ok ? 'ok' : wrong.code).toBe('engine-refused');
      const noGroup = await send(fac.socket, 'fac:pause', { group: 9, on: false });
      expect(noGroup.ok ? 'ok' : noGroup.code).toBe('no-such-group');
    } finally {
      fac.socket.disconnect();
      us.socket.disconnect();
    }
  });

  it('a wrong host key cannot create a class', async () => {
    const socket = await client(srv.url);
    const ack = await send(socket, 'host:create', createMessage({ key: 'not-the-key-at-all' }));
    expect(ack.ok ? 'ok' : ack.code).toBe('bad-key');
    socket.disconnect();
  });
});

describe('limits', () => {
  it('join attempts are rate-limited per address', async () => {
    const limited = await startTestServer(undefined, 3);
    const socket = await client(limited.url);
    try {
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const ack = await send(socket, 'seat:join', { code: 'ZZZZZZ', group: 1, side: 'us' });
        codes.push(ack.ok ? 'ok' : ack.code);
      }
      expect(codes).toEqual(['bad-code', 'bad-code', 'bad-code', 'rate-limited', 'rate-limited']);
      expect(socket.connected).toBe(true);
    } finally {
      socket.disconnect();
      await limited.close();
    }
  });

  it('a page from another origin is refused', async () => {
    const socket = connect(srv.url, { transports: ['polling'], reconnection: false, forceNew: true, extraHeaders: { origin: 'http://evil.example' } });
    const failed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5000);
      socket.once('connect_error', () => {
        clearTimeout(timer);
        resolve(true);
      });
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    socket.disconnect();
    expect(failed).toBe(true);
  });
});
