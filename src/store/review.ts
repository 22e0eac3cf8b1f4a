/**
 * Importing a replay file to watch it turn by turn, or to play on from any turn of it (a fork).
 * The replay is checked by the engine first; one that does not match is refused with its message.
 */
import { checkReplay, parseReplay } from '../engine/replay';
import { fireInject, resolveTurn, start, type GameState } from '../engine';
import type { Catalog } from './catalog';
import { placeOf, runAt, sideOf, type Review, type Run } from './run';

export type ImportResult = { readonly ok: true; readonly run: Run } | { readonly ok: false; readonly message: string };

/** Reads replay text against the scenarios on offer and builds a run that watches it from the start. */
export function importReplay(text: string, fileName: string, catalog: Catalog): ImportResult {
  const parsed = parseReplay(text, fileName);
  if (!parsed.ok) return { ok: false, message: `${fileName}: ${parsed.error.message}` };
  const file = parsed.value;
  const entry = catalog.entries.find((e) => e.id === file.scenarioId);
  if (!entry) return { ok: false, message: `${fileName}: this replay is of scenario ${file.scenarioId}, which is not installed here` };
  const checked = checkReplay(entry.scenario, file);
  if (!checked.ok) return { ok: false, message: `${fileName}: ${checked.error.message}` };
  const side = sideOf(checked.value.state);
  if (side === null) return { ok: false, message: `${fileName}: no side of this replay was played by people` };
  let state = start(entry.scenario, file.seed, file.controllers);
  const states: GameState[] = [state];
  for (const action of file.actions) {
    const result = action.kind === 'inject' ? fireInject(entry.scenario, state, action.inject) : resolveTurn(entry.scenario, state, action);
    if (!result.ok) return { ok: false, message: `${fileName}: ${result.error.message}` };
    state = result.state;
    states.push(state);
  }
  const review: Review = { states, at: 0, name: fileName };
  return { ok: true, run: { scenario: entry.scenario, side, game: states[0] as GameState, lastRecord: null, pending: null, place: 'briefing', review } };
}

/** The watched run moved to `at` actions in (clamped to the replay): the briefing at 0, else that outcome. */
export function reviewAt(run: Run, at: number): Run {
  const review = run.review;
  if (review === null) return run;
  const clamped = Math.max(0, Math.min(review.states.length - 1, at));
  const game = review.states[clamped] as GameState;
  return { ...runAt(run, game, clamped === 0 ? 'briefing' : 'outcome'), review: { ...review, at: clamped } };
}

/** A new run that plays on from the watched state: the replay's later actions are dropped. */
export function forkAt(run: Run): Run {
  if (run.review === null) return run;
  const game = run.game;
  return { ...runAt(run, game, placeOf(game)), review: null };
}
