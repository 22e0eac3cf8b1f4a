/**
 * The title cards of the bundled scenarios, worked out when the game is built, and a catalog whose
 * entries load and check their scenario only when something first asks for it. The card is never
 * used for play: the scenario is read by the same loader in the page, and its hash must equal the
 * card's.
 */
import { compilePrepared, type Library, libraryFromPrepared, loadScenario, type OverlayFile, type OverlayLang, type OverlayText, overlaySchema, parseYaml, type Scenario } from '../engine';
import { usualTurns } from '../sim/usual-turns';
import { baseName, type CardText, type Catalog, type CatalogEntry, type CatalogFailure, isScenarioFile, loadCatalog, type ScenarioCard, type SourceFile, sharedLibrary } from './catalog';
import { rememberUsualTurns } from './pace';

export type { ScenarioCard } from './catalog';

/** The texts a bundled scenario was loaded from: enough to load it again elsewhere (a worker) without posting its data. */
export interface ScenarioSourceText {
  readonly text: string;
  readonly file: string;
  readonly overlay?: OverlayText;
  readonly terms: string;
  readonly ladder: string;
  readonly facts: string;
}

/**
 * The build's checked data of the bundled scenarios (src/engine/format/prepared.ts), as JSON texts:
 * the library, each scenario by file name, and each translation in the page's language by file name.
 */
export interface PreparedBundle {
  readonly library: string;
  readonly scenarios: ReadonlyMap<string, string>;
  readonly overlays: ReadonlyMap<string, string>;
}

/** What a scenario compiled from the build's data was made of: enough to compile it again elsewhere (a worker); strings cost next to nothing to post. */
export interface PreparedSource {
  readonly json: string;
  readonly overlayJson?: string;
  readonly library: string;
}

const sourceTexts = new WeakMap<Scenario, ScenarioSourceText>();
const preparedSources = new WeakMap<Scenario, PreparedSource>();

/** The build's data `scenario` was compiled from, when it is a bundled scenario compiled by this catalog. */
export function preparedSourceOf(scenario: Scenario): PreparedSource | null {
  return preparedSources.get(scenario) ?? null;
}

let lastPreparedLibrary: { readonly json: string; readonly library: Library } | null = null;

/** The library of the build's JSON, read once per page (or worker). */
export function sharedPreparedLibrary(json: string): Library {
  if (lastPreparedLibrary?.json === json) return lastPreparedLibrary.library;
  const library = libraryFromPrepared(json);
  lastPreparedLibrary = { json, library };
  return library;
}

function rememberSourceText(scenario: Scenario, source: ScenarioSourceText): void {
  sourceTexts.set(scenario, source);
}

/** The texts `scenario` was loaded from, when it is a bundled scenario loaded by this catalog. */
export function sourceTextOf(scenario: Scenario): ScenarioSourceText | null {
  return sourceTexts.get(scenario) ?? null;
}

/** The card of a loaded scenario. */
export function cardOf(scenario: Scenario, file: string): ScenarioCard {
  const f = scenario.file;
  return {
    id: scenario.id,
    version: scenario.version,
    hash: scenario.hash,
    contentHash: scenario.contentHash,
    file,
    title: f.title,
    summary: f.summary,
    invented: f.invented ?? null,
    sides: [...f.sides],
    teams: f.teams,
    maxTurns: f.maxTurns,
    turnDays: f.calendar.turnDays,
    usualTurns: usualTurns(scenario),
    difficulty: f.difficulty,
  };
}

/** The card of a catalog entry: the build-time card of a bundled one, or read from its loaded scenario. */
export function entryCard(entry: CatalogEntry): ScenarioCard {
  return entry.card ?? cardOf(entry.scenario, entry.file);
}

/** A title card's words in an overlay's language, read from the overlay alone; null when it does not read or is another scenario's. */
export function overlayCardText(card: ScenarioCard, overlayText: string): { lang: OverlayLang; text: CardText } | null {
  const yaml = parseYaml(overlayText, card.file);
  const read = overlaySchema.safeParse(yaml.data);
  return yaml.diagnostics.length > 0 || !read.success ? null : overlayCardWords(card, read.data);
}

/** The card's words in the language of `o`, an overlay read and checked against the overlay schema (null when it is another scenario's). */
export function overlayCardWords(card: ScenarioCard, o: OverlayFile): { lang: OverlayLang; text: CardText } | null {
  if (o.scenario !== card.id) return null;
  return { lang: o.lang, text: { title: o.title ?? card.title, summary: o.summary ?? card.summary, invented: card.invented === null ? null : (o.invented ?? card.invented) } };
}

/**
 * The card in `lang`: the words the build read from the scenario's translation, or (a card built
 * without them) read from the overlay now. Words that cannot be read leave the English card.
 */
function localCard(card: ScenarioCard, lang: OverlayLang, overlayText: string | undefined): ScenarioCard {
  const built = card.texts?.[lang];
  const text = built ?? (overlayText === undefined ? undefined : overlayCardText(card, overlayText)?.text);
  return text === undefined ? card : { ...card, ...text };
}

