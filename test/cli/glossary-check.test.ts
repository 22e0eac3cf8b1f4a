/**
 * `scenario check` on the glossary's translation (scenarios/zh-Hans/glossary.yaml): the shipped file
 * passes, named or with no file named; a broken one gets one error per problem, naming the file, the
 * line of the term's id, and the id.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectGlossaryFiles, projectScenarioFiles } from '../../src/cli/project';
import { ROOT } from '../golden/scenarios';
import { cli } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'red-phone-glossary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An overlay written to <tmp>/zh-Hans/glossary.yaml; its path. */
function overlayFile(terms: string, lang = 'zh-Hans'): string {
  mkdirSync(join(dir, 'zh-Hans'), { recursive: true });
  const path = join(dir, 'zh-Hans', 'glossary.yaml');
  writeFileSync(path, `format: red-phone/glossary-overlay@1\nlang: ${lang}\nterms:\n${terms}`);
  return path;
}

describe('scenario check on the Chinese glossary', () => {
  it('passes the shipped overlay, named alone', async () => {
    expect(await cli(['check', 'scenarios/zh-Hans/glossary.yaml'])).toEqual({ code: 0, out: 'scenarios/zh-Hans/glossary.yaml: 0 errors, 0 warnings\n', err: '' });
  });

  it('checks the glossary and its overlay when no file is named', async () => {
    const r = await cli(['check']);
    expect(r.code).toBe(0);
    expect(projectGlossaryFiles().map((p) => relative(ROOT, p))).toEqual(['scenarios/glossary.yaml', 'scenarios/zh-Hans/glossary.yaml']);
    expect(r.out).toBe(`${projectScenarioFiles().length + 2} files: 0 errors, 0 warnings\n`);
  });

  it('names the file, the line and the id of each problem', async () => {
    const path = overlayFile(
      [
        '  hotline:',
        '    term: 热线',
        '    match: [热线]',
        '    text: 一二三四五六七八九十',
        '  cret:',
        '    term: CERT',
        '    match: [CNCERT]',
        '    text: 一二三四五六七八九十',
        '  pla:',
        '    term: 解放军',
        '    match: []',
        '    text: "一二三四五六七八九十<i>"',
        '  mps:',
        '    term: 公安部',
        '    match: [热线]',
        '    text: 中国主管全国警务的部委。&nbsp;',
        '',
      ].join('\n'),
    );
    const r = await cli(['check', path]);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n')).toEqual([
      `${path}:4:3  glossary/invalid  "热线" is a match form of two terms, "mps" and "hotline" at terms.hotline.match`,
      `${path}:8:3  glossary/invalid  "cret" is not a term of glossary.yaml at terms (did you mean "cert"?)`,
      `${path}:12:3  glossary/invalid  the term "pla" lists no match form: it would never be marked at terms.pla.match`,
      `${path}:16:3  glossary/invalid  term "mps": the glossary is plain text; "&nbsp;" would be shown as it is written, not as markup at terms.mps.text`,
      `${path}: 4 errors, 0 warnings`,
    ]);
  });

  it('names a file that is not an overlay at all', async () => {
    const path = overlayFile('  - not a mapping\n');
    const r = await cli(['check', path]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${path}:0:0  glossary/invalid  `);
  });
});
