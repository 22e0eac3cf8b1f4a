/**
 * The class server's protocol (issue 9): what a browser may send (validated here with zod, strictly:
 * unknown fields, wrong types and oversize strings are refused) and what the server sends back. The
 * server is authoritative: it keeps each group's action log and sends each seat only its own side's
 * view, built from the engine's state. Nothing here is secret by itself; what a seat may see is the
 * server's job (src/server/views.ts).
 *
 * Every client message is emitted with an acknowledgement callback and answered with an {@link Ack}.
 */
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/** socket.io event names, client to server. */
export const C2S = {
  hostCreate: 'host:create',
  hostResume: 'host:resume',
  join: 'seat:join',
  resume: 'seat:resume',
  choose: 'seat:choose',
  pause: 'fac:pause',
  extend: 'fac:extend',
  inject: 'fac:inject',
  override: 'fac:override',
  reveal: 'fac:reveal',
} as const;

/** socket.io event names, server to client. */
export const S2C = {
  seatView: 'seat:view',
  facView: 'fac:view',
} as const;

const SIDE = z.enum(['us', 'cn']);
/** The language a seat reads its story in: the class is one game whatever each seat reads. */
export const SEAT_LANGS = ['en', 'zh-Hans'] as const;
export type SeatLang = (typeof SEAT_LANGS)[number];
const LANG = z.enum(SEAT_LANGS);
const ID = z.string().min(1).max(64);
const TOKEN = z.string().min(16).max(64);
const SESSION_ID = z.string().min(4).max(32);

/** A join code: 6 letters and digits (no 0/O/1/I), read aloud or typed; case and spaces are ignored. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function normaliseJoinCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

export const MAX_GROUPS = 60;

export const HostCreate = z.strictObject({
  /** The host key the class server printed in its terminal (or CLASS_HOST_KEY). */
  key: z.string().min(8).max(128),
  scenarioId: ID,
  /** The secret seed, typed; drawn by the server when absent. */
  seed: z.string().min(1).max(64).optional(),
  players: z.strictObject({ us: z.enum(['team', 'model']), cn: z.enum(['team', 'model']) }),
  oddsHidden: z.boolean(),
  /** Minutes per turn, or null for no timer. */
  timerMinutes: z.number().int().min(1).max(60).nullable(),
  groups: z.number().int().min(1).max(MAX_GROUPS),
  /** The language the facilitator's console reads the story in. */
  lang: LANG.optional(),
});
export type HostCreate = z.infer<typeof HostCreate>;

export const HostResume = z.strictObject({ session: SESSION_ID, facToken: TOKEN, lang: LANG.optional() });
export type HostResume = z.infer<typeof HostResume>;

export const Join = z.strictObject({ code: z.string().min(1).max(16), group: z.number().int().min(1).max(MAX_GROUPS), side: SIDE, lang: LANG.optional() });
export type Join = z.infer<typeof Join>;

/** A seat coming back (reload, Wi-Fi back, another server process): its token and how many log records it has seen. */
export const Resume = z.strictObject({ seatToken: TOKEN, seen: z.number().int().min(0).max(10_000), lang: LANG.optional() });
export type Resume = z.infer<typeof Resume>;

/** A team locks in its option for the turn it names (a lock for a turn already resolved is refused). */
export const Choose = z.strictObject({ turn: z.number().int().min(0).max(1000), option: ID });
export type Choose = z.infer<typeof Choose>;

const GROUP = z.number().int().min(1).max(MAX_GROUPS);

/** Pause or resume one group's clock, or every group's (group absent). */
export const Pause = z.strictObject({ group: GROUP.optional(), on: z.boolean() });
export const Extend = z.strictObject({ group: GROUP.optional(), minutes: z.number().int().min(1).max(30) });
export const Inject = z.strictObject({ group: GROUP, inject: ID });
/** Force the outcome of a side's option in the group's coming turn (null clears it: the dice decide). */
export const Override = z.strictObject({ group: GROUP, side: SIDE, outcome: ID.nullable() });
/** Reveal the seed and salt to every group (the debrief). */
export const Reveal = z.strictObject({});
export type Pause = z.infer<typeof Pause>;
export type Extend = z.infer<typeof Extend>;
export type Inject = z.infer<typeof Inject>;
export type Override = z.infer<typeof Override>;

/**
 * The largest message a client may send, in bytes: a larger one is answered with `bad-message` and the
 * socket is kept.
 */
export const MAX_MESSAGE_BYTES = 4096;
/** The largest frame the transport accepts at all (socket.io's maxHttpBufferSize): beyond it the connection is closed. */
export const MAX_FRAME_BYTES = 4 * MAX_MESSAGE_BYTES;

export type ErrorCode =
  | 'bad-message'
  | 'not-allowed'
  | 'bad-key'
  | 'unknown-scenario'
  | 'bad-code'
  | 'no-such-group'
  | 'seat-taken'
  | 'bad-token'
  | 'rate-limited'
  | 'stale-turn'
  | 'already-locked'
  | 'engine-refused'
  | 'server-busy';

export type Ack<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

// ---------------------------------------------------------------------------------- server to client

