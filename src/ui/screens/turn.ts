/**
 * A turn: the date, the beat for the side choosing, its options (number keys pick them), and the
 * state summary. In a two-team run the US team chooses first; its choice is covered while China chooses.
 */
import type { OptionView } from '../../engine';
import { m } from '../../i18n/lang';
import { optionsFor, rungWords, textFor, turnDate, viewerOf } from '../../store/derive';
import { turnHeader } from '../../store/pace';
import { askingSide, isHandover, type Review, type Run } from '../../store/run';
import { h, heading, paragraphs } from '../dom';
import { dateText, sideName } from '../format';
import { glossed, glossedParagraphs } from '../gloss';
import { continueButton, peopleSides, reviewBar, termTags } from '../parts';
import { runMenu } from '../run-menu';
import { statusPanel } from '../status';
import type { Ctx, View } from '../view';
import { handoverScreen } from './teams-handover';

function optionCard(ctx: Ctx, o: OptionView, seen: Set<string>): HTMLElement {
  const run = ctx.state.run;
  if (run === null) return h('li');
  const textId = `option-${o.side}-${o.id}-text`;
  const button = h(
    'button',
    { type: 'button', class: 'option', 'data-option': o.id, 'data-index': o.index, 'data-side': o.side, 'aria-describedby': textId },
    h('span', { class: 'key', 'aria-hidden': 'true' }, String(o.index)),
    h('span', { class: 'option-label' }, h('span', { class: 'visually-hidden' }, `${o.index}. `), o.label),
    h('span', { class: 'rung' }, rungWords(run.scenario, o.rung)),
  );
  button.addEventListener('click', () => ctx.store.getState().choose(o.side, o.id));
  return h('li', { class: 'option-card' }, button, h('p', { id: textId, class: 'option-text' }, ...glossed(o.text, seen)), termTags(ctx, run.scenario, o.uses, o.strains, o.why));
}

/** A turn of a watched replay: each side's options as they were offered, the one chosen marked. */
function reviewTurn(ctx: Ctx, run: Run, review: Review): View {
  const beat = run.scenario.beats.get(run.game.beat);
  const action = review.actions[review.at];
  const sides = peopleSides(run);
  const el = h(
    'div',
    { class: 'screen turn-screen review' },
    h(
      'div',
      { class: 'main-column' },
      reviewBar(ctx, run),
      h('p', { class: 'kicker' }, `${turnHeader(run.scenario, run.game.turn + 1)} · ${dateText(turnDate(run))}`),
      heading(beat?.file.title ?? run.game.beat),
      ...sides.map((side) => {
        const chosen = action?.kind === 'turn' ? action[side] : undefined;
        return h(
          'section',
          { class: 'card', 'aria-labelledby': `review-${side}` },
          h('h2', { id: `review-${side}` }, m.play_review_options({ side: sideName(side) })),
          beat !== undefined ? paragraphs(textFor(beat.file.text, side), { class: 'prose beat-text' }) : null,
          h(
            'ol',
            { class: 'options read-only' },
            ...optionsFor(run, side).map((o) =>
              h(
                'li',
                { class: `option-card${o.id === chosen ? ' chosen' : ''}` },
                h('p', { class: 'option-label' }, o.id === chosen ? m.play_chosen() : '', o.label),
                h('p', { class: 'option-text' }, o.text),
                h('p', { class: 'rung' }, rungWords(run.scenario, o.rung)),
              ),
            ),
          ),
        );
      }),
      h(
        'div',
        { class: 'actions sticky' },
        continueButton(m.play_show_what_happened(), () => ctx.store.getState().reviewStep(1)),
      ),
    ),
    statusPanel(run.scenario, run.game, run.lastRecord, viewerOf(run.side)),
  );
  return { el };
}

/** A touch screen's prompts name taps, not keys. */
function touchScreen(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

export function turnScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  if (run === null) return { el: h('div', { class: 'screen' }, heading(m.play_no_run())) };
  if (run.review !== null) return reviewTurn(ctx, run, run.review);
  if (isHandover(run)) return handoverScreen(ctx, run);
  const side = askingSide(run);
  const beat = run.scenario.beats.get(run.game.beat);
  const options = optionsFor(run, side);
  const teams = run.side === 'both';
  // Each glossary term is marked once on the screen, where it first appears.
  const seen = new Set<string>();
  const el = h(
    'div',
    { class: 'screen turn-screen', 'data-asking': side },
    h(
      'div',
      { class: 'main-column' },
      runMenu(ctx, run),
      h('p', { class: 'kicker' }, `${turnHeader(run.scenario, run.game.turn + 1)} · ${dateText(turnDate(run))}`),
      heading(beat?.file.title ?? run.game.beat),
      teams
        ? h(
            'div',
            { class: `team-banner team-${side}` },
            h('p', { class: 'team' }, m.play_team_decision({ side: sideName(side) })),
            run.pending !== null ? h('p', { class: 'sealed' }, h('strong', {}, m.play_sealed()), m.play_sealed_text()) : h('p', { class: 'help' }, m.play_china_look_away()),
          )
        : null,
      beat !== undefined ? glossedParagraphs(textFor(beat.file.text, side), seen, { class: 'prose beat-text' }) : null,
      h(
        'h2',
        { id: 'options-title', class: 'section-title' },
        m.play_options_for({ side: sideName(side) }),
        h('span', { class: 'help' }, touchScreen() ? m.play_tap_to_choose() : m.play_key_to_choose()),
      ),
      h('ol', { class: 'options', 'aria-labelledby': 'options-title' }, ...options.map((o) => optionCard(ctx, o, seen))),
    ),
    statusPanel(run.scenario, run.game, run.lastRecord, viewerOf(run.side)),
  );
  return { el };
}
