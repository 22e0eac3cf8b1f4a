/**
 * Designer mode's state beside the session store: the file being checked, an import waiting for the
 * designer's answer, the map on show, and the notice after a scenario file was reloaded under
 * `npm run dev`. Its actions change the session through its store (catalog, screen, run).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Library, Scenario } from '../engine';
import { baseName, type Catalog, type CatalogEntry, sharedLibrary } from './catalog';
import { type Checked, carryRun, checkBytes, checkText, conflictOf, forgetImported, keepImported, restoreImported, withEntry } from './designer';
import { persistRun } from './persist';
import { newRun, type RunPlace } from './run';
import type { Screen, SessionStore } from './session';
import type { StorageLike } from './storage';

/** What happened when a scenario file changed on disk while the game ran (dev server only). */
export type Reload =
  | { readonly kind: 'reloaded'; readonly message: string }
  | { readonly kind: 'stale'; readonly message: string; readonly scenario: Scenario }
  | { readonly kind: 'broken'; readonly message: string };

export interface DesignerState {
  /** The shared terms, ladder and facts, loaded on first use (null when they do not load). */
  readonly library: () => Library | null;
  readonly storage: StorageLike | null;
  readonly checked: Checked | null;
  /** A valid import with the id of a scenario already here, waiting for "replace" or "keep". */
  readonly conflict: { readonly checked: Checked; readonly existing: CatalogEntry } | null;
  /** The id of the scenario the checked file installed (ready to play), or null. */
  readonly installed: string | null;
  /** The designer chose to keep the existing scenario over the checked file. */
  readonly kept: boolean;
  readonly imported: readonly string[];
  readonly mapId: string | null;
  readonly mapFrom: Screen;
  readonly reload: Reload | null;
}

export type DesignerStore = StoreApi<DesignerState>;

/** The page's one designer store. */
export const designer: DesignerStore = createStore<DesignerState>()(() => ({
  library: () => null,
  storage: null,
  checked: null,
  conflict: null,
  installed: null,
  kept: false,
  imported: [],
  mapId: null,
  mapFrom: 'title',
  reload: null,
}));

/** The shared library, and the bundled catalog with the imported scenarios kept in storage. */
export interface Prepared {
  readonly catalog: Catalog;
  readonly library: () => Library | null;
  readonly problems: readonly string[];
  readonly imported: readonly string[];
}

/**
 * Adds the imported scenarios kept in storage to the bundled catalog (before the session starts, so a
 * saved run of one resumes). The shared library is loaded only when something needs it: a kept
 * import, or a file checked in designer mode.
 */
export function prepareDesigner(storage: StorageLike | null, bundled: Catalog, termsText: string, ladderText: string, factsText: string): Prepared {
  const library = (): Library | null => {
    try {
      return sharedLibrary(termsText, ladderText, factsText).library;
    } catch {
      return null;
    }
  };
  const restored = restoreImported(storage, bundled, library);
  return { catalog: restored.catalog, library, problems: restored.problems, imported: restored.imported };
}

const RUN_PLACES: readonly Screen[] = ['briefing', 'turn', 'outcome', 'debrief'];

export function openDesigner(session: SessionStore): void {
  session.setState({ screen: 'designer' });
}

export function closeDesigner(session: SessionStore): void {
  const run = session.getState().run;
  const reload = designer.getState().reload;
  if (reload?.kind === 'broken') designer.setState({ reload: null });
  session.setState({ screen: reload?.kind === 'broken' && run !== null ? run.place : 'title' });
}

function install(session: SessionStore, checked: Checked): void {
  const scenario = checked.scenario;
  if (scenario === null) return;
  const state = designer.getState();
  session.setState({ catalog: withEntry(session.getState().catalog, { id: scenario.id, file: `${checked.file} (imported)`, scenario }) });
  const kept = keepImported(state.storage, scenario.id, checked.text);
  if (!kept.ok) session.setState({ notice: { kind: 'storage', message: `The imported scenario is here for this page only: it could not be kept (${kept.message}).` } });
  designer.setState({
    checked,
    conflict: null,
    installed: scenario.id,
    kept: false,
    imported: state.imported.includes(scenario.id) ? state.imported : [...state.imported, scenario.id],
  });
}

function accept(session: SessionStore, checked: Checked): void {
  const scenario = checked.scenario;
  if (scenario === null) {
    designer.setState({ checked, conflict: null, installed: null, kept: false });
    return;
  }
  const existing = conflictOf(session.getState().catalog, scenario);
  if (existing !== null) designer.setState({ checked, conflict: { checked, existing }, installed: null, kept: false });
  else install(session, checked);
}

