/**
 * Reading length: a turn is read aloud or on a phone, so its text stays short. Warnings only:
 * lint/long-beat-text (a beat's text over 150 words), lint/long-option-text (an option's over 35).
 * Every variant and each side's text is counted on its own.
 */
import type { ScenarioFile, SideText, VariantText } from '../format';
import { SIDES } from '../format';
import type { CheckFindings } from './check';

export const MAX_BEAT_WORDS = 150;
export const MAX_OPTION_WORDS = 35;

type PathSegment = string | number;

const words = (text: string): number => text.split(/\s+/).filter((w) => w.length > 0).length;

/** Each text of a (per-side, variant) text with its path below the field. */
function textsOf(t: SideText | VariantText): { text: string; at: PathSegment[] }[] {
  const variants = (v: VariantText, at: PathSegment[]): { text: string; at: PathSegment[] }[] =>
    typeof v === 'string' ? [{ text: v, at }] : v.map((x, i) => ({ text: x.text, at: [...at, i, 'text'] }));
  if (typeof t === 'string' || Array.isArray(t)) return variants(t, []);
  return SIDES.flatMap((side) => variants((t as Record<string, VariantText>)[side] as VariantText, [side]));
}

export function checkLength(file: ScenarioFile, out: CheckFindings): void {
  file.beats.forEach((beat, b) => {
    for (const { text, at } of textsOf(beat.text)) {
      const n = words(text);
      if (n > MAX_BEAT_WORDS)
        out.warning('lint/long-beat-text', ['beats', b, 'text', ...at], `this text is ${n} words; a beat's text is at most ${MAX_BEAT_WORDS}, so a turn can be read on a phone or aloud`);
    }
    for (const side of SIDES) {
      beat.options[side].forEach((o, i) => {
        for (const { text, at } of textsOf(o.text)) {
          const n = words(text);
          if (n > MAX_OPTION_WORDS)
            out.warning(
              'lint/long-option-text',
              ['beats', b, 'options', side, i, 'text', ...at],
              `the option "${o.id}" reads ${n} words; an option is at most ${MAX_OPTION_WORDS}, so players can compare them`,
            );
        }
      });
    }
  });
}
