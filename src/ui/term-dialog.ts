/** The dialog with a term's full verbatim text: Escape or the close button closes it, and focus returns. */
import type { Scenario, TermId } from '../engine';
import { m, termName } from '../i18n/lang';
import { h } from './dom';

export interface TermDialog {
  readonly el: HTMLDialogElement;
  open(scenario: Scenario, id: TermId, opener: HTMLElement): void;
}

export function createTermDialog(): TermDialog {
  const title = h('h2', { id: 'term-dialog-title' });
  // The agreement's words stay in English, verbatim, whatever the page's language.
  const text = h('blockquote', { id: 'term-dialog-text', lang: 'en' });
  const source = h('p', { class: 'help' }, m.term_source());
  // China's view of the same commitments (issue: the China side at full strength). Its own outcome list
  // is known by title and date only (scenarios/facts.yaml, F62); no official page of its Chinese text
  // has been found, so no Chinese wording is quoted, and none is translated.
  const china = h('p', { class: 'help china-view' }, m.term_china_before(), h('span', { lang: 'zh-Hans' }, '习近平主席对美国进行国事访问中方成果清单'), m.term_china_after());
  const close = h('button', { type: 'button', 'data-action': 'close-dialog', class: 'primary' }, m.term_close());
  const el = h('dialog', { id: 'term-dialog', 'aria-labelledby': 'term-dialog-title', 'aria-describedby': 'term-dialog-text' }, title, text, source, china, close);
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
      title.textContent = term === undefined ? id : `${id} ${termName(term)}`;
      text.textContent = term?.text ?? m.term_missing();
      opener = from;
      if (!el.open) el.showModal();
      close.focus();
    },
  };
}
