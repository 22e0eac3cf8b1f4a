/** Actions of play: choosing, moving on from the briefing and the outcome, the facilitator's controls, leaving to the title. */

import { chooseFacilitated, facilitate } from './facilitator';
import { reviewMove } from './review';
import { applyChoice, handOver } from './run';
import type { Kit } from './session-kit';
import { sentence } from './session-kit';
import type { SessionState } from './session-types';
import { readKey, removeKey, SAVE_KEY } from './storage';

export type PlayActions = Pick<SessionState, 'facilitate' | 'handOver' | 'continueRun' | 'continueFromBriefing' | 'choose' | 'continueFromOutcome' | 'revisit' | 'toTitle' | 'startFresh'>;

export function playActions(kit: Kit): PlayActions {
  const { storage } = kit.deps;
  const { get, set, commit, step, solved } = kit;
  return {
    facilitate(action) {
      const { run, facilitation, screen } = get();
      if (run === null || facilitation === null) return;
      const result = facilitate(run, facilitation, screen, action);
      if (!result.ok) set({ notice: { kind: 'refused', message: sentence(result.error.message) } });
      else if (result.run !== run) commit(result.run, result.run.place, { facilitation: result.fac, notice: solved('refused') });
      else if (result.fac !== facilitation) set({ facilitation: result.fac, notice: action.kind === 'tick' ? get().notice : solved('refused') });
    },
    handOver() {
      const run = get().run;
      if (run !== null && get().screen === 'turn' && get().facilitation?.paused !== true) commit(handOver(run));
    },
    continueRun() {
      const run = get().run;
      if (run !== null && get().screen === 'title') set({ screen: run.place });
    },
    continueFromBriefing() {
      const run = get().run;
      if (run === null || get().screen !== 'briefing' || (run.review === null && get().facilitation?.paused === true)) return;
      if (run.review !== null) step(reviewMove(run, 1));
      else commit({ ...run, place: 'turn' });
    },
    choose(side, optionId) {
      const run = get().run;
      if (run === null || get().screen !== 'turn') return;
      const facilitation = get().facilitation;
      if (facilitation !== null) {
        const result = chooseFacilitated(run, facilitation, side, optionId);
        if (!result.ok) set({ notice: { kind: 'refused', message: result.error.message } });
        else if (result.run !== run) commit(result.run, result.run.place, { facilitation: result.fac });
        else set({ facilitation: result.fac });
        return;
      }
      const result = applyChoice(run, side, optionId);
      if (result.kind === 'refused') set({ notice: { kind: 'refused', message: result.error.message } });
      else commit(result.run);
    },
    continueFromOutcome() {
      const run = get().run;
      if (run === null || get().screen !== 'outcome' || (run.review === null && get().facilitation?.paused === true)) return;
      if (run.review !== null) {
        step(reviewMove(run, 1));
        return;
      }
      commit({ ...run, place: run.game.ending !== null ? 'debrief' : 'turn' });
    },
    revisit(place) {
      const run = get().run;
      if (run === null || run.review !== null || run.pending !== null || get().screen !== 'turn' || get().facilitation?.paused === true) return;
      const turns = run.game.log.length;
      if (place === 'briefing' ? turns === 0 : turns > 0 && run.lastRecord !== null) commit({ ...run, place });
    },
    toTitle() {
      const run = get().run;
      if (run !== null && run.review !== null) {
        set({ run: kit.suspended, screen: 'title' });
        return;
      }
      if (run === null) set({ screen: 'title' });
      else commit(run, 'title');
    },
    startFresh() {
      const notice = get().notice;
      if (notice?.kind !== 'bad-save') return;
      if (readKey(storage, SAVE_KEY) === notice.bytes) removeKey(storage, SAVE_KEY);
      set({ notice: null, savesHeld: false });
      const run = get().run;
      if (run === null) set({ screen: 'title' });
      else if (run.review === null) commit(run, get().screen);
    },
  };
}
