/** What every screen gets and gives: the store and state in, an element (and an optional update) out. */
import type { Scenario, TermId } from '../engine';
import type { SessionState, SessionStore } from '../store/session';

export interface Ctx {
  readonly store: SessionStore;
  readonly state: SessionState;
  /** Opens the dialog with a term's verbatim text; focus returns to `opener` when it closes. */
  openTerm(scenario: Scenario, id: TermId, opener: HTMLElement): void;
  /** Offers text as a file download. */
  download(fileName: string, text: string, type?: string): void;
}

export interface View {
  readonly el: HTMLElement;
  /** Updates the screen in place for a change that keeps it (typing a seed), keeping focus. */
  update?(state: SessionState): void;
}
