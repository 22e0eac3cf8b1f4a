/**
 * The way back to the title screen from a run: the run stays saved and the title offers Continue.
 * Not shown while a replay is watched (its bar has Leave) nor while a two-team turn holds a sealed choice.
 */
import type { Run } from '../store/run';
import { actionButton, h, hidden } from './dom';
import type { Ctx } from './view';

export function runMenu(ctx: Ctx, run: Run): HTMLElement | null {
  if (run.review !== null || run.pending !== null) return null;
  return h(
    'nav',
    { class: 'run-menu', 'aria-label': 'Run' },
    actionButton('menu', h('span', {}, 'Menu', hidden(': back to the title screen, this run stays saved')), () => ctx.store.getState().toTitle()),
  );
}
