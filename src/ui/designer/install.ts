/**
 * Designer mode's wiring: drag and drop onto the page, the reload notice, and (under the dev server)
 * scenario files reloaded in place when they are saved.
 */
import './designer.css';
import { m } from '../../i18n/lang';
import { type DesignerState, designer, dismissReload, type Prepared, reloadScenarioFile, restartOnNewVersion } from '../../store/designer-session';
import type { SessionStore } from '../../store/session';
import type { StorageLike } from '../../store/storage';
import { actionButton, h } from '../dom';
import { announce } from './announce';
import { readFile } from './designer-screen';

/** The custom event the dev server's scenario plugin (vite.config.ts) sends with a saved file's text. */
export const SCENARIO_EVENT = 'red-phone:scenario';

function reloadNotice(session: SessionStore): HTMLElement {
  const aside = h('aside', { id: 'designer-notice', class: 'designer-notice', 'aria-label': m.des_reload_aria(), hidden: true });
  const paint = (state: DesignerState, prev: DesignerState | null): void => {
    const reload = state.reload;
    if (reload === null || reload.kind === 'broken') {
      aside.hidden = true;
      aside.replaceChildren();
      return;
    }
    aside.hidden = false;
    aside.replaceChildren(
      h('p', { 'data-reload': reload.kind }, reload.message),
      h(
        'div',
        { class: 'actions' },
        reload.kind === 'stale' ? actionButton('restart-new-version', m.des_restart(), () => restartOnNewVersion(session), { class: 'primary' }) : null,
        actionButton('dismiss-reload', m.des_dismiss(), () => dismissReload()),
      ),
    );
    if (prev === null || prev.reload !== reload) announce(reload.message);
  };
  designer.subscribe((state, prev) => paint(state, prev));
  return aside;
}

/** Wires designer mode to the page and the session. Call once, after the session store exists. */
export function installDesigner(session: SessionStore, storage: StorageLike | null, prepared: Prepared): void {
  designer.setState({ library: prepared.library, storage, imported: prepared.imported });
  if (prepared.problems.length > 0) session.setState({ notice: { kind: 'refused', message: prepared.problems.join(' ') } });
  const app = document.getElementById('app');
  const ui = document.getElementById('ui');
  if (app !== null) app.insertBefore(reloadNotice(session), ui);
  window.addEventListener('dragover', (e) => {
    if (session.getState().screen === 'designer' && e.dataTransfer?.types.includes('Files')) {
      e.preventDefault();
      app?.classList.add('dropping');
    }
  });
  window.addEventListener('dragleave', () => app?.classList.remove('dropping'));
  window.addEventListener('drop', (e) => {
    if (session.getState().screen !== 'designer') return;
    e.preventDefault();
    app?.classList.remove('dropping');
    const dropped = e.dataTransfer?.files[0];
    if (dropped !== undefined) readFile(session, dropped);
  });
  if (import.meta.hot) {
    import.meta.hot.on(SCENARIO_EVENT, (data: { file?: unknown; text?: unknown }) => {
      if (typeof data.file === 'string' && typeof data.text === 'string') reloadScenarioFile(session, data.file, data.text);
    });
  }
}
