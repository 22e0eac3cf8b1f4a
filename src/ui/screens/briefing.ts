/** The briefing: the situation for the chosen side, its objectives, the four terms, the prologue. */
import { textFor, turnDate } from '../../store/derive';
import { h, heading, paragraphs } from '../dom';
import { dateText, lengthText, playSideName, sideName } from '../format';
import { glossedParagraphs } from '../gloss';
import { continueButton, objectivesList, peopleSides, reviewBar, termsList } from '../parts';
import { runMenu } from '../run-menu';
import type { Ctx, View } from '../view';

export function briefingScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  if (run === null) return { el: h('div', { class: 'screen' }, heading('No run')) };
  const f = run.scenario.file;
  const sides = peopleSides(run);
  const store = ctx.store;
  const el = h(
    'div',
    { class: 'screen briefing-screen' },
    reviewBar(ctx, run),
    runMenu(ctx, run),
    h('p', { class: 'kicker' }, `${f.title} · ${playSideName(run.side)} · ${dateText(turnDate(run))} · ${lengthText(f.maxTurns, f.calendar.turnDays)}`),
    heading('Briefing'),
    f.invented !== undefined ? h('p', { class: 'invented card' }, h('strong', {}, 'Invented case: '), f.invented) : null,
    f.prologue !== undefined ? h('section', { class: 'card prologue', 'aria-labelledby': 'prologue-title' }, h('h2', { id: 'prologue-title' }, 'Prologue'), paragraphs(f.prologue)) : null,
    ...sides.map((side) =>
      h(
        'section',
        { class: 'card situation', 'aria-labelledby': `situation-${side}` },
        h('h2', { id: `situation-${side}` }, `The situation for ${sideName(side)}`),
        glossedParagraphs(textFor(f.briefing, side), new Set<string>()),
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'objectives-title' },
      h('h2', { id: 'objectives-title' }, sides.length > 1 ? 'Objectives' : 'Your objectives'),
      objectivesList(run.scenario, sides),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'terms-title' },
      h('h2', { id: 'terms-title' }, 'The agreement: the four terms'),
      h('p', { class: 'help' }, 'Quoted from the White House fact sheet of 25 September 2015. Every option says which terms it uses and which it strains.'),
      termsList(run.scenario),
    ),
    h(
      'div',
      { class: 'actions sticky' },
      continueButton(run.review !== null ? 'Next turn' : 'Begin the first turn', () => store.getState().continueFromBriefing(), run.review !== null && run.review.states.length <= 1),
    ),
  );
  return { el };
}
