/**
 * What every group of session actions shares: the store's get and set, the saving commit, and the
 * small steps several actions take (a draft for a scenario, clearing a solved notice, beginning a run).
 */

import { m } from '../i18n/lang';
import type { Facilitation } from './facilitator';
import { sidesOf } from './links';
import { saveText } from './persist';
import { newRun, type PlaySide, type Run } from './run';
import { newRunId, recordOf } from './run-shelf';
import type { Draft, Notice, Screen, SessionDeps, SessionState } from './session-types';
import { readKey, removeKey, SAVE_KEY, type StorageLike, type WriteResult, writeKey } from './storage';
import { extrasOf } from './trainee';

type Get = () => SessionState;
type Set = (patch: Partial<SessionState>) => void;

export interface Kit {
  readonly get: Get;
  readonly set: Set;
  readonly deps: SessionDeps;
  /** The player's own run, put aside while a replay is watched. */
  suspended: Run | null;
  /** Saves a run (not while watching a replay, nor while saves are held) and sets it with its screen, in one update. */
  commit(run: Run, screen?: Screen, also?: Partial<Pick<SessionState, 'draft' | 'notice' | 'facilitation'>>): void;
  /** Shows a step of a watched replay (never saved). */
  step(run: Run): void;
  draftFor(scenarioId: string, seed: string): Draft | null;
  /** Clears a notice of one of these kinds (the problem it named is solved). */
  solved(...kinds: Notice['kind'][]): Notice | null;
  begin(draft: Draft): void;
  /** Puts the run on the list of runs kept in the browser (a failure becomes a notice). */
  shelve(run: Run, screen: Screen): void;
  /** Whether the run is on the list of runs (so starting another replaces nothing). */
  onShelf(run: Run): boolean;
}

/** Ends a message with a full stop, once. */
export const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

const SIDE_WORDS: Readonly<Record<PlaySide, string>> = { us: 'the United States', cn: 'China', both: 'both sides (two teams)' };

export function sideWords(side: PlaySide): string {
  return SIDE_WORDS[side];
}

/** A saved run in words: its scenario, side, how far it has got, and its seed unless that is kept secret. */
export function savedRunWords(run: Run, secretSeed: boolean): string {
  const where = run.game.ending !== null ? 'finished' : run.game.log.length === 0 ? 'at the briefing' : `turn ${run.game.turn + 1} of ${run.scenario.file.maxTurns}`;
  return `${run.scenario.file.title}, ${sideWords(run.side)}, ${where}${secretSeed ? '' : `, seed ${run.game.seed}`}`;
}

/** Whether a run is the one a draft would start, still at its start (starting it again loses nothing). */
export function atStartOf(run: Run, draft: Draft): boolean {
  const extras = extrasOf(run);
  return (
    run.scenario.id === draft.scenarioId && run.game.seed === draft.seed && run.side === draft.side && run.game.log.length === 0 && extras.branches.length === 0 && extras.notes.every((n) => n === '')
  );
}

/**
 * The secret seed (issue 10). A class exercise whose facilitator keeps the seed secret is saved, until
 * its debrief, only in the facilitator's tab (sessionStorage: it survives a reload of that tab, and no
 * other page or tab reads it); nothing of it is left in localStorage, and the replay export is refused
 * until the debrief (session-review). At the debrief the seed is revealed and the save moves to
 * localStorage like any run. The exported save ("Export now") stays the facilitator's own copy.
 * Without a session storage (tests, odd browsers) the run is saved as before.
 */
export function isSecretRun(run: Run, fac: Facilitation | null): boolean {
  return fac?.secret === true && run.game.ending === null && run.review === null;
}

/** The storage a run is saved in: the facilitator's tab for a secret run before its debrief, else localStorage (deps.storage). */
export function saveStorage(deps: SessionDeps, run: Run, fac: Facilitation | null): StorageLike | null {
  return isSecretRun(run, fac) && deps.secretStorage != null ? deps.secretStorage : deps.storage;
}

/** What a page says when another tab or window saved a run after this page read or wrote the save. */
export const ELSEWHERE = (): string => m.notice_elsewhere();

