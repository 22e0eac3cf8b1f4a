import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChooseList } from '../../src/cli/play';
import { type GameState, legalOptions, resolveTurn, start } from '../../src/engine';
import { MINIMAL_PATH, ROOT, scenarioAt } from '../golden/scenarios';
import { GOLDENS } from './goldens';
import { cli, MINIMAL, spawnCli } from './harness';

const minimal = scenarioAt(MINIMAL_PATH);

/** The log the engine itself writes for these 1-based picks of the US side. */
function engineLog(seed: string, picks: readonly number[]): string {
  let state: GameState = start(minimal, seed, { us: 'people', cn: 'model' });
  for (const k of picks) {
    const option = legalOptions(minimal, state, 'us')[k - 1];
    const r = resolveTurn(minimal, state, { us: option!.id });
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
  }
  return `${JSON.stringify(state.log, null, 2)}\n`;
}

describe('scenario play', () => {
  for (const g of GOLDENS.filter((x) => x.args[0] === 'play')) {
    it(`matches its golden text: ${g.args.slice(2).join(' ')}`, async () => {
      const r = await cli(g.args);
      expect(r.code).toBe(0);
      expect(r.out).toBe(readFileSync(join(ROOT, g.file), 'utf8'));
    });
  }

  it('--json prints exactly the engine log, the same bytes every time', async () => {
    const args = ['play', MINIMAL, '--seed', 'K7Q3', '--choose', '1,2', '--json'];
    const a = await cli(args);
    const b = await cli(args);
    expect(a.code).toBe(0);
    expect(a.out).toBe(engineLog('K7Q3', [1, 2]));
    expect(b.out).toBe(a.out);
  });

  it('a child process with another time zone and locale prints the same bytes', () => {
    const r = spawnCli(['play', MINIMAL, '--seed', 'K7Q3', '--choose', '1,2', '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(engineLog('K7Q3', [1, 2]));
  });

  it('reads choices typed at the keyboard, asking again after a bad one', async () => {
    const typed = await cli(['play', MINIMAL, '--seed', 'K7Q3'], { input: '7\nx\n1\n2\n' });
    const listed = await cli(['play', MINIMAL, '--seed', 'K7Q3', '--choose', '1,2']);
    expect(typed.code).toBe(0);
    expect(typed.out).toContain('"7" is not one of 1-2.');
    expect(typed.out.replace(/Choose 1-2 for United States: ("\w" is not one of 1-2\.\n)?/g, '')).toBe(listed.out);
  });

  it('stops where --choose runs out: a note in text, the log so far with --json', async () => {
    const text = await cli(['play', MINIMAL, '--seed', 'K7Q3', '--choose', '1']);
    expect(text.code).toBe(0);
    expect(text.out.trimEnd().split('\n').at(-1)).toBe('Stopped before turn 2 (beat response): --choose ran out after 1 decision.');
    const json = await cli(['play', MINIMAL, '--seed', 'K7Q3', '--choose', '1', '--json']);
    expect(json.code).toBe(0);
    expect(json.out).toBe(engineLog('K7Q3', [1]));
  });

  it('stops when typed input ends', async () => {
    const r = await cli(['play', MINIMAL, '--seed', 'K7Q3'], { input: '1\n' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Stopped before turn 2 (beat response): the input ended.');
  });

  it('an index beyond the options offered exits 2 naming the decision and the number of options', async () => {
    const r = await cli(['play', MINIMAL, '--seed', 'K7Q3', '--choose', '1,3']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('decision 2 (turn 2, beat response): 3 is not an option for United States; 2 options are offered (1-2)');
  });

  const usage: { name: string; args: string[]; message: string }[] = [
    { name: 'no seed', args: ['play', MINIMAL], message: '--seed is required' },
    { name: 'no file', args: ['play', '--seed', 'a'], message: 'name a scenario file' },
    { name: 'a bad side', args: ['play', MINIMAL, '--seed', 'a', '--side', 'eu'], message: '--side must be us, cn or both' },
    { name: 'a single index with --side both', args: ['play', MINIMAL, '--seed', 'a', '--side', 'both', '--choose', '1'], message: 'must be two numbers such as 2:1' },
    { name: 'a zero index', args: ['play', MINIMAL, '--seed', 'a', '--choose', '0'], message: 'must be a number from 1' },
    { name: 'an unknown flag', args: ['play', MINIMAL, '--seed', 'a', '--fast'], message: "Unknown option '--fast'" },
    { name: 'a missing file', args: ['play', 'nope.yaml', '--seed', 'a'], message: 'no such file: nope.yaml' },
  ];
  for (const u of usage) {
    it(`usage error, exit 2: ${u.name}`, async () => {
      const r = await cli(u.args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(u.message);
    });
  }

  it('exits 1 with the diagnostics when the scenario has errors', async () => {
    const r = await cli(['play', 'test/cli/fixtures/broken.yaml', '--seed', 'a']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('scenario/unknown-beat');
  });

  it('parses --choose lists', () => {
    expect(parseChooseList('2,1, 3', false)).toEqual([[2], [1], [3]]);
    expect(parseChooseList('2:1,1:3', true)).toEqual([
      [2, 1],
      [1, 3],
    ]);
    expect(parseChooseList('', false)).toEqual([]);
    expect(() => parseChooseList('1,,2', false)).toThrow(/item 2/);
  });
});

describe('scenario play keeps hidden facts back', () => {
  it('never prints a hidden flag (who really ran the attack in grid-false-flag), though the run sets it', async () => {
    const grid = scenarioAt('scenarios/grid-false-flag.yaml');
    const seeds = ['K7Q3', 'A1', 'B2', 'C3', 'D4', 'E5', 'F6', 'G7'];
    const seed = seeds.find((s) => {
      const r = resolveTurn(grid, start(grid, s, { us: 'people', cn: 'model' }), { us: legalOptions(grid, start(grid, s, { us: 'people', cn: 'model' }), 'us')[0]?.id ?? '' });
      return r.ok && r.record.kind === 'turn' && r.record.flagsSet.includes('third_party');
    });
    expect(seed, 'a seed whose first turn sets the hidden flag').toBeDefined();
    const r = await cli(['play', 'scenarios/grid-false-flag.yaml', '--seed', seed ?? '', '--side', 'us', '--choose', '1']);
    expect(r.out).not.toContain('third_party');
  });
});
