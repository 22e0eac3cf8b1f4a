/**
 * How long a run of a scenario can be and usually is, so the turn header sets the pace honestly:
 * "Turn 3 · at most 12, most runs end by 7". The usual length is the turn by which four runs in five
 * have ended, over runs played by the simulator's random policy from fixed seeds (the same figure on
 * every machine, worked out once per scenario version).
 */
import type { Scenario } from '../engine';
import { simulate } from '../sim';

/** Runs behind the figure: enough for a stable 80th percentile, a few milliseconds of work. */
const PACE_RUNS = 200;
/** The share of runs that have ended by the "usual" turn. */
const PACE_PERCENT = 80;

export interface Pace {
  readonly max: number;
  /** The turn by which most runs have ended (null when no run could be simulated). */
  readonly usual: number | null;
}

const cache = new Map<string, Pace>();

export function paceOf(scenario: Scenario): Pace {
  const known = cache.get(scenario.hash);
  if (known !== undefined) return known;
  const side = scenario.file.sides[0] ?? 'us';
  const report = simulate(scenario, { runs: PACE_RUNS, seed: 'pace', policy: 'random', side });
  let seen = 0;
  let usual: number | null = null;
  for (const bar of report.turns.histogram) {
    seen += bar.runs;
    if (report.completed > 0 && seen * 100 >= report.completed * PACE_PERCENT) {
      usual = bar.turns;
      break;
    }
  }
  const pace = { max: scenario.file.maxTurns, usual };
  cache.set(scenario.hash, pace);
  return pace;
}

/** "Turn 3 · at most 12, most runs end by 7" (the last part left out when it says nothing new). */
export function turnHeader(scenario: Scenario, turn: number): string {
  const pace = paceOf(scenario);
  const usual = pace.usual !== null && pace.usual < pace.max ? `, most runs end by ${pace.usual}` : '';
  return `Turn ${turn} · at most ${pace.max}${usual}`;
}
