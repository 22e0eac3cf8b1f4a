/** Pieces several screens share: term tags, the replay bar, the terms and objectives lists. */
import type { Scenario, Side, TermId } from '../engine';
import { m, termName } from '../i18n/lang';
import { reviewSteps, stepIndex } from '../store/review';
import type { Run } from '../store/run';
import { actionButton, h, hidden } from './dom';
import { sideName } from './format';
import type { Ctx } from './view';

/** A button per term an option uses or strains; each opens the term's verbatim text. */
export function termTags(ctx: Ctx, scenario: Scenario, uses: readonly TermId[], strains: readonly TermId[], why: Readonly<Partial<Record<TermId, string>>> = {}): HTMLElement | null {
  const tag = (id: TermId, how: 'uses' | 'strains'): HTMLElement => {
    const term = scenario.terms.find((t) => t.id === id);
    const name = term === undefined ? id : termName(term);
    const button = h(
      'button',
      { type: 'button', class: `term-tag ${how}`, 'data-term': id, 'aria-label': how === 'uses' ? m.play_term_uses_label({ id, name }) : m.play_term_strains_label({ id, name }) },
      h('span', { class: 'symbol', 'aria-hidden': 'true' }, how === 'uses' ? '✓' : '⚠'),
      how === 'uses' ? m.play_term_uses({ id, name }) : m.play_term_strains({ id, name }),
    );
    button.addEventListener('click', () => ctx.openTerm(scenario, id, button));
    const reason = why[id];
    return reason === undefined ? button : h('span', { class: `term-line ${how}` }, button, h('span', { class: 'term-why' }, ` ${reason}`));
  };
  if (uses.length === 0 && strains.length === 0) return null;
  return h('div', { class: 'term-tags' }, ...uses.map((t) => tag(t, 'uses')), ...strains.map((t) => tag(t, 'strains')));
}

/** The four terms with their full verbatim text. */
export function termsList(scenario: Scenario): HTMLElement {
  return h('dl', { class: 'terms' }, ...scenario.terms.flatMap((t) => [h('dt', {}, h('span', { class: 'term-id' }, t.id), ` ${termName(t)}`), h('dd', {}, h('blockquote', { lang: 'en' }, t.text))]));
}

/** The objectives of the given sides, as the briefing lists them. */
export function objectivesList(scenario: Scenario, sides: readonly Side[]): HTMLElement {
  return h(
    'div',
    { class: 'objectives' },
    ...sides.map((side) =>
      h(
        'section',
        { 'aria-label': m.play_objectives_of({ side: sideName(side) }) },
        sides.length > 1 ? h('h3', {}, sideName(side)) : null,
        h('ul', {}, ...scenario.file.objectives.filter((o) => o.side === side).map((o) => h('li', {}, h('strong', {}, o.label), ': ', o.description))),
      ),
    ),
  );
}

/** The sides people play in a run. */
export function peopleSides(run: Run): Side[] {
  return run.side === 'both' ? ['us', 'cn'] : [run.side];
}

/** Controls for watching a replay: previous and next turn, play on from here, leave. */
export function reviewBar(ctx: Ctx, run: Run): HTMLElement | null {
  const review = run.review;
  if (review === null) return null;
  const steps = reviewSteps(review);
  const index = stepIndex(run);
  const store = ctx.store;
  const where =
    run.place === 'briefing'
      ? m.play_where_briefing()
      : run.place === 'debrief'
        ? m.play_where_debrief()
        : run.place === 'turn'
          ? m.play_where_choice({ turn: run.game.turn + 1 })
          : m.play_where_outcome({ turn: run.game.turn });
  return h(
    'nav',
    { class: 'review-bar', 'aria-label': m.play_replay_controls() },
    h('p', {}, h('strong', {}, m.play_watching_replay()), m.play_replay_where({ name: review.name, where, step: index + 1, of: steps.length })),
    h(
      'div',
      { class: 'actions' },
      actionButton('review-previous', m.play_previous_turn(), () => store.getState().reviewTurn(-1), { disabled: index <= 0 }),
      actionButton('review-next', m.play_next_turn(), () => store.getState().reviewTurn(1), { disabled: index >= steps.length - 1 }),
      actionButton('fork', h('span', {}, m.play_play_on(), hidden(m.play_play_on_from({ where }))), () => store.getState().fork()),
      actionButton('to-title', m.play_leave_replay(), () => store.getState().toTitle()),
    ),
  );
}

/** The button that goes on from a screen with no choice; its key (Enter or Space) is shown beside it. */
export function continueButton(label: string, onClick: () => void, disabled = false): HTMLButtonElement {
  return actionButton('continue', h('span', {}, label, h('kbd', { 'aria-hidden': 'true' }, 'Enter')), onClick, { class: 'primary', disabled });
}

/** What a one-line code-entry card shows: ids are prefixes for the input, its title and its help. */
export interface CodeEntry {
  readonly id: string;
  readonly title: string;
  readonly help: readonly (Node | string)[];
  readonly label: string;
  readonly placeholder: string;
  readonly action: string;
  readonly button: string;
  readonly inputAttrs?: Readonly<Record<string, string>>;
  readonly open: (text: string) => void;
}

/** A card with a labelled text input that opens what is typed on Enter or with its button. */
export function codeEntryCard(entry: CodeEntry): HTMLElement {
  const input = h('input', {
    id: `${entry.id}-input`,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: entry.placeholder,
    'aria-describedby': `${entry.id}-help`,
    ...entry.inputAttrs,
  });
  const open = (): void => entry.open(input.value);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      open();
    }
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': `${entry.id}-title` },
    h('h2', { id: `${entry.id}-title` }, entry.title),
    h('p', { id: `${entry.id}-help`, class: 'help' }, ...entry.help),
    h('div', { class: 'row' }, h('label', { for: `${entry.id}-input` }, entry.label), input, actionButton(entry.action, entry.button, open)),
  );
}
