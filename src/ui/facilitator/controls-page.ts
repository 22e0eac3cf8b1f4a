/**
 * The controls window (`?controls#t=…`): the facilitator bar on the teacher's own screen, for the run
 * the projected page holds. It rebuilds that run from what the projected page sends (its save and its
 * facilitation, read back by the store's own restore) and sends every action back; the projected page
 * applies it and keeps the clock. Nothing here is saved: the run lives in the projected page.
 */
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

function summary(store: SessionStore): HTMLElement {
  const { run, screen } = store.getState();
  const where = run === null ? 'no run' : run.game.ending !== null ? 'the run has ended' : `turn ${run.game.turn + 1} of at most ${run.scenario.file.maxTurns}, ${screen} screen`;
  return h(
    'div',
    { class: 'screen controls-screen', 'data-controls': 'connected' },
    heading('Facilitator controls'),
    h('p', {}, `For the projected run: ${run?.scenario.file.title ?? ''}, ${where}.`),
    h('p', { class: 'help' }, 'The projected page shows the class only the story and the choices. Close this window to bring the controls back to the projected page.'),
  );
}

export function mountControls(mount: ControlsMount, token: string, catalog: Catalog, randomSeed: () => string): void {
  mount.app.dataset.screen = 'controls';
  document.title = 'Red Phone · facilitator controls';
  mount.ui.replaceChildren(
    h(
      'div',
      { class: 'screen controls-screen', 'data-controls': 'waiting' },
      heading('Facilitator controls'),
      h('p', {}, 'Waiting for the projected page… Open this window from the facilitator bar’s “Controls in a second window” on the projected page.'),
    ),
  );
  let mirror: SessionStore | null = null;
  const build = (m: Extract<RelayMessage, { kind: 'state' }>): SessionStore =>
    createSession({
      catalog,
      storage: memoryStorage({ [SAVE_KEY]: m.save, [FACILITATION_KEY]: m.facilitation, [SETTINGS_KEY]: JSON.stringify(m.settings) }),
      randomSeed,
    });
  const relay = controlsRelay(token, (m) => {
    const fresh = build(m).getState();
    const actions = { facilitate: relay.facilitate, setSettings: relay.settings };
    if (mirror === null) {
      mirror = build(m);
      mirror.setState(actions);
      mountFacilitator(mount.app, mount.ui, mount.announcer, mirror, { relayed: true });
    } else mirror.setState({ ...fresh, ...actions });
    mount.ui.replaceChildren(summary(mirror));
  });
}