function loadChecked(card: ScenarioCard, text: string, library: () => Library, overlay: OverlayText | undefined): Scenario {
  const result = loadScenario(text, card.file, library(), overlay);
  const scenario = result.scenario;
  if (scenario === null) {
    const first = result.diagnostics[0];
    throw new Error(`the bundled scenario ${card.file} does not load${first === undefined ? '' : `: ${first.message} (${first.code})`}`);
  }
  return sameAsCard(card, scenario);
}

/** A bundled scenario from the build's checked data: compiled, not read or checked again. */
function loadPrepared(card: ScenarioCard, source: PreparedSource): Scenario {
  let scenario: Scenario;
  try {
    scenario = compilePrepared(source.json, sharedPreparedLibrary(source.library), source.overlayJson);
  } catch (err) {
    throw new Error(`the bundled scenario ${card.file} does not load: ${err instanceof Error ? err.message : String(err)}`);
  }
  preparedSources.set(scenario, source);
  return sameAsCard(card, scenario);
}

/** The scenario, when it is the one the card was built from. */
function sameAsCard(card: ScenarioCard, scenario: Scenario): Scenario {
  if (scenario.hash !== card.hash || scenario.contentHash !== card.contentHash || scenario.id !== card.id) {
    throw new Error(`the bundled scenario ${card.file} is not the one this build was made with (hash ${scenario.hash}, expected ${card.hash})`);
  }
  return scenario;
}

/**
 * How a card's scenario is loaded on first use: compiled from the build's checked data when the page
 * has it, else read and checked from its text; null when it has neither (the file could not be fetched).
 */
function cardLoader(
  card: ScenarioCard,
  prepared: PreparedBundle | null,
  text: string | undefined,
  overlay: OverlayText | undefined,
  library: () => Library,
  shared: { readonly terms: string; readonly ladder: string; readonly facts: string },
): (() => Scenario) | null {
  const json = prepared?.scenarios.get(card.file);
  if (prepared !== null && json !== undefined) {
    const overlayJson = prepared.overlays.get(card.file);
    return () => loadPrepared(card, { json, library: prepared.library, ...(overlayJson === undefined ? {} : { overlayJson }) });
  }
  if (text === undefined) return null;
  return () => {
    const scenario = loadChecked(card, text, library, overlay);
    rememberSourceText(scenario, { text, file: card.file, ...(overlay === undefined ? {} : { overlay }), ...shared });
    return scenario;
  };
}

/**
 * A catalog of the build-time cards whose entries load their scenario from `texts` (keyed by file
 * name) on first use, with the terms and ladder loaded once. A card without its text is listed as a
 * failure and never offered; a text without a card (a test build's extra file) is loaded at once.
 */
export function lazyCatalog(
  cards: readonly ScenarioCard[],
  texts: readonly SourceFile[],
  termsText: string,
  ladderText: string,
  factsText: string,
  overlays: { readonly lang: OverlayLang; readonly files: readonly SourceFile[] } | null = null,
  prepared: PreparedBundle | null = null,
): Catalog {
  let library: Library | null = null;
  const shared = (): Library => {
    if (library === null) {
      const loaded = sharedLibrary(termsText, ladderText, factsText);
      if (loaded.library === null) throw new Error(`the bundled terms or ladder do not load: ${loaded.diagnostics[0]?.message ?? 'unknown problem'}`);
      library = loaded.library;
    }
    return library;
  };
  const byName = new Map(texts.filter((t) => isScenarioFile(t.file)).map((t) => [baseName(t.file), t.text] as const));
  const overlayByName = new Map((overlays?.files ?? []).map((t) => [baseName(t.file), { text: t.text, file: t.file.replace(/^\//, '') }] as const));
  const entries: CatalogEntry[] = [];
  const failures: CatalogFailure[] = [];
  for (const card of cards) {
    rememberUsualTurns(card.hash, card.usualTurns);
    const load = cardLoader(card, prepared, byName.get(card.file), overlayByName.get(card.file), shared, { terms: termsText, ladder: ladderText, facts: factsText });
    if (load === null) {
      failures.push({
        file: card.file,
        diagnostics: [
          {
            severity: 'error',
            code: 'catalog/unavailable',
            file: card.file,
            line: 0,
            column: 0,
            path: '',
            message: 'the file could not be fetched (are you offline?); reload the page to try again',
          },
        ],
      });
      continue;
    }
    let scenario: Scenario | null = null;
    const overlay = overlayByName.get(card.file);
    const lang = overlays?.lang ?? null;
    entries.push({
      id: card.id,
      file: card.file,
      card: lang === null || (overlay === undefined && prepared?.overlays.has(card.file) !== true) ? card : localCard(card, lang, overlay?.text),
      get scenario(): Scenario {
        scenario ??= load();
        return scenario;
      },
    });
  }
  const known = new Set(cards.map((c) => c.file));
  const unknown = texts.filter((t) => isScenarioFile(t.file) && !known.has(baseName(t.file)));
  if (unknown.length === 0) return { entries, failures };
  const more = loadCatalog(unknown, termsText, ladderText, factsText);
  for (const entry of more.entries) {
    if (entries.some((e) => e.id === entry.id))
      failures.push({
        file: entry.file,
        diagnostics: [{ severity: 'error', code: 'catalog/duplicate-id', file: entry.file, line: 0, column: 0, path: 'id', message: `another file already has the id "${entry.id}"` }],
      });
    else entries.push(entry);
  }
  return { entries, failures: [...failures, ...more.failures] };
}
