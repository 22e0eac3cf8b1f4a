/**
 * Scale-out through Redis: a redis-server of the test's own and two class server processes sharing it.
 * Seats on different processes race to resolve the same turns and never append one twice; a whole run
 * has team US on process 1 and team China on process 2, process 1 is killed mid-run, its seat moves to
 * process 2 with its token and the run ends there, and the log replays with the engine to the same
 * state hash. Two processes whose turn timers run out at once append one default turn per group. Then
 * Redis itself is stopped: the server answers server-busy, says why, and stays up.
 * Without redis-server the tests are skipped locally and fail under CI.
 */
import { createClient } from 'redis';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReplay, parseReplay, stateHash } from '../../src/engine';
import type { Created, FacView, Joined, SeatView } from '../../src/net/protocol';
import { Classroom } from '../../src/server/classroom';
import { RedisStore } from '../../src/server/redis-store';
import type { Group } from '../../src/server/session';
import { client, createMessage, HOST_KEY, nextView, playToEnd, scenarios, send, value } from './helpers';
import { type Proc, REDIS_MISSING, redisInstalled, startClass, startRedis, stopAll, waitFor } from './procs';

const installed = redisInstalled();
if (!installed && process.env.CI !== 'true') console.warn(`\n[redis tests skipped] ${REDIS_MISSING}\n`);

describe.runIf(!installed && process.env.CI === 'true')('scale-out under CI', () => {
  it('needs redis-server', () => {
    throw new Error(REDIS_MISSING);
  });
});

