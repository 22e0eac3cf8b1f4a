/**
 * The built game served from one folder (dist/) on the class server's port: GET and HEAD only, paths
 * kept inside the folder, content types by extension, `index.html` at `/`, and the security headers the
 * page's own policy asks for (the same Content-Security-Policy as its meta tag, no sniffing, no framing,
 * no referrer).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

/** Content types by file extension, for the built game's files (the browser tests' server uses it too). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The page's policy (index.html's meta tag), sent as a header too. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

async function fileFor(root: string, rawPath: string): Promise<string | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const file = normalize(join(root, rel.endsWith('/') ? `${rel}index.html` : rel));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? file : null;
}

/** A request handler serving the folder `root`. socket.io answers its own path before this runs. */
export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const base = normalize(root);
  return (req, res) => {
    const headers = { ...SECURITY_HEADERS };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    fileFor(base, path).then(
      (file) => {
        if (file === null) {
          res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
        const html = extname(file) === '.html';
        res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': html ? 'no-cache' : 'public, max-age=3600' });
        if (req.method === 'HEAD') res.end();
        else
          createReadStream(file)
            .on('error', () => res.destroy())
            .pipe(res);
      },
      () => res.writeHead(500, headers).end(),
    );
  };
}
