/**
 * The scenarios the game offers. `loadCatalog` loads and checks every file at once (the build, the
 * tests, the command line); the page uses `lazyCatalog` (catalog-cards.ts), which loads each bundled
 * scenario on first use. A file that does not load is listed with its diagnostics and never offered.
 */
import { type Diagnostic, loadLibrary, loadScenario, type OverlayLang, type Scenario } from '../engine';

/** What the title screen shows of a scenario, and the hash its full load must have. */
export interface ScenarioCard {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
  /** The English file's whole-content hash: the page's file must be the one the card was built from, words included. */
  readonly contentHash: string;
  readonly file: string;
  readonly title: string;
  readonly summary: string;
  /** What in the scenario is invented, said on the card (null when it is all history). */
  readonly invented: string | null;
  readonly sides: Scenario['file']['sides'];
  readonly teams: boolean;
  readonly maxTurns: number;
  readonly turnDays: number;
  /** The turn by which most runs end (80% of 200 simulated runs), worked out when the card is made; null when none could be simulated. */
  readonly usualTurns: number | null;
  readonly difficulty: Scenario['file']['difficulty'];
  /** The card's words in other languages, read from the scenario's translations when the game is built. */
  readonly texts?: Readonly<Partial<Record<OverlayLang, CardText>>>;
}

/** What a title card says in one language. */
export interface CardText {
  readonly title: string;
  readonly summary: string;
  readonly invented: string | null;
}

export interface CatalogEntry {
  readonly id: string;
  readonly file: string;
  /** Loaded and checked on first use for a bundled scenario (src/store/catalog-cards.ts). */
  readonly scenario: Scenario;
  /** The build-time title card of a bundled scenario. */
  readonly card?: ScenarioCard;
}

export interface CatalogFailure {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly failures: readonly CatalogFailure[];
}

export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

const SHARED_FILES = new Set(['schema.yaml', 'terms.yaml', 'ladder.yaml', 'facts.yaml', 'glossary.yaml']);

/** The file name of a path: `/scenarios/ip-theft.yaml` gives `ip-theft.yaml`. */
export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

/** Whether a bundled file is a scenario (not the schema, terms, ladder or a file starting with `_`). */
export function isScenarioFile(path: string): boolean {
  const name = baseName(path);
  return name.endsWith('.yaml') && !name.startsWith('_') && !SHARED_FILES.has(name);
}

function crash(file: string, code: string, err: unknown): CatalogFailure {
  const message = err instanceof Error ? err.message : String(err);
  return { file, diagnostics: [{ severity: 'error', code, file, line: 0, column: 0, path: '', message }] };
}

type LibraryLoad = ReturnType<typeof loadLibrary>;

let lastLibrary: { readonly terms: string; readonly ladder: string; readonly facts: string; readonly load: LibraryLoad } | null = null;

/**
 * The shared terms, ladder and facts, loaded from their texts once per page (or worker): the catalog,
 * designer mode and the analyses ask for the same three files, and reading them is one of the larger
 * costs of opening a scenario. The same texts give the same (immutable) library.
 */
export function sharedLibrary(termsText: string, ladderText: string, factsText: string): LibraryLoad {
  if (lastLibrary !== null && lastLibrary.terms === termsText && lastLibrary.ladder === ladderText && lastLibrary.facts === factsText) return lastLibrary.load;
  const load = loadLibrary(termsText, ladderText, factsText);
  lastLibrary = { terms: termsText, ladder: ladderText, facts: factsText, load };
  return load;
}

/**
 * Loads the terms, the ladder and each scenario file. Entries are in file-name order (code-unit
 * comparison); a duplicate scenario id keeps the first file and lists the second as a failure.
 */
export function loadCatalog(files: readonly SourceFile[], termsText: string, ladderText: string, factsText: string): Catalog {
  let lib: ReturnType<typeof loadLibrary>;
  try {
    lib = sharedLibrary(termsText, ladderText, factsText);
  } catch (err) {
    return { entries: [], failures: [crash('terms.yaml', 'library/unreadable', err)] };
  }
  if (lib.library === null) return { entries: [], failures: [{ file: 'terms.yaml', diagnostics: lib.diagnostics }] };
  const sorted = files.filter((f) => isScenarioFile(f.file)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const entries: CatalogEntry[] = [];
  const failures: CatalogFailure[] = [];
  for (const f of sorted) {
    const name = baseName(f.file);
    let result: ReturnType<typeof loadScenario>;
    try {
      result = loadScenario(f.text, name, lib.library);
    } catch (err) {
      failures.push(crash(name, 'yaml/unreadable', err));
      continue;
    }
    const scenario = result.scenario;
    if (scenario === null) {
      failures.push({ file: name, diagnostics: result.diagnostics });
    } else if (entries.some((e) => e.id === scenario.id)) {
      failures.push({
        file: name,
        diagnostics: [{ severity: 'error', code: 'catalog/duplicate-id', file: name, line: 0, column: 0, path: 'id', message: `another file already has the id "${scenario.id}"` }],
      });
    } else {
      entries.push({ id: scenario.id, file: name, scenario });
    }
  }
  return { entries, failures };
}