describe.skipIf(!installed)('two class server processes sharing Redis', () => {
  const sockets: Socket[] = [];
  let redis: { proc: Proc; url: string };
  let one: { proc: Proc; url: string };
  let two: { proc: Proc; url: string };

  beforeAll(async () => {
    redis = await startRedis();
    [one, two] = await Promise.all([startClass(['--redis', redis.url]), startClass(['--redis', redis.url])]);
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await stopAll();
  });

  const connect = async (url: string): Promise<Socket> => {
    const s = await client(url);
    sockets.push(s);
    return s;
  };

  it('seats on two processes locking at the same instant never resolve a turn twice', { timeout: 60_000 }, async () => {
    const fac = await connect(two.url);
    const groups = 12;
    const created = value(await send<Created>(fac, 'host:create', createMessage({ scenarioId: 'opm-breach', groups })));
    // Every seat joins at once: process 1 loads the session while seats are being added on both.
    const runs = await Promise.all(
      [...Array(groups).keys()].map(async (i) => {
        const [us, cn] = await Promise.all([connect(one.url), connect(two.url)]);
        const [a, b] = await Promise.all([
          send<Joined>(us, 'seat:join', { code: created.view.joinCode, group: i + 1, side: 'us' }),
          send<Joined>(cn, 'seat:join', { code: created.view.joinCode, group: i + 1, side: 'cn' }),
        ]);
        return { us, cn, views: { us: value(a).view, cn: value(b).view } };
      }),
    );
    // Six turns in every group, both seats of a group sending their locks together.
    for (let turn = 0; turn < 6; turn++) {
      await Promise.all(
        runs.map(async (r) => {
          if (r.views.us.ending !== null) return;
          const seen = r.views.us.seen;
          const next = [nextView(r.us, (v) => v.seen > seen), nextView(r.cn, (v) => v.seen > seen)] as const;
          const acks = await Promise.all([
            send(r.us, 'seat:choose', { turn: r.views.us.turn, option: r.views.us.options?.[0]?.id }),
            send(r.cn, 'seat:choose', { turn: r.views.cn.turn, option: r.views.cn.options?.[0]?.id }),
          ]);
          for (const ack of acks) value(ack);
          r.views = { us: await next[0], cn: await next[1] };
          expect(r.views.us.seen).toBe(seen + 1);
          expect(r.views.cn).toEqual(expect.objectContaining({ seen: seen + 1, turn: r.views.us.turn }));
        }),
      );
    }
    const db = createClient({ url: redis.url });
    await db.connect();
    try {
      const events = (await db.lRange(`redphone:s:${created.session}:events`, 0, -1)).map((l) => JSON.parse(l) as { t: string; group?: number; n?: number });
      for (let g = 1; g <= groups; g++) {
        const ns = events.filter((e) => e.t === 'action' && e.group === g).map((e) => e.n);
        const played = runs[g - 1]?.views.us.seen ?? -1;
        expect(ns).toEqual([...Array(played).keys()]);
        expect(await db.lLen(`redphone:s:${created.session}:g:${g}`)).toBe(played);
      }
    } finally {
      db.destroy();
    }
  });

  it('a seat reading Chinese on one process follows turns resolved on the other, in Chinese', { timeout: 60_000 }, async () => {
    const fac = await connect(two.url);
    const created = value(await send<Created>(fac, 'host:create', createMessage({ scenarioId: 'ip-theft', groups: 1 })));
    const [us, cn] = await Promise.all([connect(one.url), connect(two.url)]);
    const a = value(await send<Joined>(us, 'seat:join', { code: created.view.joinCode, group: 1, side: 'us', lang: 'zh-Hans' }));
    const b = value(await send<Joined>(cn, 'seat:join', { code: created.view.joinCode, group: 1, side: 'cn' }));
    let views = { us: a.view, cn: b.view };
    expect(views.us.beatTitle).toMatch(/[\u4e00-\u9fff]/);
    for (let turn = 0; turn < 3 && views.us.ending === null; turn++) {
      const seen = views.us.seen;
      const next = [nextView(us, (v) => v.seen > seen, 8000), nextView(cn, (v) => v.seen > seen, 8000)] as const;
      // China locks last, on the other process: that process resolves the turn.
      value(await send(us, 'seat:choose', { turn: views.us.turn, option: views.us.options?.[0]?.id }));
      value(await send(cn, 'seat:choose', { turn: views.cn.turn, option: views.cn.options?.[0]?.id }));
      views = { us: await next[0], cn: await next[1] };
      expect(views.us.seen).toBe(seen + 1);
      expect(views.us.turn).toBe(views.cn.turn);
      expect(views.us.beatTitle).toMatch(/[\u4e00-\u9fff]/);
      expect(views.cn.beatTitle).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  /** The next facilitator's view for which `test` holds (at most 8 s). */
  const facSees = (fac: Socket, test: (v: FacView) => boolean): Promise<FacView> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such facilitator view in 8 s')), 8000);
      const on = (v: FacView): void => {
        if (!test(v)) return;
        clearTimeout(timer);
        fac.off('fac:view', on);
        resolve(v);
      };
      fac.on('fac:view', on);
    });
  const bothSeated = (v: FacView): boolean => v.groups[0]?.connected.us === 1 && v.groups[0]?.connected.cn === 1;

  it('a run goes on when the process of one team is killed, and replays to the same state', { timeout: 60_000 }, async () => {
    const fac = await connect(two.url);
    const created = value(await send<Created>(fac, 'host:create', createMessage({ scenarioId: 'hotline-unanswered', groups: 1 })));
    const us = await connect(one.url);
    const cn = await connect(two.url);
    // The facilitator on process 2 counts the seat on process 1 too.
    const seated = facSees(fac, bothSeated);
    const joined = value(await send<Joined>(us, 'seat:join', { code: created.view.joinCode, group: 1, side: 'us' }));
    const cnJoined = value(await send<Joined>(cn, 'seat:join', { code: created.view.joinCode, group: 1, side: 'cn' }));
    await seated;
    const played = await playToEnd(us, cn, { us: joined.view, cn: cnJoined.view }, 2);
    expect(played.us.turn).toBe(2);

    // The United States locks turn 3 on process 1; China sees it locked; process 1 dies.
    const locked = nextView(cn, (v) => v.locked.us);
    value(await send(us, 'seat:choose', { turn: 2, option: played.us.options?.[0]?.id }));
    await locked;
    const gone = new Promise<void>((resolve) => us.once('disconnect', () => resolve()));
    await one.proc.stop('SIGKILL');
    await gone;

    // Its seat switches to process 2 with its token and finds its lock there.
    const moved = await connect(two.url);
    const reseated = facSees(fac, bothSeated);
    const back = value(await send<SeatView>(moved, 'seat:resume', { seatToken: joined.seatToken, seen: played.us.seen }));
    expect(back).toEqual(expect.objectContaining({ turn: 2, seen: played.us.seen }));
    expect(back.locked).toEqual({ mine: played.us.options?.[0]?.id, us: true, cn: false });
    await reseated;
    const nextUs = nextView(moved, (v) => v.turn === 3);
    const nextCn = nextView(cn, (v) => v.turn === 3);
    value(await send(cn, 'seat:choose', { turn: 2, option: played.cn.options?.[0]?.id }));
    const last = await playToEnd(moved, cn, { us: await nextUs, cn: await nextCn });
    expect(last.us.ending).not.toBeNull();

    value(await send(fac, 'fac:reveal', {}));
    const view = value(await send<FacView>(fac, 'host:resume', { session: created.session, facToken: created.facToken }));
    const parsed = parseReplay(view.groups[0]?.replay ?? '', 'class.json');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.actions.length).toBe(last.us.seen);
    const checked = checkReplay(scenarios().get('hotline-unanswered') as NonNullable<ReturnType<ReturnType<typeof scenarios>['get']>>, parsed.value);
    if (!checked.ok) throw new Error(checked.error.message);
    expect(stateHash(checked.value.state)).toBe(parsed.value.hashes[parsed.value.hashes.length - 1]);
    expect(checked.value.state.ending).not.toBeNull();
  });

  it('when a turn timer runs out in two processes at once, one default turn is appended', { timeout: 30_000 }, async () => {
    const clients = [createClient({ url: redis.url }), createClient({ url: redis.url }), createClient({ url: redis.url })];
    await Promise.all(clients.map((c) => c.connect()));
    // Process A makes the session 59.5 s in the past; B and C load it, and both their timers run out
    // half a second from now.
    const past = (): number => Date.now() - 59_500;
    const rooms = await Promise.all(clients.map((c, i) => Classroom.open({ store: new RedisStore(c), scenarios: scenarios(), hostKey: HOST_KEY, warn: () => {}, now: i === 0 ? past : Date.now })));
    const [a, b, c] = rooms as [Classroom, Classroom, Classroom];
    try {
      const made = await a.create(createMessage({ timerMinutes: 1, groups: 3 }));
      if (!made.ok) throw new Error(made.message);
      const loaded = await Promise.all([b, c].map((room) => room.hostResume(made.value.id, made.value.config.facToken)));
      const sessions = loaded.map((r) => {
        if (!r.ok) throw new Error(r.message);
        return r.value;
      });
      const groups = sessions.flatMap((s) => s.groups);
      await waitFor(() => groups.every((g: Group) => g.actions.length === 1), 10_000);
      await new Promise((r) => setTimeout(r, 300));
      const events = (await clients[0]?.lRange(`redphone:s:${made.value.id}:events`, 0, -1)) ?? [];
      const actions = events.map((l) => JSON.parse(l) as { t: string; group?: number; n?: number }).filter((e) => e.t === 'action');
      expect(actions.map((e) => `${e.group}:${e.n}`).sort()).toEqual(['1:0', '2:0', '3:0']);
      expect(sessions[0]?.group(2)?.actions).toEqual(sessions[1]?.group(2)?.actions);
    } finally {
      await Promise.all(rooms.map((r) => r.close()));
      for (const c of clients) c.destroy();
    }
  });

  it('without Redis the server answers server-busy, says why, and stays up', { timeout: 30_000 }, async () => {
    const fac = await connect(two.url);
    await redis.proc.stop('SIGKILL');
    const ack = await send(fac, 'host:create', createMessage({ groups: 1 }));
    expect(ack.ok ? 'ok' : ack.code).toBe('server-busy');
    await waitFor(() => two.proc.output().includes('is unreachable'), 5000);
    expect(two.proc.child.exitCode).toBeNull();
    const again = await send(fac, 'seat:join', { code: 'ABCDEF', group: 1, side: 'us' });
    expect(again.ok ? 'ok' : again.code).toBe('server-busy');
    expect(fac.connected).toBe(true);
  });
});
