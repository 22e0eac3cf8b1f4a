/**
 * Scale-out: with a Redis address (REDIS_URL or --redis), the class sessions live in Redis (the shared
 * store, src/server/redis-store.ts) and socket.io's Redis streams adapter carries every broadcast (and
 * keeps connection state recovery working across processes), so any process serves any client.
 *
 * Two connections: the store's fails fast while Redis is away (a command is answered `server-busy`
 * at once, never queued), the adapter's queues its messages until Redis is back. An outage is logged
 * in one clear line when it starts and one when it ends; the server never exits because of it.
 */
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { ServerOptions } from 'socket.io';
import { RedisStore } from './redis-store';

export interface Scale {
  readonly store: RedisStore;
  readonly adapter: ServerOptions['adapter'];
  close(): Promise<void>;
}

/** Where Redis is, for messages: the address without any password. */
export function redisLabel(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}:${u.port || '6379'}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return 'the Redis address given';
  }
}

export async function connectRedis(url: string, warn: (text: string) => void, connectMs = 10_000): Promise<Scale> {
  const label = redisLabel(url);
  let down = false;
  const watch = (client: ReturnType<typeof createClient>, name: string): void => {
    client.on('error', (e: unknown) => {
      if (down) return;
      down = true;
      warn(`class server: Redis at ${label} is unreachable (${name}: ${e instanceof Error ? e.message : String(e)}); commands are answered server-busy until it is back`);
    });
    client.on('ready', () => {
      if (!down) return;
      down = false;
      warn(`class server: Redis at ${label} is back`);
    });
  };
  const reconnectStrategy = (retries: number): number => Math.min(100 * 2 ** Math.min(retries, 5), 3000);
  const data = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy } });
  const bus = createClient({ url, socket: { reconnectStrategy } });
  watch(data, 'store');
  watch(bus, 'adapter');
  const connect = Promise.all([data.connect(), bus.connect()]);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_ok, fail) => {
    timer = setTimeout(() => fail(new Error(`Redis at ${label} did not answer in ${connectMs / 1000} s`)), connectMs);
  });
  try {
    await Promise.race([connect, timeout]);
  } catch (e) {
    data.destroy();
    bus.destroy();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return {
    store: new RedisStore(data, 'redphone:', warn),
    adapter: createAdapter(bus, { onlyPlaintext: true }),
    close: async () => {
      data.destroy();
      bus.destroy();
    },
  };
}
