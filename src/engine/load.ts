/**
 * Loading scenario text into a playable scenario: YAML (hardened) to data, data to structure (zod),
 * references and graph (check.ts), then compiled expressions. Every problem is collected with its file,
 * line, column and data path; a scenario with any error is never returned.
 */
import YAML from 'yaml';
import { compileScenario, libraryFromFiles, type Library } from './compile';
import { compareDiagnostics, formatPath, type Diagnostic, type Problem } from './diagnostics';
import { ladderFileSchema, scenarioSchema, termsFileSchema, type ScenarioFile } from './schema';
import type { Scenario } from './types';

export interface LoadResult {
  readonly scenario: Scenario | null;
  readonly diagnostics: readonly Diagnostic[];
}

function toDiagnostics(file: string, problems: readonly Problem[]): Diagnostic[] {
  return problems.map((p) => ({
    severity: p.severity,
    code: p.code,
    file,
    line: 0,
    column: 0,
    path: formatPath(p.path),
    message: p.message,
    ...(p.suggestion !== undefined ? { suggestion: p.suggestion } : {}),
  }));
}

/** Loads one scenario file's text. `file` names it in every diagnostic. */
export function loadScenario(text: string, file: string, library: Library): LoadResult {
  const data: unknown = YAML.parse(text, { schema: 'core', merge: false, maxAliasCount: 0, uniqueKeys: true, strict: true });
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const problems: Problem[] = parsed.error.issues.map((i) => ({ severity: 'error', code: 'schema/invalid', path: i.path.filter((s): s is string | number => typeof s !== 'symbol'), message: i.message }));
    return { scenario: null, diagnostics: toDiagnostics(file, problems) };
  }
  const compiled = compileScenario(parsed.data as ScenarioFile, library);
  const diagnostics = toDiagnostics(file, compiled.problems).sort(compareDiagnostics);
  return { scenario: diagnostics.some((d) => d.severity === 'error') ? null : compiled.scenario, diagnostics };
}

/** Loads the shared terms and ladder files. */
export function loadLibrary(termsText: string, ladderText: string): { library: Library | null; diagnostics: Diagnostic[] } {
  const opts = { schema: 'core', merge: false, maxAliasCount: 0, uniqueKeys: true, strict: true } as const;
  const terms = termsFileSchema.safeParse(YAML.parse(termsText, opts));
  const ladder = ladderFileSchema.safeParse(YAML.parse(ladderText, opts));
  const diagnostics: Diagnostic[] = [];
  if (!terms.success) diagnostics.push(...toDiagnostics('terms.yaml', terms.error.issues.map((i) => ({ severity: 'error' as const, code: 'schema/invalid', path: i.path.filter((s): s is string | number => typeof s !== 'symbol'), message: i.message }))));
  if (!ladder.success) diagnostics.push(...toDiagnostics('ladder.yaml', ladder.error.issues.map((i) => ({ severity: 'error' as const, code: 'schema/invalid', path: i.path.filter((s): s is string | number => typeof s !== 'symbol'), message: i.message }))));
  if (!terms.success || !ladder.success) return { library: null, diagnostics };
  return { library: libraryFromFiles(terms.data, ladder.data), diagnostics };
}
