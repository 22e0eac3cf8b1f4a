/**
 * Loading scenario text into a playable scenario, in layers: hardened YAML to data (yaml-safe.ts),
 * data to structure (zod, check-schema.ts), ids and references (check.ts), expressions
 * (compile.ts), then the graph, chance and lint (check-graph.ts, check-chance.ts, check-lint.ts).
 * A layer that finds errors stops the layers after it, whose findings would only echo them; within a
 * layer every problem is reported. Each diagnostic names file, 1-based line:column, data path, code.
 * A scenario with any error is never returned.
 */

import type { PathSegment, PlaceMap, Scenario } from '../format';
import {
  compareDiagnostics,
  compileScenario,
  type Diagnostic,
  decodeUtf8,
  exprEnv,
  factsFileSchema,
  formatPath,
  LIMITS,
  type Library,
  ladderFileSchema,
  libraryFromFiles,
  overlaySchema,
  parseYaml,
  SCENARIO_FORMAT,
  SCENARIO_FORMAT_1,
  type ScenarioFile,
  scenarioSchema,
  TOO_MANY_PROBLEMS,
  termsFileSchema,
} from '../format';
import { CheckFindings, checkReferences } from './check';
import { checkChance } from './check-chance';
import { checkGraph } from './check-graph';
import { checkLength } from './check-length';
import { checkLint } from './check-lint';
import { checkOverlay } from './check-overlay';
import { checkStructure, dataAt, type Finding } from './check-schema';
import { checkStory } from './check-story';

export interface LoadResult {
  readonly scenario: Scenario | null;
  readonly diagnostics: readonly Diagnostic[];
}

export { TOO_MANY_PROBLEMS };

function place(file: string, places: PlaceMap, findings: readonly Finding[]): Diagnostic[] {
  return findings.map((f) => {
    const { line, column } = places.locate(f.path, f.anchor, f.offset);
    return {
      severity: f.severity,
      code: f.code,
      file,
      line,
      column,
      path: formatPath(f.path),
      message: f.message,
      ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
    };
  });
}

/** Sorts by place and caps the list at LIMITS.diagnostics, the last one saying how many were left out. */
export function finishDiagnostics(diagnostics: readonly Diagnostic[], file: string): Diagnostic[] {
  const sorted = diagnostics.slice().sort(compareDiagnostics);
  if (sorted.length <= LIMITS.diagnostics) return sorted;
  const kept = sorted.slice(0, LIMITS.diagnostics - 1);
  kept.push({ severity: 'error', code: TOO_MANY_PROBLEMS, file, line: 0, column: 0, path: '', message: `too many problems: ${sorted.length - kept.length} more are not shown` });
  return kept;
}

const GRAPH_CODES: readonly string[] = ['scenario/unknown-beat', 'scenario/start-not-beat', 'scenario/unknown-ending', 'scenario/timeout-not-ending'];

/** A reference problem after which graph findings would only echo it: a bad target or a shared id. */
function breaksGraph(f: Finding): boolean {
  if (GRAPH_CODES.includes(f.code)) return true;
  return f.code === 'scenario/duplicate-id' && f.path.length === 3 && (f.path[0] === 'beats' || f.path[0] === 'endings');
}

/**
 * A weight written in words ("one in four") reads to the expression compiler as unknown names: say
 * instead what a weight is, and keep the compiler's reason after it.
 */
function weightWords<P extends { readonly code: string; readonly path: readonly PathSegment[]; readonly message: string }>(p: P, data: unknown): P {
  const last = p.path[p.path.length - 1];
  if ((last !== 'weight' && last !== 'ai') || (p.code !== 'expr/unknown-name' && p.code !== 'expr/syntax')) return p;
  const source = dataAt(data, p.path);
  if (typeof source !== 'string') return p;
  const what = last === 'ai' ? "the model's weight" : 'a weight';
  return { ...p, message: `${what} is a number or an expression of the state (such as 3 or "trust / 10"), and "${source.slice(0, 40)}" is neither (${p.message})` };
}

