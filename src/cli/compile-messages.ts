/**
 * `npm run i18n` (after install, before the type-check, and in Vitest's global setup): compiles the
 * interface's messages (src/i18n/messages) into typed functions in src/i18n/paraglide with Paraglide,
 * as the Vite plugin compiles them for the dev server, unless that folder already holds what this
 * compile made of these very inputs. A compile loads the whole inlang project and takes several
 * seconds. The stamp, in node_modules/.cache (a compile may empty the output folder first), holds the
 * inputs' digest (the project settings, every message file, the Paraglide and plugin versions, the
 * options) and the digest of the output's files; `npm run build` (one module per message) rewrites
 * them, so the next `npm run i18n` compiles again. `--force` compiles whatever the stamp says.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(import.meta.dirname, '..', '..');
/**
 * As the Vite plugin compiles for the dev server and for a build run by the tests (vite.config.ts), so
 * that they find nothing to write: one module per language (the plugin gives `npm run build`, under
 * NODE_ENV=production, one per message), and the plugin's test for the server side.
 */
const OPTIONS = {
  strategy: ['custom-remembered', 'baseLocale'],
  emitTsDeclarations: true,
  outputStructure: 'locale-modules',
  isServer: "import.meta.env?.SSR ?? typeof window === 'undefined'",
} as const;
/** What the output is read through: a folder missing one of these was not compiled (or was wiped). */
const OUTPUTS = ['messages.js', 'messages.d.ts', 'runtime.js', 'runtime.d.ts'];

/**
 * The messages' places: `i18n` holds project.inlang, messages/ and the output, paraglide/; `root` the
 * node_modules with Paraglide; `stamp` is the file with the digests of the inputs and of the output this compile made.
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

/**
 * The digest of every file of the output (names and bytes), or null when one the output is read through
 * is missing: `npm run build` rewrites the folder (a module per message), and the tests' own build
 * would rewrite it again while the unit tests read it.
 */
export function outputDigest(dirs: MessageDirs): string | null {
  const out = outdir(dirs);
  if (!OUTPUTS.every((f) => existsSync(join(out, f)))) return null;
  const hash = createHash('sha256');
  for (const file of filesUnder(out)) {
    const bytes = readFileSync(file);
    const name = relative(out, file);
    hash.update(`${name.length}:${name}:${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Whether the output folder holds what this compile made of inputs with this digest. */
export function compiledFrom(dirs: MessageDirs, digest: string): boolean {
  const output = outputDigest(dirs);
  return output !== null && existsSync(dirs.stamp) && readFileSync(dirs.stamp, 'utf8') === `${digest} ${output}`;
}

/** Compiles unless the output is already that of these inputs (or `force`); says which it did. */
export async function compileMessages(dirs: MessageDirs, force: boolean): Promise<'compiled' | 'unchanged'> {
  const digest = inputsDigest(dirs);
  if (!force && compiledFrom(dirs, digest)) return 'unchanged';
  // Loaded only to compile: the compiler and the inlang SDK take a second just to import.
  const { compile } = await import('@inlang/paraglide-js');
  // The project's path relative to here, as the plugin is given it: the output's README names it.
  const project = `./${relative(process.cwd(), join(dirs.i18n, 'project.inlang'))}`;
  await compile({ project, outdir: outdir(dirs), ...OPTIONS, strategy: [...OPTIONS.strategy] });
  mkdirSync(dirname(dirs.stamp), { recursive: true });
  writeFileSync(dirs.stamp, `${digest} ${outputDigest(dirs) ?? 'incomplete'}`);
  return 'compiled';
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  const done = await compileMessages(PROJECT_DIRS, process.argv.includes('--force'));
  const where = relative(ROOT, outdir(PROJECT_DIRS));
  console.log(done === 'compiled' ? `i18n: compiled the messages into ${where}` : `i18n: ${where} is already compiled from these messages (--force compiles again)`);
}
