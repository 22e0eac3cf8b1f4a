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
  formatPath,
  LIMITS,
  type Library,
  ladderFileSchema,
  libraryFromFiles,
  parseYaml,
  scenarioSchema,
  TOO_MANY_PROBLEMS,
  termsFileSchema,
} from '../format';
import { CheckFindings, checkReferences } from './check';
import { checkChance } from './check-chance';
import { checkGraph } from './check-graph';
import { checkLint } from './check-lint';
import { checkStructure, dataAt, type Finding } from './check-schema';

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

function hasError(list: readonly { severity: string }[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/**
 * Loads one scenario file's text. `file` names it in every diagnostic. Never throws for any input,
 * never touches a prototype, and returns the scenario only when no diagnostic is an error (warnings
 * come back beside it). Diagnostics are sorted by line and column.
 */
export function loadScenario(text: string, file: string, library: Library): LoadResult {
  const yaml = parseYaml(text, file);
  if (yaml.diagnostics.length > 0) return { scenario: null, diagnostics: finishDiagnostics(yaml.diagnostics, file) };
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
  findings.push(...more.list);

  const diagnostics = finishDiagnostics(place(file, yaml.places, findings), file);
  return { scenario: hasError(diagnostics) ? null : compiled.scenario, diagnostics };
}

/** Loads a scenario from bytes, refusing anything that is not strict UTF-8. */
export function loadScenarioBytes(bytes: Uint8Array, file: string, library: Library): LoadResult {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { scenario: null, diagnostics: [{ severity: 'error', code: 'yaml/encoding', file, line: 0, column: 0, path: '', message: decoded.message }] };
  return loadScenario(decoded.text, file, library);
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
  files: { readonly terms: string; readonly ladder: string } = { terms: 'terms.yaml', ladder: 'ladder.yaml' },
): { library: Library | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const termsYaml = parseYaml(termsText, files.terms);
  const ladderYaml = parseYaml(ladderText, files.ladder);
  diagnostics.push(...termsYaml.diagnostics, ...ladderYaml.diagnostics);
  const terms = termsYaml.diagnostics.length === 0 ? checkStructure(termsFileSchema, termsYaml.data) : null;
  const ladder = ladderYaml.diagnostics.length === 0 ? checkStructure(ladderFileSchema, ladderYaml.data) : null;
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
  if (terms?.value == null || ladder?.value == null || hasError(sorted)) return { library: null, diagnostics: sorted };
  return { library: libraryFromFiles(terms.value, ladder.value), diagnostics: sorted };
}
