/**
 * The session store: the one place the browser's game state lives. The view sends plain choices;
 * the store calls the engine and sets the new state once per action.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Diagnostic, GameState, LogRecord, Scenario, Side } from '../engine';
import { legalOptions, resolveTurn, start } from '../engine';

export type Screen = 'title' | 'new-run' | 'briefing' | 'turn' | 'outcome' | 'debrief';
export type PlaySide = Side | 'both';

export interface CatalogEntry {
  readonly id: string;
  readonly file: string;
  readonly scenario: Scenario;
}

export interface CatalogFailure {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly failures: readonly CatalogFailure[];
}

export interface Run {
  readonly scenario: Scenario;
  readonly side: PlaySide;
  readonly game: GameState;
  readonly lastRecord: LogRecord | null;
  /** In a two-team run: the US team's choice, hidden until China has chosen. */
  readonly pending: { readonly us: string } | null;
}

export interface Notice {
  readonly kind: 'bad-save' | 'bad-link' | 'storage' | 'replay' | 'error';
  readonly message: string;
}

export interface Settings {
  readonly showOdds: boolean;
  readonly reducedMotion: boolean;
}

export interface SessionState {
  readonly screen: Screen;
  readonly catalog: Catalog;
  /** The scenario chosen on the title screen (new-run screen). */
  readonly chosen: string | null;
  readonly run: Run | null;
  readonly settings: Settings;
  readonly notice: Notice | null;
  chooseScenario(id: string): void;
  startRun(side: PlaySide, seed: string): void;
  continueFromBriefing(): void;
  choose(side: Side, optionId: string): void;
  continueFromOutcome(): void;
  toTitle(): void;
  setSettings(patch: Partial<Settings>): void;
  dismissNotice(): void;
}

export type SessionStore = StoreApi<SessionState>;

export interface SessionDeps {
  readonly catalog: Catalog;
  readonly settings?: Partial<Settings>;
}

/** Creates the session store over an already loaded catalog. */
export function createSession(deps: SessionDeps): SessionStore {
  return createStore<SessionState>()((set, get) => ({
    screen: 'title',
    catalog: deps.catalog,
    chosen: null,
    run: null,
    settings: { showOdds: false, reducedMotion: false, ...deps.settings },
    notice: null,
    chooseScenario(id) {
      if (get().catalog.entries.some((e) => e.id === id)) set({ screen: 'new-run', chosen: id, notice: null });
    },
    startRun(side, seed) {
      const entry = get().catalog.entries.find((e) => e.id === get().chosen);
      if (!entry) return;
      const controllers = { us: side === 'cn' ? 'model' : 'people', cn: side === 'us' ? 'model' : 'people' } as const;
      const game = start(entry.scenario, seed, controllers);
      set({ screen: 'briefing', run: { scenario: entry.scenario, side, game, lastRecord: null, pending: null } });
    },
    continueFromBriefing() {
      if (get().screen === 'briefing') set({ screen: 'turn' });
    },
    choose(side, optionId) {
      const run = get().run;
      if (!run || get().screen !== 'turn') return;
      if (!legalOptions(run.scenario, run.game, side).some((o) => o.id === optionId)) return;
      const result = resolveTurn(run.scenario, run.game, { [side]: optionId });
      if (!result.ok) {
        set({ notice: { kind: 'error', message: result.error.message } });
        return;
      }
      set({ screen: 'outcome', run: { ...run, game: result.state, lastRecord: result.record, pending: null } });
    },
    continueFromOutcome() {
      const run = get().run;
      if (!run || get().screen !== 'outcome') return;
      set({ screen: run.game.ending !== null ? 'debrief' : 'turn' });
    },
    toTitle() {
      set({ screen: 'title', chosen: null, run: null });
    },
    setSettings(patch) {
      set({ settings: { ...get().settings, ...patch } });
    },
    dismissNotice() {
      set({ notice: null });
    },
  }));
}
