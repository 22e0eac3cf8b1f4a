/**
 * The situation manual of one team (HSEEP's SitMan): the background its side may know, its own
 * objectives and how they are scored, the four terms verbatim, the rules of play and the discussion
 * questions. Nothing of the other side's secrets: never its briefing, its objectives, texts written
 * for it alone, nor any option (options are seen in play, each side its own).
 */
import type { Scenario, Side } from '../format';
import { otherSide } from '../format';
import { el, page, paras, section, table } from './pack-html';
import { code, indicatorsTable, kicker, lengthWords, rulesSection, sideName, termsSection, textFor } from './pack-words';

/** The file name of a side's manual. */
export const manualFileName = (side: Side): string => `situation-manual-${side}.html`;

/** The situation manual for `side`'s team as a printable page. */
export function situationManual(scenario: Scenario, side: Side): string {
  const f = scenario.file;
  const name = sideName(side);
  const the = (x: Side): string => (x === 'us' ? 'the United States' : 'China');
  const whose = (x: Side): string => (x === 'us' ? "the United States'" : "China's");
  const other = otherSide(side);
  const own = f.objectives.filter((o) => o.side === side);
  const playable = f.sides.includes(side) || f.teams;
  return page(
    `Situation manual: ${name}`,
    kicker(scenario),
    el('p', { class: 'restricted' }, `For the ${name} team only. Do not show it to ${whose(other)} team: it holds your side's briefing and objectives.`),
    playable ? null : el('p', { class: 'muted' }, `In this scenario people do not play ${the(side)} alone; the counterpart model or another team plays it.`),
    section(
      'overview',
      'The exercise',
      el('p', {}, el('strong', {}, f.title), ': ', f.summary),
      el('p', {}, `Played in turns ${lengthWords(f)}. Your facilitator runs the exercise, keeps time and may bring in events.`),
      f.invented === undefined ? null : el('p', { class: 'invented' }, el('strong', {}, 'Invented: '), f.invented),
    ),
    section(
      'background',
      'Background',
      f.prologue === undefined ? null : [el('h3', {}, 'What has happened so far'), ...paras(f.prologue)],
      el('h3', {}, `The situation for ${the(side)}`),
      ...paras(textFor(f.briefing, side)),
    ),
    section(
      'objectives',
      'Your objectives',
      el(
        'p',
        {},
        `Each is scored from 0 to 100 on the situation at the end, and counts as met when its condition holds. ${whose(other).replace(/^t/, 'T')} objectives are its own and are not shown here.`,
      ),
      table(
        ['Objective', 'What it means', 'Score (0 to 100)', 'Met when'],
        own.map((o) => [el('strong', {}, o.label), o.description, code(o.score), code(o.met)]),
        `Objectives of ${the(side)}`,
      ),
      el('h3', {}, 'The gauges'),
      indicatorsTable(f, side),
    ),
    section('terms', 'The agreement: the four terms', ...termsSection(scenario)),
    section('rules', 'The rules of play', ...rulesSection(scenario)),
    section(
      'questions',
      'Questions to keep in mind',
      el('p', {}, 'The class will discuss these after the exercise. Note your answers as you play.'),
      el('ol', {}, ...f.questions.map((q) => el('li', {}, q))),
    ),
  );
}
