/**
 * The facilitator's console for a networked class: the join code and its QR code, the commitment, and
 * every group live (turn, rungs, indicators, who has locked in, clock, connections) with its own pause,
 * extend, inject and override. The teams' pending choices show only when the facilitator asks, so a
 * projected console never gives them away.
 */
import { m } from '../../i18n/lang';
import type { FacView, GroupFacView, PendingFacView } from '../../net/protocol';
import { type Child, h, heading } from '../dom';
import { sideName } from '../format';
import { clockText } from './clock';
import { SLOT, slotted } from './words';

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

function joinCard(view: FacView, handlers: ConsoleHandlers): HTMLElement {
  const url = new URL(view.joinUrl);
  url.searchParams.set('class', view.joinCode);
  return h(
    'section',
    { class: 'card class-join-card', 'aria-labelledby': 'console-join-h' },
    h('h2', { id: 'console-join-h' }, m.class_join_how()),
    h('p', {}, ...slotted(m.class_join_open({ url: SLOT }), h('strong', { class: 'join-url' }, view.joinUrl))),
    h('p', { class: 'join-code', 'data-join-code': view.joinCode, 'aria-label': m.class_join_code_aria({ code: view.joinCode.split('').join(' ') }) }, view.joinCode),
    handlers.qr === null ? null : h('img', { class: 'qr', src: handlers.qr, width: 200, height: 200, alt: m.class_qr_alt({ url: url.toString() }) }),
    h('p', { class: 'help' }, m.class_commitment_shown({ commitment: view.commitment })),
  );
}

function pendingLine(side: 'us' | 'cn', group: GroupFacView, pending: PendingFacView | null, handlers: ConsoleHandlers): Child {
  if (!handlers.pendingShown) return null;
  const select = h(
    'select',
    { id: `override-${group.group}-${side}`, 'data-group-action': `override-${side}`, 'data-group': group.group, disabled: pending === null },
    h('option', { value: '' }, m.class_dice_decide()),
    ...(pending?.outcomes ?? []).map((o) => h('option', { value: o.id, selected: group.overrides[side] === o.id }, o.label)),
  );
  select.addEventListener('change', () => handlers.override(group.group, side, select.value === '' ? null : select.value));
  return h(
    'p',
    {},
    pending === null ? m.class_pending_none({ side: sideName(side) }) : m.class_pending_locked({ side: sideName(side), label: pending.label }),
    h('label', { for: `override-${group.group}-${side}` }, m.class_outcome_label()),
    select,
  );
}

function groupCard(view: FacView, group: GroupFacView, handlers: ConsoleHandlers): HTMLElement {
  const who = (side: 'us' | 'cn'): string => {
    if (!view.teams[side]) return m.class_who_model({ side: sideName(side) });
    const count = group.connected[side];
    const devices = count === 0 ? m.class_devices_none() : m.class_devices_n({ count });
    return group.locked[side] ? m.class_who_locked({ side: sideName(side), devices }) : m.class_who_choosing({ side: sideName(side), devices });
  };
  const injectSelect = h('select', { id: `inject-${group.group}`, 'aria-label': m.class_inject_for({ group: group.group }) }, ...group.injects.map((i) => h('option', { value: i.id }, i.title)));
  const button = (action: string, label: string, fn: () => void, disabled = false): HTMLButtonElement =>
    h('button', { type: 'button', 'data-group-action': action, 'data-group': group.group, disabled, onclick: () => fn() }, label);
  const over = group.ending !== null;
  return h(
    'li',
    { class: 'card group-card', 'data-group': group.group, 'data-turn': group.turn, 'data-ended': over ? 'true' : 'false' },
    h('h3', {}, over ? m.class_group_ended({ group: group.group, turn: group.turn, ending: group.ending ?? '' }) : m.class_group_turn({ group: group.group, turn: group.turn + 1 })),
    h('p', {}, who('us'), h('br'), who('cn')),
    h('p', {}, m.class_group_ladder({ us: group.rungs.us, cn: group.rungs.cn })),
    h('p', { class: 'indicators-line' }, group.indicators.map((i) => `${i.label} ${i.value}`).join(' · ')),
    group.clock === null || over ? null : h('p', { class: 'clock', 'data-clock-group': group.group }, clockText(group.clock, handlers.sinceMs)),
    over
      ? null
      : h(
          'div',
          { class: 'actions' },
          group.clock === null
            ? null
            : button(group.clock.paused ? 'resume' : 'pause', group.clock.paused ? m.class_resume() : m.class_pause(), () => handlers.pause(group.group, !(group.clock?.paused ?? false))),
          group.clock === null ? null : button('extend', m.class_extend(), () => handlers.extend(group.group)),
          group.injects.length === 0 ? null : h('label', { for: `inject-${group.group}`, class: 'visually-hidden' }, m.class_inject()),
          group.injects.length === 0 ? null : injectSelect,
          group.injects.length === 0 ? null : button('inject', m.class_fire_inject(), () => handlers.inject(group.group, injectSelect.value)),
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
    h(
      'p',
      { class: 'kicker' },
      view.oddsHidden
        ? m.class_console_kicker_hidden({ title: view.scenario.title, groups: view.groups.length })
        : m.class_console_kicker_shown({ title: view.scenario.title, groups: view.groups.length }),
    ),
    heading(m.class_join_code_heading({ code: view.joinCode })),
    handlers.connected ? null : h('p', { class: 'warning', role: 'status' }, m.class_console_lost()),
    handlers.notice === null ? null : h('p', { class: 'warning', role: 'status', id: 'console-notice' }, handlers.notice),
    joinCard(view, handlers),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', 'data-action': 'pause-all', onclick: () => handlers.pause(null, true) }, m.class_pause_all()),
      h('button', { type: 'button', 'data-action': 'resume-all', onclick: () => handlers.pause(null, false) }, m.class_resume_all()),
      h(
        'button',
        { type: 'button', 'data-action': 'reveal', disabled: view.revealed, onclick: () => handlers.reveal() },
        view.revealed ? m.class_seed_revealed({ seed: view.seed }) : m.class_reveal_seed(),
      ),
      h('button', { type: 'button', 'data-action': 'download-class', onclick: () => handlers.downloadAll() }, m.class_download_all()),
      h('label', { class: 'choice' }, pendingBox, ` ${m.class_show_pending()}`),
    ),
    h('p', { class: 'help' }, view.revealed ? m.class_ended_seed({ ended, groups: view.groups.length, seed: view.seed }) : m.class_ended_hidden({ ended, groups: view.groups.length })),
    h('ol', { class: 'group-cards', 'aria-label': m.class_groups() }, ...view.groups.map((g) => groupCard(view, g, handlers))),
    handlers.comparison.length === 0
      ? h('p', { class: 'help' }, m.class_compare_later())
      : h('section', { class: 'live-compare', 'aria-label': m.class_compare() }, h('h2', {}, m.class_compare()), ...handlers.comparison),
  );
}
