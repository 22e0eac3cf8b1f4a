/** Title-screen cards for the after-action tools: open a replay code, compare the groups of a class. */
import { actionButton, h } from '../dom';
import type { Ctx } from '../view';

function replayCodeForm(ctx: Ctx): HTMLElement {
  const input = h('input', { id: 'replay-code-input', type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'RP1.…', 'aria-describedby': 'replay-code-help' });
  const open = (): void => ctx.store.getState().openReplayCode(input.value);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      open();
    }
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'replay-code-title' },
    h('h2', { id: 'replay-code-title' }, 'Open a replay code'),
    h('p', { id: 'replay-code-help', class: 'help' }, 'Paste the replay code a student handed in: the run plays back turn by turn, exactly as it was played.'),
    h('div', { class: 'row' }, h('label', { for: 'replay-code-input' }, 'Replay code'), input, actionButton('open-replay-code', 'Open the replay code', open)),
  );
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
