/**
 * The facilitator's console for a networked class: the join code and its QR code, the commitment, and
 * every group live (turn, rungs, indicators, who has locked in, clock, connections) with its own pause,
 * extend, inject and override. The teams' pending choices show only when the facilitator asks, so a
 * projected console never gives them away.
 */
import type { FacView, GroupFacView, PendingFacView } from '../../net/protocol';
import { type Child, h, heading } from '../dom';
import { clockText } from './clock';

export interface ConsoleHandlers {
  pause(group: number | null, on: boolean): void;
  extend(group: number | null): void;
  inject(group: number, inject: string): void;
  override(group: number, side: 'us' | 'cn', outcome: string | null): void;
  reveal(): void;
  downloadAll(): void;
  /** Show the teams' pending choices (off by default: the console may be on the projector). */
  showPending(on: boolean): void;
  readonly pendingShown: boolean;
  readonly qr: string | null;
  readonly notice: string | null;
  readonly connected: boolean;
  readonly sinceMs: number;
  /** The live comparison, once two groups have played a turn. */
  readonly comparison: readonly HTMLElement[];
}

const SIDE_WORDS = { us: 'United States', cn: 'China' } as const;

function joinCard(view: FacView, handlers: ConsoleHandlers): HTMLElement {
  const url = new URL(view.joinUrl);
  url.searchParams.set('class', view.joinCode);
  return h(
    'section',
    { class: 'card class-join-card', 'aria-labelledby': 'console-join-h' },
    h('h2', { id: 'console-join-h' }, 'How teams join'),
    h('p', {}, 'Open ', h('strong', { class: 'join-url' }, view.joinUrl), ' and type the join code:'),
    h('p', { class: 'join-code', 'data-join-code': view.joinCode, 'aria-label': `Join code ${view.joinCode.split('').join(' ')}` }, view.joinCode),
    handlers.qr === null ? null : h('img', { class: 'qr', src: handlers.qr, width: 200, height: 200, alt: `QR code for ${url.toString()}` }),
    h('p', { class: 'help' }, `Commitment to the dice, shown to every team: ${view.commitment}`),
  );
}

function pendingLine(side: 'us' | 'cn', group: GroupFacView, pending: PendingFacView | null, handlers: ConsoleHandlers): Child {
  if (!handlers.pendingShown) return null;
  const select = h(
    'select',
    { id: `override-${group.group}-${side}`, 'data-group-action': `override-${side}`, 'data-group': group.group, disabled: pending === null },
    h('option', { value: '' }, 'the dice decide'),
    ...(pending?.outcomes ?? []).map((o) => h('option', { value: o.id, selected: group.overrides[side] === o.id }, o.label)),
  );
  select.addEventListener('change', () => handlers.override(group.group, side, select.value === '' ? null : select.value));
  return h('p', {}, `${SIDE_WORDS[side]}: ${pending === null ? 'no choice locked yet' : `locked “${pending.label}”`} · `, h('label', { for: `override-${group.group}-${side}` }, 'outcome: '), select);
}

