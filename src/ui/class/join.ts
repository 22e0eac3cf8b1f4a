/** The join screen: the class's join code, the group and the side, typed or prefilled from the QR code's link. */
import { JOIN_CODE_LENGTH, MAX_GROUPS, normaliseJoinCode } from '../../net/protocol';
import { h, heading } from '../dom';

export interface JoinRequest {
  readonly code: string;
  readonly group: number;
  readonly side: 'us' | 'cn';
}

export function joinScreen(prefill: string, notice: string | null, busy: boolean, submit: (req: JoinRequest) => void): HTMLElement {
  const code = h('input', {
    id: 'join-code',
    name: 'code',
    value: prefill,
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 16,
    required: true,
    'aria-describedby': 'join-code-help',
  });
  const group = h('input', { id: 'join-group', name: 'group', type: 'number', inputmode: 'numeric', min: 1, max: MAX_GROUPS, value: '1', required: true });
  const side = (value: 'us' | 'cn', label: string, checked: boolean): HTMLElement => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'side', value, checked }), ` ${label}`);
  const form = h(
    'form',
    { class: 'card join-form', novalidate: true },
    h('p', {}, h('label', { for: 'join-code' }, 'Join code'), code, h('span', { id: 'join-code-help', class: 'help' }, `${JOIN_CODE_LENGTH} letters and digits, from the facilitator's screen.`)),
    h('p', {}, h('label', { for: 'join-group' }, 'Your group'), group),
    h('fieldset', {}, h('legend', {}, 'Your team plays'), side('us', 'the United States', true), side('cn', 'China', false)),
    notice === null ? null : h('p', { class: 'warning', role: 'alert', id: 'join-notice' }, notice),
    h('button', { type: 'submit', 'data-action': 'join', disabled: busy }, busy ? 'Joining…' : 'Join the class'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = form.querySelector<HTMLInputElement>('input[name="side"]:checked')?.value === 'cn' ? 'cn' : 'us';
    submit({ code: normaliseJoinCode(code.value), group: Number.parseInt(group.value, 10), side: picked });
  });
  return h(
    'div',
    { class: 'screen class-join', 'data-class-screen': 'join' },
    heading('Join a class exercise'),
    h('p', {}, 'Your team plays one side of the crisis on this device. The facilitator sees every group; the other team never sees your choice before both have chosen.'),
    form,
  );
}
