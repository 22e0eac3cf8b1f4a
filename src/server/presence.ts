/**
 * How many devices sit at each seat of a session, for the facilitator's view. With one process these
 * are its socket.io rooms. With several (Redis) a seat's sockets may be on any process: the count is
 * asked of every process through the adapter (socket.io's fetchSockets on the session's room), at most
 * once every REFRESH_MS per session and whenever a seat comes or goes here; until an answer arrives the
 * last count stands, and a changed count is announced (the facilitator's view is sent again).
 */
import type { Server } from 'socket.io';

export const REFRESH_MS = 2000;
export const sessionRoom = (session: string): string => `session:${session}`;

interface Count {
  at: number;
  rooms: ReadonlyMap<string, number>;
}

export class Presence {
  private readonly counts = new Map<string, Count>();
  private readonly asking = new Set<string>();

  constructor(
    private readonly io: Server,
    private readonly shared: boolean,
    private readonly onChange: (session: string) => void,
  ) {}

  /** Sockets in a room of the session (a seat room), across every process when shared. */
  counter(session: string): (room: string) => number {
    const local = (room: string): number => this.io.sockets.adapter.rooms.get(room)?.size ?? 0;
    if (!this.shared) return local;
    const known = this.counts.get(session);
    if (known === undefined || Date.now() - known.at > REFRESH_MS) this.ask(session);
    return known === undefined ? local : (room) => known.rooms.get(room) ?? 0;
  }

  /** A seat came or went on this process: count again. */
  changed(session: string): void {
    if (!this.shared) return;
    const known = this.counts.get(session);
    if (known !== undefined) known.at = 0;
    this.ask(session);
  }

  private ask(session: string): void {
    if (this.asking.has(session)) return;
    this.asking.add(session);
    this.io
      .in(sessionRoom(session))
      .fetchSockets()
      .then(
        (sockets) => {
          const rooms = new Map<string, number>();
          for (const s of sockets) for (const r of s.rooms) if (r.startsWith('seat:')) rooms.set(r, (rooms.get(r) ?? 0) + 1);
          const before = this.counts.get(session)?.rooms;
          this.counts.set(session, { at: Date.now(), rooms });
          const same = before !== undefined && before.size === rooms.size && [...rooms].every(([r, n]) => before.get(r) === n);
          if (!same) this.onChange(session);
        },
        () => undefined,
      )
      .finally(() => this.asking.delete(session));
  }
}
