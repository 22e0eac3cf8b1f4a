/** Whether the canvas may animate: the player's setting and the system's reduced-motion preference both count. */
import type { SessionStore } from '../store/session';

export function motionAllowed(store: SessionStore): boolean {
  if (store.getState().settings.reducedMotion) return false;
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return true;
  return !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
