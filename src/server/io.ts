/**
 * The class server on socket.io: rooms per seat (session, group, side) and one per facilitator, an
 * acknowledgement for every message, the roles bound to the socket (host:create and host:resume make
 * it the facilitator of a session; seat:join and seat:resume bind it to one side of one group), and
 * after any change of a group its views sent to each seat room of the group and to the facilitator.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type ServerOptions, type Socket } from 'socket.io';
import type { OverlayLang, Scenario, Side } from '../engine';
import {
  type Ack,
  C2S,
  Choose,
  type Created,
  Extend,
  HostCreate,
  HostResume,
  Inject,
  Join,
  type Joined,
  MAX_FRAME_BYTES,
  Override,
  Pause,
  Resume,
  Reveal,
  S2C,
  SEAT_LANGS,
  type SeatLang,
  type SeatView,
} from '../net/protocol';
import { no, ok } from './ack';
import { Classroom } from './classroom';
import type { ClassStore } from './events';
import { guarded, originAllowed, RateLimiter } from './guard';
import { Presence, sessionRoom } from './presence';
import { facRoom, SeatLangs, seatRoom } from './seat-langs';
import type { ClassSession, Seat } from './session';
import { Throttle } from './throttle';
import { facView, seatView } from './views';

export interface ClassServerOptions {
  readonly http: HttpServer;
  readonly store: ClassStore;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  /** Each scenario in other languages (src/server/library.ts): a seat reading one gets its words. */
  readonly localised?: ReadonlyMap<string, ReadonlyMap<OverlayLang, Scenario>>;
  readonly hostKey: string;
  /** The address students open, for the facilitator's view. */
  readonly joinUrl: string;
  /** Origins allowed besides the one of the host a request came to. */
  readonly origins?: readonly string[];
  /** Join attempts per address per minute (default 20). */
  readonly joinsPerMinute?: number;
  readonly warn?: (text: string) => void;
  /** socket.io's adapter for several processes (the Redis streams adapter); the in-memory one by default. */
  readonly adapter?: ServerOptions['adapter'];
}

interface Bound {
  seat?: { readonly session: string; readonly seat: Seat; readonly lang: SeatLang };
  fac?: string;
  facLang?: SeatLang;
}
/** A facilitator's view (every group, replay files included: about 100 KB for 60 groups) goes out at most this often per session; the last change always. */
export const FAC_VIEW_EVERY_MS = 200;
/** Between processes (Redis): a session changed here; each process sends its own facilitators their view. */
const FAC_CHANGED = 'class:fac-changed';

export interface ClassServer {
  readonly io: Server;
  readonly classroom: Classroom;
  close(): Promise<void>;
}

