/**
 * Two teams at one screen: between the United States' choice and China's, the screen is handed over.
 * Nothing of the US choice is on the page; China's options appear when its team says it is ready.
 */

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
      heading("Pass to China's team"),
      h(
        'section',
        { class: 'card team-banner team-cn' },
        h('p', { class: 'team' }, 'The United States has chosen.'),
        h('p', {}, 'Its choice is sealed: nobody sees it until China has chosen too, and both are revealed together on the outcome.'),
        h('p', {}, "United States team: hand over the keyboard. China's team: press Enter when you are ready."),
      ),
      h(
        'div',
        { class: 'actions sticky' },
        continueButton("China's team is ready", () => ctx.store.getState().handOver()),
      ),
    ),
  );
  return { el };
}
