/**
 * Designer mode's pure steps: checking a scenario file from disk, putting an imported scenario in
 * the session's catalog (never over another without asking, RELIABILITY 13), keeping imported files
 * in localStorage as raw text, and carrying a run over to a new version of its scenario.
 */
import { actionsOf, compareDiagnostics, type Diagnostic, LIMITS, type Library, legalOptions, loadScenario, loadScenarioBytes, playActions, type Scenario } from '../engine';
import type { Catalog, CatalogEntry } from './catalog';
import { placeOf, type Run } from './run';
import { readKey, removeKey, type StorageLike, type WriteResult, writeKey } from './storage';

/** Imported scenario files are kept as raw text under `red-phone:designer:<scenario id>`. */
export const DESIGNER_PREFIX = 'red-phone:designer:';

/** The designer reads one byte past the loader's limit, so that the loader names an oversized file. */
export const DESIGNER_READ_BYTES = LIMITS.fileBytes + 1;

/** A checked file: its lines (for quoting), its diagnostics (errors first), and the scenario when it loads. */
export interface Checked {
  readonly file: string;
  readonly text: string;
  readonly lines: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly scenario: Scenario | null;
}

/** Errors before warnings; within each, by place in the file. */
export function errorsFirst(list: readonly Diagnostic[]): Diagnostic[] {
  return list.slice().sort((a, b) => (a.severity === b.severity ? compareDiagnostics(a, b) : a.severity === 'error' ? -1 : 1));
}

const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** Checks a file's bytes as the loader does (strict UTF-8 first). Never throws. */
export function checkBytes(bytes: Uint8Array, file: string, library: Library): Checked {
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    text = '';
  }
  return checked(file, text, () => loadScenarioBytes(bytes, file, library));
}

/** Checks a file's text. Never throws. */
export function checkText(text: string, file: string, library: Library): Checked {
  return checked(file, text, () => loadScenario(text, file, library));
}

function checked(file: string, text: string, load: () => { scenario: Scenario | null; diagnostics: readonly Diagnostic[] }): Checked {
  try {
    const result = load();
    return { file, text, lines: linesOf(text), diagnostics: errorsFirst(result.diagnostics), scenario: result.scenario };
  } catch (err) {
    const message = `the file could not be read (${err instanceof Error ? err.message : String(err)})`;
    return { file, text, lines: linesOf(text), diagnostics: [{ severity: 'error', code: 'yaml/unreadable', file, line: 0, column: 0, path: '', message }], scenario: null };
  }
}

/** The entry a new scenario would replace: another scenario with its id (null when none, or when it is the very same file). */
export function conflictOf(catalog: Catalog, scenario: Scenario): CatalogEntry | null {
  const existing = catalog.entries.find((e) => e.id === scenario.id);
  return existing === undefined || existing.scenario.contentHash === scenario.contentHash ? null : existing;
}

/** The catalog with `entry` in place of the entry with its id, or added at the end. */
export function withEntry(catalog: Catalog, entry: CatalogEntry): Catalog {
  const at = catalog.entries.findIndex((e) => e.id === entry.id);
  const entries = at < 0 ? [...catalog.entries, entry] : catalog.entries.map((e, i) => (i === at ? entry : e));
  return { ...catalog, entries };
}

export function keepImported(storage: StorageLike | null, id: string, text: string): WriteResult {
  return writeKey(storage, `${DESIGNER_PREFIX}${id}`, text);
}

function storedKeys(storage: StorageLike | null): string[] {
  if (storage === null) return [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(DESIGNER_PREFIX)) keys.push(key);
    }
  } catch {
    return keys;
  }
  return keys.sort();
}

/**
 * Adds the imported scenarios kept in storage to the catalog (they replace a bundled one with their
 * id, as the designer chose when importing). A stored file that no longer loads, or whose id is not
 * its key's, is left out and named in `problems`; it is removed only when the designer says so.
 */
export function restoreImported(storage: StorageLike | null, catalog: Catalog, libraryOf: () => Library | null): { catalog: Catalog; imported: string[]; problems: string[] } {
  let out = catalog;
  const imported: string[] = [];
  const problems: string[] = [];
  for (const key of storedKeys(storage)) {
    const id = key.slice(DESIGNER_PREFIX.length);
    const text = readKey(storage, key);
    if (text === null) continue;
    const library = libraryOf();
    if (library === null) {
      problems.push(`The imported scenario "${id}" could not be checked: the shared terms or ladder did not load.`);
      continue;
    }
    const result = checkText(text, `${id}.yaml`, library);
    const first = result.diagnostics[0];
    if (result.scenario === null) {
      problems.push(
        `The imported scenario kept as ${key} no longer loads (${first !== undefined ? `line ${first.line}: ${first.message}` : 'unknown problem'}); it is left out. Open designer mode to import it again.`,
      );
    } else if (result.scenario.id !== id) {
      problems.push(`The imported scenario kept as ${key} has the id "${result.scenario.id}"; it is left out.`);
    } else {
      out = withEntry(out, { id, file: `${id}.yaml (imported)`, scenario: result.scenario });
      imported.push(id);
    }
  }
  return { catalog: out, imported, problems };
}

export function forgetImported(storage: StorageLike | null, id: string): WriteResult {
  return removeKey(storage, `${DESIGNER_PREFIX}${id}`);
}

export type Carried = { readonly ok: true; readonly run: Run } | { readonly ok: false; readonly reason: string };

/**
 * The run replayed on a new version of its scenario: the same seed, sides and people's choices.
 * When every choice still plays, the run continues from the same number of turns; otherwise the
 * reason names the first turn that no longer plays.
 */
export function carryRun(run: Run, scenario: Scenario): Carried {
  const played = playActions(scenario, run.game.seed, run.game.controllers, actionsOf(run.game));
  if (!played.ok) return { ok: false, reason: played.error.message };
  const game = played.value.state;
  const place = game.ending !== null ? (run.place === 'outcome' ? 'outcome' : 'debrief') : run.place === 'debrief' || (run.place === 'outcome' && game.log.length === 0) ? placeOf(game) : run.place;
  const pending = run.pending !== null && place === 'turn' && legalOptions(scenario, game, 'us').some((o) => o.id === run.pending?.us) ? run.pending : null;
  return { ok: true, run: { ...run, scenario, game, lastRecord: game.log[game.log.length - 1] ?? null, pending, place } };
}
