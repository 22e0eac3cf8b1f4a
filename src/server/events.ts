/**
 * What a class session is made of on disk (or in any other store): one event per line, in order. The
 * session model folds them into memory the same way live and on restore (src/server/session.ts), so a
 * restarted server stands at the same turn with the same locks. Events read back are checked with zod:
 * a damaged line is skipped with a warning, never trusted.
 */
import { z } from 'zod';
import type { Action } from '../engine';

const SIDE = z.enum(['us', 'cn']);
const GROUP = z.number().int().min(1).max(1000);
const AT = z.number();
const ID = z.string().min(1).max(256);

export const SessionConfig = z.strictObject({
  session: ID,
  scenarioId: ID,
  seed: z.string().min(1).max(256),
  salt: ID,
  joinCode: ID,
  facToken: ID,
  players: z.strictObject({ us: z.enum(['team', 'model']), cn: z.enum(['team', 'model']) }),
  oddsHidden: z.boolean(),
  timerMinutes: z.number().int().min(1).max(60).nullable(),
  groups: GROUP,
  createdAt: AT,
});
export type SessionConfig = z.infer<typeof SessionConfig>;

const SIDE_IDS = z.strictObject({ us: ID.optional(), cn: ID.optional() });
const ACTION = z.union([z.strictObject({ kind: z.literal('turn'), us: ID.optional(), cn: ID.optional(), force: SIDE_IDS.optional() }), z.strictObject({ kind: z.literal('inject'), inject: ID })]);

export const ClassEvent = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('session'), config: SessionConfig }),
  z.strictObject({ t: z.literal('seat'), token: ID, group: GROUP, side: SIDE, at: AT }),
  z.strictObject({ t: z.literal('lock'), group: GROUP, turn: z.number().int().min(0), side: SIDE, option: ID, at: AT }),
  /** `n` is the log's length before this action: the compare-and-set a store checks. */
  z.strictObject({ t: z.literal('action'), group: GROUP, n: z.number().int().min(0), action: ACTION, at: AT }),
  z.strictObject({ t: z.literal('override'), group: GROUP, side: SIDE, outcome: ID.nullable(), at: AT }),
  z.strictObject({ t: z.literal('pause'), group: GROUP.nullable(), on: z.boolean(), at: AT }),
  z.strictObject({ t: z.literal('extend'), group: GROUP.nullable(), ms: z.number().int().min(0), at: AT }),
  z.strictObject({ t: z.literal('reveal'), at: AT }),
]);
export type ClassEvent = z.infer<typeof ClassEvent>;
export type ActionEvent = Extract<ClassEvent, { t: 'action' }>;

/** The engine action an action event holds (the zod shape is the engine's Action). */
export const actionOf = (e: ActionEvent): Action => e.action as Action;

export interface StoredSession {
  readonly session: string;
  readonly events: readonly ClassEvent[];
}

/**
 * Where class sessions live. Async, so a shared backend (Redis) can stand in for the file one.
 * `appendAction` is a compare-and-set on the group's log length: it appends only when the log has
 * exactly `event.n` actions and answers whether it did, so two writers can never both append turn N.
 */
export interface ClassStore {
  /** Starts a session's record with its `session` event. */
  create(config: SessionConfig): Promise<void>;
  /** Appends any event but an action. */
  append(session: string, event: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<void>;
  appendAction(session: string, event: ActionEvent): Promise<boolean>;
  /** Every session stored, each with its events in order. */
  loadAll(): Promise<StoredSession[]>;
  close(): Promise<void>;
}

/**
 * A store several server processes share (Redis). Every process appends to a session's one ordered list
 * of events and folds what any process appended in that order, reading from the position it has seen.
 */
export interface SharedStore extends ClassStore {
  readonly shared: true;
  /** Appends like `append` and answers the event's position in the session's list (1-based). */
  appendAt(session: string, event: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<number>;
  /** Appends like `appendAction` and answers the event's position, or 0 when the compare-and-set failed. */
  appendActionAt(session: string, event: ActionEvent): Promise<number>;
  /** The session's events from position `from` (0-based) on; an unreadable one as null (it still takes its place). */
  eventsFrom(session: string, from: number): Promise<(ClassEvent | null)[]>;
  /** The session a join code or a seat token belongs to. */
  sessionOfCode(code: string): Promise<string | null>;
  sessionOfSeat(token: string): Promise<string | null>;
}

export const isShared = (store: ClassStore): store is SharedStore => 'shared' in store && store.shared === true;

/** Log lengths per session and group, for the compare-and-set of a store that is the only writer. */
export class LogLengths {
  private readonly lengths = new Map<string, number>();
  private key = (session: string, group: number): string => `${session}\u0000${group}`;
  get(session: string, group: number): number {
    return this.lengths.get(this.key(session, group)) ?? 0;
  }
  set(session: string, group: number, n: number): void {
    this.lengths.set(this.key(session, group), n);
  }
  /** Counts the action events of a loaded session. */
  countAll(session: string, events: readonly ClassEvent[]): void {
    for (const e of events) if (e.t === 'action' && e.n === this.get(session, e.group)) this.set(session, e.group, e.n + 1);
  }
}

/** A store in memory: for unit tests, and a class nobody needs to keep. */
export class MemoryStore implements ClassStore {
  private readonly sessions = new Map<string, ClassEvent[]>();
  private readonly lengths = new LogLengths();
  async create(config: SessionConfig): Promise<void> {
    this.sessions.set(config.session, [{ t: 'session', config }]);
  }
  async append(session: string, event: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<void> {
    this.sessions.get(session)?.push(event);
  }
  async appendAction(session: string, event: ActionEvent): Promise<boolean> {
    const list = this.sessions.get(session);
    if (list === undefined || this.lengths.get(session, event.group) !== event.n) return false;
    list.push(event);
    this.lengths.set(session, event.group, event.n + 1);
    return true;
  }
  async loadAll(): Promise<StoredSession[]> {
    return [...this.sessions].map(([session, events]) => ({ session, events: events.slice() }));
  }
  async close(): Promise<void> {}
}
