/**
 * The title cards of the bundled scenarios, worked out when the game is built, and a catalog whose
 * entries load and check their scenario only when something first asks for it. The card is never
 * used for play: the scenario is read by the same loader in the page, and its hash must equal the
 * card's.
 */
import { type Library, loadScenario, type OverlayLang, type OverlayText, overlaySchema, parseYaml, type Scenario } from '../engine';
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

const sourceTexts = new WeakMap<Scenario, ScenarioSourceText>();

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
function overlayCardText(card: ScenarioCard, overlayText: string): { lang: OverlayLang; text: CardText } | null {
  const yaml = parseYaml(overlayText, card.file);
  const read = overlaySchema.safeParse(yaml.data);
  if (yaml.diagnostics.length > 0 || !read.success || read.data.scenario !== card.id) return null;
  const o = read.data;
  return { lang: o.lang, text: { title: o.title ?? card.title, summary: o.summary ?? card.summary, invented: card.invented === null ? null : (o.invented ?? card.invented) } };
}

/**
 * The card in `lang`: the words the build read from the scenario's translation, or (a card built
 * without them) read from the overlay now. Words that cannot be read leave the English card.
 */
function localCard(card: ScenarioCard, lang: OverlayLang, overlayText: string): ScenarioCard {
  const built = card.texts?.[lang];
  const text = built ?? overlayCardText(card, overlayText)?.text;
  return text === undefined ? card : { ...card, ...text };
}

export interface CardsResult {
  readonly cards: readonly ScenarioCard[];
  /** Each file that did not load, with the checker's messages, one a line. */
  readonly problems: readonly string[];
}

/** The cards of the bundled scenario files, checked by the full loader (build time, in Node). */
export function buildCards(files: readonly SourceFile[], termsText: string, ladderText: string, factsText: string, overlays: readonly SourceFile[] = []): CardsResult {
  const catalog = loadCatalog(files, termsText, ladderText, factsText);
  const problems = catalog.failures.flatMap((f) => f.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`));
  const cards = catalog.entries.map((e) => {
    const card = cardOf(e.scenario, e.file);
    const texts: Partial<Record<OverlayLang, CardText>> = {};
    for (const o of overlays.filter((x) => baseName(x.file) === card.file)) {
      const read = overlayCardText(card, o.text);
      if (read !== null) texts[read.lang] = read.text;
    }
    return Object.keys(texts).length === 0 ? card : { ...card, texts };
  });
  return { cards, problems };
}

function loadChecked(card: ScenarioCard, text: string, library: () => Library, overlay: OverlayText | undefined): Scenario {
  const result = loadScenario(text, card.file, library(), overlay);
  const scenario = result.scenario;
  if (scenario === null) {
    const first = result.diagnostics[0];
    throw new Error(`the bundled scenario ${card.file} does not load${first === undefined ? '' : `: ${first.message} (${first.code})`}`);
  }
  if (scenario.hash !== card.hash || scenario.contentHash !== card.contentHash || scenario.id !== card.id) {
    throw new Error(`the bundled scenario ${card.file} is not the one this build was made with (hash ${scenario.hash}, expected ${card.hash})`);
  }
  return scenario;
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
    const text = byName.get(card.file);
    if (text === undefined) {
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
    entries.push({
      id: card.id,
      file: card.file,
      card: overlay === undefined || overlays === null ? card : localCard(card, overlays.lang, overlay.text),
      get scenario(): Scenario {
        if (scenario === null) {
          scenario = loadChecked(card, text, shared, overlay);
          rememberSourceText(scenario, { text, file: card.file, ...(overlay === undefined ? {} : { overlay }), terms: termsText, ladder: ladderText, facts: factsText });
        }
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
