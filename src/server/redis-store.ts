/**
 * The shared store: class sessions in Redis, so several server processes serve one class. Each session
 * is one list of JSON events (`<prefix>s:<id>:events`), each group's actions also a list of their own
 * (`<prefix>s:<id>:g:<n>`); appending an action is a Lua script that checks the group list's length
 * first (the compare-and-set), so two processes can never both append turn N. Join codes and seat
 * tokens map to their session in two hashes, so a code or token issued by one process works on any.
 * Events read back are checked with zod; a damaged one is skipped with a warning.
 */
import { type ActionEvent, ClassEvent, type SessionConfig, type SharedStore, type StoredSession } from './events';

/** What the store needs of a Redis client (node-redis v5's `sendCommand`). */
export interface RedisCommands {
  sendCommand(args: string[]): Promise<unknown>;
}

const CREATE = `if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[2])
return 1`;

const APPEND_ACTION = `if redis.call('LLEN', KEYS[1]) ~= tonumber(ARGV[1]) then return -1 end
redis.call('RPUSH', KEYS[1], ARGV[2])
return redis.call('RPUSH', KEYS[2], ARGV[2])`;

const APPEND_SEAT = `if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
return redis.call('RPUSH', KEYS[1], ARGV[1])`;

const APPEND = `if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
return redis.call('RPUSH', KEYS[1], ARGV[1])`;

export class RedisStore implements SharedStore {
  readonly shared = true;

  constructor(
    private readonly redis: RedisCommands,
    private readonly prefix = 'redphone:',
    private readonly warn: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
  ) {}

  private events = (session: string): string => `${this.prefix}s:${session}:events`;
  private groupLog = (session: string, group: number): string => `${this.prefix}s:${session}:g:${group}`;
  private codes = (): string => `${this.prefix}codes`;
  private seats = (): string => `${this.prefix}seats`;
  private all = (): string => `${this.prefix}sessions`;

  private script(body: string, keys: string[], args: string[]): Promise<unknown> {
    return this.redis.sendCommand(['EVAL', body, String(keys.length), ...keys, ...args]);
  }

  async create(config: SessionConfig): Promise<void> {
    const done = await this.script(CREATE, [this.codes(), this.events(config.session), this.all()], [config.joinCode, config.session, JSON.stringify({ t: 'session', config })]);
    if (Number(done) !== 1) throw new Error('the join code drawn is taken; try again');
  }

  async appendAt(session: string, event: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<number> {
    const json = JSON.stringify(event);
    const n = event.t === 'seat' ? await this.script(APPEND_SEAT, [this.events(session), this.seats()], [json, event.token, session]) : await this.script(APPEND, [this.events(session)], [json]);
    if (!(Number(n) > 0)) throw new Error(`no class session ${session} in Redis`);
    return Number(n);
  }

  async append(session: string, event: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<void> {
    await this.appendAt(session, event);
  }

  async appendActionAt(session: string, event: ActionEvent): Promise<number> {
    const n = Number(await this.script(APPEND_ACTION, [this.groupLog(session, event.group), this.events(session)], [String(event.n), JSON.stringify(event)]));
    return Math.max(n || 0, 0);
  }

  async appendAction(session: string, event: ActionEvent): Promise<boolean> {
    return (await this.appendActionAt(session, event)) > 0;
  }

  async eventsFrom(session: string, from: number): Promise<(ClassEvent | null)[]> {
    const lines = await this.redis.sendCommand(['LRANGE', this.events(session), String(from), '-1']);
    if (!Array.isArray(lines)) return [];
    return lines.map((line: unknown, i) => {
      let parsed: ReturnType<typeof ClassEvent.safeParse> | null = null;
      try {
        parsed = ClassEvent.safeParse(JSON.parse(String(line)));
      } catch {
        parsed = null;
      }
      if (parsed?.success) return parsed.data;
      this.warn(`class data: event ${from + i + 1} of session ${session} in Redis is not a class event; skipped`);
      return null;
    });
  }

  private async lookup(hash: string, key: string): Promise<string | null> {
    const id = await this.redis.sendCommand(['HGET', hash, key]);
    return typeof id === 'string' ? id : null;
  }

  sessionOfCode(code: string): Promise<string | null> {
    return this.lookup(this.codes(), code);
  }

  sessionOfSeat(token: string): Promise<string | null> {
    return this.lookup(this.seats(), token);
  }

  async loadAll(): Promise<StoredSession[]> {
    const ids = await this.redis.sendCommand(['SMEMBERS', this.all()]);
    const out: StoredSession[] = [];
    for (const id of Array.isArray(ids) ? ids.map(String).sort() : []) {
      const events = (await this.eventsFrom(id, 0)).filter((e): e is ClassEvent => e !== null);
      const first = events[0];
      if (first?.t === 'session' && first.config.session === id) out.push({ session: id, events });
      else this.warn(`class data: session ${id} in Redis does not start with its session record; left out`);
    }
    return out;
  }

  /** The client belongs to whoever made it (src/server/scale.ts closes it). */
  async close(): Promise<void> {}
}
