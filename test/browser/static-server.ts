/**
 * A tiny static file server for built pages: serves `root` under the path `prefix` on 127.0.0.1 and a
 * free port, so the browser tests prove the relative base works from a sub-folder.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_TYPES } from '../../src/server/http';

export interface StaticServer {
  /** The page's address, ending in `/`, for example `http://127.0.0.1:40123/sub/red-phone/`. */
  readonly url: string;
  close(): Promise<void>;
}

async function fileFor(root: string, prefix: string, rawPath: string): Promise<string | null> {
  if (!rawPath.startsWith(prefix)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(rawPath.slice(prefix.length));
  } catch {
    return null;
  }
  const file = normalize(join(root, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

/** Answers one request with the file it names under `prefix`, or 404. */
function serveFile(res: ServerResponse, head: boolean, base: string, prefix: string, path: string): void {
  fileFor(base, prefix, path).then(
    (file) => {
      if (file === null) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      // As a real host would serve a Vite build: the content-hashed files under assets/ never change, so a
      // page's reload takes them from the cache (and its compiled code); the rest is asked for again.
      const cache = path.startsWith(`${prefix}assets/`) ? 'public, max-age=31536000, immutable' : 'no-cache';
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
      if (head) res.end();
      else createReadStream(file).pipe(res);
    },
    () => res.writeHead(500).end(),
  );
}

/**
 * Starts serving `root` (an absolute folder) at `prefix` (starting and ending with `/`). With `ready`,
 * every request waits for it first (the folder is still being built), and is answered 500 with its
 * error if it fails.
 */
export async function serveStatic(root: string, prefix: string, ready: Promise<unknown> = Promise.resolve()): Promise<StaticServer> {
  const base = normalize(root);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    ready.then(
      () => serveFile(res, req.method === 'HEAD', base, prefix, path),
      (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`the build failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
