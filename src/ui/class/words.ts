/**
 * Words of the class pages that the server sends in English: its long dates and the hotline's status,
 * told again in the page's language; and a message with an element in its middle.
 */
import { m } from '../../i18n/lang';
import type { Child } from '../dom';
import { dateText } from '../format';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "25 September 2015" as the server writes it, in the page's language; anything else as it is. */
export function serverDate(text: string): string {
  const parts = /^(\d{1,2}) ([A-Z][a-z]+) (\d{4})$/.exec(text);
  const month = parts === null ? -1 : MONTHS.indexOf(parts[2] ?? '');
  if (parts === null || month < 0) return text;
  return dateText(`${parts[3]}-${String(month + 1).padStart(2, '0')}-${(parts[1] ?? '').padStart(2, '0')}`);
}

/** The hotline's status ('idle', 'ringing', 'answered', 'unanswered') in words. */
export function hotlineWord(status: string): string {
  if (status === 'idle') return m.class_hotline_idle();
  if (status === 'ringing') return m.class_hotline_ringing();
  if (status === 'answered') return m.class_hotline_answered();
  if (status === 'unanswered') return m.class_hotline_unanswered();
  return status;
}

/** Marks where an element goes in a message: `slotted(m.x({ url: SLOT }), el)`. */
export const SLOT = '\u0000';

/** A message's text around one element put in the place of SLOT. */
export function slotted(text: string, el: Child): Child[] {
  const at = text.indexOf(SLOT);
  if (at < 0) return [text, el];
  return [text.slice(0, at), el, text.slice(at + SLOT.length)];
}
