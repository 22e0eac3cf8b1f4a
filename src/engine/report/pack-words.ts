/**
 * Words shared by the exercise pack's pages: a side's text, an expression as written, the rules of
 * play, the ladder, what an objective's expressions read, the kicker. Pure string building.
 */
import type { Expr, Scenario, ScenarioFile, Side, SideText, TermId } from '../format';
import { SIDE_NAMES, sideFallback } from '../format';
import { formatLongDate } from '../rules';
import { el, type Markup, type Piece, paras, table } from './pack-html';

/** A side text as that side reads it (its fallback variant when it has variants). */
export const textFor = (text: SideText, side: Side): string => sideFallback(text, side);

/** Whether a text is written for each side separately (`{ us: …, cn: … }`). */
export const perSide = (text: SideText): boolean => typeof text === 'object' && !Array.isArray(text);

/** An expression as the scenario file writes it. */
export const exprText = (e: Expr): string => String(e);

/** `expr` as inline code. */
export const code = (e: Expr): Markup => el('code', {}, exprText(e));

/** The first sentence of a text (at most `max` characters), for one-line summaries. */
export function firstSentence(text: string, max = 220): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(flat);
  const one = m?.[1] ?? flat;
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

export const kicker = (scenario: Scenario): string => `Red Phone exercise pack · ${scenario.file.title} (${scenario.id} ${scenario.version})`;

export const sideName = (side: Side): string => SIDE_NAMES[side];

/** "12 October 2015, each turn 7 days, at most 11 turns". */
export function lengthWords(file: ScenarioFile): string {
  const days = file.calendar.turnDays === 1 ? '1 day' : `${file.calendar.turnDays} days`;
  return `from ${formatLongDate(file.calendar.start)}; a turn covers ${days} unless a turn carries its own date; at most ${file.maxTurns} turn${file.maxTurns === 1 ? '' : 's'}`;
}

/** What an expression reads, in words: the indicators and flags it names, the ledger, the hotline, the ladder. */
export function readsOf(file: ScenarioFile, exprs: readonly Expr[]): string[] {
  const words = new Set<string>();
  for (const e of exprs) for (const m of exprText(e).matchAll(/[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*/g)) words.add(m[0]);
  const out: string[] = [];
  for (const ind of file.indicators) if (words.has(ind.id)) out.push(`${ind.label}: ${ind.description}`);
  for (const flag of file.flags) if (words.has(flag.id)) out.push(`Whether ${lowerFirst(flag.description.replace(/\.$/, ''))}.`);
  const any = (prefix: string): boolean => [...words].some((w) => w.startsWith(prefix));
  if (any('ledger.')) out.push('Requests for assistance (T1): sent, answered on time, late or never.');
  if (any('hotline.')) out.push('Hotline calls (T4): placed, answered, unanswered.');
  if (any('rung.')) out.push('How high on the escalation ladder the side has gone.');
  if (any('answer.')) out.push('The quality of the latest answer to a request.');
  if (any('chose.')) out.push('The moves chosen.');
  return out;
}

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s);

/** The ladder as a table, lowest rung first. */
export const ladderTable = (scenario: Scenario): Markup =>
  table(
    ['#', 'Rung', 'What it means'],
    scenario.ladder.map((r, i) => [String(i + 1), r.label, r.description]),
    'The escalation ladder, lowest rung first',
  );

/** The four terms, verbatim. */
export function termsSection(scenario: Scenario): Piece[] {
  return [
    el('p', {}, "Quoted verbatim from the White House fact sheet of 25 September 2015 on President Xi Jinping's state visit. Every option in play says which terms it uses and which it strains."),
    ...scenario.terms.map((t) => el('div', { class: 'card term', id: `term-${t.id}` }, el('h3', {}, `${t.id}: ${t.name}`), el('blockquote', {}, ...paras(t.text)))),
  ];
}

/** The rules of play, the same for both teams. */
export function rulesSection(scenario: Scenario): Piece[] {
  const f = scenario.file;
  const lead = SIDE_NAMES[f.lead];
  return [
    el(
      'ol',
      {},
      el('li', {}, 'A turn is one event. Each team reads the situation as its own side sees it and chooses one option, in secret. Then both moves resolve together.'),
      el(
        'li',
        {},
        `Chance is seeded: every option has possible outcomes with chances, drawn from dice the facilitator sets. The same seed and the same choices always play out the same way. The ${lead} move resolves first unless a turn says otherwise; the other side's outcome may depend on it.`,
      ),
      el('li', {}, 'Every option names the terms of the agreement it relies on and those it strains, each with a line saying why.'),
      el(
        'li',
        {},
        'The escalation ladder: every option stands on a rung, and after a turn each side stands on the rung of the option it chose. Cooperation and restraint are off the ladder: the side stays where it stood.',
      ),
      el(
        'li',
        {},
        'The hotline (T4): a call can be placed, answered or left unanswered, and every call is counted. The ledger (T1): a request for assistance is due within a number of turns; it is answered on time, late, or never, and the answer may be full, partial or a token.',
      ),
      el('li', {}, 'Events (injects) can happen by themselves when the situation calls for them, or be brought in by the facilitator between turns.'),
      el(
        'li',
        {},
        `The exercise ends on one of the scenario's endings, or after ${f.maxTurns} turns. Each ending is judged separately for each side (a success, a mixed result or a failure), and each side's objectives are scored from 0 to 100 on the final situation.`,
      ),
    ),
    el('h3', {}, 'The ladder'),
    ladderTable(scenario),
  ];
}

/** The gauges both teams see, with the direction that is better for `side`. */
export function indicatorsTable(file: ScenarioFile, side: Side): Markup {
  return table(
    ['Gauge', 'What it measures', 'Better for you', 'Starts at'],
    file.indicators.map((i) => [i.label, i.description, (typeof i.better === 'string' ? i.better : i.better[side]) === 'higher' ? 'higher' : 'lower', `${i.start} (range ${i.min} to ${i.max})`]),
    'The gauges of the situation room',
  );
}

/** Per term, a question a facilitator can ask when a turn's options rely on or strain it. */
export const TERM_QUESTIONS: Readonly<Record<TermId, string>> = {
  T1: 'What would a timely, useful answer to a request for assistance look like here, and what will you do if none comes?',
  T2: 'Is this theft for commercial advantage, which the agreement covers, or something it does not reach?',
  T3: 'Which norm of state behaviour is at stake, and who else is watching how you handle it?',
  T4: 'Who should pick up the hotline or go to the dialogue, and what would you say first?',
};
