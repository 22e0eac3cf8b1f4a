/** The facilitator's class set-up: scenario, who plays each side, the secret seed, odds, timer and groups. */

import { m } from '../../i18n/lang';
import type { HostCreate } from '../../net/protocol';
import { MAX_GROUPS } from '../../net/protocol';
import type { ScenarioCard } from '../../store/catalog-cards';
import { h, heading } from '../dom';

export function hostSetupScreen(cards: readonly ScenarioCard[], key: string, notice: string | null, busy: boolean, submit: (req: HostCreate) => void): HTMLElement {
  const scenario = h('select', { id: 'host-scenario', name: 'scenario' }, ...cards.map((c) => h('option', { value: c.id }, c.title)));
  const player = (side: 'us' | 'cn', label: string): HTMLElement =>
    h(
      'p',
      {},
      h('label', { for: `host-${side}` }, label),
      h('select', { id: `host-${side}`, name: side }, h('option', { value: 'team' }, m.class_host_team()), h('option', { value: 'model' }, m.class_host_model())),
    );
  const seed = h('input', { id: 'host-seed', name: 'seed', autocomplete: 'off', spellcheck: 'false', maxlength: 64, 'aria-describedby': 'host-seed-help' });
  const odds = h('input', { id: 'host-odds-hidden', type: 'checkbox', checked: true });
  const timer = h('input', { id: 'host-timer', type: 'number', inputmode: 'numeric', min: 1, max: 60, value: '5', 'aria-describedby': 'host-timer-help' });
  const groups = h('input', { id: 'host-groups', type: 'number', inputmode: 'numeric', min: 1, max: MAX_GROUPS, value: '6' });
  const form = h(
    'form',
    { class: 'card host-form', novalidate: true },
    h('p', {}, h('label', { for: 'host-scenario' }, m.class_host_scenario()), scenario),
    player('us', m.class_host_us_by()),
    player('cn', m.class_host_cn_by()),
    h('p', {}, h('label', { for: 'host-seed' }, m.class_host_seed()), seed, h('span', { id: 'host-seed-help', class: 'help' }, m.class_host_seed_help())),
    h('p', {}, h('label', { class: 'choice' }, odds, ` ${m.class_host_hide_odds()}`)),
    h('p', {}, h('label', { for: 'host-timer' }, m.class_host_minutes()), timer, h('span', { id: 'host-timer-help', class: 'help' }, m.class_host_timer_help())),
    h('p', {}, h('label', { for: 'host-groups' }, m.class_host_groups()), groups),
    notice === null ? null : h('p', { class: 'warning', role: 'alert' }, notice),
    h('button', { type: 'submit', 'data-action': 'host-create', disabled: busy }, busy ? m.class_host_starting() : m.class_host_start()),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const sideOf = (side: 'us' | 'cn'): 'team' | 'model' => (form.querySelector<HTMLSelectElement>(`#host-${side}`)?.value === 'model' ? 'model' : 'team');
    const minutes = timer.value.trim() === '' ? null : Number.parseInt(timer.value, 10);
    const typed = seed.value.trim();
    submit({
      key,
      scenarioId: scenario.value,
      ...(typed === '' ? {} : { seed: typed }),
      players: { us: sideOf('us'), cn: sideOf('cn') },
      oddsHidden: odds.checked,
      timerMinutes: minutes,
      groups: Number.parseInt(groups.value, 10),
    });
  });
  return h(
    'div',
    { class: 'screen class-host', 'data-class-screen': 'host-setup' },
    heading(m.class_host_heading()),
    h('p', {}, m.class_host_lede()),
    key === '' ? h('p', { class: 'warning', role: 'alert' }, m.class_host_no_key()) : null,
    form,
  );
}
