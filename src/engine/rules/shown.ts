/**
 * The texts a player was shown, read back from the state and the log: the ending's and the beat's
 * text as the state calls for them, and a logged move's label and outcome text as they were chosen.
 */
import type { Scenario, Side } from '../format';
import { contextOf } from './game';
import type { GameState, MoveRecord } from './state';
import { pickText, variantText } from './texts';

/** The ending's text for `side` as the final state calls for it ('' when the game has not ended). */
export function endingTextOf(scenario: Scenario, state: GameState, side: Side): string {
  const ending = scenario.endings.find((e) => e.id === state.ending);
  return ending === undefined ? '' : pickText(ending.text[side], contextOf(state));
}

/** The current beat's text for `side`. */
export function beatTextOf(scenario: Scenario, state: GameState, side: Side): string {
  const beat = scenario.beats.get(state.beat);
  return beat === undefined ? '' : pickText(beat.text[side], contextOf(state));
}

/** The outcome text a logged move showed, as the log recorded its variant. */
export function outcomeTextOf(scenario: Scenario, beatId: string, move: MoveRecord): string {
  const option = scenario.beats.get(beatId)?.options[move.side].find((o) => o.id === move.option);
  const outcome = option?.outcomes.find((o) => o.id === move.outcome);
  return outcome === undefined ? '' : variantText(outcome.text, move.text);
}

/** The label a logged move's side read when choosing. */
export function moveLabelOf(scenario: Scenario, beatId: string, move: MoveRecord): string {
  const option = scenario.beats.get(beatId)?.options[move.side].find((o) => o.id === move.option);
  return option === undefined ? move.option : variantText(option.label, move.label);
}
