/**
 * The page's end of the class server (issue 9): one socket.io connection to the address the page came
 * from, every message sent with an acknowledgement and a time limit, and the tab's own memory of its
 * seat (sessionStorage, so a reload or a dropped connection rejoins the same seat and nothing else does).
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, ErrorCode, FacView, SeatView } from '../../net/protocol';
import { type C2S, S2C } from '../../net/protocol';

/** How long a message waits for the server's answer before the page says so. */
const ACK_MS = 8000;

export type Answer<T> = Ack<T> | { readonly ok: false; readonly code: 'offline'; readonly message: string };

export interface ClassLink {
  readonly socket: Socket;
  send<T>(event: (typeof C2S)[keyof typeof C2S], payload: unknown): Promise<Answer<T>>;
  onSeatView(fn: (view: SeatView) => void): void;
  onFacView(fn: (view: FacView) => void): void;
  /** Called with true when connected, false when the connection drops (socket.io keeps retrying). */
  onConnection(fn: (up: boolean) => void): void;
  close(): void;
}

export function connectClass(): ClassLink {
  const socket = io({ transports: ['websocket', 'polling'], reconnectionDelayMax: 4000 });
  return {
    socket,
    send<T>(event: string, payload: unknown): Promise<Answer<T>> {
      return new Promise((resolve) => {
        if (!socket.connected) {
          resolve({ ok: false, code: 'offline', message: 'Not connected to the class server: it will retry on its own; try again in a moment.' });
          return;
        }
        socket.timeout(ACK_MS).emit(event, payload, (err: Error | null, answer: Ack<T>) => {
          if (err !== null) resolve({ ok: false, code: 'offline', message: 'The class server did not answer in time. Check the connection and try again.' });
          else resolve(answer);
        });
      });
    },
    onSeatView(fn) {
      socket.on(S2C.seatView, fn);
    },
    onFacView(fn) {
      socket.on(S2C.facView, fn);
    },
    onConnection(fn) {
      socket.on('connect', () => fn(true));
      socket.on('disconnect', () => fn(false));
    },
    close() {
      socket.close();
    },
  };
}

/** What the tab remembers of its seat or its facilitation. */
export interface SeatMemory {
  readonly kind: 'seat';
  readonly seatToken: string;
  readonly session: string;
  readonly group: number;
  readonly side: 'us' | 'cn';
  /** The commitment first shown to this tab: a later one that differs is reported. */
  readonly commitment: string;
}

export interface HostMemory {
  readonly kind: 'host';
  readonly session: string;
  readonly facToken: string;
}

const KEY = 'red-phone:class';

export function recall(storage: Storage | null): SeatMemory | HostMemory | null {
  try {
    const text = storage?.getItem(KEY);
    if (text === null || text === undefined) return null;
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return null;
    const m = data as Record<string, unknown>;
    if (
      m.kind === 'seat' &&
      typeof m.seatToken === 'string' &&
      typeof m.session === 'string' &&
      typeof m.group === 'number' &&
      (m.side === 'us' || m.side === 'cn') &&
      typeof m.commitment === 'string'
    )
      return { kind: 'seat', seatToken: m.seatToken, session: m.session, group: m.group, side: m.side, commitment: m.commitment };
    if (m.kind === 'host' && typeof m.session === 'string' && typeof m.facToken === 'string') return { kind: 'host', session: m.session, facToken: m.facToken };
    return null;
  } catch {
    return null;
  }
}

export function remember(storage: Storage | null, memory: SeatMemory | HostMemory | null): void {
  try {
    if (memory === null) storage?.removeItem(KEY);
    else storage?.setItem(KEY, JSON.stringify(memory));
  } catch {
    // A tab without storage still plays; only a reload would need to join again.
  }
}

/** Words for an error code the server answered with (its own message follows). */
export const ERROR_WORDS: Readonly<Record<ErrorCode | 'offline', string>> = {
  'bad-message': 'The server could not read that',
  'not-allowed': 'Not allowed from this seat',
  'bad-key': 'The facilitator key is not right',
  'unknown-scenario': 'That scenario is not on this server',
  'bad-code': 'No class has that join code',
  'no-such-group': 'That group is not in this class',
  'seat-taken': 'That seat is taken',
  'bad-token': 'This seat is no longer known to the server',
  'rate-limited': 'Too many tries: wait a minute',
  'stale-turn': 'That turn is already over',
  'already-locked': 'Your team has already locked in',
  'engine-refused': 'The game refused that move',
  'server-busy': 'The server is busy: try again',
  offline: 'No connection',
};

export function answerText(answer: { readonly code: ErrorCode | 'offline'; readonly message: string }): string {
  return `${ERROR_WORDS[answer.code]}. ${answer.message}`;
}
