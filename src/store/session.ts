/**
 * The session store: the one place the browser's game state lives. The view sends plain,
 * serialisable choices; the store calls the engine and sets the new state once per action. The
 * actions live by concern in session-start, session-play and session-review; they share a kit
 * (session-kit) holding the saving commit.
 */
import { createStore } from 'zustand/vanilla';
import { facilitationText, persistFacilitation, restoreFacilitation } from './facilitator-persist';
import { persistSettings, restoreRun, savedSettings } from './persist';
import { createKit } from './session-kit';
import { playActions } from './session-play';
import { reviewActions } from './session-review';
import { startActions } from './session-start';
import type { SessionDeps, SessionState, SessionStore, Settings } from './session-types';

export type { Catalog, CatalogEntry, CatalogFailure } from './catalog';
export type { PlaySide, Review, Run, RunPlace } from './run';
export type * from './session-types';

/** Creates the session store and restores the saved run, keeping a damaged save aside first. */
export function createSession(deps: SessionDeps): SessionStore {
  const { catalog, storage } = deps;
  const restored = restoreRun(storage, catalog);
  const initialSettings: Settings = { showOdds: false, reducedMotion: false, projector: false, ...deps.settings, ...savedSettings(storage) };

  const store = createStore<SessionState>()((set, get) => {
    const kit = createKit(get, set, deps);
    return {
      screen: restored.kind === 'ok' ? restored.screen : 'title',
      catalog,
      draft: null,
      run: restored.kind === 'ok' ? restored.run : null,
      settings: initialSettings,
      notice: restored.kind === 'damaged' ? { kind: 'bad-save', message: restored.message, bytes: restored.bytes } : null,
      saved: true,
      savesHeld: restored.kind === 'damaged' && restored.keptAs === null,
      facilitation: restoreFacilitation(storage, restored.kind === 'ok' ? restored.run : null),

      ...startActions(kit),
      ...playActions(kit),
      ...reviewActions(kit),
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
  let facilitationSaved = '';
  store.subscribe((state, prev) => {
    if (state.facilitation === prev.facilitation && state.run === prev.run) return;
    const key = state.facilitation === null || state.run === null ? '' : facilitationText(state.run, state.facilitation);
    if (key === facilitationSaved) return;
    facilitationSaved = key;
    persistFacilitation(storage, state.run, state.facilitation);
  });
  return store;
}
