/** Words and numbers for the page: written out by hand, never through Intl, so every browser agrees. */
import type { Side } from '../engine';
import { longDate, SIDE_NAMES } from '../store/derive';
import type { PlaySide } from '../store/run';

export const BASIS_TEXT = '10 000';

/** "62.50%" from basis points (hundredths of a percent). */
export function percent(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = bp % 100;
  return `${whole}.${frac < 10 ? '0' : ''}${frac}%`;
}

/** "chance 62.50%, drawn 4312 of 10 000". */
export function chanceText(chanceBp: number, draw: number): string {
  return `chance ${percent(chanceBp)}, drawn ${draw} of ${BASIS_TEXT}`;
}

/** A signed change in words and symbols: "▲ up 10", "▼ down 5", "no change". */
export function deltaText(delta: number): string {
  if (delta > 0) return `▲ up ${delta}`;
  if (delta < 0) return `▼ down ${-delta}`;
  return 'no change';
}

/** Whether a change is good for the side viewing, given which direction is better for it. */
export function judgement(delta: number, better: 'higher' | 'lower'): 'better' | 'worse' | 'same' {
  if (delta === 0) return 'same';
  return delta > 0 === (better === 'higher') ? 'better' : 'worse';
}

export function sideName(side: Side): string {
  return SIDE_NAMES[side];
}

export function playSideName(side: PlaySide): string {
  return side === 'both' ? 'Both sides (two teams)' : SIDE_NAMES[side];
}

export function dateText(iso: string): string {
  return longDate(iso);
}

/** "3 turns of 7 days" */
export function lengthText(maxTurns: number, turnDays: number): string {
  const turns = `${maxTurns} turn${maxTurns === 1 ? '' : 's'}`;
  const days = turnDays === 1 ? '1 day' : turnDays % 7 === 0 ? (turnDays === 7 ? '1 week' : `${turnDays / 7} weeks`) : `${turnDays} days`;
  return `${turns} of ${days}`;
}

/** An exercise code spelt out for reading aloud: "I P T, K 7 Q 3". */
export function spelled(code: string): string {
  return code
    .split('-')
    .map((part) => part.split('').join(' '))
    .join(', ');
}

export const TONE_WORDS: Readonly<Record<'success' | 'mixed' | 'failure', string>> = {
  success: '✓ success',
  mixed: '◐ mixed result',
  failure: '✗ failure',
};
