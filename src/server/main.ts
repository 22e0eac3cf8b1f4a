/**
 * `npm run class`: the class server on one port. Builds the game when dist/ is stale, serves it and
 * socket.io together, keeps each class session under the data folder, and prints the projector's
 * address, the students' LAN address with a QR code, and the facilitator's address with the host key.
 *
 *   --port N       default 5180          --host H     default 0.0.0.0 (every interface)
 *   --data DIR     default .class-data/  --no-build   serve dist/ as it is
 *   --dist DIR     the folder to serve (default dist/)   --origin URL   another allowed origin (repeatable)
 *   --redis URL    (or REDIS_URL) keep the sessions in Redis and share them with other processes
 *                  (src/server/scale.ts); --data is then unused
 *   --joins-per-minute N   join and resume attempts per address per minute (default 20; benches raise it)
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { build, needsBuild } from './build';
import { FileStore } from './file-store';
import { staticHandler } from './http';
import { startClassServer } from './io';
import { loadScenarioSet } from './library';
import type { Scale } from './scale';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const out = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) found.push(a.address);
  return found;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5180' },
      host: { type: 'string', default: '0.0.0.0' },
      data: { type: 'string', default: join(ROOT, '.class-data') },
      dist: { type: 'string', default: join(ROOT, 'dist') },
      origin: { type: 'string', multiple: true, default: [] },
      'no-build': { type: 'boolean', default: false },
      redis: { type: 'string' },
      'joins-per-minute': { type: 'string', default: '20' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    out(`--port: ${values.port} is not a port number`);
    return 2;
  }
  const joinsPerMinute = Number(values['joins-per-minute']);
  if (!Number.isInteger(joinsPerMinute) || joinsPerMinute < 1) {
    out(`--joins-per-minute: ${values['joins-per-minute']} is not a positive whole number`);
    return 2;
  }
  if (!values['no-build'] && needsBuild(ROOT)) {
    out('The game is not built or older than its sources: building it with vite build…');
    if (!build(ROOT)) {
      out('The build failed; see above.');
      return 1;
    }
  }
  const scenarios = loadScenarioSet(join(ROOT, 'scenarios'));
  for (const p of scenarios.problems) out(`scenario left out: ${p}`);
  const hostKey = process.env.CLASS_HOST_KEY !== undefined && process.env.CLASS_HOST_KEY.length >= 8 ? process.env.CLASS_HOST_KEY : randomBytes(18).toString('base64url');
  const lan = values.host === '0.0.0.0' || values.host === '::' ? lanAddresses() : [];
  const http = createServer(staticHandler(resolve(values.dist)));
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(port, values.host, () => ok());
  });
  const address = http.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  const local = values.host === '0.0.0.0' || values.host === '::' ? '127.0.0.1' : values.host;
  const joinUrl = lan.length > 0 ? `http://${lan[0]}:${bound}/?class` : `http://${local}:${bound}/?class`;
  const redisUrl = values.redis ?? (process.env.REDIS_URL === '' ? undefined : process.env.REDIS_URL);
  const warn = (text: string): void => {
    process.stderr.write(`${text}\n`);
  };
  // The Redis client and adapter load only for a class shared through Redis: a class on one machine starts without them.
  const redis = redisUrl === undefined ? null : { url: redisUrl, ...(await import('./scale')) };
  const scale: Scale | null = redis === null ? null : await redis.connectRedis(redis.url, warn);
  const store = scale === null ? new FileStore(resolve(values.data)) : scale.store;
  const server = await startClassServer({
    http,
    store,
    scenarios: scenarios.byId,
    localised: scenarios.localised,
    hostKey,
    joinUrl,
    origins: values.origin,
    joinsPerMinute,
    warn,
    ...(scale === null ? {} : { adapter: scale.adapter }),
  });

  if (scale === null) out(`Red Phone class server: ${scenarios.byId.size} scenarios, ${server.classroom.sessions.size} class sessions restored from ${resolve(values.data)}`);
  else out(`Red Phone class server: ${scenarios.byId.size} scenarios, class sessions shared through Redis at ${redis?.redisLabel(redis.url)} (process ${process.pid})`);
  out(`Projector:   http://${local}:${bound}/`);
  for (const ip of lan) out(`Students:    http://${ip}:${bound}/?class`);
  if (lan.length > 0) out(await QRCode.toString(`http://${lan[0]}:${bound}/?class`, { type: 'terminal', small: true }));
  else out(`Students:    ${joinUrl} (this machine only: start with --host 0.0.0.0 for the LAN)`);
  out(`Facilitator: http://${local}:${bound}/?class=host#key=${hostKey}`);
  out(`class server ready on port ${bound}`);

  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    server
      .close()
      .then(() => scale?.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (e: unknown) => {
    out(`class server: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
