/**
 * The browser tests' file server (test/browser/static-server.ts) while the game is still building:
 * a request waits for the build and gets the file; a failed build answers every request 500 with the
 * build's message, which is what a browser file then fails with (harness.ts, `builtGame()`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type StaticServer, serveStatic } from '../browser/static-server';

let dir = '';
let server: StaticServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
  if (dir !== '') await rm(dir, { recursive: true, force: true });
  dir = '';
});

describe('the test file server during the build', () => {
  it('holds a request until the build is done, then serves what it wrote', async () => {
    dir = await mkdtemp(join(tmpdir(), 'red-phone-static-'));
    let finish: () => void = () => undefined;
    const built = new Promise<void>((resolve) => {
      finish = resolve;
    });
    server = await serveStatic(dir, '/sub/', built);
    let answered = false;
    const response = fetch(`${server.url}index.html`).then((res) => {
      answered = true;
      return res;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered, 'no answer before the build is done').toBe(false);
    await writeFile(join(dir, 'index.html'), '<title>built</title>');
    finish();
    const res = await response;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<title>built</title>');
  });

  it("answers 500 with the build's message when the build fails", async () => {
    dir = await mkdtemp(join(tmpdir(), 'red-phone-static-'));
    const failed = Promise.reject(new Error('scenarios/ip-theft.yaml: beats[0].options: expected an array'));
    failed.catch(() => undefined);
    server = await serveStatic(dir, '/sub/', failed);
    const res = await fetch(server.url);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('the build failed: scenarios/ip-theft.yaml: beats[0].options: expected an array');
  });
});
