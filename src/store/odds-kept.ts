/**
 * When the odds (and the scenario map) are kept out of sight: in a class run whose facilitator keeps
 * the seed secret, and in a run started from an exercise code ending in H, until the run's debrief.
 * The page's own "Show odds" setting counts only outside those runs.
 */
import type { SessionState } from './session-types';

export function oddsKept(state: Pick<SessionState, 'run' | 'facilitation'>): boolean {
  const run = state.run;
  if (run === null || run.review !== null || run.game.ending !== null) return false;
  return run.hidden === true || state.facilitation?.secret === true;
}

/** The odds shown now: the setting, unless the run keeps them hidden. */
export function oddsShown(state: Pick<SessionState, 'run' | 'facilitation' | 'settings'>): boolean {
  return state.settings.showOdds && !oddsKept(state);
}

/** Whether the map of a scenario may open now (not while a run of it keeps the odds hidden). */
export function mapOpen(state: Pick<SessionState, 'run' | 'facilitation'>, scenarioId: string): boolean {
  return !(oddsKept(state) && state.run?.scenario.id === scenarioId);
}