/** Checks a file read from disk; a valid one is installed at once unless its id is taken. */
export function loadDesignerFile(session: SessionStore, bytes: Uint8Array, name: string): void {
  const library = designer.getState().library();
  if (library === null) return;
  accept(session, checkBytes(bytes, name, library));
}

/** Answers the question about an import whose id is taken: replace it for this session, or keep the existing one. */
export function resolveConflict(session: SessionStore, replace: boolean): void {
  const conflict = designer.getState().conflict;
  if (conflict === null) return;
  if (replace) install(session, conflict.checked);
  else designer.setState({ conflict: null, installed: null, kept: true });
}

/** Removes an imported scenario from storage (it stays in this page's catalog until a reload). */
export function forgetDesignerFile(id: string): void {
  const state = designer.getState();
  forgetImported(state.storage, id);
  designer.setState({ imported: state.imported.filter((i) => i !== id) });
}

export function playInstalled(session: SessionStore): void {
  const id = designer.getState().installed;
  if (id !== null) session.getState().chooseScenario(id);
}

export function openMap(session: SessionStore, scenarioId: string): void {
  designer.setState({ mapId: scenarioId, mapFrom: session.getState().screen });
  session.setState({ screen: 'map' });
}

export function closeMap(session: SessionStore): void {
  const from = designer.getState().mapFrom;
  const run = session.getState().run;
  const back = RUN_PLACES.includes(from) && run === null ? 'title' : from;
  session.setState({ screen: back === 'map' ? 'title' : back });
}

/**
 * A scenario file changed on disk (dev server): check it, put it in the catalog, and carry the
 * current run of it over when its choices still play; otherwise keep the old version and say why.
 */
export function reloadScenarioFile(session: SessionStore, path: string, text: string): void {
  const library = designer.getState().library();
  if (library === null) return;
  const checked = checkText(text, baseName(path), library);
  const scenario = checked.scenario;
  const state = session.getState();
  if (scenario === null) {
    const count = checked.diagnostics.filter((d) => d.severity === 'error').length;
    designer.setState({
      checked,
      conflict: null,
      installed: null,
      kept: false,
      reload: { kind: 'broken', message: `${checked.file} has ${count} ${count === 1 ? 'error' : 'errors'}: the game goes on with the version it had.` },
    });
    session.setState({ screen: 'designer' });
    return;
  }
  const existing = state.catalog.entries.find((e) => e.id === scenario.id);
  session.setState({ catalog: withEntry(state.catalog, { id: scenario.id, file: existing?.file ?? checked.file, scenario }) });
  const back: Screen = state.screen === 'designer' && designer.getState().reload?.kind === 'broken' && state.run !== null ? state.run.place : state.screen;
  const run = state.run;
  designer.setState({ checked, installed: scenario.id, conflict: null, kept: false });
  if (run === null || run.review !== null || run.scenario.id !== scenario.id) {
    designer.setState({ reload: { kind: 'reloaded', message: `Scenario reloaded: ${checked.file}.` } });
    session.setState({ screen: back });
    return;
  }
  const carried = carryRun(run, scenario);
  if (!carried.ok) {
    designer.setState({
      reload: { kind: 'stale', message: `Scenario reloaded, but this run no longer replays on it (${carried.reason}). You are still playing the old version.`, scenario },
    });
    session.setState({ screen: back });
    return;
  }
  const screen: Screen = RUN_PLACES.includes(back) ? carried.run.place : back;
  persistRun(designer.getState().storage, carried.run, screen);
  const game = carried.run.game;
  const where = carried.run.place === 'briefing' ? 'the briefing' : `turn ${carried.run.place === 'turn' ? game.turn + 1 : game.turn}`;
  designer.setState({ reload: { kind: 'reloaded', message: `Scenario reloaded: still at ${where}.` } });
  session.setState({ run: carried.run, screen });
}

/** Starts the current run again, same seed and sides, on the scenario version the last reload brought. */
export function restartOnNewVersion(session: SessionStore): void {
  const reload = designer.getState().reload;
  const run = session.getState().run;
  if (reload?.kind !== 'stale' || run === null) return;
  const fresh = newRun(reload.scenario, run.side, run.game.seed);
  const place: RunPlace = 'briefing';
  persistRun(designer.getState().storage, fresh, place);
  designer.setState({ reload: null });
  session.setState({ run: fresh, screen: place });
}

export function dismissReload(): void {
  designer.setState({ reload: null });
}
