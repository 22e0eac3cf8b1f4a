/** Title-screen cards for the after-action tools: open a replay code, compare the groups of a class. */
import { m } from '../../i18n/lang';
import { actionButton, h } from '../dom';
import { codeEntryCard } from '../parts';
import type { Ctx } from '../view';

function replayCodeForm(ctx: Ctx): HTMLElement {
  return codeEntryCard({
    id: 'replay-code',
    title: m.title_replay_code_title(),
    help: [m.title_replay_code_help()],
    label: m.title_replay_code_label(),
    placeholder: 'RP1.…',
    action: 'open-replay-code',
    button: m.title_replay_code_button(),
    open: (text) => ctx.store.getState().openReplayCode(text),
  });
}

function compareCard(ctx: Ctx): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'compare-card-title' },
    h('h2', { id: 'compare-card-title' }, m.title_compare_title()),
    h('p', { class: 'help' }, m.title_compare_help()),
    actionButton('open-compare', m.title_compare_button(), () => ctx.store.getState().openCompare()),
  );
}

/** The cards, in the order they appear after the exercise-code and replay-file cards. */
export function traineeCards(ctx: Ctx): HTMLElement[] {
  return [replayCodeForm(ctx), compareCard(ctx)];
}
