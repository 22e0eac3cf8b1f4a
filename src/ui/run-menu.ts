/**
 * The way back to the title screen from a run: the run stays saved and the title offers Continue.
 * Not shown while a replay is watched (its bar has Leave) nor while a two-team turn holds a sealed choice.
 */
import { m } from '../i18n/lang';
import type { Run } from '../store/run';
import { extrasOf, pathLabels } from '../store/trainee';
import { actionButton, h, hidden } from './dom';
import type { Ctx } from './view';

export function runMenu(ctx: Ctx, run: Run): HTMLElement | null {
  if (run.review !== null || run.pending !== null) return null;
  return h(
    'nav',
    { class: 'run-menu', 'aria-label': m.play_run_menu() },
    actionButton('menu', h('span', {}, m.play_menu(), hidden(m.play_menu_hidden())), () => ctx.store.getState().toTitle()),
    branchBanner(run),
  );
}

/** While a branch is played, a line says so: which branch, and that the run it left is kept. */
export function branchBanner(run: Run): HTMLElement | null {
  const kept = extrasOf(run).branches.length;
  if (kept === 0 || run.review !== null) return null;
  const labels = pathLabels(run);
  return h(
    'p',
    { class: 'branch-banner', 'data-branch': labels[labels.length - 1] ?? '' },
    h('strong', {}, m.play_playing_branch({ label: labels[labels.length - 1] ?? m.play_a_branch() })),
    kept === 1 ? m.play_branch_kept_one() : m.play_branch_kept({ count: kept - 1 }),
  );
}
