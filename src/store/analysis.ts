/**
 * The heavy analyses of the page, as plain data in and plain data out, so that they can run in a Web
 * Worker (worker.ts) and never hold the page: luck versus choice of a finished run (hundreds of
 * replays) and the scenario map's figures (a sample of random-policy runs). The scenario travels as
 * its file and library (a compiled scenario holds functions, which cannot be posted) and is compiled
 * again on the other side, once per rules hash.
 */
import { compilePrepared, compileScenario, type Library, loadScenario, type Scenario, type ScenarioFile, type Side } from '../engine';
import { type LuckResult, luckVersusChoice } from '../sim/luck';
import type { RunInput } from '../sim/luck-types';
import { buildMap, type ScenarioMap, sampleRuns } from '../sim/map';
import { sharedLibrary } from './catalog';
import { type PreparedSource, preparedSourceOf, type ScenarioSourceText, sharedPreparedLibrary, sourceTextOf } from './catalog-cards';

/**
 * What a compiled scenario is made from: the build's checked data or the texts it was loaded from
 * (strings cost next to nothing to post), or else its data (a designer's scenario), which the page's
 * thread must copy.
 */
export type ScenarioSource =
  | { readonly kind: 'prepared'; readonly prepared: PreparedSource }
  | { readonly kind: 'text'; readonly texts: ScenarioSourceText }
  | { readonly kind: 'data'; readonly file: ScenarioFile; readonly library: Library };

export type AnalysisRequest =
  | { readonly kind: 'luck'; readonly scenario: ScenarioSource; readonly run: RunInput; readonly side: Side }
  | { readonly kind: 'map'; readonly scenario: ScenarioSource; readonly runs: number; readonly seed: string };

export type AnalysisAnswer = { readonly kind: 'luck'; readonly value: LuckResult } | { readonly kind: 'map'; readonly value: ScenarioMap };

/** How a loaded scenario is posted: as its texts when they are known, else as its data. */
export function sourceOf(scenario: Scenario): ScenarioSource {
  const prepared = preparedSourceOf(scenario);
  if (prepared !== null) return { kind: 'prepared', prepared };
  const texts = sourceTextOf(scenario);
  if (texts !== null) return { kind: 'text', texts };
  return { kind: 'data', file: scenario.file, library: { terms: scenario.terms, ladder: scenario.ladder, sources: scenario.sources, facts: scenario.facts } };
}

function fromTexts(t: ScenarioSourceText): Scenario {
  const lib = sharedLibrary(t.terms, t.ladder, t.facts);
  if (lib.library === null) throw new Error(`the terms, ladder or facts do not load: ${lib.diagnostics[0]?.message ?? 'unknown problem'}`);
  const loaded = loadScenario(t.text, t.file, lib.library, t.overlay);
  if (loaded.scenario === null) throw new Error(`${t.file} does not load: ${loaded.diagnostics[0]?.message ?? 'unknown problem'}`);
  return loaded.scenario;
}

let last: { readonly key: unknown; readonly scenario: Scenario } | null = null;

function keyOf(source: ScenarioSource): unknown {
  if (source.kind === 'prepared') return `${source.prepared.json}\u0000${source.prepared.overlayJson ?? ''}`;
  if (source.kind === 'text') return `${source.texts.file}\u0000${source.texts.text}\u0000${source.texts.overlay?.text ?? ''}`;
  return source.file;
}

function compiledFrom(source: ScenarioSource): Scenario {
  if (source.kind === 'prepared') return compilePrepared(source.prepared.json, sharedPreparedLibrary(source.prepared.library), source.prepared.overlayJson);
  if (source.kind === 'text') return fromTexts(source.texts);
  return compileScenario(source.file, source.library).scenario;
}

function compiled(source: ScenarioSource): Scenario {
  const key = keyOf(source);
  if (last !== null && last.key === key) return last.scenario;
  const scenario = compiledFrom(source);
  last = { key, scenario };
  return scenario;
}

/** Runs one analysis. Pure apart from the cache of the last scenario compiled. */
export function analyse(request: AnalysisRequest): AnalysisAnswer {
  const scenario = compiled(request.scenario);
  if (request.kind === 'luck') return { kind: 'luck', value: luckVersusChoice(scenario, request.run, request.side) };
  return { kind: 'map', value: buildMap(scenario, sampleRuns(scenario, { runs: request.runs, seed: request.seed })) };
}
