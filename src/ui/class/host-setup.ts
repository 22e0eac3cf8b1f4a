/** The facilitator's class set-up: scenario, who plays each side, the secret seed, odds, timer and groups. */
import type { HostCreate } from '../../net/protocol';
import { MAX_GROUPS } from '../../net/protocol';
import type { ScenarioCard } from '../../store/catalog-cards';
import { h, heading } from '../dom';

export function hostSetupScreen(cards: readonly ScenarioCard[], key: string, notice: string | null, busy: boolean, submit: (req: HostCreate) => void): HTMLElement {
  const scenario = h('select', { id: 'host-scenario', name: 'scenario' }, ...cards.map((c) => h('option', { value: c.id }, c.title)));
  const player = (side: 'us' | 'cn', name: string): HTMLElement =>
    h(
      'p',
      {},
      h('label', { for: `host-${side}` }, `${name} is played by`),
      h('select', { id: `host-${side}`, name: side }, h('option', { value: 'team' }, 'a team of students'), h('option', { value: 'model' }, 'the counterpart model')),
    );
  const seed = h('input', { id: 'host-seed', name: 'seed', autocomplete: 'off', spellcheck: 'false', maxlength: 64, 'aria-describedby': 'host-seed-help' });
  const odds = h('input', { id: 'host-odds-hidden', type: 'checkbox', checked: true });
  const timer = h('input', { id: 'host-timer', type: 'number', inputmode: 'numeric', min: 1, max: 60, value: '5', 'aria-describedby': 'host-timer-help' });
  const groups = h('input', { id: 'host-groups', type: 'number', inputmode: 'numeric', min: 1, max: MAX_GROUPS, value: '6' });
  const form = h(
    'form',
    { class: 'card host-form', novalidate: true },
    h('p', {}, h('label', { for: 'host-scenario' }, 'Scenario'), scenario),
    player('us', 'The United States'),
    player('cn', 'China'),
    h(
      'p',
      {},
      h('label', { for: 'host-seed' }, 'Secret seed'),
      seed,
      h('span', { id: 'host-seed-help', class: 'help' }, 'Leave empty to draw one. Every group plays the same seed; students see it only at the debrief.'),
    ),
    h('p', {}, h('label', { class: 'choice' }, odds, ' Hide the odds from the teams until the debrief')),
    h(
      'p',
      {},
      h('label', { for: 'host-timer' }, 'Minutes per turn'),
      timer,
      h('span', { id: 'host-timer-help', class: 'help' }, 'Empty for no timer. When time is up, a team that has not chosen takes its default option.'),
    ),
    h('p', {}, h('label', { for: 'host-groups' }, 'Number of groups'), groups),
    notice === null ? null : h('p', { class: 'warning', role: 'alert' }, notice),
    h('button', { type: 'submit', 'data-action': 'host-create', disabled: busy }, busy ? 'Starting…' : 'Start the class'),
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
    heading('Run a class on every device'),
    h('p', {}, 'Each team joins from its own phone or laptop with the join code. You see every group live and can pause, extend, inject or force an outcome per group.'),
    key === '' ? h('p', { class: 'warning', role: 'alert' }, 'This address has no facilitator key: open the facilitator address the class server printed in its terminal.') : null,
    form,
  );
}
