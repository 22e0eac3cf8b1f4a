/**
 * The page-text layer: renders the screen the store is on into `#ui`, keeps the banner and the
 * live region up to date, moves focus to the new screen's heading, and wires the keyboard.
 */

import { m } from '../i18n/lang';
import { optionsFor, recordView } from '../store/derive';
import { turnHeader } from '../store/pace';
import { askingSide, isHandover } from '../store/run';
import type { Screen, SessionState, SessionStore } from '../store/session';
import { renderBanner } from './banner';
import { designerScreen } from './designer/designer-screen';
import { mapScreen } from './designer/map-screen';
import { downloadText } from './download';
import { mountFacilitator } from './facilitator/bar';
import { sideName } from './format';
import { installKeyboard } from './keyboard';
import { briefingScreen } from './screens/briefing';
import { compareScreen } from './screens/compare';
import { debriefScreen } from './screens/debrief';
import { facilitatorSetupScreen } from './screens/facilitator-setup';
import { hotWashScreen } from './screens/hot-wash';
import { newRunScreen } from './screens/new-run';
import { outcomeScreen } from './screens/outcome';
import { reportScreen } from './screens/report';
import { titleScreen } from './screens/title';
import { turnScreen } from './screens/turn';
import { createTermDialog } from './term-dialog';
import type { Ctx, View } from './view';

/** This tab's own storage (where the facilitator's controls window is remembered), or null. */
function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export interface Mount {
  readonly app: HTMLElement;
  readonly ui: HTMLElement;
  readonly banner: HTMLElement;
  readonly announcer: HTMLElement;
}

const SCREENS: Readonly<Record<Screen, (ctx: Ctx) => View>> = {
  title: titleScreen,
  'new-run': newRunScreen,
  facilitator: facilitatorSetupScreen,
  briefing: briefingScreen,
  turn: turnScreen,
  outcome: outcomeScreen,
  debrief: debriefScreen,
  'hot-wash': hotWashScreen,
  report: reportScreen,
  compare: compareScreen,
  designer: designerScreen,
  map: mapScreen,
};

/**
 * What a screen shows, as two keys: a change of `hard` is a new view (focus to its heading, announce
 * it); a change of `soft` only re-renders it (a setting), keeping focus on the same control.
 */
function keysOf(state: SessionState): { hard: string; soft: string } {
  const run = state.run;
  const runId = run === null ? '-' : `${run.scenario.id}:${run.game.seed}:${run.side}:${run.review?.name ?? ''}:${run.review?.at ?? ''}:${run.place}:${run.game.log.length}`;
  switch (state.screen) {
    case 'title':
      return { hard: `title`, soft: `${runId}:${run?.place ?? ''}:${state.settings.showOdds}:${state.settings.reducedMotion}:${state.settings.projector}` };
    case 'new-run':
      return { hard: `new-run:${state.draft?.scenarioId ?? ''}`, soft: '' };
    case 'turn':
      return { hard: `turn:${runId}:${run?.pending != null ? (run.pending.ready === true ? 'cn' : 'handover') : 'us'}`, soft: '' };
    default:
      return { hard: `${state.screen}:${runId}`, soft: `${state.settings.showOdds}` };
  }
}

function selectorOf(el: Element | null): string | null {
  if (!(el instanceof HTMLElement)) return null;
  if (el.id) return `#${CSS.escape(el.id)}`;
  for (const attr of ['data-action', 'data-option', 'data-term']) {
    const v = el.getAttribute(attr);
    if (v !== null) return `[${attr}="${CSS.escape(v)}"]`;
  }
  return null;
}

/** What the live region says when a view appears. */
function announcement(state: SessionState, headingText: string): string {
  const run = state.run;
  if (state.screen === 'outcome' && run?.lastRecord) {
    const view = recordView(run.scenario, run.lastRecord);
    const parts = view.moves.map((v) => m.play_announce_move({ side: sideName(v.side), label: v.label, outcome: v.outcomeText }));
    for (const i of view.injects) parts.push(m.play_announce_inject({ title: i.title, text: i.text }));
    return m.play_announce_outcome({ heading: headingText, parts: parts.join(' ') });
  }
  if (state.screen === 'turn' && run !== null && run.review === null) {
    if (isHandover(run)) return m.play_announce_handover({ heading: headingText });
    const side = askingSide(run);
    const count = optionsFor(run, side).length;
    const turn = m.play_announce_turn({ header: turnHeader(run.scenario, run.game.turn + 1), heading: headingText });
    const keys = count > 1 ? m.play_announce_keys({ n: Math.min(9, count) }) : '';
    if (run.side !== 'both') return `${turn}${keys}`;
    return side === 'cn' ? m.play_announce_cn({ turn, keys }) : m.play_announce_us({ turn, keys });
  }
  if (state.screen === 'debrief') return m.play_announce_debrief({ heading: headingText });
  return headingText;
}

