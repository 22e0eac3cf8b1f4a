/**
 * The facilitator's controls in a second window (issue 17): the projected page keeps the run and
 * shows only what the class may see; the controls window (`?controls#t=…`) shows the bar (pending
 * choices, outcomes to force, injects, the clock) and sends the facilitator's actions back. The two
 * talk over a BroadcastChannel whose name carries a random token that only the two windows hold, so
 * another tab of the same browser (a player's page beside the projector) cannot listen in.
 *
 * The projected page sends its run as save text and its facilitation as stored text (the same forms a
 * reload reads back); the controls window rebuilds them with the store's own restore, so both windows
 * show one run. The controls window says hello every two seconds; the projected page hides its bar
 * while it hears from one, and brings it back within five seconds of the window closing.
 */
import type { FacilitatorAction } from '../../store/facilitator';
import { facilitationText } from '../../store/facilitator-persist';
import { saveText } from '../../store/persist';
import type { SessionStore, Settings } from '../../store/session';

export const HELLO_MS = 2000;
export const SILENT_MS = 5000;
const TOKEN_SLOT = 'red-phone:fac-channel';

export type RelayMessage =
  | { readonly kind: 'hello' }
  | { readonly kind: 'bye' }
  | { readonly kind: 'state'; readonly save: string; readonly facilitation: string; readonly settings: Settings }
  | { readonly kind: 'facilitate'; readonly action: FacilitatorAction }
  | { readonly kind: 'settings'; readonly patch: Partial<Settings> };

const ACTIONS = new Set(['toggle-bar', 'pause', 'decide-outcomes', 'extend', 'inject', 'use-defaults', 'resolve']);

/** A message as sent, or null for anything else (the channel is private, but nothing is trusted blindly). */
export function readMessage(data: unknown): RelayMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  switch (m.kind) {
    case 'hello':
    case 'bye':
      return { kind: m.kind };
    case 'state':
      return typeof m.save === 'string' && typeof m.facilitation === 'string' && typeof m.settings === 'object' && m.settings !== null
        ? { kind: 'state', save: m.save, facilitation: m.facilitation, settings: m.settings as Settings }
        : null;
    case 'facilitate': {
      const action = m.action as { kind?: unknown } | null;
      // A tick comes only from the projected page's own clock, never over the channel.
      return typeof action === 'object' && action !== null && typeof action.kind === 'string' && ACTIONS.has(action.kind) ? { kind: 'facilitate', action: action as FacilitatorAction } : null;
    }
    case 'settings': {
      const patch = m.patch as Record<string, unknown> | null;
      if (typeof patch !== 'object' || patch === null) return null;
      const out: Partial<Record<keyof Settings, boolean>> = {};
      for (const key of ['showOdds', 'projector'] as const) if (typeof patch[key] === 'boolean') out[key] = patch[key];
      return { kind: 'settings', patch: out };
    }
    default:
      return null;
  }
}

function channelName(token: string): string {
  return `red-phone-facilitator-${token}`;
}

function newToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ProjectorRelay {
  /** Whether a controls window has said hello in the last few seconds. */
  detached(): boolean;
  /** Opens the controls window (or brings it to the front). */
  open(): void;
  close(): void;
}

/** The projected page's end: answers hellos with its run, applies the actions it receives. */
export function projectorRelay(store: SessionStore, tabStorage: Storage | null, changed: () => void): ProjectorRelay | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const token = tabStorage?.getItem(TOKEN_SLOT) ?? newToken();
  try {
    tabStorage?.setItem(TOKEN_SLOT, token);
  } catch {
    // Without the tab's storage a reload needs a new controls window; nothing else changes.
  }
  const channel = new BroadcastChannel(channelName(token));
  let heard = 0;
  let lastSent = '';
  const send = (force: boolean): void => {
    const { run, facilitation, settings } = store.getState();
    if (run === null || facilitation === null) return;
    const save = saveText(run, store.getState().screen);
    if (save === null) return;
    const message: RelayMessage = { kind: 'state', save, facilitation: facilitationText(run, facilitation), settings };
    const text = JSON.stringify(message);
    if (!force && text === lastSent) return;
    lastSent = text;
    channel.postMessage(message);
  };
  const alive = (): boolean => heard > 0 && Date.now() - heard < SILENT_MS;
  channel.onmessage = (event: MessageEvent) => {
    const m = readMessage(event.data);
    if (m === null) return;
    if (m.kind === 'hello') {
      const was = alive();
      heard = Date.now();
      send(true);
      if (!was) changed();
    } else if (m.kind === 'bye') {
      heard = 0;
      changed();
    } else if (m.kind === 'facilitate') store.getState().facilitate(m.action);
    else if (m.kind === 'settings') store.getState().setSettings(m.patch);
  };
  const unsubscribe = store.subscribe(() => {
    if (alive()) send(false);
  });
  const watch = setInterval(() => {
    if (heard > 0 && !alive()) {
      heard = 0;
      changed();
    }
  }, 1000);
  return {
    detached: alive,
    open() {
      window.open(`${location.pathname}?controls#t=${token}`, 'red-phone-controls', 'popup,width=600,height=820');
    },
    close() {
      unsubscribe();
      clearInterval(watch);
      channel.close();
    },
  };
}

/** The controls window's end: says hello, hands each run it receives to `show`, sends actions back. */
export function controlsRelay(
  token: string,
  show: (state: Extract<RelayMessage, { kind: 'state' }>) => void,
): { facilitate(action: FacilitatorAction): void; settings(patch: Partial<Settings>): void } {
  const channel = new BroadcastChannel(channelName(token));
  channel.onmessage = (event: MessageEvent) => {
    const m = readMessage(event.data);
    if (m?.kind === 'state') show(m);
  };
  const hello = (): void => channel.postMessage({ kind: 'hello' } satisfies RelayMessage);
  hello();
  setInterval(hello, HELLO_MS);
  window.addEventListener('pagehide', () => channel.postMessage({ kind: 'bye' } satisfies RelayMessage));
  return {
    facilitate: (action) => channel.postMessage({ kind: 'facilitate', action } satisfies RelayMessage),
    settings: (patch) => channel.postMessage({ kind: 'settings', patch } satisfies RelayMessage),
  };
}
