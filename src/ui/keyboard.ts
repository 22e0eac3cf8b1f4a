/**
 * Keys that work everywhere: number keys pick an option of the side being asked, and Enter or
 * Space continue from a screen with no choice. Keys meant for a focused control are left to it.
 */
import { askingSide, isHandover } from '../store/run';
import type { SessionStore } from '../store/session';

const CONTROL = 'button, a[href], input, textarea, select, summary, [role="button"], [contenteditable="true"]';

export function installKeyboard(store: SessionStore, ui: HTMLElement, dialog: HTMLDialogElement): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat || dialog.open) return;
    const target = e.target instanceof Element ? e.target : null;
    const state = store.getState();
    if (/^[1-9]$/.test(e.key) && state.screen === 'turn' && state.run !== null && state.run.review === null) {
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const side = askingSide(state.run);
      const button = ui.querySelector<HTMLButtonElement>(`button[data-option][data-side="${side}"][data-index="${e.key}"]`);
      if (button !== null && !button.disabled) {
        e.preventDefault();
        button.click();
      }
      return;
    }
    const watching = state.run?.review != null || (state.screen === 'turn' && state.run !== null && isHandover(state.run));
    if ((e.key === 'Enter' || e.key === ' ') && (state.screen === 'briefing' || state.screen === 'outcome' || (watching && state.screen === 'turn'))) {
      if (target?.closest(CONTROL)) return;
      const button = ui.querySelector<HTMLButtonElement>('button[data-action="continue"]:not([disabled])');
      if (button !== null) {
        e.preventDefault();
        button.click();
      }
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