/**
 * A format 1 file: refused with one message naming what to change, rather than dozens of schema
 * errors (scenarios/README.md, "One turn, one story").
 */
function oldFormat(data: unknown): Finding | null {
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== SCENARIO_FORMAT_1) return null;
  return {
    severity: 'error',
    code: 'scenario/old-format',
    path: ['format'],
    anchor: 'value',
    message: `this file is in the old format ${SCENARIO_FORMAT_1}; write format: ${SCENARIO_FORMAT}, give each ending a tone for each side (tone: { us: failure, cn: failure }), say why for every term (terms: { …, why: { T1: "…" } }) and move sources to scenarios/facts.yaml (see "One turn, one story" in scenarios/README.md)`,
  };
}

function hasError(list: readonly { severity: string }[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/**
 * Loads one scenario file's text. `file` names it in every diagnostic. Never throws for any input,
 * never touches a prototype, and returns the scenario only when no diagnostic is an error (warnings
 * come back beside it). Diagnostics are sorted by line and column.
 */
export function loadScenario(text: string, file: string, library: Library, overlay?: OverlayText): LoadResult {
  const yaml = parseYaml(text, file);
  if (yaml.diagnostics.length > 0) return { scenario: null, diagnostics: finishDiagnostics(yaml.diagnostics, file) };
  const old = oldFormat(yaml.data);
  if (old !== null) return { scenario: null, diagnostics: finishDiagnostics(place(file, yaml.places, [old]), file) };
  const structure = checkStructure(scenarioSchema, yaml.data);
  if (structure.value === null) return { scenario: null, diagnostics: finishDiagnostics(place(file, yaml.places, structure.findings), file) };
  const data = structure.value;

  const findings: Finding[] = checkReferences(data, library);
  const targetsOk = !findings.some(breaksGraph);
  const compiled = compileScenario(data, library);
  for (const p of compiled.problems) findings.push({ ...weightWords(p, data), anchor: 'value' });
  const env = exprEnv(data, library);
  const more = new CheckFindings();
  if (targetsOk) checkGraph(data, env, more);
  checkChance(data, env, more);
  checkLint(data, env, more);
  checkLength(data, more);
  checkStory(data, more);
  findings.push(...more.list);

  const diagnostics = finishDiagnostics(place(file, yaml.places, findings), file);
  if (hasError(diagnostics)) return { scenario: null, diagnostics };
  if (overlay === undefined) return { scenario: compiled.scenario, diagnostics };
  const localised = loadOverlay(data, library, overlay);
  return { scenario: localised.scenario ?? compiled.scenario, diagnostics: [...diagnostics, ...localised.diagnostics] };
}

/** A language overlay's text and the name its diagnostics give it (scenarios/zh-Hans/<id>.yaml). */
export interface OverlayText {
  readonly text: string;
  readonly file: string;
}

/**
 * The scenario in the overlay's language, or null (with the reasons) when the overlay has errors: the
 * game then plays in English. Missing texts are warnings and leave those texts in English.
 */
function loadOverlay(data: ScenarioFile, library: Library, overlay: OverlayText): LoadResult {
  const yaml = parseYaml(overlay.text, overlay.file);
  if (yaml.diagnostics.length > 0) return { scenario: null, diagnostics: finishDiagnostics(yaml.diagnostics, overlay.file) };
  const structure = checkStructure(overlaySchema, yaml.data);
  if (structure.value === null) return { scenario: null, diagnostics: finishDiagnostics(place(overlay.file, yaml.places, structure.findings), overlay.file) };
  const compiled = compileScenario(data, library, structure.value);
  const diagnostics = finishDiagnostics(place(overlay.file, yaml.places, checkOverlay(data, structure.value, compiled.gaps)), overlay.file);
  return { scenario: hasError(diagnostics) ? null : compiled.scenario, diagnostics };
}

/**
 * A translation of a scenario loaded in English by {@link loadScenario}: the scenario in the overlay's
 * language, or null with the reasons. The overlay's diagnostics are those `loadScenario(text, file,
 * library, overlay)` gives it, without parsing and checking the English file a second time (a class
 * server, the build's scenario cards and `scenario check` load each scenario and then its translations).
 */
export function loadTranslation(english: Scenario, library: Library, overlay: OverlayText): LoadResult {
  if (english.lang !== 'en') throw new Error(`load: ${english.id} is already read in ${english.lang}; a translation applies to the English file`);
  return loadOverlay(english.file, library, overlay);
}

/** Loads a scenario from bytes, refusing anything that is not strict UTF-8. */
export function loadScenarioBytes(bytes: Uint8Array, file: string, library: Library, overlay?: OverlayText): LoadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { scenario: null, diagnostics: [{ severity: 'error', code: 'yaml/encoding', file, line: 0, column: 0, path: '', message: decoded.message }] };
  return loadScenario(decoded.text, file, library, overlay);
}

function uniqueIds(ids: readonly string[], key: string, what: string): Finding[] {
  const out: Finding[] = [];
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) out.push({ severity: 'error', code: 'scenario/duplicate-id', path: [key, i, 'id'], anchor: 'value', message: `the ${what} id "${id}" is used twice` });
  });
  return out;
}

