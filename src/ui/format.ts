/** Words and numbers for the page: written out by hand, never through Intl, so every browser agrees. */
import { m } from '../i18n/lang';
import { dateText, sideName } from '../i18n/words';
import type { PlaySide } from '../store/run';

export { dateText, sideName };

export const BASIS_TEXT = '10 000';

/** "62.50%" from basis points (hundredths of a percent). */
export function percent(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  return `${whole}.${frac < 10 ? '0' : ''}${frac}%`;
}

/** "chance 62.50%, drawn 4312 of 10 000". */
export function chanceText(chanceBp: number, draw: number): string {
  return m.chance({ percent: percent(chanceBp), draw, basis: BASIS_TEXT });
}

/** A signed change in words and symbols: "▲ up 10", "▼ down 5", "no change". */
export function deltaText(delta: number): string {
  if (delta > 0) return m.delta_up({ n: delta });
  if (delta < 0) return m.delta_down({ n: -delta });
  return m.delta_none();
}

/** Whether a change is good for the side viewing, given which direction is better for it. */
export function judgement(delta: number, better: 'higher' | 'lower'): 'better' | 'worse' | 'same' {
  if (delta === 0) return 'same';
  return delta > 0 === (better === 'higher') ? 'better' : 'worse';
}

export function playSideName(side: PlaySide): string {
  return side === 'both' ? m.side_both() : sideName(side);
}

/** "3 turns of 7 days" */
export function lengthText(maxTurns: number, turnDays: number): string {
  const turns = m.turns_n({ count: maxTurns });
  const days = turnDays % 7 === 0 ? m.weeks_n({ count: turnDays / 7 }) : m.days_n({ count: turnDays });
  return m.turns_of_days({ turns, days });
}

/** An exercise code spelt out for reading aloud: "I P T, K 7 Q 3". */
export function spelled(code: string): string {
  return code
    .split('-')
    .map((part) => part.split('').join(' '))
    .join(', ');
}

/** A verdict in words: "✓ success", "◐ mixed result", "✗ failure". */
export function toneWords(tone: 'success' | 'mixed' | 'failure'): string {
  return tone === 'success' ? m.tone_success() : tone === 'mixed' ? m.tone_mixed() : m.tone_failure();
}
