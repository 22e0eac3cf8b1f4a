/**
 * Where the project's files are, and loading a scenario file the way every command does: the terms and
 * ladder from scenarios/, then the file itself, with every diagnostic named relative to the current
 * directory.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Library, Scenario } from '../engine';
import { formatDiagnostic, loadLibrary, loadScenario, OVERLAY_LANGS } from '../engine';
import { readGlossary, readGlossaryOverlay } from '../store/glossary';
import { CommandFailure, type Io, UsageError } from './io';

/** The project's root folder (two levels above this file). */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCENARIOS_DIR = join(PROJECT_ROOT, 'scenarios');

/** Files in scenarios/ that are not scenarios. */
const SHARED_FILES = ['schema.yaml', 'terms.yaml', 'ladder.yaml', 'facts.yaml', 'glossary.yaml'];

/** `abs` as shown to the user: relative to the current directory, with forward slashes. */
export function displayName(io: Io, abs: string): string {
  const rel = relative(io.cwd, abs);
  const name = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  return sep === '/' ? name : name.split(sep).join('/');
}

/** The absolute path of a file named on the command line; a usage error when it is not a readable file. */
export function existingFile(io: Io, name: string): string {
  const abs = resolve(io.cwd, name);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`no such file: ${name}`);
  return abs;
}

/** Every scenario file in scenarios/ (schema, terms and ladder left out), in code-unit order. */
export function projectScenarioFiles(): string[] {
  const names = readdirSync(SCENARIOS_DIR).filter((n) => n.endsWith('.yaml') && !SHARED_FILES.includes(n));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((n) => join(SCENARIOS_DIR, n));
}

/** The glossary and its translations (scenarios/<lang>/glossary.yaml), which `check` with no file checks too. */
export function projectGlossaryFiles(): string[] {
  const overlays = OVERLAY_LANGS.map((lang) => join(SCENARIOS_DIR, lang, 'glossary.yaml'));
  return [join(SCENARIOS_DIR, 'glossary.yaml'), ...overlays].filter((p) => existsSync(p));
}

export type LibraryLoad = { readonly library: Library; readonly diagnostics: readonly Diagnostic[] } | { readonly library: null; readonly diagnostics: readonly Diagnostic[] };

/** The agreement's terms and the escalation ladder, from scenarios/. */
export function projectLibrary(): LibraryLoad {
  const r = loadLibrary(readFileSync(join(SCENARIOS_DIR, 'terms.yaml'), 'utf8'), readFileSync(join(SCENARIOS_DIR, 'ladder.yaml'), 'utf8'), readFileSync(join(SCENARIOS_DIR, 'facts.yaml'), 'utf8'));
  return r.library === null ? { library: null, diagnostics: r.diagnostics } : { library: r.library, diagnostics: r.diagnostics };
}

/** The shared files a designer may name to `check`, by what each holds. */
export type SharedRole = 'terms' | 'ladder' | 'facts' | 'glossary' | 'glossary-overlay';

/**
 * Whether a file named on the command line is a shared file rather than a scenario: by its name
 * (terms.yaml, ladder.yaml, facts.yaml), or by a top-level `terms:`, `rungs:` or `facts:` and no `beats:`.
 * A glossary in another language (scenarios/zh-Hans/glossary.yaml) is known by its format line.
 */
export function sharedRoleOf(abs: string, text: string): SharedRole | null {
  if (/^format:\s*red-phone\/glossary-overlay@/m.test(text)) return 'glossary-overlay';
  const byName = ({ 'terms.yaml': 'terms', 'ladder.yaml': 'ladder', 'facts.yaml': 'facts', 'glossary.yaml': 'glossary' } as const)[basename(abs)];
  if (byName !== undefined) return byName;
  if (/^format:\s*red-phone\/glossary@/m.test(text)) return 'glossary';
  const keys: string[] = text.match(/^[A-Za-z_]\w*(?=\s*:)/gm) ?? [];
  if (keys.includes('beats')) return null;
  if (keys.includes('terms')) return 'terms';
  if (keys.includes('rungs')) return 'ladder';
  if (keys.includes('facts')) return 'facts';
  return null;
}

