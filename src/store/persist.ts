/**
 * Saving and restoring the run: the save file is the engine's (src/engine/replay/save.ts), stored under
 * `red-phone:save`, with the page's place in the run kept in its settings. Restoring replays the
 * game from its seed and checks every state hash; anything that does not restore is kept aside
 * byte for byte and reported, never used and never silently overwritten.
 */

import type { GameState } from '../engine';
import { createSave, legalOptions, parseSave, restoreSave, type SaveSettings, stringifySave } from '../engine';
import type { Catalog } from './catalog';
import { placeOf, type Run, type RunPlace, sideOf } from './run';
import { keepAside, readKey, SAVE_KEY, SETTINGS_KEY, type StorageLike, type WriteResult, writeKey } from './storage';
import { extrasFromSettings, extrasSettings } from './trainee';

export type RestoreResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly run: Run; readonly screen: RunPlace | 'title' }
  | { readonly kind: 'damaged'; readonly message: string; readonly bytes: string; readonly keptAs: string | null };

const PLACES: readonly RunPlace[] = ['briefing', 'turn', 'outcome', 'debrief'];

/** The places a game can be shown at: a saved place that does not fit the game is not trusted. */
function placesFor(game: GameState): readonly RunPlace[] {
  if (game.log.length === 0) return ['briefing', 'turn'];
  if (game.ending !== null) return ['outcome', 'debrief'];
  return ['turn', 'outcome'];
}

function settingsOf(run: Run, screen: string): SaveSettings {
  const out: Record<string, string> = { ...extrasSettings(run.extras), screen, place: run.place };
  if (run.id !== undefined) out.runId = run.id;
  if (run.hidden === true) out.hidden = 'odds,map';
  if (run.pending !== null) out.pendingUs = run.pending.us;
  return out;
}

/** The current run as save-file text, or null when the engine cannot record it. */
export function saveText(run: Run, screen: string = run.place): string | null {
  const save = createSave(run.scenario, run.game, settingsOf(run, screen));
  return save.ok ? stringifySave(save.value) : null;
}

/** Writes the run to `red-phone:save`; a failure (quota, private mode) comes back as a value. */
export function persistRun(storage: StorageLike | null, run: Run, screen: string): WriteResult {
  const save = createSave(run.scenario, run.game, settingsOf(run, screen));
  if (!save.ok) return { ok: false, message: save.error.message };
  return writeKey(storage, SAVE_KEY, stringifySave(save.value));
}

function damaged(storage: StorageLike | null, bytes: string, reason: string): RestoreResult {
  // A kept run from the list of runs: the list still holds its text, nothing to copy aside.
  if (storage === null) return { kind: 'damaged', bytes, keptAs: null, message: `It could not be restored: ${reason}.` };
  const kept = keepAside(storage, bytes);
  const where = kept.ok ? `Its bytes are kept as ${kept.key}.` : `It could not be copied aside (${kept.message}), so nothing will be saved until you export it or start fresh.`;
  return { kind: 'damaged', bytes, keptAs: kept.ok ? kept.key : null, message: `The saved game could not be restored: ${reason}. ${where}` };
}

/**
 * A kept run's save text (from the list of runs) as a run, or why it does not restore. Nothing is kept
 * aside: the list still holds the text.
 */
export function restoreText(text: string, catalog: Catalog): RestoreResult {
  try {
    return restoreBytes(null, catalog, text);
  } catch (err) {
    return { kind: 'damaged', bytes: text, keptAs: null, message: `It could not be rebuilt: ${err instanceof Error ? err.message : String(err)}.` };
  }
}

/** Reads `red-phone:save`: nothing, a run to continue exactly where it was, or a damaged save kept aside. */
export function restoreRun(storage: StorageLike | null, catalog: Catalog): RestoreResult {
  const bytes = readKey(storage, SAVE_KEY);
  if (bytes === null) return { kind: 'none' };
  try {
    return restoreBytes(storage, catalog, bytes);
  } catch (err) {
    // The engine throws only on a broken invariant; even then the page goes on and the bytes are kept.
    return damaged(storage, bytes, `the game could not be rebuilt (${err instanceof Error ? err.message : String(err)})`);
  }
}

function restoreBytes(storage: StorageLike | null, catalog: Catalog, bytes: string): RestoreResult {
  const parsed = parseSave(bytes, SAVE_KEY);
  if (!parsed.ok) return damaged(storage, bytes, `${parsed.error.message} (${parsed.error.code})`);
  const same = catalog.entries.filter((e) => e.id === parsed.value.replay.scenarioId);
  const restored = restoreSave(
    parsed.value,
    (same.length > 0 ? same : catalog.entries).map((e) => e.scenario),
  );
  if (!restored.ok) return damaged(storage, bytes, `${restored.error.message} (${restored.error.code})`);
  const { scenario, state } = restored.value;
  const side = sideOf(state);
  if (side === null) return damaged(storage, bytes, 'no side of the saved game is played by people (save/corrupt)');
  const settings = parsed.value.settings ?? {};
  const savedPlace = PLACES.find((p) => p === settings.place);
  const place = savedPlace !== undefined && placesFor(state).includes(savedPlace) ? savedPlace : placeOf(state);
  const pendingUs = settings.pendingUs;
  const pending = side === 'both' && place === 'turn' && typeof pendingUs === 'string' && legalOptions(scenario, state, 'us').some((o) => o.id === pendingUs) ? { us: pendingUs } : null;
  const id = typeof settings.runId === 'string' && settings.runId.length <= 80 ? { id: settings.runId } : {};
  const hidden = settings.hidden === 'odds,map' ? { hidden: true as const } : {};
  const run: Run = { scenario, side, game: state, lastRecord: state.log[state.log.length - 1] ?? null, pending, place, review: null, ...id, ...hidden };
  const extras = extrasFromSettings(settings);
  if (extras !== undefined) return { kind: 'ok', run: { ...run, extras }, screen: settings.screen === 'title' ? 'title' : place };
  return { kind: 'ok', run, screen: settings.screen === 'title' ? 'title' : place };
}

/** The settings saved in `red-phone:settings`, keeping only known keys with the right types. */
export function savedSettings(storage: StorageLike | null): { showOdds?: boolean; reducedMotion?: boolean; projector?: boolean } {
  const text = readKey(storage, SETTINGS_KEY);
  if (text === null) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const out: { showOdds?: boolean; reducedMotion?: boolean; projector?: boolean } = {};
  const projector: unknown = Object.getOwnPropertyDescriptor(data, 'projector')?.value;
  if (typeof projector === 'boolean') out.projector = projector;
  const showOdds: unknown = Object.getOwnPropertyDescriptor(data, 'showOdds')?.value;
  const reducedMotion: unknown = Object.getOwnPropertyDescriptor(data, 'reducedMotion')?.value;
  if (typeof showOdds === 'boolean') out.showOdds = showOdds;
  if (typeof reducedMotion === 'boolean') out.reducedMotion = reducedMotion;
  return out;
}

export function persistSettings(storage: StorageLike | null, settings: { readonly showOdds: boolean; readonly reducedMotion: boolean; readonly projector: boolean }): WriteResult {
  return writeKey(storage, SETTINGS_KEY, JSON.stringify({ showOdds: settings.showOdds, reducedMotion: settings.reducedMotion, projector: settings.projector }));
}