export async function startClassServer(o: ClassServerOptions): Promise<ClassServer> {
  const warn = o.warn ?? ((t: string) => process.stderr.write(`${t}\n`));
  const io = new Server(o.http, {
    maxHttpBufferSize: MAX_FRAME_BYTES,
    serveClient: false,
    allowRequest: (req, cb) => cb(null, originAllowed(req, o.origins ?? [])),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    ...(o.adapter === undefined ? {} : { adapter: o.adapter }),
  });
  // With several processes a room's sockets may be connected to another one: views go to every room.
  const anyone = (room: string): boolean => o.adapter !== undefined || (io.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
  const connected = (session: string): ((group: number, side: Side) => number) => {
    const count = presence.counter(session);
    return (group, side) => SEAT_LANGS.reduce((n, lang) => n + count(seatRoom(session, group, side, lang)), 0);
  };
  const langs = new SeatLangs(io, o.localised);
  // A facilitator's view (about 100 KB for 60 groups) is built by the process its socket is on, never
  // carried through Redis: the others only say that the session changed.
  const facHere = (s: ClassSession): void => {
    for (const { lang, room } of langs.facRooms(s.id)) io.local.to(room).emit(S2C.facView, facView(s, o.joinUrl, connected(s.id), Date.now(), langs.textsOf(s, lang)));
  };
  const facThrottle = new Throttle(FAC_VIEW_EVERY_MS);
  const sendFac = (s: ClassSession): void =>
    facThrottle.run(s.id, () => {
      facHere(s);
      if (o.adapter !== undefined) io.serverSideEmit(FAC_CHANGED, s.id);
    });
  const changedElsewhere = new Throttle(FAC_VIEW_EVERY_MS);
  io.on(FAC_CHANGED, (id: unknown) => {
    const s = typeof id === 'string' ? classroom.sessions.get(id) : undefined;
    if (s !== undefined && (langs.facRooms(s.id).length > 0 || langs.readsOtherLang(s)))
      changedElsewhere.run(s.id, () =>
        classroom.refresh(s).then(() => {
          facHere(s);
          langs.send(s, null, Date.now());
        }, crash),
      );
  });
  const broadcast = (s: ClassSession, group: number | null): void => {
    const now = Date.now();
    for (const g of s.groups) {
      if (group !== null && g.n !== group) continue;
      for (const side of s.teamSides()) {
        const room = seatRoom(s.id, g.n, side);
        if (anyone(room)) io.to(room).emit(S2C.seatView, seatView(s, { token: '', group: g.n, side }, now));
      }
    }
    langs.send(s, group, now);
    sendFac(s);
  };
  const presence = new Presence(io, o.adapter !== undefined, (id) => {
    const s = classroom.sessions.get(id);
    if (s !== undefined) sendFac(s);
  });
  const classroom = await Classroom.open({ store: o.store, scenarios: o.scenarios, hostKey: o.hostKey, onChange: broadcast, warn });
  const limiter = new RateLimiter(o.joinsPerMinute ?? 20);
  const crash = (e: unknown): void => warn(`class server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);

  io.on('connection', (socket: Socket) => {
    const bound = socket.data as Bound;
    const address = socket.handshake.address;
    const on = (event: string, handler: (...args: unknown[]) => void): void => {
      socket.on(event, handler);
    };
    const bindSeat = async (session: ClassSession, seat: Seat, lang: SeatLang = 'en'): Promise<SeatView> => {
      if (bound.seat !== undefined) await socket.leave(seatRoom(bound.seat.session, bound.seat.seat.group, bound.seat.seat.side, bound.seat.lang));
      if (bound.seat !== undefined && bound.seat.session !== session.id) await socket.leave(sessionRoom(bound.seat.session));
      bound.seat = { session: session.id, seat, lang };
      await socket.join([seatRoom(session.id, seat.group, seat.side, lang), sessionRoom(session.id)]);
      presence.changed(session.id);
      sendFac(session);
      return seatView(session, seat, Date.now(), langs.textsOf(session, lang));
    };
    const bindFac = async (s: ClassSession, lang: SeatLang = 'en'): Promise<void> => {
      if (bound.fac !== undefined) await socket.leave(facRoom(bound.fac, bound.facLang));
      bound.fac = s.id;
      bound.facLang = lang;
      await socket.join(facRoom(s.id, lang));
    };
    const asFac = <M, T>(handle: (s: ClassSession, m: M) => Promise<Ack<T>>) => {
      return (m: M): Promise<Ack<T>> | Ack<T> => {
        const s = bound.fac === undefined ? undefined : classroom.sessions.get(bound.fac);
        return s === undefined ? no('not-allowed', 'only the facilitator may do this: host:create or host:resume first') : handle(s, m);
      };
    };

    on(
      C2S.hostCreate,
      guarded(
        HostCreate,
        async (m): Promise<Ack<Created>> => {
          if (limiter.blocked(address)) return no('rate-limited', 'too many attempts from this address; wait a minute');
          const r = await classroom.create(m);
          if (!r.ok) {
            if (r.code === 'bad-key') limiter.hit(address);
            return r;
          }
          await bindFac(r.value, m.lang);
          return ok({ session: r.value.id, facToken: r.value.config.facToken, view: facView(r.value, o.joinUrl, connected(r.value.id), Date.now(), langs.textsOf(r.value, m.lang ?? 'en')) });
        },
        crash,
      ),
    );
    on(
      C2S.hostResume,
      guarded(
        HostResume,
        async (m) => {
          if (limiter.blocked(address)) return no('rate-limited', 'too many attempts from this address; wait a minute');
          const r = await classroom.hostResume(m.session, m.facToken);
          if (!r.ok) {
            limiter.hit(address);
            return r;
          }
          await bindFac(r.value, m.lang);
          return ok(facView(r.value, o.joinUrl, connected(r.value.id), Date.now(), langs.textsOf(r.value, m.lang ?? 'en')));
        },
        crash,
      ),
    );
    on(
      C2S.join,
      guarded(
        Join,
        async (m): Promise<Ack<Joined>> => {
          if (!limiter.hit(address)) return no('rate-limited', 'too many join attempts from this address; wait a minute');
          const r = await classroom.join(m);
          if (!r.ok) return r;
          return ok({ seatToken: r.value.seat.token, view: await bindSeat(r.value.session, r.value.seat, m.lang) });
        },
        crash,
      ),
    );
    on(
      C2S.resume,
      guarded(
        Resume,
        async (m): Promise<Ack<SeatView>> => {
          if (limiter.blocked(address)) return no('rate-limited', 'too many attempts from this address; wait a minute');
          const found = await classroom.seatOf(m.seatToken);
          if (found === null) {
            limiter.hit(address);
            return no('bad-token', 'seatToken: no seat with this token; join again with the class code');
          }
          return ok(await bindSeat(found.session, found.seat, m.lang));
        },
        crash,
      ),
    );
    on(
      C2S.choose,
      guarded(
        Choose,
        (m) => {
          const s = bound.seat === undefined ? undefined : classroom.sessions.get(bound.seat.session);
          if (s === undefined || bound.seat === undefined) return no('not-allowed', 'no seat: seat:join or seat:resume first');
          return classroom.choose(s, bound.seat.seat, m);
        },
        crash,
      ),
    );
    on(
      C2S.pause,
      guarded(
        Pause,
        asFac((s, m: Pause) => classroom.pause(s, m)),
        crash,
      ),
    );
    on(
      C2S.extend,
      guarded(
        Extend,
        asFac((s, m: Extend) => classroom.extend(s, m)),
        crash,
      ),
    );
    on(
      C2S.inject,
      guarded(
        Inject,
        asFac((s, m: Inject) => classroom.inject(s, m)),
        crash,
      ),
    );
    on(
      C2S.override,
      guarded(
        Override,
        asFac((s, m: Override) => classroom.override(s, m)),
        crash,
      ),
    );
    on(
      C2S.reveal,
      guarded(
        Reveal,
        asFac((s) => classroom.reveal(s)),
        crash,
      ),
    );
    socket.on('disconnect', () => {
      const s = bound.seat === undefined ? undefined : classroom.sessions.get(bound.seat.session);
      if (s === undefined) return;
      presence.changed(s.id);
      classroom.refresh(s).then(() => sendFac(s), crash);
    });
  });

  return {
    io,
    classroom,
    close: async () => {
      facThrottle.close();
      changedElsewhere.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        io.close(() => resolve());
      });
      await classroom.close();
    },
  };
}
