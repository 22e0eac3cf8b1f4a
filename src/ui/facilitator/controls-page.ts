/**
 * The controls window (`?controls#t=…`): the facilitator bar on the teacher's own screen, for the run
 * the projected page holds. It rebuilds that run from what the projected page sends (its save and its
 * facilitation, read back by the store's own restore) and sends every action back; the projected page
 * applies it and keeps the clock. Nothing here is saved: the run lives in the projected page.
 */
import { m } from '../../i18n/lang';
import type { Catalog } from '../../store/catalog';
import { FACILITATION_KEY } from '../../store/facilitator-persist';
import { createSession, type SessionStore } from '../../store/session';
import { memoryStorage, SAVE_KEY, SETTINGS_KEY } from '../../store/storage';
import { h, heading } from '../dom';
import { mountFacilitator } from './bar';
import { controlsRelay, type RelayMessage } from './relay';

export interface ControlsMount {
  readonly app: HTMLElement;
  readonly ui: HTMLElement;
  readonly announcer: HTMLElement;
}

const SCREENS: Readonly<Record<string, () => string>> = { briefing: m.fac_screen_briefing, turn: m.fac_screen_turn, outcome: m.fac_screen_outcome, debrief: m.fac_screen_debrief };

/** A screen's name ("turn"), in words where it has them. */
function screenName(screen: string): string {
  return Object.hasOwn(SCREENS, screen) ? (SCREENS[screen]?.() ?? screen) : screen;
}

function summary(store: SessionStore): HTMLElement {
  const { run, screen } = store.getState();
  const where =
    run === null ? m.fac_where_none() : run.game.ending !== null ? m.fac_where_ended() : m.fac_where_turn({ turn: run.game.turn + 1, of: run.scenario.file.maxTurns, screen: screenName(screen) });
  return h(
    'div',
    { class: 'screen controls-screen', 'data-controls': 'connected' },
    heading(m.fac_controls()),
    h('p', {}, m.fac_projected_run({ title: run?.scenario.file.title ?? '', where })),
    h('p', { class: 'help' }, m.fac_controls_help()),
  );
}

export function mountControls(mount: ControlsMount, token: string, catalog: Catalog, randomSeed: () => string): void {
  mount.app.dataset.screen = 'controls';
  document.title = m.fac_doc_title();
  mount.ui.replaceChildren(h('div', { class: 'screen controls-screen', 'data-controls': 'waiting' }, heading(m.fac_controls()), h('p', {}, m.fac_waiting())));
  let mirror: SessionStore | null = null;
  const build = (msg: Extract<RelayMessage, { kind: 'state' }>): SessionStore =>
    createSession({
      catalog,
      storage: memoryStorage({ [SAVE_KEY]: msg.save, [FACILITATION_KEY]: msg.facilitation, [SETTINGS_KEY]: JSON.stringify(msg.settings) }),
      randomSeed,
    });
  const relay = controlsRelay(token, (msg) => {
    const fresh = build(msg).getState();
    const actions = { facilitate: relay.facilitate, setSettings: relay.settings };
    if (mirror === null) {
      mirror = build(msg);
      mirror.setState(actions);
      mountFacilitator(mount.app, mount.ui, mount.announcer, mirror, { relayed: true });
    } else mirror.setState({ ...fresh, ...actions });
    mount.ui.replaceChildren(summary(mirror));
  });
}
