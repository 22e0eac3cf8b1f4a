/**
 * Same log, same game: for every shipped scenario a networked run (both sides teams, each locking the
 * first option offered) gives a replay file the engine accepts, whose final state equals playActions of
 * the same actions; and one such file replays with `npm run scenario -- replay`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReplay, parseReplay, playActions, recordReplay, stateHash, stringifyReplay } from '../../src/engine';
import type { FacView } from '../../src/net/protocol';
import { scenarioFiles } from '../../src/server/library';
import { host, playToEnd, ROOT, scenarios, seat, send, startTestServer, type TestServer, value } from './helpers';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

const replays = new Map<string, string>();
const ids = scenarioFiles(join(ROOT, 'scenarios')).map((f) => basename(f, '.yaml'));

describe('a networked run replays as the same game', () => {
  it('finds the shipped scenarios', () => {
    expect(ids.length).toBeGreaterThan(0);
    expect([...scenarios().keys()].sort()).toEqual([...ids].sort());
  });

  it.each(ids)('%s', async (id) => {
    const scenario = scenarios().get(id);
    if (scenario === undefined) throw new Error(`no scenario ${id}`);
    const fac = await host(srv.url, { scenarioId: id, groups: 1 });
    const us = await seat(srv.url, fac.created.view.joinCode, 1, 'us');
    const cn = await seat(srv.url, fac.created.view.joinCode, 1, 'cn');
    try {
      const last = await playToEnd(us.socket, cn.socket, { us: us.joined.view, cn: cn.joined.view });
      expect(last.us.ending).not.toBeNull();
      expect(last.cn.ending).not.toBeNull();
      value(await send(fac.socket, 'fac:reveal', {}));
      const view = value(await send<FacView>(fac.socket, 'host:resume', { session: fac.created.session, facToken: fac.created.facToken }));
      const text = view.groups[0]?.replay ?? '';
      const parsed = parseReplay(text, `${id}.json`);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const checked = checkReplay(scenario, parsed.value);
      if (!checked.ok) throw new Error(checked.error.message);
      const played = playActions(scenario, parsed.value.seed, parsed.value.controllers, parsed.value.actions);
      if (!played.ok) throw new Error(played.error.message);
      expect(stateHash(checked.value.state)).toBe(stateHash(played.value.state));
      expect(checked.value.state.ending).not.toBeNull();
      expect(checked.value.state.seed).toBe(view.seed);
      // Byte for byte the file the one-screen game records for the same game.
      const recorded = recordReplay(scenario, played.value.state);
      if (!recorded.ok) throw new Error(recorded.error.message);
      expect(text).toBe(stringifyReplay(recorded.value));
      replays.set(id, text);
    } finally {
      for (const s of [fac.socket, us.socket, cn.socket]) s.disconnect();
    }
  });

  it('the command line replays one of them', () => {
    const [id, text] = [...replays][0] ?? [];
    if (id === undefined || text === undefined) throw new Error('no networked replay was made');
    const dir = mkdtempSync(join(tmpdir(), 'class-replay-'));
    try {
      const file = join(dir, `${id}.json`);
      writeFileSync(file, text);
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'replay', file], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
      expect(r.stdout).toContain('reproduces');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
