/** The briefing: the situation for the chosen side, its objectives, the four terms, the prologue. */
import { m } from '../../i18n/lang';
import { textFor, turnDate } from '../../store/derive';
import { h, heading, paragraphs } from '../dom';
import { dateText, lengthText, playSideName, sideName } from '../format';
import { glossedParagraphs } from '../gloss';
import { continueButton, objectivesList, peopleSides, reviewBar, termsList } from '../parts';
import { runMenu } from '../run-menu';
import type { Ctx, View } from '../view';

export function briefingScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  if (run === null) return { el: h('div', { class: 'screen' }, heading(m.play_no_run())) };
  const f = run.scenario.file;
  const sides = peopleSides(run);
  const store = ctx.store;
  const el = h(
    'div',
    { class: 'screen briefing-screen' },
    reviewBar(ctx, run),
    runMenu(ctx, run),
    h('p', { class: 'kicker' }, `${f.title} · ${playSideName(run.side)} · ${dateText(turnDate(run))} · ${lengthText(f.maxTurns, f.calendar.turnDays)}`),
    heading(m.play_briefing()),
    f.invented !== undefined ? h('p', { class: 'invented card' }, h('strong', {}, m.play_invented()), f.invented) : null,
    f.prologue !== undefined ? h('section', { class: 'card prologue', 'aria-labelledby': 'prologue-title' }, h('h2', { id: 'prologue-title' }, m.play_prologue()), paragraphs(f.prologue)) : null,
    ...sides.map((side) =>
      h(
        'section',
        { class: 'card situation', 'aria-labelledby': `situation-${side}` },
        h('h2', { id: `situation-${side}` }, m.play_situation_for({ side: sideName(side) })),
        glossedParagraphs(textFor(f.briefing, side), new Set<string>()),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'objectives-title' },
      h('h2', { id: 'objectives-title' }, sides.length > 1 ? m.play_objectives() : m.play_your_objectives()),
      objectivesList(run.scenario, sides),
    ),
    h('section', { class: 'card', 'aria-labelledby': 'terms-title' }, h('h2', { id: 'terms-title' }, m.play_terms_title()), h('p', { class: 'help' }, m.play_terms_help()), termsList(run.scenario)),
    h(
      'div',
      { class: 'actions sticky' },
      continueButton(run.review !== null ? m.play_next_turn() : m.play_begin_first_turn(), () => store.getState().continueFromBriefing(), run.review !== null && run.review.states.length <= 1),
    ),
  );
  return { el };
}
