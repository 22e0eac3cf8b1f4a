/**
 * The list of runs kept in the browser (src/store/run-shelf.ts): reading it, opening a kept run where it
 * was left, and deleting one. The run open now is always on the list (every save puts it there).
 */
import { m } from '../i18n/lang';
import { restoreText } from './persist';
import type { Kit } from './session-kit';
import type { SessionState } from './session-types';

type ShelfActions = Pick<SessionState, 'keptRuns' | 'openKept' | 'deleteKept'>;

export function shelfActions(kit: Kit): ShelfActions {
  const { get, set, deps } = kit;
  return {
    async keptRuns() {
      if (deps.shelf == null) return { ok: false, message: m.notice_no_shelf_private() };
      return deps.shelf.list();
    },
    openKept(record) {
      const restored = restoreText(record.save, get().catalog);
      if (restored.kind !== 'ok') {
        const why = restored.kind === 'damaged' ? restored.message : m.notice_kept_holds_none();
        set({ notice: { kind: 'bad-save', message: m.notice_kept_broken({ title: record.scenarioTitle, seed: record.seed, why }), bytes: record.save } });
        return;
      }
      kit.suspended = null;
      kit.commit({ ...restored.run, id: record.id }, restored.run.place, { notice: null, facilitation: null });
    },
    async deleteKept(id) {
      if (get().run?.id === id) return { ok: false, message: m.notice_open_now() };
      if (deps.shelf == null) return { ok: false, message: m.notice_no_shelf() };
      return deps.shelf.remove(id);
    },
  };
}
