/** The session store's shape: its screens, notices, settings, the new-run draft and every action the view may send. */

import type { StoreApi } from 'zustand/vanilla';
import type { Side } from '../engine';
import type { Catalog } from './catalog';
import type { Facilitation, FacilitatorAction, FacilitatorSetup } from './facilitator';
import type { PlanField } from './plan';
import type { PlaySide, Run, RunPlace } from './run';
import type { RunRecord, RunShelf, ShelfResult } from './run-shelf';
import type { StorageLike } from './storage';

export type Screen = 'title' | 'new-run' | RunPlace | TraineeScreen | 'facilitator' | DesignerScreen;
/** Designer mode: checking and importing a scenario file; the scenario map. */
export type DesignerScreen = 'designer' | 'map';
/** Screens of the after-action tools: the hot wash and the report after a debrief, the class comparison. */
export type TraineeScreen = 'hot-wash' | 'report' | 'compare';

/** A problem shown in the banner, with the buttons it offers. */
export type Notice =
  | { readonly kind: 'bad-save'; readonly message: string; readonly bytes: string }
  | { readonly kind: 'storage'; readonly message: string }
  /** A run would replace the saved one: `link` is the run to start if the player says so, `start` the button's words. */
  | { readonly kind: 'overwrite'; readonly message: string; readonly link?: Draft; readonly start?: string }
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
  /** Keep the odds and the scenario map out of sight until the debrief (an exercise code ending in H). */
  readonly hidden?: boolean;
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
  /** Whether the browser keeps a list of runs (src/store/run-shelf.ts): a new run then replaces none. */
  readonly keepsRuns: boolean;
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
  chooseScenario(id: string, seed?: string, hidden?: boolean): void;
  setDraft(patch: Partial<Pick<Draft, 'side' | 'seed' | 'hidden'>>): void;
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
  /**
   * From a turn not yet answered, back to what was already shown (the browser's Back): the outcome
   * of the last turn, or the briefing before the first. Nothing is undone; refused otherwise.
   */
  revisit(place: 'briefing' | 'outcome'): void;
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
  /**
   * The current run as replay-file text (null, with a notice saying why, when it cannot be written).
   * A class run with a secret seed is refused before its debrief, except `forFacilitator` (the
   * facilitator bar's own export, from which "Open replay" and "play on" restore the run).
   */
  exportReplay(forFacilitator?: boolean): string | null;
  /** From the debrief: the hot wash, the report, or back to the debrief. */
  showPanel(screen: 'hot-wash' | 'report' | 'debrief'): void;
  /** Sets the hot-wash note of discussion question `index` (kept in the save). */
  setNote(index: number, text: string): void;
  /** Sets one field of the improvement plan of the report's area for improvement `index` (kept in the save). */
  setPlan(index: number, field: PlanField, text: string): void;
  /** Rewinds the run to just after turn `turns` (0: the briefing), keeping the run left behind as a branch. */
  rewindTo(turns: number): void;
  /** Opens a replay code (`RP1.…`) in the replay viewer, or shows why it is refused. */
  openReplayCode(text: string): void;
  /** The class comparison screen. */
  openCompare(): void;
  /** The runs kept in the browser, most recent first (or why they cannot be read). */
  keptRuns(): Promise<ShelfResult<RunRecord[]>>;
  /** Opens a kept run where it was left (the open run stays kept too). */
  openKept(record: RunRecord): void;
  /** Deletes a kept run from the list (never the run open now). */
  deleteKept(id: string): Promise<ShelfResult<null>>;
}

export type SessionStore = StoreApi<SessionState>;

export interface SessionDeps {
  readonly catalog: Catalog;
  /** localStorage, or null when the browser gives the page none. */
  readonly storage: StorageLike | null;
  /**
   * Where a class exercise with a secret seed is saved until its debrief: the facilitator's own tab
   * (sessionStorage), never the shared localStorage a player's page could read. See session-kit.
   */
  readonly secretStorage?: StorageLike | null;
  /** A fresh random 4-character code seed (the browser draws it from crypto). */
  readonly randomSeed: () => string;
  /** The list of runs kept in the browser (IndexedDB); null or absent when the browser gives none. */
  readonly shelf?: RunShelf | null;
  /** The page's clock as an ISO date, for when a run started and was saved (absent: no dates). */
  readonly now?: () => string;
  readonly settings?: Partial<Settings>;
}
