/**
 * A bundled scenario as the build checked it: the data its YAML file read to (after the schema), as
 * JSON. The build runs the whole checker in Node; the page then compiles this data when the scenario
 * is first opened, without reading YAML or checking it again (reading and checking took most of the
 * half second that opening a scenario held the page). The data is never run: it is parsed as JSON and
 * compiled by the same compiler, and its hashes must equal the ones on the build's card.
 */
import { compileScenario, type Library } from './compile';
import type { DatedFact, Rung, Scenario, Source, Term } from './model';
import type { OverlayFile } from './overlay';
import type { ScenarioFile } from './schema';

/** The shared library as JSON data: its sources as a list (a Map does not survive JSON). */
export interface PreparedLibrary {
  readonly terms: readonly Term[];
  readonly ladder: readonly Rung[];
  readonly sources: readonly Source[];
  readonly facts: readonly DatedFact[];
}

/** The library's JSON, for the build to ship. */
export function preparedLibraryJson(library: Library): string {
  const prepared: PreparedLibrary = { terms: library.terms, ladder: library.ladder, sources: [...library.sources.values()], facts: library.facts };
  return JSON.stringify(prepared);
}

/** The library from the build's JSON. Throws when the text is not the JSON of a library. */
export function libraryFromPrepared(json: string): Library {
  const p = JSON.parse(json) as Partial<PreparedLibrary> | null;
  if (p === null || typeof p !== 'object' || !Array.isArray(p.terms) || !Array.isArray(p.ladder) || !Array.isArray(p.sources) || !Array.isArray(p.facts)) {
    throw new Error('the prepared library is not the data of a terms, ladder and facts file');
  }
  return { terms: p.terms, ladder: p.ladder, sources: new Map(p.sources.map((s) => [s.key, s])), facts: p.facts };
}

/** A checked scenario's data (and, for a translation, the overlay's) as JSON, for the build to ship. */
export function preparedJson(data: ScenarioFile | OverlayFile): string {
  return JSON.stringify(data);
}

/**
 * Compiles a scenario from the build's JSON (with its translation's, when given). Throws when the data
 * does not compile cleanly: the build checked it, so a problem here means the files were changed or
 * damaged after the build, and the caller compares the hashes with the card's as well.
 */
export function compilePrepared(json: string, library: Library, overlayJson?: string): Scenario {
  const data = JSON.parse(json) as ScenarioFile;
  const overlay = overlayJson === undefined ? undefined : (JSON.parse(overlayJson) as OverlayFile);
  const compiled = compileScenario(data, library, overlay);
  const first = compiled.problems[0];
  if (first !== undefined) throw new Error(`the prepared data does not compile: ${first.message}`);
  return compiled.scenario;
}
