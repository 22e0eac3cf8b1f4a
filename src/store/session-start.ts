import { isValidSeed, parseExerciseCode } from '../engine';
import { m } from '../i18n/lang';
import { playSideOf, startFacilitation } from './facilitator';
import { parseLink, sidesOf } from './links';
import { newRun } from './run';
import type { Kit } from './session-kit';
import { atStartOf, savedRunWords, sentence, sideWords } from './session-kit';
import type { Draft, SessionState } from './session-types';

export type StartActions = Pick<
  SessionState,
  'openFacilitator' | 'startFacilitated' | 'chooseScenario' | 'setDraft' | 'rollSeed' | 'startRun' | 'back' | 'openCode' | 'openLink' | 'startLinked' | 'newRun'
>;

export function startActions(kit: Kit): StartActions {
  const { get, set, deps, commit, draftFor, solved, begin } = kit;
  return {
    openFacilitator() {
      const first = get().catalog.entries[0];
      if (first !== undefined) set({ screen: 'facilitator', draft: draftFor(first.id, deps.randomSeed()) });
    },
    startFacilitated(setup) {
      const entry = get().catalog.entries.find((e) => e.id === setup.scenarioId);
      const side = entry === undefined ? null : playSideOf(setup.players, entry.scenario.file.teams);
      if (entry === undefined || side === null || get().screen !== 'facilitator' || !sidesOf(get().catalog, entry.id).includes(side)) return;
      if (!isValidSeed(setup.seed)) {
        set({ notice: { kind: 'bad-seed', message: m.notice_bad_seed() } });
        return;
      }
      if (setup.secret) get().setSettings({ showOdds: false });
      const draft: Draft = { scenarioId: entry.id, side, seed: setup.seed };
      commit(newRun(entry.scenario, side, setup.seed), 'briefing', { draft, notice: solved('bad-seed'), facilitation: startFacilitation(setup) });
    },
    chooseScenario(id, seed, hidden) {
      const draft = draftFor(id, seed ?? deps.randomSeed());
      if (draft !== null) set({ screen: 'new-run', draft: hidden === true ? { ...draft, hidden } : draft, notice: solved('bad-code', 'bad-seed') });
    },
    setDraft(patch) {
      const draft = get().draft;
      if (draft !== null) set({ draft: { ...draft, ...patch } });
    },
    rollSeed() {
      const draft = get().draft;
      if (draft !== null) set({ draft: { ...draft, seed: deps.randomSeed() } });
    },
    startRun() {
      const draft = get().draft;
      if (draft === null || get().screen !== 'new-run') return;
      if (!isValidSeed(draft.seed)) {
        set({ notice: { kind: 'bad-seed', message: m.notice_bad_seed() } });
        return;
      }
      if (!sidesOf(get().catalog, draft.scenarioId).includes(draft.side)) return;
      // A saved run is never replaced without asking (keep it, export it, or replace it), as a link asks.
      const { run } = get();
      const own = run !== null && run.review === null ? run : kit.suspended;
      // With the list of runs (IndexedDB) the saved run stays on it: starting another replaces nothing.
      if (own !== null && !atStartOf(own, draft) && !kit.onShelf(own)) {
        const title = get().catalog.entries.find((e) => e.id === draft.scenarioId)?.scenario.file.title ?? draft.scenarioId;
        const secret = get().facilitation?.secret === true && own.game.ending === null;
        const message = `You are starting ${title}, seed ${draft.seed}, playing ${sideWords(draft.side)}. Your saved run is ${savedRunWords(own, secret)}. Starting the new run replaces it.`;
        set({ notice: { kind: 'overwrite', message, link: draft, start: 'Start the new run (replaces my saved run)' } });
        return;
      }
      begin(draft);
    },
    back() {
      if (get().screen === 'new-run' || get().screen === 'facilitator') set({ screen: 'title' });
    },
    openCode(text) {
      const parsed = parseExerciseCode(
        text,
        get().catalog.entries.map((e) => e.id),
      );
      if (!parsed.ok) {
        const hint = parsed.error.suggestion !== undefined ? ` Did you mean ${parsed.error.suggestion}?` : '';
        set({ notice: { kind: 'bad-code', message: m.notice_bad_code({ reason: sentence(parsed.error.message), hint }) } });
        return;
      }
      get().chooseScenario(parsed.scenarioId, parsed.seed, parsed.hidden);
    },
    openLink(search) {
      const params = new URLSearchParams(search);
      // A link that opens the class set-up or a replay and also names a run says which to keep, as code plus scenario does.
      const runParams = ['scenario', 'seed', 'code', 'side'].filter((p) => params.has(p));
      const opener = params.has('facilitator') ? 'facilitator' : params.has('replay') ? 'replay' : null;
      if (opener !== null && runParams.length > 0) {
        const what = opener === 'facilitator' ? 'opens the facilitator set-up' : 'opens a replay';
        const reason = `"${opener}" ${what}, and ${runParams.map((p) => `"${p}"`).join(', ')} would start a run: give one or the other, not both`;
        set({ screen: 'title', notice: { kind: 'bad-link', message: m.notice_bad_link({ param: opener, reason: `${reason}.` }) } });
        return;
      }
      if (params.has('facilitator')) {
        get().openFacilitator();
        return;
      }
      const code = params.get('replay');
      if (code !== null) {
        get().openReplayCode(code);
        if (get().notice?.kind === 'replay') set({ screen: 'title' });
        return;
      }
      if (params.has('compare')) {
        get().openCompare();
        return;
      }
      const link = parseLink(search, get().catalog);
      if (link.kind === 'none') return;
      if (link.kind === 'error') {
        set({ screen: 'title', notice: { kind: 'bad-link', message: m.notice_bad_link({ param: link.param, reason: sentence(link.reason) }) } });
        return;
      }
      const draft: Draft = { scenarioId: link.scenarioId, side: link.side, seed: link.seed, ...(link.hidden === true ? { hidden: true } : {}) };
      const { run, facilitation } = get();
      const own = run !== null && run.review === null ? run : kit.suspended;
      if (own === null || (facilitation === null && atStartOf(own, draft))) {
        begin(draft);
        return;
      }
      const title = get().catalog.entries.find((e) => e.id === draft.scenarioId)?.scenario.file.title ?? draft.scenarioId;
      const secret = facilitation?.secret === true && own.game.ending === null;
      const after = kit.onShelf(own) ? 'It stays in your list of runs if you start the linked run.' : 'Starting the linked run replaces it.';
      const message = `This link starts ${title}, seed ${draft.seed}, playing ${sideWords(draft.side)}. Your saved run is ${savedRunWords(own, secret)}. ${after}`;
      set({ screen: 'title', notice: { kind: 'overwrite', message, link: draft } });
    },
    startLinked() {
      const notice = get().notice;
      if (notice?.kind !== 'overwrite' || notice.link === undefined) return;
      kit.suspended = null;
      set({ notice: null });
      begin(notice.link);
    },
    newRun() {
      const run = get().run;
      if (run !== null) get().chooseScenario(run.scenario.id);
    },
  };
}
