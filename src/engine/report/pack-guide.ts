/**
 * The facilitator guide (HSEEP's facilitator/controller handbook, in Red Phone's words): timings for a
 * 50-minute and a 90-minute class, every beat with what each side faces and what to ask, every inject
 * with when to fire it, the endings with each side's verdict, the debrief questions and what actually
 * happened with its sources. It holds both sides' secrets: for the facilitator only.
 */
import type { Scenario, ScenarioFile, SideText, TermId } from '../format';
import { fallbackText, SIDE_NAMES } from '../format';
import { formatLongDate } from '../rules';
import { el, type Markup, type Piece, page, paras, section, table } from './pack-html';
import { code, firstSentence, kicker, lengthWords, perSide, TERM_QUESTIONS, textFor } from './pack-words';

export const GUIDE_FILE = 'facilitator-guide.html';

export interface GuideOptions {
  /** The turn by which most runs end (from the simulator); the plan uses it, else the most turns. */
  readonly usualTurns?: number | null;
}

/** One class plan: minutes for each part. */
export interface ClassPlan {
  readonly minutes: number;
  readonly briefing: number;
  readonly turns: number;
  readonly perTurn: number;
  /** The turn timer to set in the console: a turn's minutes less one to read the outcome. */
  readonly timer: number;
  readonly buffer: number;
  readonly hotWash: number;
  readonly debrief: number;
}

const SHAPES = [
  { minutes: 50, briefing: 8, hotWash: 10, debrief: 7 },
  { minutes: 90, briefing: 12, hotWash: 18, debrief: 15 },
] as const;

/** The 50- and 90-minute plans for a scenario whose runs usually last `turns` turns. */
export function classPlans(file: ScenarioFile, usualTurns: number | null): ClassPlan[] {
  const turns = Math.max(1, Math.min(file.maxTurns, usualTurns ?? file.maxTurns));
  return SHAPES.map((s) => {
    const play = s.minutes - s.briefing - s.hotWash - s.debrief;
    const perTurn = Math.max(1, Math.floor(play / turns));
    return { ...s, turns, perTurn, timer: Math.max(1, perTurn - 1), buffer: Math.max(0, play - turns * perTurn) };
  });
}

const mins = (n: number): string => (n === 1 ? '1 minute' : `${n} minutes`);

function timingTable(plan: ClassPlan): Markup {
  let at = 0;
  const row = (what: string, m: number, notes: string): Piece[] => {
    const from = at;
    at += m;
    return [`${from}–${at}`, what, mins(m), notes];
  };
  const rows = [
    row('Briefing', plan.briefing, 'Hand out the situation manuals (each team its own); teams read the background, their objectives and the four terms.'),
    row(
      `Play: ${plan.turns} turn${plan.turns === 1 ? '' : 's'}`,
      plan.turns * plan.perTurn,
      `${mins(plan.perTurn)} a turn: set the turn timer to ${mins(plan.timer)} and leave a minute to read the outcome aloud.`,
    ),
  ];
  if (plan.buffer > 0) rows.push(row('Buffer', plan.buffer, 'For an inject, a discussion that runs over, or a run that goes longer.'));
  rows.push(row('Hot wash', plan.hotWash, 'The questions below; type what the group says into the hot wash, then the improvement plan.'));
  rows.push(row('Debrief', plan.debrief, 'What actually happened, the evaluators’ ratings, the feedback forms.'));
  return table(['Minutes', 'Part', 'Length', 'What to do'], rows, `A ${plan.minutes}-minute class`);
}

/** A line of what a side faces, or both. */
function faces(text: SideText): Piece[] {
  if (!perSide(text)) return [el('p', {}, el('strong', {}, 'Both sides: '), firstSentence(textFor(text, 'us')))];
  return (['us', 'cn'] as const).map((s) => el('p', {}, el('strong', {}, `${SIDE_NAMES[s]}: `), firstSentence(textFor(text, s))));
}

function beatPart(scenario: Scenario, beatIndex: number): Markup {
  const f = scenario.file;
  const beat = f.beats[beatIndex];
  if (beat === undefined) return el('div', {});
  const terms = new Set<TermId>();
  for (const side of ['us', 'cn'] as const) for (const o of beat.options[side]) for (const t of [...o.terms.uses, ...o.terms.strains]) terms.add(t);
  const asks = ['What do you expect the other side to do this turn, and why?', ...(['T1', 'T2', 'T3', 'T4'] as const).filter((t) => terms.has(t)).map((t) => `${t}: ${TERM_QUESTIONS[t]}`)];
  const moves = (side: 'us' | 'cn'): string =>
    beat.options[side].map((o) => `${fallbackText(o.label)} (${o.rung === 'off_ladder' ? 'off the ladder' : (scenario.ladder.find((r) => r.id === o.rung)?.label ?? o.rung)})`).join('; ');
  return el(
    'div',
    { class: 'card beat', id: `beat-${beat.id}` },
    el('h3', {}, `${beatIndex + 1}. ${beat.title}${beat.date === undefined ? '' : ` (${formatLongDate(beat.date)})`}${beat.id === f.start ? ': the first turn' : ''}`),
    ...faces(beat.text),
    el('p', { class: 'muted' }, `Moves of the United States: ${moves('us')}. Moves of China: ${moves('cn')}.`),
    el('p', {}, el('strong', {}, 'Ask: ')),
    el('ul', {}, ...asks.map((q) => el('li', {}, q))),
  );
}

