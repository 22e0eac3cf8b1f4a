/**
 * Importing a replay file to watch it turn by turn (briefing, then each turn's choice and its
 * outcome, then the debrief), or to play on from any point of it (a fork). The replay is checked by
 * the engine first; one that does not match is refused with its message.
 */
import { type Action, checkReplay, fireInject, type GameState, MAX_REPLAY_CHARS, parseReplay, resolveTurn, start } from '../engine';
import { m } from '../i18n/lang';
import type { Catalog } from './catalog';
import { type Review, type Run, type RunPlace, runAt, sideOf } from './run';

/**
 * How much of a chosen file to read: every replay the engine accepts fits (4 bytes per character at
 * most in UTF-8), and a larger file still reads as over the cap, so it is refused without loading it all.
 */
export const REPLAY_READ_BYTES = MAX_REPLAY_CHARS * 4 + 4;

export type ImportResult = { readonly ok: true; readonly run: Run } | { readonly ok: false; readonly message: string };

/** Reads replay text against the scenarios on offer and builds a run that watches it from the start. */
export function importReplay(text: string, fileName: string, catalog: Catalog): ImportResult {
  try {
    return importChecked(text, fileName, catalog);
  } catch (err) {
    return { ok: false, message: m.play_replay_unplayable({ file: fileName, reason: err instanceof Error ? err.message : String(err) }) };
  }
}

/**
 * A refusal naming the field of the file it is about (issue 10: a tampered replay is refused with the
 * field named, never replayed differently). A state hash that does not match means the seed, a choice
 * or who plays a side was changed after recording: the message says so.
 */
function refusal(e: { readonly code: string; readonly message: string; readonly path: string }): string {
  const tail = e.code === 'replay/diverged' ? m.play_replay_diverged() : '';
  return e.path !== '' && !e.message.includes(e.path) ? m.play_replay_at({ message: e.message, path: e.path, tail }) : `${e.message}${tail}`;
}

function importChecked(text: string, fileName: string, catalog: Catalog): ImportResult {
  const parsed = parseReplay(text, fileName);
  if (!parsed.ok) return { ok: false, message: m.play_replay_refused({ file: fileName, reason: refusal(parsed.error) }) };
  const file = parsed.value;
  const entry = catalog.entries.find((e) => e.id === file.scenarioId);
  if (!entry) return { ok: false, message: m.play_replay_not_installed({ file: fileName, id: file.scenarioId }) };
  const checked = checkReplay(entry.scenario, file);
  if (!checked.ok) return { ok: false, message: m.play_replay_refused({ file: fileName, reason: refusal(checked.error) }) };
  const side = sideOf(checked.value.state);
  if (side === null) return { ok: false, message: m.play_replay_no_people({ file: fileName }) };
  let state = start(entry.scenario, file.seed, file.controllers, file.scenarioHash);
  const states: GameState[] = [state];
  for (const action of file.actions) {
    const result = action.kind === 'inject' ? fireInject(entry.scenario, state, action.inject) : resolveTurn(entry.scenario, state, action);
    if (!result.ok) return { ok: false, message: m.play_replay_refused({ file: fileName, reason: result.error.message }) };
    state = result.state;
    states.push(state);
  }
  const review: Review = { states, actions: file.actions, at: 0, name: fileName };
  return { ok: true, run: { scenario: entry.scenario, side, game: states[0] as GameState, lastRecord: null, pending: null, place: 'briefing', review } };
}

/** A point of a watched replay: a place, and how many actions have been applied to the state shown. */
export interface ReviewStep {
  readonly place: RunPlace;
  readonly at: number;
}

/** Every point of a replay in order: the briefing, each turn's choice and its outcome, the debrief. */
export function reviewSteps(review: Review): ReviewStep[] {
  const steps: ReviewStep[] = [{ place: 'briefing', at: 0 }];
  review.actions.forEach((action: Action, k) => {
    if (action.kind === 'turn') steps.push({ place: 'turn', at: k });
    steps.push({ place: 'outcome', at: k + 1 });
  });
  const last = review.states[review.states.length - 1];
  if (last !== undefined && last.ending !== null) steps.push({ place: 'debrief', at: review.states.length - 1 });
  return steps;
}

/** Where the watched run is among {@link reviewSteps}. */
export function stepIndex(run: Run): number {
  if (run.review === null) return -1;
  const at = run.review.at;
  return reviewSteps(run.review).findIndex((s) => s.place === run.place && s.at === at);
}

/** The watched run moved to a step. */
export function reviewAt(run: Run, step: ReviewStep): Run {
  const review = run.review;
  if (review === null) return run;
  const game = review.states[step.at] ?? run.game;
  return { ...runAt(run, game, step.place), review: { ...review, at: step.at } };
}

/** The next (+1) or previous (-1) step; with `turns`, the next or previous turn's choice. */
export function reviewMove(run: Run, direction: 1 | -1, turns = false): Run {
  if (run.review === null) return run;
  const steps = reviewSteps(run.review);
  for (let i = stepIndex(run) + direction; i >= 0 && i < steps.length; i += direction) {
    const step = steps[i] as ReviewStep;
    if (!turns || step.place === 'turn' || i === 0 || i === steps.length - 1) return reviewAt(run, step);
  }
  return run;
}

/** A new run that plays on from the point watched: the replay's later actions are dropped. */
export function forkAt(run: Run): Run {
  if (run.review === null) return run;
  // A new run: it gets its own id (and place in the list of runs) when it is first saved.
  const { id: _watched, ...played } = runAt(run, run.game, run.place);
  return { ...played, review: null };
}
