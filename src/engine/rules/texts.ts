/**
 * Choosing the variant of a text that the state calls for, and reading it. A text's variants are in
 * file order; the first whose `when` holds is shown, and the fallback (no `when`) is last. A turn's
 * outcome texts are chosen once, when the turn resolves, and the log keeps the index, so a debrief
 * shows what the players read then.
 */
import type { CompiledText, EvalContext } from '../format';

/** The index of the variant shown on `ctx`: the first whose condition holds, else the last. */
export function variantIndex(text: CompiledText, ctx: EvalContext): number {
  for (let i = 0; i < text.length; i++) {
    const when = (text[i] as CompiledText[number]).when;
    if (when === null || when(ctx) !== 0) return i;
  }
  return text.length - 1;
}

/** The text of variant `index` (clamped into range, so a damaged index never throws). */
export function variantText(text: CompiledText, index: number): string {
  return (text[Math.min(Math.max(index, 0), text.length - 1)] ?? text[0])?.text ?? '';
}

/** The text shown on `ctx`. */
export function pickText(text: CompiledText, ctx: EvalContext): string {
  return variantText(text, variantIndex(text, ctx));
}

/** Whether the variant shown on `ctx` presumes something false there (a contradiction); null when it presumes nothing. */
export function presumesFalse(text: CompiledText, ctx: EvalContext, index = variantIndex(text, ctx)): boolean {
  const presumes = text[index]?.presumes ?? null;
  return presumes !== null && presumes(ctx) === 0;
}
