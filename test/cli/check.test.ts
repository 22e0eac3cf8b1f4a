import { describe, expect, it } from 'vitest';
import { BROKEN, cli, MINIMAL, WARNED } from './harness';

describe('scenario check', () => {
  it('passes a valid file with exit 0 and a summary line', async () => {
    expect(await cli(['check', MINIMAL])).toEqual({ code: 0, out: 'test/fixtures/valid/minimal.yaml: 0 errors, 0 warnings\n', err: '' });
  });

  it('exits 0 with warnings only, one line each', async () => {
    const r = await cli(['check', WARNED]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      'test/cli/fixtures/warned.yaml:22:11  lint/flag-never-read  warning: no condition reads the flag "never_read" at flags[1].id',
      'test/cli/fixtures/warned.yaml:22:11  lint/flag-never-set  warning: the flag "never_read" starts false and nothing sets it at flags[1].id',
      'test/cli/fixtures/warned.yaml: 0 errors, 2 warnings',
      '',
    ]);
  });

  it('exits 1 on errors, printing file:line:column  code  message for each, sorted, then the summary', async () => {
    const r = await cli(['check', BROKEN, MINIMAL]);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.map((l) => l.split('  ').slice(0, 2).join('  '))).toEqual([
      'test/cli/fixtures/broken.yaml:26:11  scenario/unknown-beat',
      'test/cli/fixtures/broken.yaml:35:43  expr/unknown-name',
      'test/cli/fixtures/broken.yaml:41:17  scenario/unknown-rung',
      '2 files: 3 errors, 0 warnings',
    ]);
    expect(lines[0]).toContain('(did you mean "response"?)');
  });

  it('names files relative to the current directory', async () => {
    const r = await cli(['check', 'valid/minimal.yaml'], { cwd: `${process.cwd()}/test/fixtures` });
    expect(r.out).toBe('valid/minimal.yaml: 0 errors, 0 warnings\n');
  });

  it('checks every scenario in scenarios/ when no file is named', async () => {
    const r = await cli(['check']);
    expect(r.out).toMatch(/^(.*\n)*\d+ files?: \d+ errors?, \d+ warnings?\n$/);
    expect(r.out).not.toContain('terms.yaml:');
  });

  it('exits 2 on a missing file or an unknown flag', async () => {
    const missing = await cli(['check', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file: nope.yaml');
    const flag = await cli(['check', '--strict']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("Unknown option '--strict'");
  });
});
