/**
 * The offline app's updates (vite-plugin-pwa, prompt mode): when a new version has been downloaded,
 * nothing changes during a run. On the title screen a line offers to reload into it (the runs are kept
 * in the browser either way); "Later" keeps this version until the next visit.
 */
import { m } from '../i18n/lang';
import type { SessionStore } from '../store/session';
import { actionButton, h } from './dom';

export type UpdateSW = (reloadPage?: boolean) => Promise<void>;

export function installUpdatePrompt(app: HTMLElement, store: SessionStore, register: (options: { onNeedRefresh(): void; onOfflineReady(): void }) => UpdateSW): void {
  let ready = false;
  let dismissed = false;
  const box = h('aside', { id: 'update-prompt', class: 'update-prompt', role: 'status', 'aria-label': m.update_label(), hidden: true });
  app.append(box);
  const update = register({
    onNeedRefresh() {
      ready = true;
      show();
    },
    onOfflineReady() {
      app.dataset.offline = 'ready';
    },
  });
  const show = (): void => {
    // Only between runs: an update never replaces the game in the middle of an exercise.
    const visible = ready && !dismissed && store.getState().screen === 'title';
    if (visible === !box.hidden) return;
    box.hidden = !visible;
    box.replaceChildren(
      ...(visible
        ? [
            h('p', {}, m.update_ready()),
            actionButton('update-now', m.update_now(), () => void update(true)),
            actionButton('update-later', m.update_later(), () => {
              dismissed = true;
              show();
            }),
          ]
        : []),
    );
  };
  store.subscribe(show);
}
