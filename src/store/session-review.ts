import { decodeReplayCode, recordReplay, stringifyReplay } from '../engine';
import { m } from '../i18n/lang';
import { saveText } from './persist';
import { PLAN_LIMITS, withPlan } from './plan';
import { improvementCount } from './report-export';
import { forkAt, importReplay, reviewMove } from './review';
import type { Kit } from './session-kit';
import { isSecretRun, sentence } from './session-kit';
import type { SessionState } from './session-types';
import { extrasProblem, rewind, withNote } from './trainee';

export type ReviewActions = Pick<
  SessionState,
  'importReplay' | 'reviewStep' | 'reviewTurn' | 'fork' | 'openReplayCode' | 'openCompare' | 'showPanel' | 'setNote' | 'setPlan' | 'rewindTo' | 'exportSave' | 'exportReplay'
>;

export function reviewActions(kit: Kit): ReviewActions {
  const { get, set, commit, step, solved } = kit;
  return {
    importReplay(text, fileName) {
      const result = importReplay(text, fileName, get().catalog);
      if (!result.ok) {
        set({ notice: { kind: 'replay', message: m.notice_replay_refused({ reason: sentence(result.message) }) } });
        return;
      }
      const current = get().run;
      if (current !== null && current.review === null) kit.suspended = current;
      set({ run: result.run, screen: result.run.place, notice: null });
    },
    reviewStep(direction) {
      const run = get().run;
      if (run !== null && run.review !== null) step(reviewMove(run, direction));
    },
    reviewTurn(direction) {
      const run = get().run;
      if (run !== null && run.review !== null) step(reviewMove(run, direction, true));
    },
    fork(confirmed = false) {
      const run = get().run;
      if (run === null || run.review === null) return;
      if (kit.suspended !== null && !confirmed) {
        const own = kit.suspended;
        const where = own.game.ending !== null ? 'finished' : `turn ${own.game.turn + 1}`;
        set({ notice: { kind: 'overwrite', message: m.notice_overwrite({ title: own.scenario.file.title, seed: own.game.seed, where }) } });
        return;
      }
      kit.suspended = null;
      if (get().notice?.kind === 'overwrite') set({ notice: null });
      commit(forkAt(run));
    },
    openReplayCode(text) {
      const decoded = decodeReplayCode(
        text,
        get().catalog.entries.map((e) => e.scenario),
      );
      if (!decoded.ok) {
        set({ notice: { kind: 'replay', message: m.notice_code_refused({ reason: sentence(decoded.error.message) }) } });
        return;
      }
      get().importReplay(stringifyReplay(decoded.value), 'a replay code');
    },
    openCompare() {
      set({ screen: 'compare', notice: solved('bad-link', 'replay') });
    },
    showPanel(screen) {
      const run = get().run;
      const from = get().screen;
      if (run === null || run.game.ending === null || (from !== 'debrief' && from !== 'hot-wash' && from !== 'report')) return;
      if (run.review !== null) set({ screen });
      else commit(run, screen);
    },
    setNote(index, text) {
      const run = get().run;
      if (run === null || !Number.isInteger(index) || index < 0 || index >= run.scenario.file.questions.length) return;
      const next = withNote(run, index, text);
      const problem = extrasProblem(next.extras);
      if (problem !== null) {
        // Refused before anything is written: the saved notes stay whole, and the message says why.
        set({ notice: { kind: 'refused', message: m.notice_note_not_kept({ n: index + 1, reason: sentence(problem) }) } });
        return;
      }
      if (run.review !== null) set({ run: next });
      else commit(next, get().screen, { notice: solved('refused') });
    },
    setPlan(index, field, text) {
      const run = get().run;
      if (run === null || run.game.ending === null || !Number.isInteger(index) || index < 0 || index >= improvementCount(run) || !(field in PLAN_LIMITS)) return;
      const next = withPlan(run, index, field, text);
      const problem = extrasProblem(next.extras);
      if (problem !== null) {
        // As for notes: refused before anything is written, and the message says why.
        set({ notice: { kind: 'refused', message: m.notice_plan_not_kept({ n: index + 1, reason: sentence(problem) }) } });
        return;
      }
      if (run.review !== null) set({ run: next });
      else commit(next, get().screen, { notice: solved('refused') });
    },
    rewindTo(turns) {
      const run = get().run;
      if (run === null) return;
      const result = rewind(run, turns);
      if (!result.ok) set({ notice: { kind: 'refused', message: m.notice_rewind_refused({ reason: sentence(result.message) }) } });
      else commit(result.run);
    },
    exportSave() {
      const run = get().run;
      return run === null ? null : saveText(run, get().screen);
    },
    exportReplay(forFacilitator = false) {
      const run = get().run;
      if (run === null) return null;
      if (!forFacilitator && isSecretRun(run, get().facilitation)) {
        set({ notice: { kind: 'replay', message: m.notice_replay_secret() } });
        return null;
      }
      const replay = recordReplay(run.scenario, run.game);
      if (replay.ok) return stringifyReplay(replay.value);
      set({ notice: { kind: 'replay', message: m.notice_replay_unwritten({ reason: replay.error.message }) } });
      return null;
    },
  };
}
