/**
 * The heavy analyses of the page, as plain data in and plain data out, so that they can run in a Web
 * Worker (worker.ts) and never hold the page: luck versus choice of a finished run (hundreds of
 * replays) and the scenario map's figures (a sample of random-policy runs). The scenario travels as
 * its file and library (a compiled scenario holds functions, which cannot be posted) and is compiled
 * again on the other side, once per rules hash.
 */
import { compileScenario, type Library, type Scenario, type ScenarioFile, type Side } from '../../engine';
import { type LuckResult, luckVersusChoice } from '../../sim/luck';
import type { RunInput } from '../../sim/luck-types';
import { buildMap, type ScenarioMap, sampleRuns } from '../../sim/map';

/** What a compiled scenario is made from. */
export interface ScenarioSource {
  readonly file: ScenarioFile;
  readonly library: Library;
}

export type AnalysisRequest =
  | { readonly kind: 'luck'; readonly scenario: ScenarioSource; readonly run: RunInput; readonly side: Side }
  | { readonly kind: 'map'; readonly scenario: ScenarioSource; readonly runs: number; readonly seed: string };

export type AnalysisAnswer = { readonly kind: 'luck'; readonly value: LuckResult } | { readonly kind: 'map'; readonly value: ScenarioMap };

/** The file and library of a loaded scenario, to be posted. */
export function sourceOf(scenario: Scenario): ScenarioSource {
  return { file: scenario.file, library: { terms: scenario.terms, ladder: scenario.ladder, sources: scenario.sources, facts: scenario.facts } };
}

let last: { readonly file: ScenarioFile; readonly scenario: Scenario } | null = null;

function compiled(source: ScenarioSource): Scenario {
  if (last !== null && last.file === source.file) return last.scenario;
  const scenario = compileScenario(source.file, source.library).scenario;
  last = { file: source.file, scenario };
  return scenario;
}

/** Runs one analysis. Pure apart from the cache of the last scenario compiled. */
export function analyse(request: AnalysisRequest): AnalysisAnswer {
  const scenario = compiled(request.scenario);
  if (request.kind === 'luck') return { kind: 'luck', value: luckVersusChoice(scenario, request.run, request.side) };
  return { kind: 'map', value: buildMap(scenario, sampleRuns(scenario, { runs: request.runs, seed: request.seed })) };
}
