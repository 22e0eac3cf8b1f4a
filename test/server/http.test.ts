/**
 * The built game as the class server serves it: index.html at `/` (query strings such as `?class`
 * ignored), content types by extension, the page's security headers, nothing outside the folder; and
 * the rebuild check of `npm run class`.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { needsBuild } from '../../src/server/build';
import { staticHandler } from '../../src/server/http';

const root = mkdtempSync(join(tmpdir(), 'class-http-'));
const dist = join(root, 'dist');
let server: Server;
let url = '';

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Red Phone</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(root, 'secret.txt'), 'outside');
  server = createServer(staticHandler(dist));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(root, { recursive: true, force: true });
});

it('serves index.html at / with the security headers, and files by type', async () => {
  const page = await fetch(`${url}/?class`);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await page.text()).toContain('Red Phone');
  const script = await fetch(`${url}/assets/app.js`);
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect((await fetch(`${url}/nothing.js`)).status).toBe(404);
  expect((await fetch(`${url}/..%2fsecret.txt`)).status).toBe(404);
  expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(405);
});

it('builds when dist/index.html is missing or older than a source file', () => {
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'a.ts'), '');
  const old = new Date(Date.now() - 60_000);
  utimesSync(join(root, 'src', 'a.ts'), old, old);
  expect(needsBuild(root)).toBe(false);
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(root, 'src', 'a.ts'), later, later);
  expect(needsBuild(root)).toBe(true);
  expect(needsBuild(join(root, 'src'))).toBe(true);
});