export function mountUi(mount: Mount, store: SessionStore): () => void {
  const dialog = createTermDialog();
  document.body.appendChild(dialog.el);
  const ctxFor = (state: SessionState): Ctx => ({
    store,
    state,
    openTerm: (scenario, id, opener) => dialog.open(scenario, id, opener),
    download: (name, text, type) => downloadText(name, text, type),
  });

  // A narrow screen shows the story and the options first; the situation room folds away behind this.
  const roomToggle = document.createElement('button');
  roomToggle.type = 'button';
  roomToggle.id = 'room-toggle';
  const showRoom = (open: boolean): void => {
    mount.app.classList.toggle('room-open', open);
    roomToggle.setAttribute('aria-expanded', String(open));
    roomToggle.textContent = open ? m.play_room_hide() : m.play_room_show();
  };
  roomToggle.addEventListener('click', () => showRoom(!mount.app.classList.contains('room-open')));
  showRoom(false);

  let keys: { hard: string; soft: string } | null = null;
  let view: View | null = null;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;

  const announce = (text: string): void => {
    mount.announcer.textContent = '';
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      mount.announcer.textContent = text;
    }, 60);
  };

  const render = (state: SessionState, prev: SessionState | null): void => {
    mount.app.dataset.screen = state.screen;
    mount.app.classList.toggle('reduced-motion', state.settings.reducedMotion);
    if (prev === null || prev.notice !== state.notice) {
      const focusWasInBanner = mount.banner.contains(document.activeElement);
      renderBanner(mount.banner, state.notice, store, (name, text) => downloadText(name, text));
      // Focus never falls to the page when the banner it was in goes away.
      if (focusWasInBanner && prev?.screen === state.screen) mount.ui.querySelector<HTMLElement>('[data-heading]')?.focus();
      // A question the player must answer takes the focus; other problems are announced by the alert.
      if (state.notice?.kind === 'overwrite' || (prev === null && state.notice?.kind === 'bad-save'))
        (mount.banner.querySelector<HTMLElement>('button[data-default]') ?? mount.banner.querySelector<HTMLElement>('button'))?.focus();
    }
    const next = keysOf(state);
    if (keys !== null && view !== null && next.hard === keys.hard && next.soft === keys.soft) {
      view.update?.(state);
      return;
    }
    const softOnly = keys !== null && next.hard === keys.hard;
    const focusBack = softOnly ? selectorOf(document.activeElement) : null;
    if (dialog.el.open) dialog.el.close();
    keys = next;
    view = SCREENS[state.screen](ctxFor(state));
    mount.ui.replaceChildren(roomToggle, view.el);
    const heading = view.el.querySelector<HTMLElement>('[data-heading]');
    document.title = `${heading?.textContent ?? 'Red Phone'} · Red Phone`;
    if (softOnly) {
      const target = focusBack !== null ? view.el.querySelector<HTMLElement>(focusBack) : null;
      (target ?? heading)?.focus({ preventScroll: target !== null });
      return;
    }
    mount.ui.scrollTop = 0;
    if ((prev !== null || state.screen !== 'title') && !mount.banner.contains(document.activeElement)) heading?.focus({ preventScroll: true });
    announce(announcement(state, heading?.textContent ?? ''));
  };

  render(store.getState(), null);
  const unsubscribe = store.subscribe((state, prev) => render(state, prev));
  const uninstall = installKeyboard(store, mount.ui, dialog.el);
  const unmountFacilitator = mountFacilitator(mount.app, mount.ui, mount.announcer, store, { tabStorage: tabStorage() });
  return () => {
    unmountFacilitator();
    unsubscribe();
    uninstall();
    clearTimeout(announceTimer);
    dialog.el.remove();
  };
}
