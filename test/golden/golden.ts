/**
 * Golden replays: fixed seeds and a fixed choice policy per scenario, the replay they produce and the
 * full expected log. Made only by `npm run golden` (regenerate.ts); checked by golden.test.ts.
 */
import { fireInject, type GameState, type LogRecord, type ReplayFile, resolveTurn, type Scenario, type Side, start } from '../../src/engine';
import { choiceFor, controllersFor } from './policy';

export type Mode = Side | 'teams';

export interface GoldenFile {
  readonly about: string;
  /** The scenario file, from the repository root. */
  readonly scenario: string;
  readonly mode: Mode;
  readonly replay: ReplayFile;
  readonly ending: string | null;
  readonly log: readonly LogRecord[];
}

export const ABOUT = 'Golden replay: made by `npm run golden` (test/golden/regenerate.ts). Do not edit by hand; review changes as diffs.';

/**
 * The runs of a scenario: seed K7Q3 with the first side it offers, seed M4RX played as China where
 * the scenario allows it, and seed T9WZ with both sides played by people where `teams` is true.
 */
export function goldenRuns(scenario: Scenario): { seed: string; mode: Mode }[] {
  const sides = scenario.file.sides;
  const first = sides[0] ?? 'us';
  const runs: { seed: string; mode: Mode }[] = [
    { seed: 'K7Q3', mode: first },
    { seed: 'M4RX', mode: sides.includes('cn') ? 'cn' : first },
  ];
  if (scenario.file.teams) runs.push({ seed: 'T9WZ', mode: 'teams' });
  return runs;
}

/**
 * The fixed policy: at turn t a side played by people takes offered option (7t + 3) or (5t + 2)
 * (wrapping); at turn 2 the people's outcomes are forced to the second outcome; before turn 2 the
 * facilitator fires the first inject that has no condition, if any. Plays to the end.
 */
export function playGolden(scenario: Scenario, seed: string, mode: Mode): GameState {
  let state = start(scenario, seed, controllersFor(mode));
  const facilitator = scenario.injects.find((i) => i.when === null);
  for (let t = 0; state.ending === null; t++) {
    if (t > 100) throw new Error(`golden: ${scenario.id} does not end`);
    if (t === 1 && facilitator !== undefined && !state.firedInjects.includes(facilitator.id)) {
      const fired = fireInject(scenario, state, facilitator.id);
      if (!fired.ok) throw new Error(`golden: ${fired.error.code} ${fired.error.message}`);
      state = fired.state;
      if (state.ending !== null) break;
    }
    const force = t === 1 ? 1 : null;
    const result = resolveTurn(scenario, state, choiceFor(scenario, state, { kind: 'turn', us: 7 * t + 3, cn: 5 * t + 2, forceUs: force, forceCn: force }));
    if (!result.ok) throw new Error(`golden: ${result.error.code} ${result.error.message}`);
    state = result.state;
  }
  return state;
}

export const goldenName = (scenarioId: string, seed: string): string => `${scenarioId}.${seed}.json`;

/** The first place two JSON values differ, as `path: before → after`; null when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (a === b) return null;
  const show = (v: unknown): string => (v === undefined ? 'nothing' : (JSON.stringify(v) ?? '').slice(0, 80));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path === '' ? '(whole)' : path}: ${show(a)} → ${show(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d !== null) return d;
    }
    return null;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...Object.keys(ra), ...Object.keys(rb).filter((k) => !(k in ra))];
  for (const k of keys) {
    const d = firstDifference(ra[k], rb[k], path === '' ? k : `${path}.${k}`);
    if (d !== null) return d;
  }
  return null;
}
