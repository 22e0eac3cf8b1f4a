/**
 * Helpers for the after-action tool tests: finished runs made in Node with the engine (as a save to
 * open the page on, or as a replay file), and axe-core's serious and critical violations.
 */
import type { GameState, Scenario } from '../../src/engine';
import { encodeReplayCode, recordReplay, stringifyReplay } from '../../src/engine/replay';
import { createSave, stringifySave } from '../../src/engine/replay/save';
import { type BrowserSuite, type GamePage, waitForScreen } from './harness';

/** The save text of a finished game, resting on its debrief. */
export function debriefSave(scenario: Scenario, state: GameState): string {
  const save = createSave(scenario, state, { screen: 'debrief', place: 'debrief' });
  if (!save.ok) throw new Error(save.error.message);
  return stringifySave(save.value);
}

/** The replay file text of a game. */
export function replayText(scenario: Scenario, state: GameState): string {
  const file = recordReplay(scenario, state);
  if (!file.ok) throw new Error(file.error.message);
  return stringifyReplay(file.value);
}

/** The replay code of a game, as the debrief shows it. */
export function replayCode(scenario: Scenario, state: GameState): string {
  const file = recordReplay(scenario, state);
  if (!file.ok) throw new Error(file.error.message);
  const code = encodeReplayCode(file.value, scenario);
  if (!code.ok) throw new Error(code.error.message);
  return code.value;
}

/** Opens the game with `save` in its storage, on the screen the save rests on. */
export async function openWithSave(suite: BrowserSuite, save: string): Promise<GamePage> {
  const game = await suite.open();
  await game.page.evaluate((text) => localStorage.setItem('red-phone:save', text), save);
  await game.page.reload();
  await waitForScreen(game.page);
  return game;
}
