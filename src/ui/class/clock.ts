/** The turn clock as words, counted down on the page from what the server last said. */
import { m } from '../../i18n/lang';
import type { ClockView } from '../../net/protocol';

export function leftMs(clock: ClockView, sinceMs: number): number {
  return clock.paused ? clock.leftMs : Math.max(0, clock.leftMs - sinceMs);
}

export function clockText(clock: ClockView, sinceMs: number): string {
  const left = leftMs(clock, sinceMs);
  const seconds = Math.ceil(left / 1000);
  const mm = Math.floor(seconds / 60);
  const ss = String(seconds % 60).padStart(2, '0');
  const time = `${mm}:${ss}`;
  if (clock.paused) return m.class_clock_paused({ time });
  if (left === 0) return m.class_clock_up();
  return m.class_clock_left({ time });
}
