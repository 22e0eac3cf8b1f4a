/**
 * Painting a class screen into `#ui`: a new screen (its key changed) takes focus to its heading and is
 * announced; the same screen with news keeps focus on the control that had it (a re-render never
 * throws a keyboard or screen-reader user back to the top).
 */
import { h } from '../dom';

export interface Painter {
  show(key: string, build: () => HTMLElement, announce: string): void;
  /** Calls `fn` once a second while the page is open (the turn clock). */
  tick(fn: () => void): void;
}

function selectorOf(el: Element | null): string | null {
  if (!(el instanceof HTMLElement)) return null;
  if (el.id) return `#${CSS.escape(el.id)}`;
  for (const attr of ['data-action', 'data-option', 'data-group-action']) {
    const v = el.getAttribute(attr);
    if (v !== null) return `[${attr}="${CSS.escape(v)}"]${el.dataset.group === undefined ? '' : `[data-group="${CSS.escape(el.dataset.group)}"]`}`;
  }
  return null;
}

export function painter(ui: HTMLElement, announcer: HTMLElement): Painter {
  let shownKey: string | null = null;
  return {
    show(key, build, announce) {
      const fresh = key !== shownKey;
      const focused = fresh ? null : selectorOf(document.activeElement);
      const openDetails = [...ui.querySelectorAll('details[open] > summary')].map((s) => s.textContent ?? '');
      ui.replaceChildren(build());
      for (const d of ui.querySelectorAll('details')) if (openDetails.includes(d.querySelector('summary')?.textContent ?? '-')) d.open = true;
      shownKey = key;
      if (fresh) {
        ui.querySelector<HTMLElement>('[data-heading]')?.focus();
        announcer.replaceChildren(h('span', {}, announce));
      } else if (focused !== null) ui.querySelector<HTMLElement>(focused)?.focus();
    },
    tick(fn) {
      window.setInterval(fn, 1000);
    },
  };
}
