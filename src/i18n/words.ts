/**
 * Words the page and the stage both write in the page's language: a side's name and a long date.
 * Written out by hand, never through Intl, so every browser agrees.
 */
import { m } from './lang';

/** "United States", "China" (美国, 中国). */
export function sideName(side: 'us' | 'cn'): string {
  return side === 'us' ? m.side_us() : m.side_cn();
}

const MONTH_NAMES = [m.month_1, m.month_2, m.month_3, m.month_4, m.month_5, m.month_6, m.month_7, m.month_8, m.month_9, m.month_10, m.month_11, m.month_12] as const;

/** "25 September 2015" (2015年9月25日) from `2015-09-25`; anything else is shown as it is. */
export function dateText(iso: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (parts === null) return iso;
  const monthNumber = Number(parts[2]);
  const month = MONTH_NAMES[monthNumber - 1];
  return m.long_date({ day: Number(parts[3]), month: month === undefined ? String(monthNumber) : month(), monthNumber, year: parts[1] ?? '' });
}
