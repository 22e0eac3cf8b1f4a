/**
 * Words the stage draws in the page's language: sides, dates, rung labels, the quality of an answer.
 * (The page layer has its own in src/ui/format.ts; the stage may not import it.)
 */
import type { Side } from '../engine';
import { lang, m } from '../i18n/lang';

export function sideName(side: Side): string {
  return side === 'us' ? m.side_us() : m.side_cn();
}

const MONTH_NAMES = [m.month_1, m.month_2, m.month_3, m.month_4, m.month_5, m.month_6, m.month_7, m.month_8, m.month_9, m.month_10, m.month_11, m.month_12] as const;

/** "25 September 2015" (2015年9月25日) from `2015-09-25`; anything else as it is. */
export function dateText(iso: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (parts === null) return iso;
  const monthNumber = Number(parts[2]);
  const month = MONTH_NAMES[monthNumber - 1];
  return m.long_date({ day: Number(parts[3]), month: month === undefined ? String(monthNumber) : month(), monthNumber, year: parts[1] ?? '' });
}

/** Whether the page is in Chinese: its glyphs are about as wide as the font is high. */
export function wideGlyphs(): boolean {
  return lang() === 'zh-Hans';
}

export function sideShort(side: Side): string {
  return side === 'us' ? m.stage_short_us() : m.stage_short_cn();
}

export function routeOf(from: Side, to: Side): string {
  return `${sideShort(from)} → ${sideShort(to)}`;
}

const QUALITY = { full: m.stage_quality_full, partial: m.stage_quality_partial, token: m.stage_quality_token } as const;

export function qualityWord(quality: string): string {
  return Object.hasOwn(QUALITY, quality) ? QUALITY[quality as keyof typeof QUALITY]() : quality;
}
