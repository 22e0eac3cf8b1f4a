/**
 * One group's turn in a class comparison: its decisions (what its players did) and its results
 * (what followed), each also as a key, so that groups can be matched by decisions and checked to
 * agree on results.
 */
import type { GameState, Scenario, Side, TurnRecord } from '../engine';
import { moveLabelOf, outcomeTextOf, SIDE_NAMES } from '../engine';

export interface MoveCell {
  readonly side: Side;
  readonly by: 'people' | 'model';
  readonly option: string;
  readonly label: string;
  readonly rung: string;
  readonly outcome: string;
  readonly outcomeText: string;
  /** The outcome in a few words: the first sentence of its text for this side (never its id). */
  readonly outcomeShort: string;
  /** Basis points, and the draw 0–9999. */
  readonly chanceBp: number;
  readonly draw: number;
  readonly forced: boolean;
}

export interface GroupTurn {
  readonly group: string;
  readonly turn: number;
  readonly date: string;
  readonly beat: string;
  readonly beatTitle: string;
  readonly moves: readonly MoveCell[];
  /** Injects a facilitator fired before this turn, then injects the scenario fired during it. */
  readonly facilitatorInjects: readonly string[];
  readonly scriptedInjects: readonly string[];
  /** Indicator values after the turn (before any inject a facilitator fired after it). */
  readonly indicators: Readonly<Record<string, number>>;
  /** Where play went: a beat or an ending. */
  readonly next: string;
  /** Where play went, in words: the next beat's title, or "ending: " and the ending's title. */
  readonly nextWords: string;
  /** The facilitator's injects by title. */
  readonly facilitatorInjectTitles: readonly string[];
  /** The decisions as a key: facilitator injects, each people side's option, forced outcomes. */
  readonly decisionKey: string;
  /** The results as a key: the model's picks, outcomes, draws, scripted injects and the state's indicators. */
  readonly resultKey: string;
}

/** The first sentence of a text, at most about 120 characters (cut at a word, with an ellipsis). */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  const sentence = end < 0 ? flat : flat.slice(0, end + 1);
  if (sentence.length <= 120) return sentence;
  const cut = sentence.slice(0, 118);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

function wordsForNext(scenario: Scenario, next: string): string {
  const beat = scenario.beats.get(next);
  if (beat !== undefined) return beat.file.title;
  const ending = scenario.file.endings.find((e) => e.id === next);
  return ending === undefined ? next : `ending: ${ending.title}`;
}

/** The cell of one group's turn, from the turn's log record and the state after it. */
export function groupTurnOf(scenario: Scenario, group: string, record: TurnRecord, facilitatorInjects: readonly string[], after: GameState): GroupTurn {
  const beat = scenario.beats.get(record.beat);
  const moves: MoveCell[] = record.moves.map((m) => {
    const option = beat?.options[m.side].find((o) => o.id === m.option);
    const outcome = option?.outcomes.find((o) => o.id === m.outcome);
    return {
      side: m.side,
      by: m.by,
      option: m.option,
      label: moveLabelOf(scenario, record.beat, m),
      rung: m.offLadder ? 'off the ladder' : (scenario.ladder[m.rung]?.label ?? String(m.rung)),
      outcome: m.outcome,
      outcomeText: outcome === undefined ? '' : outcomeTextOf(scenario, record.beat, m),
      outcomeShort: outcome === undefined ? m.outcome : firstSentence(outcomeTextOf(scenario, record.beat, m)),
      chanceBp: m.chanceBp,
      draw: m.draw,
      forced: m.forced,
    };
  });
  const decisions = [
    `injects:${facilitatorInjects.join(',')}`,
    ...moves.map((m) => (m.by === 'people' ? `${m.side}=${m.option}${m.forced ? `!${m.outcome}` : ''}` : `${m.side}=model${m.forced ? `!${m.outcome}` : ''}`)),
  ];
  const results = [
    ...moves.map((m) => `${m.side}:${m.option}>${m.outcome}@${m.draw}`),
    `script:${record.injects.map((i) => i.inject).join(',')}`,
    `next:${record.next}`,
    JSON.stringify(after.indicators),
  ];
  return {
    group,
    turn: record.turn,
    date: record.date,
    beat: record.beat,
    beatTitle: beat?.file.title ?? record.beat,
    moves,
    facilitatorInjects: facilitatorInjects.slice(),
    scriptedInjects: record.injects.map((i) => i.inject),
    indicators: after.indicators,
    next: record.next,
    nextWords: wordsForNext(scenario, record.next),
    facilitatorInjectTitles: facilitatorInjects.map((id) => scenario.injects.find((i) => i.id === id)?.title ?? id),
    decisionKey: decisions.join('|'),
    resultKey: results.join('|'),
  };
}

/** The decisions in words: `Facilitator: summit. United States: Ask for assistance (forced: helped). China: the model.` */
export function describeDecisions(cell: GroupTurn): string {
  const parts: string[] = [];
  if (cell.facilitatorInjectTitles.length > 0) parts.push(`Facilitator fired ${cell.facilitatorInjectTitles.map((t) => `“${t}”`).join(', ')}.`);
  for (const m of cell.moves) {
    const forced = m.forced ? ` (outcome forced: ${m.outcomeShort})` : '';
    parts.push(m.by === 'people' ? `${SIDE_NAMES[m.side]}: ${m.label}${forced}.` : `${SIDE_NAMES[m.side]}: the model${forced}.`);
  }
  return parts.join(' ');
}

/** The results in words: each side's option and outcome, then where play went. */
export function describeResults(cell: GroupTurn): string {
  const parts = cell.moves.map((m) => `${SIDE_NAMES[m.side]}${m.by === 'model' ? ' (model)' : ''}: ${m.label}: ${m.outcomeShort}`);
  parts.push(`Next: ${cell.nextWords}.`);
  return parts.join(' ');
}
