/**
 * The session store: the one place the browser's game state lives. The view sends plain,
 * serialisable choices; the store calls the engine and sets the new state once per action.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { isValidSeed, parseExerciseCode } from '../engine/codes';
import { recordReplay, stringifyReplay } from '../engine/replay';
import type { Side } from '../engine';
import type { Catalog } from './catalog';
import { parseLink, sidesOf } from './links';
import { persistRun, persistSettings, restoreRun, savedSettings, saveText } from './persist';
import { forkAt, importReplay, reviewMove } from './review';
import { extrasOf, rewind, withNote } from './trainee';
import { decodeReplayCode } from '../engine/replay-code';
import { facilitationText, persistFacilitation, restoreFacilitation } from './facilitator-persist';
import { chooseFacilitated, facilitate, playSideOf, startFacilitation, type Facilitation, type FacilitatorAction, type FacilitatorSetup } from './facilitator';
import { applyChoice, handOver, newRun, type PlaySide, type Run, type RunPlace } from './run';
import { readKey, removeKey, SAVE_KEY, type StorageLike } from './storage';

export type { Catalog, CatalogEntry, CatalogFailure } from './catalog';
export type { PlaySide, Review, Run, RunPlace } from './run';

export type Screen = 'title' | 'new-run' | RunPlace | TraineeScreen | 'facilitator' | DesignerScreen;
/** Designer mode: checking and importing a scenario file; the scenario map. */
export type DesignerScreen = 'designer' | 'map';
/** Screens of the after-action tools: the hot wash and the report after a debrief, the class comparison. */
export type TraineeScreen = 'hot-wash' | 'report' | 'compare';

/** A problem shown in the banner, with the buttons it offers. */
export type Notice =
  | { readonly kind: 'bad-save'; readonly message: string; readonly bytes: string }
  | { readonly kind: 'storage'; readonly message: string }
  | { readonly kind: 'overwrite'; readonly message: string; readonly link?: Draft }
  | { readonly kind: 'bad-link' | 'bad-code' | 'bad-seed' | 'replay' | 'refused'; readonly message: string };

export interface Settings {
  readonly showOdds: boolean;
  readonly reducedMotion: boolean;
  /** Large type, high contrast and a thick focus ring, for a classroom projector. */
  readonly projector: boolean;
}

/** The new-run form: the scenario chosen on the title screen, the side and the seed. */
export interface Draft {
  readonly scenarioId: string;
  readonly side: PlaySide;
  readonly seed: string;
}

export interface SessionState {
  readonly screen: Screen;
  readonly catalog: Catalog;
  readonly draft: Draft | null;
  readonly run: Run | null;
  readonly settings: Settings;
  readonly notice: Notice | null;
  /** False after a save failed (storage full, private mode) until one succeeds again. */
  readonly saved: boolean;
  /** Saves are held while a damaged save could not be kept aside, so it is never overwritten. */
  readonly savesHeld: boolean;
  /** Facilitator mode's controls around the run (null when no facilitator runs it). */
  readonly facilitation: Facilitation | null;
  /** The facilitator's set-up screen (the draft carries its first scenario and random seed). */
  openFacilitator(): void;
  startFacilitated(setup: FacilitatorSetup): void;
  facilitate(action: FacilitatorAction): void;
  /** Two teams: China's team is ready, and the screen shows its options. */
  handOver(): void;
  chooseScenario(id: string, seed?: string): void;
  setDraft(patch: Partial<Pick<Draft, 'side' | 'seed'>>): void;
  rollSeed(): void;
  startRun(): void;
  back(): void;
  openCode(text: string): void;
  /**
   * Opens a link. When it would replace a saved run (other than the same run at its start), it only
   * asks: an `overwrite` notice carrying the link's run, which `startLinked()` starts.
   */
  openLink(search: string): void;
  /** Starts the run a link named, replacing the saved run, after the `overwrite` question. */
  startLinked(): void;
  continueRun(): void;
  continueFromBriefing(): void;
  choose(side: Side, optionId: string): void;
  continueFromOutcome(): void;
  newRun(): void;
  toTitle(): void;
  importReplay(text: string, fileName: string): void;
  /** While watching a replay: the next or previous step (a turn's choice, its outcome). */
  reviewStep(direction: 1 | -1): void;
  /** While watching a replay: the next or previous turn's choice. */
  reviewTurn(direction: 1 | -1): void;
  /**
   * While watching a replay: play on from the point shown. When the player has a saved run of their
   * own, the first call only asks (an `overwrite` notice); `fork(true)` replaces it.
   */
  fork(confirmed?: boolean): void;
  setSettings(patch: Partial<Settings>): void;
  dismissNotice(): void;
  startFresh(): void;
  /** The current run as save-file text, for "export now" (null with no run). */
  exportSave(): string | null;
  /** The current run as replay-file text (null, with a notice saying why, when it cannot be written). */
  exportReplay(): string | null;
  /** From the debrief: the hot wash, the report, or back to the debrief. */
  showPanel(screen: 'hot-wash' | 'report' | 'debrief'): void;
  /** Sets the hot-wash note of discussion question `index` (kept in the save). */
  setNote(index: number, text: string): void;
  /** Rewinds the run to just after turn `turns` (0: the briefing), keeping the run left behind as a branch. */
  rewindTo(turns: number): void;
  /** Opens a replay code (`RP1.…`) in the replay viewer, or shows why it is refused. */
  openReplayCode(text: string): void;
  /** The class comparison screen. */
  openCompare(): void;
}

