/**
 * Two teams at one screen: between the United States' choice and China's, the screen is handed over.
 * Nothing of the US choice is on the page; China's options appear when its team says it is ready.
 */

import { m } from '../../i18n/lang';
import { turnHeader } from '../../store/pace';
import type { Run } from '../../store/run';
import { h, heading } from '../dom';
import { continueButton } from '../parts';
import type { Ctx, View } from '../view';

export function handoverScreen(ctx: Ctx, run: Run): View {
  const el = h(
    'div',
    { class: 'screen turn-screen handover-screen', 'data-asking': 'handover' },
    h(
      'div',
      { class: 'main-column' },
      h('p', { class: 'kicker' }, turnHeader(run.scenario, run.game.turn + 1)),
      heading(m.play_pass_to_china()),
      h('section', { class: 'card team-banner team-cn' }, h('p', { class: 'team' }, m.play_us_has_chosen()), h('p', {}, m.play_choice_sealed()), h('p', {}, m.play_hand_over())),
      h(
        'div',
        { class: 'actions sticky' },
        continueButton(m.play_china_ready(), () => ctx.store.getState().handOver()),
      ),
    ),
  );
  return { el };
}
