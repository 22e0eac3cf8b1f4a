/**
 * Helpers for the after-action tool tests: finished runs made in Node with the engine (as a save to
 * open the page on, or as a replay file), and axe-core's serious and critical violations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { GameState, Scenario } from '../../src/engine';
import { encodeReplayCode, recordReplay, stringifyReplay } from '../../src/engine/replay';
import { createSave, stringifySave } from '../../src/engine/replay/save';
import { REPO_ROOT } from './build';
import { type BrowserSuite, type GamePage, waitForScreen } from './harness';

const AXE = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

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

/** Opens the game with `save` in its storage, on the screen the save rests on (CSP bypassed so axe can be injected). */
export async function openWithSave(suite: BrowserSuite, save: string): Promise<GamePage> {
  const game = await suite.open({ bypassCSP: true });
  await game.page.evaluate((text) => localStorage.setItem('red-phone:save', text), save);
  await game.page.reload();
  await waitForScreen(game.page);
  return game;
}

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: readonly string[];
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}
