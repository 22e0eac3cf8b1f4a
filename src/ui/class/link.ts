/**
 * The page's end of the class server (issue 9): one socket.io connection to the address the page came
 * from, every message sent with an acknowledgement and a time limit, and the tab's own memory of its
 * seat (sessionStorage, so a reload or a dropped connection rejoins the same seat and nothing else does).
 */
import { io, type Socket } from 'socket.io-client';
import { m } from '../../i18n/lang';
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
          resolve({ ok: false, code: 'offline', message: m.class_offline_retry() });
          return;
        }
        socket.timeout(ACK_MS).emit(event, payload, (err: Error | null, answer: Ack<T>) => {
          if (err !== null) resolve({ ok: false, code: 'offline', message: m.class_offline_timeout() });
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
    const d = data as Record<string, unknown>;
    if (
      d.kind === 'seat' &&
      typeof d.seatToken === 'string' &&
      typeof d.session === 'string' &&
      typeof d.group === 'number' &&
      (d.side === 'us' || d.side === 'cn') &&
      typeof d.commitment === 'string'
    )
      return { kind: 'seat', seatToken: d.seatToken, session: d.session, group: d.group, side: d.side, commitment: d.commitment };
    if (d.kind === 'host' && typeof d.session === 'string' && typeof d.facToken === 'string') return { kind: 'host', session: d.session, facToken: d.facToken };
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
export const ERROR_WORDS: Readonly<Record<ErrorCode | 'offline', () => string>> = {
  'bad-message': m.class_error_bad_message,
  'not-allowed': m.class_error_not_allowed,
  'bad-key': m.class_error_bad_key,
  'unknown-scenario': m.class_error_unknown_scenario,
  'bad-code': m.class_error_bad_code,
  'no-such-group': m.class_error_no_such_group,
  'seat-taken': m.class_error_seat_taken,
  'bad-token': m.class_error_bad_token,
  'rate-limited': m.class_error_rate_limited,
  'stale-turn': m.class_error_stale_turn,
  'already-locked': m.class_error_already_locked,
  'engine-refused': m.class_error_engine_refused,
  'server-busy': m.class_error_server_busy,
  offline: m.class_error_offline,
};

export function answerText(answer: { readonly code: ErrorCode | 'offline'; readonly message: string }): string {
  return m.class_answer({ words: ERROR_WORDS[answer.code](), message: answer.message });
}
