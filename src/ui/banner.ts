/** The alert banner: a problem in words, with the buttons that deal with it. */
import { m } from '../i18n/lang';
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
    buttons.push(actionButton('export-damaged-save', m.banner_export_damaged(), () => download('red-phone-damaged-save.json', notice.bytes)));
    buttons.push(actionButton('start-fresh', m.banner_start_fresh(), () => store.getState().startFresh()));
  } else if (notice.kind === 'storage') {
    buttons.push(
      actionButton('export-save', m.banner_export_now(), () => {
        const text = store.getState().exportSave();
        if (text !== null) download('red-phone-save.json', text);
      }),
    );
    buttons.push(actionButton('dismiss', m.banner_dismiss(), () => store.getState().dismissNotice()));
  } else if (notice.kind === 'overwrite' && notice.link !== undefined) {
    buttons.push(actionButton('confirm-link', notice.start ?? m.banner_start_linked(), () => store.getState().startLinked()));
    buttons.push(actionButton('dismiss', m.banner_keep_saved(), () => store.getState().dismissNotice(), { 'data-default': true }));
    buttons.push(
      actionButton('export-save', m.banner_export_saved(), () => {
        const text = store.getState().exportSave();
        if (text !== null) download('red-phone-save.json', text);
      }),
    );
  } else if (notice.kind === 'overwrite') {
    buttons.push(actionButton('confirm-fork', m.banner_replace_saved(), () => store.getState().fork(true)));
    buttons.push(actionButton('dismiss', m.banner_keep_saved(), () => store.getState().dismissNotice()));
  } else {
    buttons.push(actionButton('dismiss', m.banner_dismiss(), () => store.getState().dismissNotice()));
  }
  banner.replaceChildren(
    h('p', { class: 'banner-text', 'data-notice': notice.kind }, h('span', { class: 'symbol', 'aria-hidden': 'true' }, '⚠ '), notice.message),
    h('div', { class: 'actions' }, ...buttons),
  );
}
