/** The alert banner: a problem in words, with the buttons that deal with it. */
import type { Notice, SessionStore } from '../store/session';
import { actionButton, h } from './dom';

export function renderBanner(banner: HTMLElement, notice: Notice | null, store: SessionStore, download: (name: string, text: string) => void): void {
  if (notice === null) {
    banner.replaceChildren();
    banner.removeAttribute('hidden');
    return;
  }
  const buttons: HTMLElement[] = [];
  if (notice.kind === 'bad-save') {
    buttons.push(actionButton('export-damaged-save', 'Export the damaged save', () => download('red-phone-damaged-save.json', notice.bytes)));
    buttons.push(actionButton('start-fresh', 'Start fresh', () => store.getState().startFresh()));
  } else if (notice.kind === 'storage') {
    buttons.push(
      actionButton('export-save', 'Export now', () => {
        const text = store.getState().exportSave();
        if (text !== null) download('red-phone-save.json', text);
      }),
    );
    buttons.push(actionButton('dismiss', 'Dismiss', () => store.getState().dismissNotice()));
  } else if (notice.kind === 'overwrite' && notice.link !== undefined) {
    buttons.push(actionButton('confirm-link', notice.start ?? 'Start the linked run (replaces my saved run)', () => store.getState().startLinked()));
    buttons.push(actionButton('dismiss', 'Keep my saved run', () => store.getState().dismissNotice(), { 'data-default': true }));
    buttons.push(
      actionButton('export-save', 'Export my saved run', () => {
        const text = store.getState().exportSave();
        if (text !== null) download('red-phone-save.json', text);
      }),
    );
  } else if (notice.kind === 'overwrite') {
    buttons.push(actionButton('confirm-fork', 'Replace my saved run', () => store.getState().fork(true)));
    buttons.push(actionButton('dismiss', 'Keep my saved run', () => store.getState().dismissNotice()));
  } else {
    buttons.push(actionButton('dismiss', 'Dismiss', () => store.getState().dismissNotice()));
  }
  banner.replaceChildren(
    h('p', { class: 'banner-text', 'data-notice': notice.kind }, h('span', { class: 'symbol', 'aria-hidden': 'true' }, '⚠ '), notice.message),
    h('div', { class: 'actions' }, ...buttons),
  );
}
