import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main';
import { legalOptions, resolveTurn, start } from '../../src/engine';
import { type ReplayFile, recordReplay, stringifyReplay } from '../../src/engine/replay';
import { simulate } from '../../src/sim';
import { MINIMAL_PATH, ROOT, scenarioAt, scenarioPaths } from '../golden/scenarios';
import { GOLDENS } from './goldens';
import { BROKEN, cli, MINIMAL, spawnCli } from './harness';

const minimal = scenarioAt(MINIMAL_PATH);

describe('help and usage', () => {
  for (const [name] of COMMANDS) {
    it(`${name} --help prints its usage and exits 0`, async () => {
      const r = await cli([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.out.startsWith(`Usage: npm run scenario -- ${name}`)).toBe(true);
      expect(r.err).toBe('');
    });
  }

  it('lists the commands with --help, and exits 2 with no command or an unknown one', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const [name] of COMMANDS) expect(help.out).toContain(`  ${name} `);
    expect((await cli([])).code).toBe(2);
    const unknown = await cli(['lint']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "lint"');
  });

  it('a usage error from a child process exits 2 with a message on stderr and nothing on stdout', () => {
    const r = spawnCli(['sim', MINIMAL, '--seed', 'x']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--runs is required');
  });
});

describe('scenario sim', () => {
  it('matches its golden text for the minimal fixture', async () => {
    const g = GOLDENS.find((x) => x.args[0] === 'sim')!;
    const r = await cli(g.args);
    expect(r.code).toBe(0);
    expect(r.out).toBe(readFileSync(join(ROOT, g.file), 'utf8'));
  });

  it('--json prints the reports and flags the simulator computes', async () => {
    const r = await cli(['sim', MINIMAL, '--runs', '200', '--seed', 'pin', '--policy', 'random', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out) as { format: string; reports: unknown[]; flags: { kind: string }[] };
    expect(data.format).toBe('red-phone/sim@1');
    expect(data.reports).toEqual([simulate(minimal, { runs: 200, seed: 'pin', policy: 'random', side: 'us' })]);
    expect(data.flags.map((f) => f.kind)).toEqual(['dominant-option']);
    expect(r.out.endsWith('}\n')).toBe(true);
  });

  it('pins the ending counts in its text for a fixed seed', async () => {
    const r = await cli(['sim', MINIMAL, '--runs', '200', '--seed', 'pin', '--policy', 'random']);
    expect(r.out).toContain('  deal       success for both    22  11.0%\n  stalemate  mixed for both      82  41.0%\n  crisis     failure for both    96  48.0%\n');
  });

  it('draws a progress bar on a terminal stderr for long runs, never touching stdout', async () => {
    const args = ['sim', MINIMAL, '--runs', '7000', '--seed', 'bar'];
    const tty = await cli(args, { tty: true });
    const plain = await cli(args);
    expect(tty.err).toContain('\rsim random [');
    expect(tty.err).toContain('\rsim highest-rung [');
    expect(plain.err).toBe('');
    expect(tty.out).toBe(plain.out);
  });

  const usage: { name: string; args: string[]; message: string }[] = [
    { name: 'no runs', args: ['sim', MINIMAL, '--seed', 'x'], message: '--runs is required' },
    { name: 'zero runs', args: ['sim', MINIMAL, '--seed', 'x', '--runs', '0'], message: '--runs must be a whole number' },
    { name: 'runs not a number', args: ['sim', MINIMAL, '--seed', 'x', '--runs', '1e3'], message: '--runs must be a whole number' },
    { name: 'no seed', args: ['sim', MINIMAL, '--runs', '10'], message: '--seed is required' },
    {
      name: 'an unknown policy',
      args: ['sim', MINIMAL, '--runs', '10', '--seed', 'x', '--policy', 'greedy'],
      message: '--policy must be random, lowest-rung, highest-rung, cooperative, defecting or all',
    },
    { name: 'side both', args: ['sim', MINIMAL, '--runs', '10', '--seed', 'x', '--side', 'both'], message: '--side must be us or cn' },
  ];
  for (const u of usage) {
    it(`usage error, exit 2: ${u.name}`, async () => {
      const r = await cli(u.args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(u.message);
    });
  }

  it('exits 1 when the scenario has errors', async () => {
    expect((await cli(['sim', BROKEN, '--runs', '10', '--seed', 'x'])).code).toBe(1);
  });
});

describe('scenario replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'red-phone-replay-'));
  const played = (() => {
    let state = start(minimal, 'R3PL', { us: 'people', cn: 'model' });
    for (const us of ['request_help', 'call_hotline']) {
      const r = resolveTurn(minimal, state, { us });
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    const rec = recordReplay(minimal, state);
    if (!rec.ok) throw new Error(rec.error.message);
    return { replay: rec.value, state };
  })();
  const write = (name: string, file: ReplayFile | string): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof file === 'string' ? file : stringifyReplay(file));
    return path;
  };

  it('says a faithful replay reproduces, and exits 0', async () => {
    const r = await cli(['replay', write('good.json', played.replay), '--scenario', MINIMAL]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: reproduces: minimal 1\.0\.0, seed "R3PL", 2 actions, ending "\w+" after 2 turns, final state [0-9a-f]{16}\n$/);
  });

  it('refuses a replay recorded for another version of the scenario, with its message, exit 1', async () => {
    const r = await cli(['replay', write('old.json', { ...played.replay, scenarioVersion: '0.9.0' }), '--scenario', MINIMAL]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('does not reproduce: replay/scenario-changed: recorded for minimal 0.9.0');
  });

  it('refuses one recorded under another engine version', async () => {
    const r = await cli(['replay', write('engine.json', { ...played.replay, engineVersion: '9.0.0' }), '--scenario', MINIMAL]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('replay/engine-version');
  });

  it('exits 1 at the first divergent action', async () => {
    const hashes = [...played.replay.hashes];
    hashes[1] = '0000000000000000';
    const r = await cli(['replay', write('diverged.json', { ...played.replay, hashes }), '--scenario', MINIMAL]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('replay/diverged: turn 2: expected 0000');
  });

  it('exits 1 on a file that is not a replay, and when no scenario in scenarios/ has its id', async () => {
    expect((await cli(['replay', write('bad.json', '{"format": "red-phone/save"}'), '--scenario', MINIMAL])).code).toBe(1);
    const r = await cli(['replay', write('unknown.json', played.replay)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('no valid scenario with id "minimal" in scenarios/');
  });

  it('exits 2 on a missing file', async () => {
    expect((await cli(['replay', join(dir, 'missing.json')])).code).toBe(2);
  });

  it("finds the scenario in scenarios/ by the replay's scenarioId", async () => {
    const path = scenarioPaths()[0];
    if (path === undefined) return;
    const scenario = scenarioAt(path);
    let state = start(scenario, 'FIND', { us: 'people', cn: 'model' });
    for (let i = 0; i < 2 && state.ending === null; i++) {
      const r = resolveTurn(scenario, state, { us: legalOptions(scenario, state, 'us')[0]!.id });
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    const rec = recordReplay(scenario, state);
    if (!rec.ok) throw new Error(rec.error.message);
    const r = await cli(['replay', write('found.json', rec.value)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`: reproduces: ${scenario.id} ${scenario.version}, seed "FIND"`);
  });
});

describe('scenario schema', () => {
  it('prints the JSON Schema of scenario files', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toContain('beats');
  });

  it('refuses a file argument', async () => {
    expect((await cli(['schema', 'x.json'])).code).toBe(2);
  });
});
