/**
 * Issue 10 on the command line: the terms and ladder files are checked as what they are, weights that
 * can all drop to zero are found by `check` and counted by `sim` (which then exits 1, naming beat and
 * option), and `sim … | head` stops quietly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../golden/scenarios';
import { cli } from './harness';

const ZERO = 'test/cli/fixtures/zero-weights.yaml';

describe('check on the shared files', () => {
  it.each(['scenarios/terms.yaml', 'scenarios/ladder.yaml'])('%s is checked as the shared file it is: no error', async (file) => {
    const r = await cli(['check', file]);
    expect(r.out).toBe(`${file}: 0 errors, 0 warnings\n`);
    expect(r.code).toBe(0);
  });

  it('a terms file with a bad term id gets that error, not "the field beats is missing"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-terms-'));
    const file = join(dir, 'my-terms.yaml');
    writeFileSync(file, readFileSync(join(ROOT, 'scenarios/terms.yaml'), 'utf8').replace('id: T1', 'id: T9'));
    const r = await cli(['check', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('schema/invalid-value');
    expect(r.out).toContain('"T9" is not one of: T1, T2, T3, T4');
    expect(r.out).not.toContain('missing');
    expect(r.out).toMatch(/: 1 error, 0 warnings\n$/);
  });
});

describe('weights that can all be zero', () => {
  it('check warns, naming the state and the option', async () => {
    const r = await cli(['check', ZERO]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('chance/zero-total-possible  warning: when trust is 50, every outcome weight of "request_help" at beat "opening" is zero or less');
    expect(r.out).toContain(': 0 errors, ');
  });

  it('a scenario whose weights never all drop to zero has no such warning', async () => {
    const r = await cli(['check', 'test/fixtures/valid/minimal.yaml']);
    expect(r.out).not.toContain('zero-total-possible');
  });

  it('sim counts the failed runs in its last line, naming beat and option, and exits 1', async () => {
    const r = await cli(['sim', ZERO, '--runs', '20', '--seed', 'K7Q3']);
    expect(r.code).toBe(1);
    const last = r.out.trimEnd().split('\n').pop() ?? '';
    expect(last).toMatch(
      /^FAILED: \d+ of \d+ runs stopped on an error \((?:[a-z-]+ \d+(?:, )?)+\); first: seed K7Q3-\d+, turn 1, beat "opening": scenario\/zero-weights: every outcome of "request_help" has weight zero/,
    );
    expect(r.out).toMatch(/seed K7Q3-\d+, turn 1, beat "opening": scenario\/zero-weights/);
  });

  it('sim --json exits 1 too, the count on stderr', async () => {
    const r = await cli(['sim', ZERO, '--runs', '5', '--seed', 'K7Q3', '--json']);
    expect(r.code).toBe(1);
    const reports: { failures: { beat: string }[] }[] = JSON.parse(r.out).reports;
    expect(reports.flatMap((x) => x.failures)[0]?.beat).toBe('opening');
    expect(r.err).toContain('FAILED: ');
  });

  it('sim --report says how many runs failed in its one-line summary and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-report-'));
    const r = await cli(['sim', ZERO, '--runs', '20', '--seed', 'K7Q3', '--report', join(dir, 'out.html')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('; FAILED: ');
    expect(r.out).toContain('beat "opening"');
    expect(r.out).not.toContain('no failed runs');
  });

  it('a sound scenario still exits 0 and its summary says no run failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rp-report-'));
    const r = await cli(['sim', 'test/fixtures/valid/minimal.yaml', '--runs', '5', '--seed', 'K7Q3', '--report', join(dir, 'out.html')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('; no failed runs; wrote ');
  });
});

describe('sim into a pipe closed early (| head)', () => {
  it('stops quietly with exit code 0, no EPIPE stack trace', async () => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'sim', 'test/fixtures/valid/minimal.yaml', '--runs', '20', '--seed', 'K7Q3'], { cwd: ROOT });
    // The reader goes away before the first line is written, as `head -0` would.
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
