/**
 * `npm run i18n` compiles the interface's messages only when they changed since the output was made
 * (src/cli/compile-messages.ts): an edited, added or removed message file, new settings, an output
 * another compile rewrote, or a wiped output folder each make it compile again. The compile itself runs after every install (postinstall).
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledFrom, compileMessages, inputsDigest, type MessageDirs, outputDigest, PROJECT_DIRS } from '../../src/cli/compile-messages';

let dirs: MessageDirs;

beforeEach(() => {
  const i18n = mkdtempSync(join(tmpdir(), 'red-phone-i18n-'));
  cpSync(join(PROJECT_DIRS.i18n, 'messages'), join(i18n, 'messages'), { recursive: true });
  cpSync(join(PROJECT_DIRS.i18n, 'project.inlang', 'settings.json'), join(i18n, 'project.inlang', 'settings.json'), { recursive: true });
  dirs = { i18n, root: PROJECT_DIRS.root, stamp: join(i18n, 'cache', 'inputs.sha256') };
});

afterEach(() => rmSync(dirs.i18n, { recursive: true, force: true }));

/** An output folder as a compile of these inputs leaves it (its files' contents do not matter here). */
function compiledOutput(digest: string): void {
  const out = join(dirs.i18n, 'paraglide');
  cpSync(join(dirs.i18n, 'messages'), join(out, 'messages'), { recursive: true });
  for (const f of ['messages.js', 'messages.d.ts', 'runtime.js', 'runtime.d.ts']) writeFileSync(join(out, f), `// ${f} of locale modules`);
  mkdirSync(join(dirs.i18n, 'cache'), { recursive: true });
  writeFileSync(dirs.stamp, `${digest} ${outputDigest(dirs)}`);
}

describe('npm run i18n', () => {
  it('leaves an output compiled from the same messages alone', async () => {
    compiledOutput(inputsDigest(dirs));
    expect(await compileMessages(dirs, false)).toBe('unchanged');
  });

  it('compiles again when a message file is edited, added or removed, or the settings change', () => {
    const before = inputsDigest(dirs);
    compiledOutput(before);
    const common = join(dirs.i18n, 'messages', 'en', 'common.json');
    const changes: (() => void)[] = [
      () => writeFileSync(common, '{"title": "Red Phone!"}'),
      () => writeFileSync(join(dirs.i18n, 'messages', 'zh-Hans', 'extra.json'), '{}'),
      () => unlinkSync(join(dirs.i18n, 'messages', 'zh-Hans', 'extra.json')),
      () => writeFileSync(join(dirs.i18n, 'project.inlang', 'settings.json'), '{"baseLocale": "en", "locales": ["en"]}'),
    ];
    let last = before;
    for (const change of changes) {
      change();
      const now = inputsDigest(dirs);
      expect(now, 'a changed input changes the digest').not.toBe(last);
      expect(compiledFrom(dirs, now)).toBe(false);
      last = now;
    }
  });

  it('compiles again when another compile rewrote the output (npm run build makes a module per message)', () => {
    const digest = inputsDigest(dirs);
    compiledOutput(digest);
    writeFileSync(join(dirs.i18n, 'paraglide', 'messages.js'), '// messages.js of message modules, as a build writes it');
    expect(compiledFrom(dirs, digest)).toBe(false);
  });

  it('compiles again when the output folder lost a file or its digest', () => {
    const digest = inputsDigest(dirs);
    compiledOutput(digest);
    expect(compiledFrom(dirs, digest)).toBe(true);
    unlinkSync(join(dirs.i18n, 'paraglide', 'runtime.js'));
    expect(compiledFrom(dirs, digest)).toBe(false);
    compiledOutput(digest);
    unlinkSync(dirs.stamp);
    expect(compiledFrom(dirs, digest)).toBe(false);
  });
});
