/**
 * The evaluation guide (HSEEP's exercise evaluation guide: per objective, what an evaluator watches
 * for, the scoring rule and the P/S/M/U rating with blank boxes) and the participant feedback form
 * (what worked, what to change, confidence before and after). Printable pages, filled in by hand.
 */
import type { Scenario, Side } from '../format';
import { el, type Markup, page, section, table, writeIn } from './pack-html';
import { code, kicker, readsOf, sideName } from './pack-words';

export const EVALUATION_FILE = 'evaluation-guide.html';
export const FEEDBACK_FILE = 'feedback-form.html';

/** HSEEP's four ratings of how a capability was performed, best first. */
export const RATINGS: readonly { readonly code: string; readonly name: string; readonly meaning: string }[] = [
  { code: 'P', name: 'Performed without challenges', meaning: 'The objective was pursued well: the team saw what mattered and acted on it, and nothing it did worked against the objective.' },
  { code: 'S', name: 'Performed with some challenges', meaning: 'The objective was pursued, but some choices or gaps made it harder; none of them changed the result much.' },
  {
    code: 'M',
    name: 'Performed with major challenges',
    meaning: 'The objective was pursued, but choices or gaps worked against it, cost much of it, or could have led to a worse ending.',
  },
  { code: 'U', name: 'Unable to be performed', meaning: 'The objective was not pursued, or the team could not act on it.' },
];

const box = (): Markup => el('span', { class: 'box', role: 'img', 'aria-label': 'box to tick' });

function ratingTable(label: string): Markup {
  return el(
    'table',
    { class: 'scale' },
    el('caption', {}, `Rating: ${label}`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Rating'), el('th', { scope: 'col' }, 'Tick one'))),
    el('tbody', {}, ...RATINGS.map((r) => el('tr', {}, el('td', {}, `${r.code}: ${r.name}`), el('td', {}, box())))),
  );
}

function objectiveCard(scenario: Scenario, index: number): Markup {
  const f = scenario.file;
  const o = f.objectives[index];
  if (o === undefined) return el('div', {});
  const watch = [
    ...readsOf(f, [o.score, o.met]),
    `Whether the team names this objective when it explains its choices, and weighs it against ${o.side === 'us' ? "the United States'" : "China's"} other objectives.`,
    'Which terms of the agreement the team relies on or strains for it, and whether it says why.',
  ];
  return el(
    'div',
    { class: 'card objective', id: `objective-${o.id}` },
    el('h3', {}, `${sideName(o.side)}: ${o.label}`),
    el('p', {}, o.description),
    el('p', {}, 'Scoring rule: the score is ', code(o.score), ' (kept within 0 to 100) on the final situation; the objective is met when ', code(o.met), ' holds.'),
    el('p', {}, el('strong', {}, 'Watch for:')),
    el('ul', {}, ...watch.map((w) => el('li', {}, w))),
    ratingTable(o.label),
    writeIn('Evidence observed (turn, move, what was said)', 3),
    writeIn('Score and ending the game reported', 1),
  );
}

/** The evaluation guide: both sides' objectives, each with what to watch for and a rating. */
export function evaluationGuide(scenario: Scenario): string {
  const f = scenario.file;
  const bySide = (side: Side): Markup[] => f.objectives.flatMap((o, i) => (o.side === side ? [objectiveCard(scenario, i)] : []));
  return page(
    'Evaluation guide',
    kicker(scenario),
    el('p', { class: 'restricted' }, "For evaluators: it holds both sides' objectives. Keep it away from the teams."),
    section(
      'how',
      'How to evaluate',
      el(
        'p',
        {},
        'Sit with one team. For each of its objectives, note what you see during play, then tick one rating. The game scores each objective on the final situation; your rating says how the team performed, which the score alone cannot.',
      ),
      table(
        ['Rating', 'Meaning'],
        RATINGS.map((r) => [el('strong', {}, `${r.code}: ${r.name}`), r.meaning]),
        'The rating scale (HSEEP)',
      ),
      writeIn('Evaluator, team observed, date', 1),
    ),
    section('us', 'Objectives of the United States', ...bySide('us')),
    el('div', { class: 'page-break' }),
    section('cn', 'Objectives of China', ...bySide('cn')),
    section('summary', 'Overall', writeIn('Strengths seen', 3), writeIn('Areas for improvement seen', 3)),
  );
}

function confidenceTable(): Markup {
  const row = (when: string): Markup => el('tr', {}, el('th', { scope: 'row' }, when), ...[1, 2, 3, 4, 5].map(() => el('td', {}, box())));
  return el(
    'table',
    { class: 'scale' },
    el('caption', {}, 'How confident are you that you could handle a cyber crisis like this one under the 2015 agreement? 1: not at all, 5: very'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), ...[1, 2, 3, 4, 5].map((n) => el('th', { scope: 'col' }, String(n))))),
    el('tbody', {}, row('Before the exercise'), row('After the exercise')),
  );
}

/** The participant feedback form. */
export function feedbackForm(scenario: Scenario): string {
  const f = scenario.file;
  const tick = (label: string): Markup => el('span', { class: 'choice' }, box(), ` ${label}   `);
  return page(
    'Participant feedback form',
    kicker(scenario),
    section('about', 'About you', el('p', {}, 'I played: ', tick('the United States'), tick('China'), tick('observer or evaluator')), writeIn('Date and class (optional; no name needed)', 1)),
    section('confidence', 'Confidence before and after', confidenceTable()),
    section(
      'feedback',
      `${f.title}: what you think`,
      writeIn('What worked? What helped you understand the crisis and decide?', 4),
      writeIn('What would you change: in the scenario, the rules, the timing or the way the class ran?', 4),
      el('p', {}, 'The term that mattered most in your decisions: ', ...scenario.terms.map((t) => tick(`${t.id} ${t.name}`))),
      writeIn('One thing you will do differently in a real crisis or the next exercise', 2),
      writeIn('Anything else', 2),
    ),
    el('p', { class: 'muted' }, 'Thank you. Hand this form to the facilitator.'),
  );
}
