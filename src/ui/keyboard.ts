/**
 * Keys that work everywhere: number keys pick an option of the side being asked, and Enter or
 * Space continue from a screen with no choice, wherever focus is. Keys meant for a focused control
 * are left to it: a button or a link acts on its own, a text field types, and a checkbox or radio
 * takes Space (Enter still continues). "Resume play" hands the keys back: focus goes to the heading,
 * so the next Enter continues rather than pausing again.
 */
import { askingSide, isHandover } from '../store/run';
import type { SessionStore } from '../store/session';

const CONTROL = 'button, a[href], input, textarea, select, summary, [role="button"], [contenteditable="true"]';

/** Whether the focused control uses this key itself (a checkbox or radio only Space). */
function ownsKey(target: Element | null, key: string): boolean {
  const control = target?.closest(CONTROL);
  if (control == null) return false;
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) return key === ' ';
  return true;
}

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
      if (ownsKey(target, e.key)) return;
      const button = ui.querySelector<HTMLButtonElement>('button[data-action="continue"]:not([disabled])');
      if (button !== null) {
        e.preventDefault();
        button.click();
      }
    }
  };
  const onClick = (e: MouseEvent): void => {
    const button = e.target instanceof Element ? e.target.closest('button[data-action="fac-pause"]') : null;
    // Only the press that resumes (the run is paused until the bar's own handler runs after this one), in any language.
    if (button === null || store.getState().facilitation?.paused !== true) return;
    setTimeout(() => ui.querySelector<HTMLElement>('[data-heading]')?.focus({ preventScroll: true }), 0);
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('click', onClick, true);
  return () => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('click', onClick, true);
  };
}
