/**
 * A group's turn clock: pure steps on plain data, fed with the time of each event, so a restored
 * session computes the same clock from its events as the live one did.
 */
import type { ClockView } from '../net/protocol';

export interface Clock {
  readonly limitMs: number;
  readonly paused: boolean;
  /** Milliseconds left, while paused. */
  readonly leftMs: number;
  /** When time runs out (epoch ms), while running. */
  readonly deadline: number;
}

/** A new turn: the full limit again, still paused when the group was paused. */
export function startTurn(limitMs: number, paused: boolean, at: number): Clock {
  return { limitMs, paused, leftMs: limitMs, deadline: at + limitMs };
}

export function pauseClock(c: Clock, on: boolean, at: number): Clock {
  if (on === c.paused) return c;
  return on ? { ...c, paused: true, leftMs: Math.max(0, c.deadline - at) } : { ...c, paused: false, deadline: at + c.leftMs };
}

export function extendClock(c: Clock, ms: number): Clock {
  return c.paused ? { ...c, leftMs: c.leftMs + ms } : { ...c, deadline: c.deadline + ms };
}

export function leftOf(c: Clock, now: number): number {
  return c.paused ? c.leftMs : Math.max(0, c.deadline - now);
}

/** After a restart, a running clock gets at least `floorMs`: a server down for a while does not time out every team. */
export function afterRestart(c: Clock, now: number, floorMs: number): Clock {
  return c.paused || c.deadline - now >= floorMs ? c : { ...c, deadline: now + floorMs };
}

export const clockView = (c: Clock, now: number): ClockView => ({ limitMs: c.limitMs, leftMs: leftOf(c, now), paused: c.paused });
