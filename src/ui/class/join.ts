/** The join screen: the class's join code, the group and the side, typed or prefilled from the QR code's link. */

import { m } from '../../i18n/lang';
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
    h('p', {}, h('label', { for: 'join-code' }, m.class_join_code()), code, h('span', { id: 'join-code-help', class: 'help' }, m.class_join_code_help({ length: JOIN_CODE_LENGTH }))),
    h('p', {}, h('label', { for: 'join-group' }, m.class_join_group()), group),
    h('fieldset', {}, h('legend', {}, m.class_join_side()), side('us', m.class_join_us(), true), side('cn', m.class_join_cn(), false)),
    notice === null ? null : h('p', { class: 'warning', role: 'alert', id: 'join-notice' }, notice),
    h('button', { type: 'submit', 'data-action': 'join', disabled: busy }, busy ? m.class_joining() : m.class_join_button()),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const picked = form.querySelector<HTMLInputElement>('input[name="side"]:checked')?.value === 'cn' ? 'cn' : 'us';
    submit({ code: normaliseJoinCode(code.value), group: Number.parseInt(group.value, 10), side: picked });
  });
  return h('div', { class: 'screen class-join', 'data-class-screen': 'join' }, heading(m.class_join_heading()), h('p', {}, m.class_join_lede()), form);
}
