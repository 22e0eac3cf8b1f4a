/**
 * What the build makes of the bundled scenario files, in Node: each one checked by the full loader,
 * its title card, and the checked data the page compiles (src/engine/format/prepared.ts), for the
 * scenarios and for their translations. vite.config.ts runs this through src/cli/scenario-cards.ts.
 */
import { type Library, loadTranslation, type OverlayFile, type OverlayLang, overlaySchema, parseYaml, preparedJson, preparedLibraryJson, type Scenario } from '../engine';
import { baseName, type CardText, loadCatalog, type SourceFile, sharedLibrary } from './catalog';
import { cardOf, overlayCardWords, type ScenarioCard } from './catalog-cards';

/** The build's checked data as JSON texts: the library, each scenario by file name, each translation by language and file name. */
export interface PreparedFiles {
  readonly library: string;
  readonly scenarios: Readonly<Record<string, string>>;
  readonly overlays: Readonly<Partial<Record<OverlayLang, Readonly<Record<string, string>>>>>;
}

export interface CardsResult {
  readonly cards: readonly ScenarioCard[];
  /** Each file that did not load, with the checker's messages, one a line. */
  readonly problems: readonly string[];
  readonly prepared: PreparedFiles;
}

/**
 * A translation's checked data, when it applies to its scenario without an error (a translation with
 * errors is left out, and the page plays that scenario in English, as it would with the YAML).
 */
function preparedOverlay(english: Scenario, overlay: SourceFile, data: OverlayFile, library: Library): string | null {
  const loaded = loadTranslation(english, library, { text: overlay.text, file: overlay.file.replace(/^\//, '') });
  return loaded.scenario?.lang === data.lang ? preparedJson(data) : null;
}

/** The cards and checked data of the bundled scenario files, checked by the full loader (build time, in Node). */
export function buildCards(files: readonly SourceFile[], termsText: string, ladderText: string, factsText: string, overlays: readonly SourceFile[] = []): CardsResult {
  const catalog = loadCatalog(files, termsText, ladderText, factsText);
  const problems = catalog.failures.flatMap((f) => f.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`));
  const library = sharedLibrary(termsText, ladderText, factsText).library;
  const scenarios: Record<string, string> = {};
  const translated: Partial<Record<OverlayLang, Record<string, string>>> = {};
  const cards = catalog.entries.map((e) => {
    const card = cardOf(e.scenario, e.file);
    scenarios[card.file] = preparedJson(e.scenario.file);
    const texts: Partial<Record<OverlayLang, CardText>> = {};
    for (const o of overlays.filter((x) => baseName(x.file) === card.file)) {
      // Read once for the card's words and the checked data; the translation's check reads it again, for its places.
      const yaml = parseYaml(o.text, o.file);
      const read = overlaySchema.safeParse(yaml.data);
      if (yaml.diagnostics.length > 0 || !read.success) continue;
      const words = overlayCardWords(card, read.data);
      if (words !== null) texts[words.lang] = words.text;
      const json = library === null ? null : preparedOverlay(e.scenario, o, read.data, library);
      if (json !== null) translated[read.data.lang] = { ...translated[read.data.lang], [card.file]: json };
    }
    return Object.keys(texts).length === 0 ? card : { ...card, texts };
  });
  return { cards, problems, prepared: { library: library === null ? '' : preparedLibraryJson(library), scenarios, overlays: translated } };
}
