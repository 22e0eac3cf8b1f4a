/** A message with an element in its middle: `slotted(m.x({ code: SLOT }), el)`. */
import type { Child } from '../dom';

/** Marks where the element goes in the message's text. */
export const SLOT = '\u0000';

/** The message's text around the element, put in the place of SLOT. */
export function slotted(text: string, el: Child): Child[] {
  const at = text.indexOf(SLOT);
  if (at < 0) return [text, el];
  return [text.slice(0, at), el, text.slice(at + SLOT.length)];
}