function groupCard(view: FacView, group: GroupFacView, handlers: ConsoleHandlers): HTMLElement {
  const who = (side: 'us' | 'cn'): string => {
    if (!view.teams[side]) return `${SIDE_WORDS[side]}: model`;
    const devices = group.connected[side];
    return `${SIDE_WORDS[side]}: ${group.locked[side] ? 'locked in' : 'choosing'} (${devices === 0 ? 'no device connected' : `${devices} device${devices === 1 ? '' : 's'}`})`;
  };
  const injectSelect = h('select', { id: `inject-${group.group}`, 'aria-label': `Inject for group ${group.group}` }, ...group.injects.map((i) => h('option', { value: i.id }, i.title)));
  const button = (action: string, label: string, fn: () => void, disabled = false): HTMLButtonElement =>
    h('button', { type: 'button', 'data-group-action': action, 'data-group': group.group, disabled, onclick: () => fn() }, label);
  const over = group.ending !== null;
  return h(
    'li',
    { class: 'card group-card', 'data-group': group.group, 'data-turn': group.turn, 'data-ended': over ? 'true' : 'false' },
    h('h3', {}, `Group ${group.group} · ${over ? `ended after turn ${group.turn}: ${group.ending}` : `turn ${group.turn + 1}`}`),
    h('p', {}, who('us'), h('br'), who('cn')),
    h('p', {}, `Ladder: United States “${group.rungs.us}”, China “${group.rungs.cn}”`),
    h('p', { class: 'indicators-line' }, group.indicators.map((i) => `${i.label} ${i.value}`).join(' · ')),
    group.clock === null || over ? null : h('p', { class: 'clock', 'data-clock-group': group.group }, clockText(group.clock, handlers.sinceMs)),
    over
      ? null
      : h(
          'div',
          { class: 'actions' },
          group.clock === null ? null : button(group.clock.paused ? 'resume' : 'pause', group.clock.paused ? 'Resume' : 'Pause', () => handlers.pause(group.group, !(group.clock?.paused ?? false))),
          group.clock === null ? null : button('extend', '+1 minute', () => handlers.extend(group.group)),
          group.injects.length === 0 ? null : h('label', { for: `inject-${group.group}`, class: 'visually-hidden' }, 'Inject'),
          group.injects.length === 0 ? null : injectSelect,
          group.injects.length === 0 ? null : button('inject', 'Fire inject', () => handlers.inject(group.group, injectSelect.value)),
        ),
    over ? null : pendingLine('us', group, group.pending.us, handlers),
    over ? null : pendingLine('cn', group, group.pending.cn, handlers),
  );
}

export function consoleScreen(view: FacView, handlers: ConsoleHandlers): HTMLElement {
  const ended = view.groups.filter((g) => g.ending !== null).length;
  const pendingBox = h('input', { id: 'console-show-pending', type: 'checkbox', checked: handlers.pendingShown });
  pendingBox.addEventListener('change', () => handlers.showPending(pendingBox.checked));
  return h(
    'div',
    { class: 'screen class-console', 'data-class-screen': 'console', 'data-revealed': view.revealed ? 'true' : 'false' },
    h('p', { class: 'kicker' }, `Class console · ${view.scenario.title} · ${view.groups.length} groups · odds ${view.oddsHidden ? 'hidden' : 'shown'}`),
    heading(`Join code ${view.joinCode}`),
    handlers.connected ? null : h('p', { class: 'warning', role: 'status' }, 'Connection to the class server lost: reconnecting on its own.'),
    handlers.notice === null ? null : h('p', { class: 'warning', role: 'status', id: 'console-notice' }, handlers.notice),
    joinCard(view, handlers),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', 'data-action': 'pause-all', onclick: () => handlers.pause(null, true) }, 'Pause every group'),
      h('button', { type: 'button', 'data-action': 'resume-all', onclick: () => handlers.pause(null, false) }, 'Resume every group'),
      h(
        'button',
        { type: 'button', 'data-action': 'reveal', disabled: view.revealed, onclick: () => handlers.reveal() },
        view.revealed ? `Seed revealed: ${view.seed}` : 'Reveal the seed for the debrief',
      ),
      h('button', { type: 'button', 'data-action': 'download-class', onclick: () => handlers.downloadAll() }, 'Download every group’s replay'),
      h('label', { class: 'choice' }, pendingBox, ' Show the teams’ pending choices (not for the projector)'),
    ),
    h('p', { class: 'help' }, `${ended} of ${view.groups.length} groups have ended. Secret seed: ${view.revealed ? view.seed : 'hidden from the teams until you reveal it'}.`),
    h('ol', { class: 'group-cards', 'aria-label': 'Groups' }, ...view.groups.map((g) => groupCard(view, g, handlers))),
    handlers.comparison.length === 0
      ? h('p', { class: 'help' }, 'The live class comparison appears once two groups have played a turn.')
      : h('section', { class: 'live-compare', 'aria-label': 'Live class comparison' }, h('h2', {}, 'Live class comparison'), ...handlers.comparison),
  );
}