export type SessionStore = StoreApi<SessionState>;

export interface SessionDeps {
  readonly catalog: Catalog;
  /** localStorage, or null when the browser gives the page none. */
  readonly storage: StorageLike | null;
  /** A fresh random 4-character code seed (the browser draws it from crypto). */
  readonly randomSeed: () => string;
  readonly settings?: Partial<Settings>;
}

/** Ends a message with a full stop, once. */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

const SIDE_WORDS: Readonly<Record<PlaySide, string>> = { us: 'the United States', cn: 'China', both: 'both sides (two teams)' };

function sideWords(side: PlaySide): string {
  return SIDE_WORDS[side];
}

/** A saved run in words: its scenario, side, how far it has got, and its seed unless that is kept secret. */
function savedRunWords(run: Run, secretSeed: boolean): string {
  const where = run.game.ending !== null ? 'finished' : run.game.log.length === 0 ? 'at the briefing' : `turn ${run.game.turn + 1} of ${run.scenario.file.maxTurns}`;
  return `${run.scenario.file.title}, ${sideWords(run.side)}, ${where}${secretSeed ? '' : `, seed ${run.game.seed}`}`;
}

/** Whether a run is the one a draft would start, still at its start (starting it again loses nothing). */
function atStartOf(run: Run, draft: Draft): boolean {
  const extras = extrasOf(run);
  return run.scenario.id === draft.scenarioId && run.game.seed === draft.seed && run.side === draft.side && run.game.log.length === 0 && extras.branches.length === 0 && extras.notes.every((n) => n === '');
}

