/**
 * `npm run i18n` (after install, and before the type-check): compiles the interface's messages
 * (src/i18n/messages) into typed functions in src/i18n/paraglide with Paraglide, as
 * `paraglide-js compile` would, unless that folder already holds what these very inputs compile to.
 * A compile loads the whole inlang project and takes several seconds; the inputs' digest (the project
 * settings, every message file, the Paraglide and plugin versions and the options) is kept in
 * node_modules/.cache, so `npm test` after an unchanged install does not pay for it again. (Not in the
 * output folder: the Vite plugin's compiles remove from it every file they did not write.) The plugin
 * compiles whatever the digest says: a message edited under `npm start` and then put back as it was
 * leaves that edit's output until the next start or build, or `npm run i18n -- --force`.
 * `--force` compiles whatever the digest says. The Vite plugin still compiles for `npm start` and builds.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..');
const OPTIONS = { strategy: ['custom-remembered', 'baseLocale'], emitTsDeclarations: true } as const;
/** What the output is read through: a folder missing one of these was not compiled (or was wiped). */
const OUTPUTS = ['messages.js', 'messages.d.ts', 'runtime.js', 'runtime.d.ts'];

/**
 * The messages' places: `i18n` holds project.inlang, messages/ and the output, paraglide/; `root` the
 * node_modules with Paraglide; `stamp` is the file with the digest of the inputs the output was compiled from.
 */
export interface MessageDirs {
  readonly i18n: string;
  readonly root: string;
  readonly stamp: string;
}

export const PROJECT_DIRS: MessageDirs = { i18n: join(ROOT, 'src', 'i18n'), root: ROOT, stamp: join(ROOT, 'node_modules', '.cache', 'red-phone', 'i18n-inputs.sha256') };
const outdir = (dirs: MessageDirs): string => join(dirs.i18n, 'paraglide');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();

const versionOf = (root: string, pkg: string): string => (JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';

/** The digest of everything the output depends on; each part is length-prefixed so that no two inputs run together. */
export function inputsDigest(dirs: MessageDirs): string {
  const hash = createHash('sha256');
  const part = (name: string, bytes: string | Buffer): void => {
    hash.update(`${name.length}:${name}:${bytes.length}:`);
    hash.update(bytes);
  };
  part('options', JSON.stringify(OPTIONS));
  part('paraglide', versionOf(dirs.root, '@inlang/paraglide-js'));
  part('plugin', versionOf(dirs.root, '@inlang/plugin-message-format'));
  part('settings', readFileSync(join(dirs.i18n, 'project.inlang', 'settings.json')));
  for (const file of filesUnder(join(dirs.i18n, 'messages'))) part(relative(dirs.i18n, file), readFileSync(file));
  return hash.digest('hex');
}

/** Whether the output folder was compiled from inputs with this digest and still holds its files. */
export function compiledFrom(dirs: MessageDirs, digest: string): boolean {
  const out = outdir(dirs);
  return existsSync(dirs.stamp) && readFileSync(dirs.stamp, 'utf8') === digest && OUTPUTS.every((f) => existsSync(join(out, f)));
}

/** Compiles unless the output is already that of these inputs (or `force`); says which it did. */
export async function compileMessages(dirs: MessageDirs, force: boolean): Promise<'compiled' | 'unchanged'> {
  const digest = inputsDigest(dirs);
  if (!force && compiledFrom(dirs, digest)) return 'unchanged';
  // Loaded only to compile: the compiler and the inlang SDK take a second just to import.
  const { compile } = await import('@inlang/paraglide-js');
  await compile({ project: join(dirs.i18n, 'project.inlang'), outdir: outdir(dirs), ...OPTIONS, strategy: [...OPTIONS.strategy] });
  mkdirSync(dirname(dirs.stamp), { recursive: true });
  writeFileSync(dirs.stamp, digest);
  return 'compiled';
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  const done = await compileMessages(PROJECT_DIRS, process.argv.includes('--force'));
  const where = relative(ROOT, outdir(PROJECT_DIRS));
  console.log(done === 'compiled' ? `i18n: compiled the messages into ${where}` : `i18n: ${where} is already compiled from these messages (--force compiles again)`);
}
