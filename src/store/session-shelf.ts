/**
 * The list of runs kept in the browser (src/store/run-shelf.ts): reading it, opening a kept run where it
 * was left, and deleting one. The run open now is always on the list (every save puts it there).
 */
import { restoreText } from './persist';
import type { Kit } from './session-kit';
import type { SessionState } from './session-types';

type ShelfActions = Pick<SessionState, 'keptRuns' | 'openKept' | 'deleteKept'>;

export function shelfActions(kit: Kit): ShelfActions {
  const { get, set, deps } = kit;
  return {
    async keptRuns() {
      if (deps.shelf == null) return { ok: false, message: 'this browser keeps no list of runs for the page (IndexedDB is off, as in some private windows)' };
      return deps.shelf.list();
    },
    openKept(record) {
      const restored = restoreText(record.save, get().catalog);
      if (restored.kind !== 'ok') {
        const why = restored.kind === 'damaged' ? restored.message : 'It holds no run.';
        set({ notice: { kind: 'bad-save', message: `The kept run of ${record.scenarioTitle} (seed ${record.seed}) does not open. ${why}`, bytes: record.save } });
        return;
      }
      kit.suspended = null;
      kit.commit({ ...restored.run, id: record.id }, restored.run.place, { notice: null, facilitation: null });
    },
    async deleteKept(id) {
      if (get().run?.id === id) return { ok: false, message: 'this is the run open now: open or start another run first' };
      if (deps.shelf == null) return { ok: false, message: 'this browser keeps no list of runs for the page' };
      return deps.shelf.remove(id);
    },
  };
}
