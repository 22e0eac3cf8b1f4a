/** Title-screen cards for the after-action tools: open a replay code, compare the groups of a class. */
import { actionButton, h } from '../dom';
import { codeEntryCard } from '../parts';
import type { Ctx } from '../view';

function replayCodeForm(ctx: Ctx): HTMLElement {
  return codeEntryCard({
    id: 'replay-code',
    title: 'Open a replay code',
    help: ['Paste the replay code a student handed in: the run plays back turn by turn, exactly as it was played.'],
    label: 'Replay code',
    placeholder: 'RP1.…',
    action: 'open-replay-code',
    button: 'Open the replay code',
    open: (text) => ctx.store.getState().openReplayCode(text),
  });
}

function compareCard(ctx: Ctx): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'compare-card-title' },
    h('h2', { id: 'compare-card-title' }, 'Compare the groups'),
    h('p', { class: 'help' }, 'Import the replay files of several groups that played the same code, and see side by side where their decisions parted.'),
    actionButton('open-compare', 'Class comparison…', () => ctx.store.getState().openCompare()),
  );
}

/** The cards, in the order they appear after the exercise-code and replay-file cards. */
export function traineeCards(ctx: Ctx): HTMLElement[] {
  return [replayCodeForm(ctx), compareCard(ctx)];
}
