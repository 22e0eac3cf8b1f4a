/**
 * The browser's history: each screen the player reaches pushes an entry (its screen, the turns
 * played, the replay step), and Back and Forward ask the store for the move back to that entry when
 * the screen shown allows it (the title, a panel of the debrief, the outcome already seen). When it
 * does not (a turn already answered cannot be taken back), the entry is pushed again and the page
 * stays. A replay opened from a `?replay=` link keeps the link in the address while it is watched, and
 * a reload returns to the step it was on.
 */
import { closeDesigner, closeMap, designer, openDesigner, openMap } from '../store/designer-session';
import type { Screen, SessionState, SessionStore } from '../store/session';

/** The state object of a history entry. */
export interface Entry {
  readonly rp: 1;
  readonly screen: Screen;
  /** Turns played in the run shown (-1 without a run). */
  readonly log: number;
  /** The replay step's actions applied (-1 outside a replay). */
  readonly at: number;
}

const RUN_PLACES: readonly Screen[] = ['briefing', 'turn', 'outcome', 'debrief'];
/** The order of a replay's places at one step (see reviewSteps in the store). */
const ORDER: Partial<Record<Screen, number>> = { briefing: 0, outcome: 1, turn: 2, debrief: 3 };

export function entryOf(state: SessionState): Entry {
  const run = state.run;
  return { rp: 1, screen: state.screen, log: run?.game.log.length ?? -1, at: run?.review?.at ?? -1 };
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<Entry>;
  return e.rp === 1 && typeof e.screen === 'string' && typeof e.log === 'number' && typeof e.at === 'number';
}

const same = (a: Entry, b: Entry): boolean => a.screen === b.screen && a.log === b.log && a.at === b.at;

function replayParam(): string | null {
  return new URLSearchParams(location.search).get('replay');
}

/** The address of an entry: a replay link stays while its replay is watched, and goes with it. */
function urlFor(state: SessionState): string {
  const keep = state.run?.review != null && replayParam() !== null;
  return location.pathname + (keep ? location.search : '') + location.hash;
}

/** Steps a watched replay towards `target`, one step at a time, until it is there or stops moving. */
function seek(store: SessionStore, target: Entry): void {
  for (let i = 0; i < 1000; i += 1) {
    const now = entryOf(store.getState());
    if (same(now, target) || store.getState().run?.review == null) return;
    const ahead = target.at > now.at || (target.at === now.at && (ORDER[target.screen] ?? 0) > (ORDER[now.screen] ?? 0));
    store.getState().reviewStep(ahead ? 1 : -1);
    if (same(entryOf(store.getState()), now)) return;
  }
}

/** Asks the store for the move to `target`, when the screen shown allows one. */
function go(store: SessionStore, target: Entry): void {
  const s = store.getState();
  const run = s.run;
  const now = entryOf(s);
  if (same(now, target)) return;
  if (run !== null && run.review !== null && target.at >= 0 && RUN_PLACES.includes(target.screen) && RUN_PLACES.includes(s.screen)) {
    seek(store, target);
    return;
  }
  if (target.screen === 'title') {
    if (s.screen === 'new-run' || s.screen === 'facilitator') s.back();
    else if (s.screen === 'designer') closeDesigner(store);
    else s.toTitle();
    return;
  }
  if (s.screen === 'title') {
    const code = replayParam();
    if (target.screen === 'new-run' && s.draft !== null) s.chooseScenario(s.draft.scenarioId, s.draft.seed);
    else if (target.screen === 'facilitator') s.openFacilitator();
    else if (target.screen === 'compare') s.openCompare();
    else if (target.screen === 'designer') openDesigner(store);
    else if (target.at >= 0 && code !== null) {
      s.openReplayCode(code);
      seek(store, target);
    } else if (run !== null && target.at < 0 && target.screen === run.place) s.continueRun();
    return;
  }
  if (s.screen === 'map' && target.screen === designer.getState().mapFrom) closeMap(store);
  else if (s.screen === 'designer' && target.screen === 'map' && designer.getState().mapId !== null) openMap(store, designer.getState().mapId ?? '');
  else if (['debrief', 'hot-wash', 'report'].includes(target.screen) && ['debrief', 'hot-wash', 'report'].includes(s.screen)) s.showPanel(target.screen as 'debrief' | 'hot-wash' | 'report');
  else if (target.log !== now.log) return;
  else if (s.screen === 'turn' && (target.screen === 'outcome' || target.screen === 'briefing')) s.revisit(target.screen);
  else if (s.screen === 'outcome' && target.screen === 'turn') s.continueFromOutcome();
  else if (s.screen === 'briefing' && target.screen === 'turn') s.continueFromBriefing();
}

/**
 * Wires the history to the store. Call once the link has been opened: a replay link resumes at the
 * step the page was on before a reload (whose entries stay), and a first visit that opens on a run
 * gets the title before it, so Back goes to the title (the run saved) rather than off the game.
 */
export function installHistory(store: SessionStore): () => void {
  const before: unknown = history.state;
  if (isEntry(before) && store.getState().run?.review != null) seek(store, before);
  let last = entryOf(store.getState());
  const url = urlFor(store.getState());
  // A reload keeps the entries before it; a first visit on a run gets the title behind it.
  if (last.screen !== 'title' && !isEntry(before)) {
    history.replaceState({ rp: 1, screen: 'title', log: -1, at: -1 } satisfies Entry, '', location.pathname + location.hash);
    history.pushState(last, '', url);
  } else history.replaceState(last, '', url);
  let moving = false;
  const unsubscribe = store.subscribe((state) => {
    if (moving) return;
    const next = entryOf(state);
    if (same(next, last)) return;
    history.pushState(next, '', urlFor(state));
    last = next;
  });
  const onPop = (e: PopStateEvent): void => {
    const target: unknown = e.state;
    moving = true;
    try {
      if (isEntry(target)) go(store, target);
    } finally {
      moving = false;
    }
    const state = store.getState();
    const now = entryOf(state);
    // Refused (or only part of the way): the page stays, and the entry shown is where it is.
    if (!isEntry(target) || !same(now, target)) history.pushState(now, '', urlFor(state));
    last = now;
  };
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
