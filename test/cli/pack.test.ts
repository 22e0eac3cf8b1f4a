/** `scenario pack <file> --out <dir>` (issue 12): the five printable pages of the exercise pack. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exercisePack, PACK_FILES } from '../../src/engine';
import { usualTurns } from '../../src/sim/usual-turns';
import { MINIMAL_PATH, scenarioAt } from '../golden/scenarios';
import { BROKEN, cli, MINIMAL } from './harness';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'red-phone-pack-'));

describe('scenario pack', () => {
  it('creates the folder, writes the five pages and prints one line per file', async () => {
    const out = join(fresh(), 'class', 'week-3');
    const r = await cli(['pack', MINIMAL, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    PACK_FILES.forEach((name, i) => {
      expect(lines[i]?.startsWith(`wrote ${join(out, name)} (`)).toBe(true);
      expect(lines[i]).toMatch(/, \d+ bytes\)$/);
    });
    expect(readdirSync(out).sort()).toEqual([...PACK_FILES].sort());
    const minimal = scenarioAt(MINIMAL_PATH);
    for (const page of exercisePack(minimal, { usualTurns: usualTurns(minimal) })) expect(readFileSync(join(out, page.name), 'utf8')).toBe(page.html);
  });

  it('gives the same bytes twice and replaces the pack files already there', async () => {
    const out = fresh();
    await cli(['pack', MINIMAL, '--out', out]);
    const first = readFileSync(join(out, 'facilitator-guide.html'), 'utf8');
    writeFileSync(join(out, 'facilitator-guide.html'), 'old');
    const again = await cli(['pack', MINIMAL, '--out', out]);
    expect(again.code).toBe(0);
    expect(readFileSync(join(out, 'facilitator-guide.html'), 'utf8')).toBe(first);
  });

  it('a relative --out is named relative to the current folder', async () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'minimal.yaml'), readFileSync(MINIMAL, 'utf8'));
    const r = await cli(['pack', 'minimal.yaml', '--out', 'pack'], { cwd });
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^wrote pack\/situation-manual-us\.html \(Situation manual: United States team, \d+ bytes\)$/);
  });

  it('refuses a missing --out, a missing file, two files and an --out that is a file, with usage messages (exit 2)', async () => {
    const noOut = await cli(['pack', MINIMAL]);
    expect(noOut.code).toBe(2);
    expect(noOut.out).toBe('');
    expect(noOut.err).toContain('scenario pack: --out is required');
    expect(noOut.err).toContain('npm run scenario -- pack --help');
    const noFile = await cli(['pack', '--out', fresh()]);
    expect(noFile.code).toBe(2);
    expect(noFile.err).toContain('name a scenario file');
    expect((await cli(['pack', MINIMAL, MINIMAL, '--out', fresh()])).err).toContain('name one scenario file');
    const missing = await cli(['pack', 'no/such.yaml', '--out', fresh()]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file: no/such.yaml');
    const file = join(fresh(), 'taken.html');
    writeFileSync(file, 'x');
    const onFile = await cli(['pack', MINIMAL, '--out', file]);
    expect(onFile.code).toBe(2);
    expect(onFile.err).toContain('--out names a file, not a folder');
  });

  it('a scenario with errors writes nothing and exits 1', async () => {
    const out = join(fresh(), 'never');
    const r = await cli(['pack', BROKEN, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('--help lists the five files', async () => {
    const r = await cli(['pack', '--help']);
    expect(r.code).toBe(0);
    for (const name of PACK_FILES) expect(r.out).toContain(name);
  });
});