/** Creates the session store and restores the saved run, keeping a damaged save aside first. */
export function createSession(deps: SessionDeps): SessionStore {
  const { catalog, storage } = deps;
  const restored = restoreRun(storage, catalog);
  const initialSettings: Settings = { showOdds: false, reducedMotion: false, projector: false, ...deps.settings, ...savedSettings(storage) };

  const store = createStore<SessionState>()((set, get) => {
    /** The player's own run, put aside while a replay is watched. */
    let suspended: Run | null = null;
    /** Saves a run (not while watching a replay, nor while saves are held) and sets it with its screen, in one update. */
    const commit = (run: Run, screen: Screen = run.place, also: Partial<Pick<SessionState, 'draft' | 'notice' | 'facilitation'>> = {}): void => {
      if (run.review !== null || get().savesHeld) {
        set({ run, screen, ...also });
        return;
      }
      const written = persistRun(storage, run, screen);
      const notice = also.notice !== undefined ? also.notice : get().notice;
      if (written.ok) set({ ...also, run, screen, saved: true, notice: notice?.kind === 'storage' ? null : notice });
      else set({ ...also, run, screen, saved: false, notice: { kind: 'storage', message: `Not saved: ${written.message}. Export now to keep this run.` } });
    };
    /** Shows a step of a watched replay (never saved). */
    const step = (run: Run): void => set({ run, screen: run.place });
    const draftFor = (scenarioId: string, seed: string): Draft | null => {
      const side = sidesOf(get().catalog, scenarioId)[0];
      return side === undefined ? null : { scenarioId, side, seed };
    };
    /** Clears a notice of one of these kinds (the problem it named is solved). */
    const solved = (...kinds: Notice['kind'][]): Notice | null => {
      const notice = get().notice;
      return notice !== null && kinds.includes(notice.kind) ? null : notice;
    };
    const begin = (draft: Draft): void => {
      const entry = get().catalog.entries.find((e) => e.id === draft.scenarioId);
      if (entry) commit(newRun(entry.scenario, draft.side, draft.seed), 'briefing', { draft, notice: solved('bad-seed', 'bad-code', 'bad-link'), facilitation: null });
    };

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

      openFacilitator() {
        const first = get().catalog.entries[0];
        if (first !== undefined) set({ screen: 'facilitator', draft: draftFor(first.id, deps.randomSeed()) });
      },
      startFacilitated(setup) {
        const entry = get().catalog.entries.find((e) => e.id === setup.scenarioId);
        const side = entry === undefined ? null : playSideOf(setup.players, entry.scenario.file.teams);
        if (entry === undefined || side === null || get().screen !== 'facilitator' || !sidesOf(get().catalog, entry.id).includes(side)) return;
        if (!isValidSeed(setup.seed)) {
          set({ notice: { kind: 'bad-seed', message: 'Seed: a seed is 1 to 64 characters with no control characters.' } });
          return;
        }
        if (setup.secret) get().setSettings({ showOdds: false });
        const draft: Draft = { scenarioId: entry.id, side, seed: setup.seed };
        commit(newRun(entry.scenario, side, setup.seed), 'briefing', { draft, notice: solved('bad-seed'), facilitation: startFacilitation(setup) });
      },
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

      chooseScenario(id, seed) {
        const draft = draftFor(id, seed ?? deps.randomSeed());
        if (draft !== null) set({ screen: 'new-run', draft, notice: solved('bad-code', 'bad-seed') });
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
          set({ notice: { kind: 'bad-seed', message: 'Seed: a seed is 1 to 64 characters with no control characters.' } });
          return;
        }
        if (sidesOf(get().catalog, draft.scenarioId).includes(draft.side)) begin(draft);
      },
      back() {
        if (get().screen === 'new-run' || get().screen === 'facilitator') set({ screen: 'title' });
      },
      openCode(text) {
        const parsed = parseExerciseCode(text, get().catalog.entries.map((e) => e.id));
        if (!parsed.ok) {
          const hint = parsed.error.suggestion !== undefined ? ` Did you mean ${parsed.error.suggestion}?` : '';
          set({ notice: { kind: 'bad-code', message: `Exercise code: ${sentence(parsed.error.message)}${hint}` } });
          return;
        }
        get().chooseScenario(parsed.scenarioId, parsed.seed);
      },
      openLink(search) {
        const params = new URLSearchParams(search);
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
          set({ screen: 'title', notice: { kind: 'bad-link', message: `Link parameter "${link.param}": ${sentence(link.reason)}` } });
          return;
        }
        const draft: Draft = { scenarioId: link.scenarioId, side: link.side, seed: link.seed };
        const { run, facilitation } = get();
        const own = run !== null && run.review === null ? run : suspended;
        if (own === null || (facilitation === null && atStartOf(own, draft))) {
          begin(draft);
          return;
        }
        const title = get().catalog.entries.find((e) => e.id === draft.scenarioId)?.scenario.file.title ?? draft.scenarioId;
        const secret = facilitation?.secret === true && own.game.ending === null;
        const message = `This link starts ${title}, seed ${draft.seed}, playing ${sideWords(draft.side)}. Your saved run is ${savedRunWords(own, secret)}. Starting the linked run replaces it.`;
        set({ screen: 'title', notice: { kind: 'overwrite', message, link: draft } });
      },
      startLinked() {
        const notice = get().notice;
        if (notice?.kind !== 'overwrite' || notice.link === undefined) return;
        suspended = null;
        set({ notice: null });
        begin(notice.link);
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
      newRun() {
        const run = get().run;
        if (run !== null) get().chooseScenario(run.scenario.id);
      },
      toTitle() {
        const run = get().run;
        if (run !== null && run.review !== null) {
          set({ run: suspended, screen: 'title' });
          return;
        }
        if (run === null) set({ screen: 'title' });
        else commit(run, 'title');
      },
      importReplay(text, fileName) {
        const result = importReplay(text, fileName, get().catalog);
        if (!result.ok) {
          set({ notice: { kind: 'replay', message: `Replay refused: ${sentence(result.message)}` } });
          return;
        }
        const current = get().run;
        if (current !== null && current.review === null) suspended = current;
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
        if (suspended !== null && !confirmed) {
          const own = suspended;
          const where = own.game.ending !== null ? 'finished' : `turn ${own.game.turn + 1}`;
          set({ notice: { kind: 'overwrite', message: `Playing on from here replaces your saved run (${own.scenario.file.title}, seed ${own.game.seed}, ${where}). Replace it?` } });
          return;
        }
        suspended = null;
        if (get().notice?.kind === 'overwrite') set({ notice: null });
        commit(forkAt(run));
      },
      setSettings(patch) {
        const settings = { ...get().settings, ...patch };
        set({ settings });
        persistSettings(storage, settings);
      },
      dismissNotice() {
        set({ notice: null });
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
      exportSave() {
        const run = get().run;
        return run === null ? null : saveText(run, get().screen);
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
        if (run.review !== null) set({ run: next });
        else commit(next, get().screen);
      },
      rewindTo(turns) {
        const run = get().run;
        if (run === null) return;
        const result = rewind(run, turns);
        if (!result.ok) set({ notice: { kind: 'refused', message: `Rewind refused: ${sentence(result.message)}` } });
        else commit(result.run);
      },
      openReplayCode(text) {
        const decoded = decodeReplayCode(text, get().catalog.entries.map((e) => e.scenario));
        if (!decoded.ok) {
          set({ notice: { kind: 'replay', message: `Replay code refused: ${sentence(decoded.error.message)}` } });
          return;
        }
        get().importReplay(stringifyReplay(decoded.value), 'a replay code');
      },
      openCompare() {
        set({ screen: 'compare', notice: solved('bad-link', 'replay') });
      },
      exportReplay() {
        const run = get().run;
        if (run === null) return null;
        const replay = recordReplay(run.scenario, run.game);
        if (replay.ok) return stringifyReplay(replay.value);
        set({ notice: { kind: 'replay', message: `The replay could not be written: ${replay.error.message}` } });
        return null;
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
