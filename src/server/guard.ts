/**
 * The gate every client message passes: one object and an acknowledgement, at most MAX_MESSAGE_BYTES,
 * checked by its zod schema (unknown fields, wrong types, oversize strings refused with the field and
 * the reason), the handler's errors caught. A bad message is answered and the socket is kept. A
 * connection from another site's page is refused by its Origin.
 */
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { type Ack, MAX_MESSAGE_BYTES } from '../net/protocol';

type Reply = (ack: Ack<unknown>) => void;

/** What is wrong with a message, naming the field and the reason. */
export function problemOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'message: not valid';
  const where = issue.path.length === 0 ? 'message' : issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') return `${issue.keys.map((k) => (where === 'message' ? k : `${where}.${k}`)).join(', ')}: unknown field`;
  return `${where}: ${issue.message}`;
}

const sizeOf = (payload: unknown): number => {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

/**
 * A socket.io listener for `schema`: `handle` runs only on a valid message, and whatever happens the
 * sender's acknowledgement is called once. A message sent without an acknowledgement is dropped.
 */
export function guarded<S extends z.ZodType, T>(schema: S, handle: (message: z.output<S>) => Promise<Ack<T>> | Ack<T>, onCrash: (e: unknown) => void): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    const reply = args[args.length - 1];
    if (typeof reply !== 'function') return;
    const answer = reply as Reply;
    const bad = (message: string): void => answer({ ok: false, code: 'bad-message', message });
    if (args.length !== 2) return bad('message: send exactly one message object with an acknowledgement');
    const payload = args[0];
    const bytes = sizeOf(payload);
    if (bytes > MAX_MESSAGE_BYTES) return bad(`message: ${Number.isFinite(bytes) ? `${bytes} bytes` : 'not JSON'}; at most ${MAX_MESSAGE_BYTES} bytes`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return bad(problemOf(parsed.error));
    let result: Promise<Ack<T>> | Ack<T>;
    try {
      result = handle(parsed.data);
    } catch (e) {
      result = Promise.reject(e);
    }
    Promise.resolve(result).then(answer, (e: unknown) => {
      onCrash(e);
      answer({ ok: false, code: 'server-busy', message: 'the server could not do this just now; try again' });
    });
  };
}

/** At most `limit` attempts per address in any minute. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(address: string): number[] {
    const since = this.now() - 60_000;
    const list = (this.hits.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.hits.delete(address);
    else this.hits.set(address, list);
    return list;
  }

  /** Whether `address` has used up its attempts. */
  blocked(address: string): boolean {
    return this.recent(address).length >= this.limit;
  }

  /** Counts an attempt; false when it is over the limit. */
  hit(address: string): boolean {
    const list = this.recent(address);
    if (list.length >= this.limit) return false;
    if (this.hits.size > 10_000) this.hits.clear();
    this.hits.set(address, [...list, this.now()]);
    return true;
  }
}

/** Whether a request's Origin (when it has one) is the host it came to, or one configured. */
export function originAllowed(req: IncomingMessage, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origins.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