/** Checks a shared file as what it is: loaded with the project's other shared files, its own problems only. */
export function checkSharedFile(io: Io, abs: string, text: string, role: SharedRole): Diagnostic[] {
  const name = displayName(io, abs);
  if (role === 'glossary') return checkGlossary(name, text);
  if (role === 'glossary-overlay') return checkGlossaryOverlay(name, abs, text);
  const textOf = (r: 'terms' | 'ladder' | 'facts'): string => (r === role ? text : readFileSync(join(SCENARIOS_DIR, `${r}.yaml`), 'utf8'));
  const nameOf = (r: 'terms' | 'ladder' | 'facts'): string => (r === role ? name : `\u0000${r}`);
  const r = loadLibrary(textOf('terms'), textOf('ladder'), textOf('facts'), { terms: nameOf('terms'), ladder: nameOf('ladder'), facts: nameOf('facts') });
  return r.diagnostics.filter((d) => d.file === name);
}

/** The glossary read as the page reads it, each source a key of facts.yaml. */
function checkGlossary(name: string, text: string): Diagnostic[] {
  const problem = (path: string, message: string): Diagnostic => ({ severity: 'error', code: 'glossary/invalid', file: name, line: 0, column: 0, path, message });
  const read = readGlossary(text);
  if (!read.ok) return [problem('', read.message)];
  const facts = readFileSync(join(SCENARIOS_DIR, 'facts.yaml'), 'utf8');
  const out: Diagnostic[] = [];
  read.value.terms.forEach((t, i) => {
    for (const key of t.sources) if (!facts.includes(`key: ${key},`)) out.push(problem(`terms[${i}].sources`, `source ${key} of "${t.term}" is not in facts.yaml`));
  });
  return out;
}

/** A glossary in another language, read over scenarios/glossary.yaml as a page in that language reads it: each problem with its term's id. */
function checkGlossaryOverlay(name: string, abs: string, text: string): Diagnostic[] {
  const english = readGlossary(readFileSync(join(SCENARIOS_DIR, 'glossary.yaml'), 'utf8'));
  const problem = (path: string, message: string, suggestion?: string): Diagnostic => {
    const line = lineOf(text, path);
    return { severity: 'error', code: 'glossary/invalid', file: name, line, column: line === 0 ? 0 : 3, path, message, ...(suggestion === undefined ? {} : { suggestion }) };
  };
  if (!english.ok) return [problem('', `read over scenarios/glossary.yaml, which does not read: ${english.message}`)];
  const folder = basename(dirname(abs));
  const lang = (OVERLAY_LANGS as readonly string[]).includes(folder) ? folder : undefined;
  const read = readGlossaryOverlay(english.value, text, { file: name, ...(lang === undefined ? {} : { lang }) });
  return read.ok ? [] : read.problems.map((p) => problem(p.path, p.message, p.suggestion));
}

/** The line of a term's id (`terms.<id>…`) in an overlay, or 0 when the problem is about the file. */
function lineOf(text: string, path: string): number {
  const id = /^terms\.([^.]+)/.exec(path)?.[1];
  if (id === undefined) return 0;
  const at = text.split('\n').findIndex((l) => l.trimEnd() === `  ${id}:` || l.startsWith(`  ${id}: `));
  return at < 0 ? 0 : at + 1;
}

/**
 * Loads one scenario file. An exception from the loader (which should return diagnostics, never
 * throw) is reported as a `cli/loader-crash` error rather than ending the command.
 */
export function loadScenarioFile(io: Io, abs: string, library: Library): { scenario: Scenario | null; diagnostics: readonly Diagnostic[] } {
  const name = displayName(io, abs);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    return { scenario: null, diagnostics: [crash(name, 'cli/unreadable', e)] };
  }
  try {
    return loadScenario(text, name, library);
  } catch (e) {
    return { scenario: null, diagnostics: [crash(name, 'cli/loader-crash', e)] };
  }
}

function crash(file: string, code: string, e: unknown): Diagnostic {
  return { severity: 'error', code, file, line: 0, column: 0, path: '', message: e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e) };
}

/**
 * The scenario in `name`, ready to play. A file with errors (or a broken terms or ladder file) has its
 * diagnostics printed on stderr and ends the command with exit code 1; warnings are counted on stderr.
 */
export function openScenario(io: Io, name: string): Scenario {
  const abs = existingFile(io, name);
  const lib = projectLibrary();
  for (const d of lib.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  if (lib.library === null) throw new CommandFailure('the terms or ladder file has errors');
  const { scenario, diagnostics } = loadScenarioFile(io, abs, lib.library);
  if (scenario !== null && diagnostics.length > 0) io.err(`${displayName(io, abs)}: ${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'} (see "npm run scenario -- check ${name}")\n`);
  if (scenario === null) for (const d of diagnostics) io.err(`${formatDiagnostic(d)}\n`);
  if (scenario === null) throw new CommandFailure(`${displayName(io, abs)} has errors: run "npm run scenario -- check ${name}"`);
  return scenario;
}