function effectWords(file: ScenarioFile, inj: ScenarioFile['injects'][number]): string {
  const parts: string[] = [];
  for (const [id, d] of Object.entries(inj.effects ?? {})) parts.push(`${file.indicators.find((i) => i.id === id)?.label ?? id} ${d > 0 ? '+' : ''}${d}`);
  if (inj.set !== undefined && inj.set.length > 0) parts.push(`sets ${inj.set.join(', ')}`);
  if (inj.clear !== undefined && inj.clear.length > 0) parts.push(`clears ${inj.clear.join(', ')}`);
  if (inj.hotline !== undefined) parts.push(`hotline ${inj.hotline}`);
  return parts.length === 0 ? 'no change to the gauges' : parts.join('; ');
}

const FIRE_BY_HAND = 'Facilitator only: fire it between turns from the facilitator bar (Inject, then Fire inject), for instance after a quiet turn or to test a plan the teams have made.';

function injectsPart(file: ScenarioFile): Piece {
  if (file.injects.length === 0) return el('p', {}, 'This scenario has no injects.');
  return table(
    ['Inject', 'What happens', 'When to fire it', 'Effect'],
    file.injects.map((i) => [
      el('strong', {}, i.title),
      i.text,
      i.when === undefined ? FIRE_BY_HAND : ['Fires by itself, once, after the first turn in which ', code(i.when), ' holds.'],
      effectWords(file, i),
    ]),
  );
}

function endingsPart(file: ScenarioFile): Piece {
  return table(
    ['Ending', 'Reached', 'United States', 'China', 'What actually happened'],
    file.endings.map((e) => [
      el('strong', {}, e.title),
      e.when !== undefined ? ['as soon as ', code(e.when), ' holds'] : e.id === file.timeout ? `after ${file.maxTurns} turns (the timeout)` : 'when a move leads to it',
      e.tone.us,
      e.tone.cn,
      typeof e.history === 'string' ? e.history : e.history.text,
    ]),
  );
}

function historyPart(scenario: Scenario): Piece[] {
  const f = scenario.file;
  return [
    ...paras(f.history.text),
    scenario.facts.length === 0 ? null : [el('h3', {}, 'Dated facts'), el('ul', {}, ...scenario.facts.map((x) => el('li', {}, `${formatLongDate(x.date)}: ${x.text} [${x.sources.join(', ')}]`)))],
    el('h3', {}, 'Sources'),
    el('ul', {}, ...[...scenario.sources.values()].map((s) => el('li', {}, `${s.key}: ${s.title}${s.url === undefined ? '' : ` ${s.url}`}`))),
  ];
}

/** The facilitator guide as a printable page. */
export function facilitatorGuide(scenario: Scenario, options: GuideOptions = {}): string {
  const f = scenario.file;
  const plans = classPlans(f, options.usualTurns ?? null);
  const usual = options.usualTurns ?? null;
  const sides = f.sides.map((s) => (s === 'us' ? 'the United States' : SIDE_NAMES[s])).join(' or ');
  return page(
    'Facilitator guide',
    kicker(scenario),
    el('p', { class: 'restricted' }, "For the facilitator and evaluators only: it holds both sides' briefings, every move and every ending."),
    section(
      'overview',
      'The exercise',
      el('p', {}, el('strong', {}, f.title), ': ', f.summary),
      el(
        'p',
        {},
        `Played in turns ${lengthWords(f)}${usual !== null && usual < f.maxTurns ? `; most runs end by turn ${usual}` : ''}. A team can play ${sides} against the counterpart model${f.teams ? ', or two teams play both sides' : ''}.`,
      ),
      f.invented === undefined ? null : el('p', { class: 'invented' }, el('strong', {}, 'Invented: '), f.invented),
    ),
    section(
      'timing',
      'Timings',
      el(
        'p',
        {},
        `Plan for ${plans[0]?.turns ?? f.maxTurns} turn${plans[0]?.turns === 1 ? '' : 's'}${plans[0] !== undefined && plans[0].turns < f.maxTurns ? `; a run can last up to ${f.maxTurns}: if it goes long, use the buffer or shorten the hot wash` : ''}.`,
      ),
      ...plans.map(timingTable),
      el('h3', {}, 'Before class'),
      el(
        'ul',
        {},
        el('li', {}, 'Print each team its own situation manual, the evaluation guide for each evaluator and a feedback form for everyone.'),
        el('li', {}, 'In the game choose "Run a class exercise": pick this scenario, a seed (keep it secret so no one can look the odds up), who plays each side, and the turn timer above.'),
      ),
    ),
    section(
      'briefings',
      'Background and the two briefings',
      f.prologue === undefined ? null : [el('h3', {}, 'Prologue (both teams)'), ...paras(f.prologue)],
      el('h3', {}, 'The United States'),
      ...paras(textFor(f.briefing, 'us')),
      el('h3', {}, 'China'),
      ...paras(textFor(f.briefing, 'cn')),
    ),
    section(
      'beats',
      'The beats, turn by turn',
      el('p', {}, 'Each beat is a situation the teams can face, in the order of the scenario file; a run meets some of them, not always all.'),
      ...f.beats.map((_b, i) => beatPart(scenario, i)),
    ),
    section('injects', 'Injects and when to fire them', injectsPart(f)),
    section('endings', 'The endings and each side’s verdict', endingsPart(f)),
    section(
      'debrief',
      'Hot wash and debrief questions',
      el('p', {}, 'Type what the group says into the hot wash screen. Then, for each area for improvement the report lists, agree a corrective action, an owner and a due date: the improvement plan.'),
      el('ol', {}, ...f.questions.map((q) => el('li', {}, q))),
    ),
    section('history', 'What actually happened', ...historyPart(scenario)),
  );
}
