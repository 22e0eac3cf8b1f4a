/**
 * What the browser should show, worked out in Node with the engine itself: the bundled scenarios and
 * the result of playing one with a seed and a list of 1-based option picks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GameState, legalOptions, loadLibrary, loadScenario, type ObjectiveResult, outcomeTextOf, resolveTurn, type Scenario, type Side, scoreObjectives, start } from '../../src/engine';
import { REPO_ROOT } from './build';

const SCENARIO_DIR = join(REPO_ROOT, 'scenarios');
const NOT_SCENARIOS = new Set(['schema', 'terms', 'ladder', 'facts', 'glossary']);

/** The ids-to-be of the bundled scenarios: scenarios/*.yaml except schema, terms, ladder and `_` files. */
export function bundledScenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('_') && !NOT_SCENARIOS.has(f.slice(0, -'.yaml'.length)))
    .sort();
}

/** The scenario the single-scenario tests play: ip-theft when it is there, else the first bundled. */
export function primaryScenarioFile(): string {
  const files = bundledScenarioFiles();
  return files.includes('ip-theft.yaml') ? 'ip-theft.yaml' : (files[0] ?? '');
}

const loaded = new Map<string, Scenario>();

/**
 * Loads one scenario file (path relative to the repository) with the shared terms and ladder; in
 * Chinese with `lang`. Loaded once per test worker (about 170 ms each): a scenario is read-only.
 */
export function loadScenarioFile(file: string, lang?: 'zh-Hans'): Scenario {
  const key = `${lang ?? 'en'}:${file}`;
  const known = loaded.get(key);
  if (known !== undefined) return known;
  const lib = loadLibrary(readFileSync(join(SCENARIO_DIR, 'terms.yaml'), 'utf8'), readFileSync(join(SCENARIO_DIR, 'ladder.yaml'), 'utf8'), readFileSync(join(SCENARIO_DIR, 'facts.yaml'), 'utf8'));
  if (!lib.library) throw new Error(`terms or ladder do not load: ${JSON.stringify(lib.diagnostics)}`);
  const overlay = lang === undefined ? undefined : { text: readFileSync(join(SCENARIO_DIR, lang, file.replace(/^scenarios\//, '')), 'utf8'), file: `${lang}/${file}` };
  const result = loadScenario(readFileSync(join(REPO_ROOT, file), 'utf8'), file, lib.library, overlay);
  if (!result.scenario) throw new Error(`${file} does not load: ${JSON.stringify(result.diagnostics)}`);
  loaded.set(key, result.scenario);
  return result.scenario;
}

/** What one turn shows: the beat's title before the choice, the option taken and its outcome's text. */
export interface TurnSeen {
  readonly beatTitle: string;
  readonly optionLabel: string;
  readonly outcomeText: string;
}

/** A scenario file loaded, or why it does not load (for a test that fails with the reason). */
export function tryLoadScenarioFile(file: string): Scenario | string {
  try {
    return loadScenarioFile(file);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export interface PlayedRun {
  readonly state: GameState;
  readonly turns: readonly TurnSeen[];
  /** The 1-based picks actually made, one per turn (1 where the list ran out). */
  readonly picks: readonly number[];
  readonly endingTitle: string;
  readonly objectives: readonly ObjectiveResult[];
}

/** Plays a one-side run against the counterpart model, picking `picks[t]` (1-based) on turn t, else 1. */
export function playByIndex(scenario: Scenario, seed: string, side: Side, picks: readonly number[]): PlayedRun {
  let state = start(scenario, seed, { us: side === 'us' ? 'people' : 'model', cn: side === 'cn' ? 'people' : 'model' });
  const made: number[] = [];
  const turns: TurnSeen[] = [];
  while (state.ending === null) {
    const beat = scenario.beats.get(state.beat);
    const options = legalOptions(scenario, state, side);
    const pick = Math.min(picks[made.length] ?? 1, options.length);
    const option = options[pick - 1];
    if (!beat || !option) throw new Error(`no option ${pick} on turn ${state.turn + 1}`);
    const result = resolveTurn(scenario, state, { [side]: option.id });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    const record = result.record;
    const move = record.kind === 'turn' ? record.moves.find((m) => m.side === side) : undefined;
    turns.push({ beatTitle: beat.file.title, optionLabel: option.label, outcomeText: move !== undefined && record.kind === 'turn' ? outcomeTextOf(scenario, record.beat, move) : '' });
    state = result.state;
    made.push(pick);
  }
  const ending = scenario.file.endings.find((e) => e.id === state.ending);
  return { state, turns, picks: made, endingTitle: ending?.title ?? '', objectives: scoreObjectives(scenario, state) };
}

/** Plays a two-team run: `picks[t]` is the US team's then China's 1-based pick on turn t (else 1, 1). */
export function playTeams(scenario: Scenario, seed: string, picks: readonly (readonly [number, number])[]): PlayedRun & { readonly pairs: readonly (readonly [number, number])[] } {
  let state = start(scenario, seed, { us: 'people', cn: 'people' });
  const pairs: [number, number][] = [];
  const turns: TurnSeen[] = [];
  while (state.ending === null) {
    const beat = scenario.beats.get(state.beat);
    const us = legalOptions(scenario, state, 'us');
    const cn = legalOptions(scenario, state, 'cn');
    const [wantUs, wantCn] = picks[pairs.length] ?? [1, 1];
    const pair: [number, number] = [Math.min(wantUs, us.length), Math.min(wantCn, cn.length)];
    const optionUs = us[pair[0] - 1];
    const optionCn = cn[pair[1] - 1];
    if (!beat || !optionUs || !optionCn) throw new Error(`no options ${pair.join(':')} on turn ${state.turn + 1}`);
    const result = resolveTurn(scenario, state, { us: optionUs.id, cn: optionCn.id });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    const record = result.record;
    const move = record.kind === 'turn' ? record.moves.find((m) => m.side === 'us') : undefined;
    turns.push({ beatTitle: beat.file.title, optionLabel: optionUs.label, outcomeText: move !== undefined && record.kind === 'turn' ? outcomeTextOf(scenario, record.beat, move) : '' });
    state = result.state;
    pairs.push(pair);
  }
  const ending = scenario.file.endings.find((e) => e.id === state.ending);
  return { state, turns, picks: pairs.map((p) => p[0]), pairs, endingTitle: ending?.title ?? '', objectives: scoreObjectives(scenario, state) };
}

/** The log as the test hook and the CLI print it. */
export function logJsonOf(state: GameState): string {
  return `${JSON.stringify(state.log, null, 2)}\n`;
}