/** The game of a save text without its settings (the page's place), or null when it is not a save. */
function gameOf(text: string | null): string | null {
  if (text === null) return null;
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null ? JSON.stringify(Object.getOwnPropertyDescriptor(data, 'replay')?.value ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Whether the save in `storage` was written by another page since this one last read or wrote it
 * (`known`): it differs from that text and is not the game this page holds (the designer's reload
 * rewrites the save with the same game).
 */
function savedElsewhere(storage: StorageLike | null, known: string | null, held: Run | null): boolean {
  const current = readKey(storage, SAVE_KEY);
  if (current === null || current === known) return false;
  return held === null || gameOf(current) !== gameOf(saveText(held));
}

export function createKit(get: Get, set: Set, deps: SessionDeps): Kit {
  const { storage } = deps;
  /** The save text this page last read or wrote, per storage. */
  const known = new Map<StorageLike | null, string | null>([[storage, readKey(storage, SAVE_KEY)]]);
  if (deps.secretStorage != null) known.set(deps.secretStorage, readKey(deps.secretStorage, SAVE_KEY));
  let shelfBroken = false;
  const kit: Kit = {
    get,
    set,
    deps,
    suspended: null,
    commit(given, screen = given.place, also = {}) {
      if (given.review !== null || get().savesHeld) {
        set({ run: given, screen, ...also });
        return;
      }
      const run = given.id === undefined ? { ...given, id: newRunId(deps.now?.() ?? '', deps.randomSeed()) } : given;
      const fac = also.facilitation !== undefined ? also.facilitation : get().facilitation;
      if (!isSecretRun(run, fac)) kit.shelve(run, screen);
      const where = saveStorage(deps, run, fac);
      if (savedElsewhere(where, known.get(where) ?? null, get().run)) {
        // Two tabs on one save: the other tab's newer run is never overwritten by this one.
        set({ ...also, run, screen, saved: false, notice: { kind: 'storage', message: ELSEWHERE() } });
        return;
      }
      const text = saveText(run, screen);
      const written: WriteResult = text === null ? { ok: false, message: m.notice_not_recorded() } : writeKey(where, SAVE_KEY, text);
      if (written.ok) known.set(where, text);
      // Once the run is saved where it now belongs, no copy is left in the other store.
      const other = where === storage ? (deps.secretStorage ?? null) : storage;
      if (written.ok && other !== null && removeKey(other, SAVE_KEY).ok) known.set(other, null);
      const notice = also.notice !== undefined ? also.notice : get().notice;
      if (written.ok) set({ ...also, run, screen, saved: true, notice: notice?.kind === 'storage' ? null : notice });
      else set({ ...also, run, screen, saved: false, notice: { kind: 'storage', message: m.notice_not_saved({ reason: written.message }) } });
    },
    step(run) {
      set({ run, screen: run.place });
    },
    draftFor(scenarioId, seed) {
      const side = sidesOf(get().catalog, scenarioId)[0];
      return side === undefined ? null : { scenarioId, side, seed };
    },
    solved(...kinds) {
      const notice = get().notice;
      return notice !== null && kinds.includes(notice.kind) ? null : notice;
    },
    shelve(run, screen) {
      const text = deps.shelf == null || run.id === undefined ? null : saveText(run, screen);
      if (text === null || deps.shelf == null || run.id === undefined) return;
      void deps.shelf.put(recordOf(run, run.id, text, deps.now?.() ?? '')).then((put) => {
        shelfBroken = !put.ok;
        if (!put.ok && get().notice === null) set({ notice: { kind: 'storage', message: m.notice_not_kept({ reason: put.message }) } });
      });
    },
    onShelf(run) {
      return deps.shelf != null && !shelfBroken && run.id !== undefined && run.review === null && !isSecretRun(run, get().facilitation);
    },
    begin(draft) {
      const entry = get().catalog.entries.find((e) => e.id === draft.scenarioId);
      const fresh = entry === undefined ? null : newRun(entry.scenario, draft.side, draft.seed);
      if (fresh !== null) kit.commit(draft.hidden === true ? { ...fresh, hidden: true } : fresh, 'briefing', { draft, notice: kit.solved('bad-seed', 'bad-code', 'bad-link'), facilitation: null });
    },
  };
  return kit;
}
