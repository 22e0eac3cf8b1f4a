/**
 * The networked class on the page (issue 9): `?class` (or `?class=<join code>` from the QR code) is a
 * team's seat, `?class=host#key=…` the facilitator's console. Loaded only for those addresses, so the
 * one-screen game never carries the socket code.
 */
import { m } from '../../i18n/lang';
import type { Catalog } from '../../store/catalog';
import type { ScenarioCard } from '../../store/catalog-cards';
import { mountHost } from './host-app';
import { mountSeat } from './seat-app';
import './class.css';

export interface ClassMount {
  readonly app: HTMLElement;
  readonly ui: HTMLElement;
  readonly announcer: HTMLElement;
}

function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function mountClass(mount: ClassMount, param: string, cards: readonly ScenarioCard[], catalog: Catalog): void {
  mount.app.dataset.screen = 'class';
  document.title = param === 'host' ? m.class_doc_title_console() : m.class_doc_title_seat();
  if (param === 'host') mountHost(mount.ui, mount.announcer, cards, catalog, tabStorage());
  else mountSeat(mount.ui, mount.announcer, param, tabStorage());
}
