/**
 * Scenarios for engine tests, golden replays and their regeneration: the minimal fixture and every
 * scenario file in scenarios/, loaded through the same path the game uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic, type Library, loadLibrary, loadScenario, type Scenario } from '../../src/engine';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MINIMAL_PATH = 'test/fixtures/valid/minimal.yaml';

let cachedLibrary: Library | null = null;

export function library(): Library {
  if (cachedLibrary !== null) return cachedLibrary;
  const read = (name: string): string => readFileSync(join(ROOT, 'scenarios', name), 'utf8');
  const lib = loadLibrary(read('terms.yaml'), read('ladder.yaml'), read('facts.yaml'));
  if (lib.library === null) throw new Error(`library: ${lib.diagnostics.map(formatDiagnostic).join('\n')}`);
  cachedLibrary = lib.library;
  return lib.library;
}

/** Loads scenario text; throws with every diagnostic when it does not load (a test failure). */
export function scenarioFromText(text: string, file: string): Scenario {
  const r = loadScenario(text, file, library());
  if (r.scenario === null) throw new Error(`${file} does not load:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  return r.scenario;
}

const loaded = new Map<string, { text: string; scenario: Scenario }>();

/** Loads a scenario file by its path from the repository root (again only when its text changed). */
export function scenarioAt(path: string): Scenario {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const hit = loaded.get(path);
  if (hit !== undefined && hit.text === text) return hit.scenario;
  const scenario = scenarioFromText(text, path);
  loaded.set(path, { text, scenario });
  return scenario;
}

export const minimalText = (): string => readFileSync(join(ROOT, MINIMAL_PATH), 'utf8');

/** Paths (from the root) of the scenario files in scenarios/ (not `_` files such as the template), in code-unit order. */
export function scenarioPaths(): string[] {
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_') && f !== 'terms.yaml' && f !== 'ladder.yaml' && f !== 'facts.yaml' && f !== 'glossary.yaml')
    .filter((f) => /^format:\s*red-phone\/scenario@2\s*$/m.test(readFileSync(join(ROOT, 'scenarios', f), 'utf8')))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((f) => `scenarios/${f}`);
}

export interface LoadedScenario {
  readonly path: string;
  readonly scenario: Scenario;
}

/**
 * The minimal fixture and every scenario in scenarios/ that loads, each with the path it was read
 * from, and the problems of those that do not (golden.test.ts fails on them, naming each).
 */
export function loadAll(): { loaded: LoadedScenario[]; broken: { path: string; problem: string }[] } {
  const loaded: LoadedScenario[] = [];
  const broken: { path: string; problem: string }[] = [];
  for (const path of [MINIMAL_PATH, ...scenarioPaths()]) {
    try {
      loaded.push({ path, scenario: scenarioAt(path) });
    } catch (e) {
      broken.push({ path, problem: e instanceof Error ? e.message : String(e) });
    }
  }
  return { loaded, broken };
}

/** The scenarios that load (see {@link loadAll}). */
export function allScenarios(): LoadedScenario[] {
  return loadAll().loaded;
}