export interface TermTagView {
  readonly term: string;
  readonly effect: 'uses' | 'strains' | 'breaks';
  readonly why: string;
}

export interface OptionSeatView {
  readonly id: string;
  readonly label: string;
  readonly text: string;
  readonly terms: readonly TermTagView[];
  /** The chance of each outcome in percent, only when the odds are shown. */
  readonly odds: readonly { readonly label: string; readonly percent: number }[] | null;
}

export interface IndicatorSeatView {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Which way is better for the side viewing. */
  readonly better: 'higher' | 'lower';
}

export interface ChangeSeatView {
  readonly label: string;
  readonly delta: number;
  /** Good for the side viewing (its `better`). */
  readonly good: boolean;
}

export interface MoveSeatView {
  readonly side: 'us' | 'cn';
  readonly by: 'team' | 'model' | 'event';
  readonly option: string;
  readonly outcome: string;
  /** Forced by the facilitator, not drawn. */
  readonly forced: boolean;
  /** The draw in words ("a 1 in 3 chance…"), only when the odds are shown. */
  readonly draw: string | null;
}

/** What happened in one resolved turn, told from the side viewing. */
export interface TurnSeatView {
  readonly turn: number;
  readonly date: string;
  readonly moves: readonly MoveSeatView[];
  readonly injects: readonly { readonly title: string; readonly text: string }[];
  readonly changes: readonly ChangeSeatView[];
}

export interface ClockView {
  readonly limitMs: number;
  /** Milliseconds left when the view was sent (the client counts down from there). */
  readonly leftMs: number;
  readonly paused: boolean;
}

/** One seat's whole view: sent after every change of its group and on join and resume. */
export interface SeatView {
  readonly protocol: typeof PROTOCOL_VERSION;
  readonly session: string;
  readonly group: number;
  readonly side: 'us' | 'cn';
  readonly scenario: { readonly id: string; readonly title: string; readonly sideName: string; readonly otherName: string };
  /** Records in the group's log (the client sends it back on resume). */
  readonly seen: number;
  /** Turns resolved so far. */
  readonly turn: number;
  readonly maxTurns: number;
  readonly date: string;
  readonly beatTitle: string;
  readonly text: string;
  readonly indicators: readonly IndicatorSeatView[];
  readonly rungs: { readonly us: string; readonly cn: string };
  readonly hotline: string;
  /** This side's options this turn; null when the game is over or the model plays this side. */
  readonly options: readonly OptionSeatView[] | null;
  /** This seat's own locked option (never the other side's), and who has locked. */
  readonly locked: { readonly mine: string | null; readonly us: boolean; readonly cn: boolean };
  /** Which sides are played by a team (the others by the counterpart model). */
  readonly teams: { readonly us: boolean; readonly cn: boolean };
  readonly clock: ClockView | null;
  readonly last: TurnSeatView | null;
  readonly ending: { readonly title: string; readonly text: string; readonly tone: 'success' | 'mixed' | 'failure' } | null;
  /** sha256 hex of `${seed}:${salt}`, shown from the start. */
  readonly commitment: string;
  /**
   * Seed, salt, the group's replay file (JSON text) and its replay code (engine encodeReplayCode, for a
   * `?replay=` link to the debrief), once the facilitator reveals them.
   */
  readonly reveal: { readonly seed: string; readonly salt: string; readonly replay: string; readonly code: string } | null;
}

export interface PendingFacView {
  readonly option: string;
  readonly label: string;
  readonly outcomes: readonly { readonly id: string; readonly label: string }[];
}

export interface GroupFacView {
  readonly group: number;
  readonly turn: number;
  readonly ending: string | null;
  readonly rungs: { readonly us: string; readonly cn: string };
  readonly indicators: readonly IndicatorSeatView[];
  readonly locked: { readonly us: boolean; readonly cn: boolean };
  readonly connected: { readonly us: number; readonly cn: number };
  readonly clock: ClockView | null;
  /** Injects the facilitator may fire now, and outcomes each side's option may be forced to. */
  readonly injects: readonly { readonly id: string; readonly title: string }[];
  /** Each side's locked option this turn with the outcomes it may be forced to (the facilitator's eyes only). */
  readonly pending: { readonly us: PendingFacView | null; readonly cn: PendingFacView | null };
  /** Outcomes the facilitator has forced for the coming turn. */
  readonly overrides: { readonly us: string | null; readonly cn: string | null };
  /** The group's replay file (JSON text): the facilitator holds the seed. */
  readonly replay: string;
}

export interface FacView {
  readonly protocol: typeof PROTOCOL_VERSION;
  readonly session: string;
  readonly joinCode: string;
  /** The address students open (the LAN address when the server knows it). */
  readonly joinUrl: string;
  readonly scenario: { readonly id: string; readonly title: string };
  readonly seed: string;
  readonly commitment: string;
  readonly revealed: boolean;
  readonly oddsHidden: boolean;
  readonly teams: { readonly us: boolean; readonly cn: boolean };
  readonly groups: readonly GroupFacView[];
}

export interface Created {
  readonly session: string;
  readonly facToken: string;
  readonly view: FacView;
}

export interface Joined {
  readonly seatToken: string;
  readonly view: SeatView;
}