/**
 * Loads the shared terms and ladder files, with the same hardening as scenarios. Diagnostics name
 * the files `files.terms` and `files.ladder` (by default terms.yaml and ladder.yaml).
 */
export function loadLibrary(
  termsText: string,
  ladderText: string,
  factsText: string,
  files: { readonly terms: string; readonly ladder: string; readonly facts?: string } = { terms: 'terms.yaml', ladder: 'ladder.yaml', facts: 'facts.yaml' },
): { library: Library | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const factsName = files.facts ?? 'facts.yaml';
  const termsYaml = parseYaml(termsText, files.terms);
  const ladderYaml = parseYaml(ladderText, files.ladder);
  const factsYaml = parseYaml(factsText, factsName);
  diagnostics.push(...termsYaml.diagnostics, ...ladderYaml.diagnostics, ...factsYaml.diagnostics);
  const terms = termsYaml.diagnostics.length === 0 ? checkStructure(termsFileSchema, termsYaml.data) : null;
  const ladder = ladderYaml.diagnostics.length === 0 ? checkStructure(ladderFileSchema, ladderYaml.data) : null;
  const facts = factsYaml.diagnostics.length === 0 ? checkStructure(factsFileSchema, factsYaml.data) : null;
  if (facts !== null) {
    const keys = facts.value === null ? [] : facts.value.sources.map((s) => s.key);
    const dupes: Finding[] = [];
    keys.forEach((k, i) => {
      if (keys.indexOf(k) !== i) dupes.push({ severity: 'error', code: 'scenario/duplicate-id', path: ['sources', i, 'key'], anchor: 'value', message: `the source key "${k}" is used twice` });
    });
    facts.value?.facts.forEach((f, i) => {
      f.sources.forEach((k, j) => {
        if (!keys.includes(k))
          dupes.push({ severity: 'error', code: 'scenario/unknown-source', path: ['facts', i, 'sources', j], anchor: 'value', message: `no source with key "${k}" in this file's sources` });
      });
    });
    diagnostics.push(...place(factsName, factsYaml.places, [...facts.findings, ...dupes]));
  }
  if (terms !== null) {
    const ids =
      terms.value === null
        ? []
        : uniqueIds(
            terms.value.terms.map((t) => t.id),
            'terms',
            'term',
          );
    diagnostics.push(...place(files.terms, termsYaml.places, [...terms.findings, ...ids]));
  }
  if (ladder !== null) {
    const ids =
      ladder.value === null
        ? []
        : uniqueIds(
            ladder.value.rungs.map((r) => r.id),
            'rungs',
            'rung',
          );
    diagnostics.push(...place(files.ladder, ladderYaml.places, [...ladder.findings, ...ids]));
  }
  const sorted = finishDiagnostics(diagnostics, files.terms);
  if (terms?.value == null || ladder?.value == null || facts?.value == null || hasError(sorted)) return { library: null, diagnostics: sorted };
  return { library: libraryFromFiles(terms.value, ladder.value, facts.value), diagnostics: sorted };
}
