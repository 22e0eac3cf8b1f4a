/**
 * The turn by which most runs of a scenario have ended (four in five, over 200 runs of the random
 * policy from a fixed seed), for the exercise pack's timings and the turn header (src/store/pace.ts).
 * The same figure on every machine.
 */
import type { Scenario } from '../engine';
import { simulate } from './simulate';

const RUNS = 200;
const PERCENT = 80;

/** The usual length of a run in turns, or null when no run could be simulated. */
export function usualTurns(scenario: Scenario): number | null {
  const side = scenario.file.sides[0] ?? 'us';
  const report = simulate(scenario, { runs: RUNS, seed: 'pace', policy: 'random', side });
  let seen = 0;
  for (const bar of report.turns.histogram) {
    seen += bar.runs;
    if (report.completed > 0 && seen * 100 >= report.completed * PERCENT) return bar.turns;
  }
  return null;
}
