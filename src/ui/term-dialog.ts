/** The dialog with a term's full verbatim text: Escape or the close button closes it, and focus returns. */
import type { Scenario, TermId } from '../engine';
import { h } from './dom';

export interface TermDialog {
  readonly el: HTMLDialogElement;
  open(scenario: Scenario, id: TermId, opener: HTMLElement): void;
}

export function createTermDialog(): TermDialog {
  const title = h('h2', { id: 'term-dialog-title' });
  const text = h('blockquote', { id: 'term-dialog-text' });
  const source = h('p', { class: 'help' }, 'From the White House fact sheet of 25 September 2015.');
  const close = h('button', { type: 'button', 'data-action': 'close-dialog', class: 'primary' }, 'Close');
  const el = h('dialog', { id: 'term-dialog', 'aria-labelledby': 'term-dialog-title', 'aria-describedby': 'term-dialog-text' }, title, text, source, close);
  let opener: HTMLElement | null = null;
  close.addEventListener('click', () => el.close());
  el.addEventListener('close', () => {
    if (opener?.isConnected) opener.focus();
    opener = null;
  });
  return {
    el,
    open(scenario, id, from) {
      const term = scenario.terms.find((t) => t.id === id);
      title.textContent = term === undefined ? id : `${id} ${term.name}`;
      text.textContent = term?.text ?? 'This term is not in the agreement as loaded.';
      opener = from;
      if (!el.open) el.showModal();
      close.focus();
    },
  };
}
