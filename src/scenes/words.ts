/**
 * Words the stage draws in the page's language: sides, dates, rung labels, the quality of an answer.
 * (The page layer has its own in src/ui/format.ts; the stage may not import it.)
 */
import type { Side } from '../engine';
import { lang, m } from '../i18n/lang';
import { dateText, sideName } from '../i18n/words';

export { dateText, sideName };

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
