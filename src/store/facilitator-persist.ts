/**
 * Keeping facilitator mode across a reload: the facilitation is stored under its own key, tied to the
 * saved run by scenario id and seed, so a teacher who reloads mid-class keeps the secret seed hidden,
 * the timer, the pause and any choice awaiting "resolve as". Anything that does not read back exactly
 * is ignored (the run itself is the save's business).
 */
import { type Facilitation, type Held, MAX_TIMER_MINUTES, MINUTE_MS, type TurnTimer } from './facilitator';
import type { Run } from './run';
import { readKey, removeKey, type StorageLike, type WriteResult, writeKey } from './storage';

export const FACILITATION_KEY = 'red-phone:facilitation';

const runKey = (run: Run): string => `${run.scenario.id}\u0000${run.game.seed}`;

/** The stored form: the clock rounded up to whole seconds, so it is written once a second at most. */
export function facilitationText(run: Run, fac: Facilitation): string {
  const timer = fac.timer === null ? null : { ...fac.timer, leftMs: Math.ceil(fac.timer.leftMs / 1000) * 1000 };
  return JSON.stringify({ run: runKey(run), secret: fac.secret, decideOutcomes: fac.decideOutcomes, barOpen: fac.barOpen, paused: fac.paused, timer, held: fac.held });
}

/** Writes the facilitation of `run`, or removes the key when the run has none (a watched replay changes nothing). */
export function persistFacilitation(storage: StorageLike | null, run: Run | null, fac: Facilitation | null): WriteResult {
  if (run !== null && run.review !== null) return { ok: true };
  if (run === null || fac === null) return removeKey(storage, FACILITATION_KEY);
  return writeKey(storage, FACILITATION_KEY, facilitationText(run, fac));
}

const own = (data: object, key: string): unknown => Object.getOwnPropertyDescriptor(data, key)?.value;
const isWhole = (n: unknown, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= max;

function timerOf(data: unknown): TurnTimer | null | undefined {
  if (data === null) return null;
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  const limitMs = own(data, 'limitMs');
  const leftMs = own(data, 'leftMs');
  const turn = own(data, 'turn');
  const warned = own(data, 'warned');
  const expired = own(data, 'expired');
  const most = MAX_TIMER_MINUTES * MINUTE_MS * 10;
  if (!isWhole(limitMs, most) || limitMs === 0 || !isWhole(leftMs, most) || !isWhole(turn, 1000) || typeof warned !== 'boolean' || typeof expired !== 'boolean') return undefined;
  return { limitMs, leftMs, turn, warned, expired };
}

function heldOf(data: unknown, run: Run): Held | null | undefined {
  if (data === null) return null;
  if (typeof data !== 'object' || Array.isArray(data)) return undefined;
  const held: { us?: string; cn?: string } = {};
  for (const side of ['us', 'cn'] as const) {
    const id = own(data, side);
    if (id === undefined) continue;
    if (typeof id !== 'string' || run.game.controllers[side] !== 'people') return undefined;
    held[side] = id;
  }
  return run.place === 'turn' && Object.keys(held).length > 0 ? held : null;
}

/** The stored facilitation of `run`, or null when there is none, it belongs to another run, or it is damaged. */
export function restoreFacilitation(storage: StorageLike | null, run: Run | null): Facilitation | null {
  if (run === null) return null;
  const text = readKey(storage, FACILITATION_KEY);
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || own(data, 'run') !== runKey(run)) return null;
  const secret = own(data, 'secret');
  const decideOutcomes = own(data, 'decideOutcomes');
  const barOpen = own(data, 'barOpen');
  const paused = own(data, 'paused');
  const timer = timerOf(own(data, 'timer'));
  const held = heldOf(own(data, 'held'), run);
  if (typeof secret !== 'boolean' || typeof decideOutcomes !== 'boolean' || typeof barOpen !== 'boolean' || typeof paused !== 'boolean' || timer === undefined || held === undefined) return null;
  return { secret, decideOutcomes, barOpen, paused, timer, held, say: null };
}
