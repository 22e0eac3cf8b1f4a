/**
 * The scenarios a class may play: every scenario file in scenarios/ (files starting with `_` and the
 * shared terms, ladder, facts and schema files left out), loaded with the shared library the way the
 * command line loads them. Scenario files are data: parsed by the engine's loader, never run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadLibrary, loadScenario, loadTranslation, OVERLAY_LANGS, type OverlayLang, type Scenario } from '../engine';

const SHARED = ['schema.yaml', 'terms.yaml', 'ladder.yaml', 'facts.yaml', 'glossary.yaml'];

/** The scenario files of a folder, in code-unit order. */
export function scenarioFiles(dir: string): string[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml') && !n.startsWith('_') && !SHARED.includes(n));
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((n) => join(dir, n));
}

export interface ScenarioSet {
  readonly byId: ReadonlyMap<string, Scenario>;
  /** Each scenario read in another language (scenarios/<lang>/<file>), by id then language: the same rules, other words. */
  readonly localised: ReadonlyMap<string, ReadonlyMap<OverlayLang, Scenario>>;
  /** Files that did not load, with their first problem. */
  readonly problems: readonly string[];
}

/** Loads every scenario of `dir` with the shared library beside them. */
export function loadScenarioSet(dir: string): ScenarioSet {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  const lib = loadLibrary(read('terms.yaml'), read('ladder.yaml'), read('facts.yaml'));
  if (lib.library === null) return { byId: new Map(), localised: new Map(), problems: lib.diagnostics.map((d) => `${d.file}: ${d.message}`) };
  const byId = new Map<string, Scenario>();
  const localised = new Map<string, Map<OverlayLang, Scenario>>();
  const problems: string[] = [];
  for (const file of scenarioFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const { scenario, diagnostics } = loadScenario(text, file, lib.library);
    if (scenario === null) problems.push(`${file}: ${diagnostics[0]?.message ?? 'does not load'}`);
    else if (!byId.has(scenario.id)) {
      byId.set(scenario.id, scenario);
      const langs = new Map<OverlayLang, Scenario>();
      for (const lang of OVERLAY_LANGS) {
        const overlay = join(dirname(file), lang, basename(file));
        if (!existsSync(overlay)) continue;
        const read = loadTranslation(scenario, lib.library, { text: readFileSync(overlay, 'utf8'), file: overlay });
        if (read.scenario !== null && read.scenario.lang === lang) langs.set(lang, read.scenario);
        else problems.push(`${overlay}: ${read.diagnostics.find((d) => d.severity === 'error')?.message ?? 'does not load'} (seats in ${lang} read English)`);
      }
      localised.set(scenario.id, langs);
    }
  }
  return { byId, localised, problems };
}
