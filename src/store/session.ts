/**
 * The session store: the one place the browser's game state lives. The view sends plain,
 * serialisable choices; the store calls the engine and sets the new state once per action. The
 * actions live by concern in session-start, session-play and session-review; they share a kit
 * (session-kit) holding the saving commit.
 */
import { createStore } from 'zustand/vanilla';
import type { Facilitation } from './facilitator';
import { facilitationText, persistFacilitation, restoreFacilitation } from './facilitator-persist';
import { persistSettings, restoreRun, savedSettings } from './persist';
import type { Run } from './run';
import { createKit, isSecretRun } from './session-kit';
import { playActions } from './session-play';
import { reviewActions } from './session-review';
import { shelfActions } from './session-shelf';
import { startActions } from './session-start';
import type { SessionDeps, SessionState, SessionStore, Settings } from './session-types';
import type { StorageLike } from './storage';

export type { Catalog, CatalogEntry, CatalogFailure } from './catalog';
export type { PlaySide, Review, Run, RunPlace } from './run';
export type * from './session-types';

/** Creates the session store and restores the saved run, keeping a damaged save aside first. */
export function createSession(deps: SessionDeps): SessionStore {
  const { catalog, storage } = deps;
  const secretStorage = deps.secretStorage ?? null;
  // A secret class run lives in the facilitator's tab until its debrief (session-kit): it comes first.
  const secretRun = secretStorage === null ? ({ kind: 'none' } as const) : restoreRun(secretStorage, catalog);
  const fromSecret = secretRun.kind === 'ok';
  const restored = fromSecret ? secretRun : restoreRun(storage, catalog);
  const facilitationStorage = (run: Run | null, fac: Facilitation | null): StorageLike | null =>
    run !== null && fac !== null && isSecretRun(run, fac) && secretStorage !== null ? secretStorage : storage;
  const initialSettings: Settings = { showOdds: false, reducedMotion: false, projector: false, ...deps.settings, ...savedSettings(storage) };

  let migrate: (run: Run, screen: SessionState['screen']) => void = () => undefined;
  const store = createStore<SessionState>()((set, get) => {
    const kit = createKit(get, set, deps);
    // Saved again with its new id (so a reload keeps the same entry), or put on the list as it is.
    migrate = (run, screen) => (run.id === undefined ? kit.commit(run, screen) : kit.shelve(run, screen));
    return {
      screen: restored.kind === 'ok' ? restored.screen : 'title',
      catalog,
      draft: null,
      run: restored.kind === 'ok' ? restored.run : null,
      settings: initialSettings,
      notice: restored.kind === 'damaged' ? { kind: 'bad-save', message: restored.message, bytes: restored.bytes } : null,
      saved: true,
      keepsRuns: deps.shelf != null,
      savesHeld: restored.kind === 'damaged' && restored.keptAs === null,
      facilitation: restoreFacilitation(fromSecret ? secretStorage : storage, restored.kind === 'ok' ? restored.run : null),

      ...startActions(kit),
      ...playActions(kit),
      ...reviewActions(kit),
      ...shelfActions(kit),
      setSettings(patch) {
        const settings = { ...get().settings, ...patch };
        set({ settings });
        persistSettings(storage, settings);
      },
      dismissNotice() {
        set({ notice: null });
      },
    };
  });
  // A run saved before the list of runs existed (or by another page) goes on the list at once.
  const first = store.getState().run;
  if (first !== null && first.review === null && !isSecretRun(first, store.getState().facilitation)) migrate(first, store.getState().screen);
  let facilitationSaved = '';
  store.subscribe((state, prev) => {
    if (state.facilitation === prev.facilitation && state.run === prev.run) return;
    const key = state.facilitation === null || state.run === null ? '' : facilitationText(state.run, state.facilitation);
    if (key === facilitationSaved) return;
    facilitationSaved = key;
    const where = facilitationStorage(state.run, state.facilitation);
    persistFacilitation(where, state.run, state.facilitation);
    // The facilitation names the run by its seed: it is kept in one place only.
    const other = where === storage ? secretStorage : storage;
    if (other !== null) persistFacilitation(other, null, null);
  });
  return store;
}
