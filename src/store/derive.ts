/**
 * What the screens show, read from the scenario and the game's log: the outcome of a turn, the news
 * feed, the timeline, indicator series and term counts for the debrief. Pure functions; the view
 * formats them and computes nothing else.
 */

import type { GameState, IndicatorChange, LedgerEvent, LogRecord, ObjectiveResult, OptionFile, OptionView, OutcomeFile, Scenario, Side, SideText, TermId } from '../engine';
import { betterFor, currentDate, exerciseCode, fallbackText, legalOptions, moveLabelOf, outcomeTextOf, scoreObjectives, sideFallback } from '../engine';
import { m as msg, rungText } from '../i18n/lang';
import { type ChangeCause, causesOf, drawWords, type OutcomeOdds, oddsOf } from './causes';
import type { PlaySide, Run } from './run';

/** Engine helpers the page-text layer needs, which takes only types from the engine itself. */
export { betterFor, endingTextOf, toneWords } from '../engine';

/** Whose eyes a screen sees through: the side played, or the United States first on a shared two-team screen. */
export function viewerOf(side: PlaySide): Side {
  return side === 'both' ? 'us' : side;
}

/** A text written once for both sides, or for each side, as its fallback (no moment in play). */
export function textFor(text: SideText, side: Side): string {
  return sideFallback(text, side);
}

export function optionOf(scenario: Scenario, beatId: string, side: Side, optionId: string): OptionFile | undefined {
  return scenario.beats.get(beatId)?.options[side].find((o) => o.id === optionId)?.file;
}

export function outcomeOf(scenario: Scenario, beatId: string, side: Side, optionId: string, outcomeId: string): OutcomeFile | undefined {
  return optionOf(scenario, beatId, side, optionId)?.outcomes.find((o) => o.id === outcomeId);
}

/** The words for an option's rung, and for a move off the ladder (rung -1: cooperation or restraint). */
export function offLadderWords(): string {
  return msg.play_off_ladder_words();
}

export function rungLabel(scenario: Scenario, rung: number): string {
  if (rung < 0) return offLadderWords();
  const step = scenario.ladder[rung];
  return step === undefined ? msg.play_rung_n({ n: rung + 1 }) : rungText(step, scenario.lang);
}

/** "Rung: Indictment", or the words for a move off the ladder (never "Rung: rung 0"). */
export function rungWords(scenario: Scenario, rung: number): string {
  return rung < 0 ? offLadderWords() : msg.play_rung({ label: rungLabel(scenario, rung) });
}

export function indicatorLabel(scenario: Scenario, id: string): string {
  return scenario.file.indicators.find((i) => i.id === id)?.label ?? id;
}

/** One side's move in a turn, with the texts a person reads. */
export interface MoveView {
  readonly side: Side;
  readonly by: 'people' | 'model';
  readonly optionId: string;
  readonly label: string;
  readonly optionText: string;
  readonly rung: string;
  readonly uses: readonly TermId[];
  readonly strains: readonly TermId[];
  /** One line per term used or strained: why this move uses or strains it. */
  readonly why: Readonly<Partial<Record<TermId, string>>>;
  readonly outcomeText: string;
  /** Every outcome the move could have had, with its chance; and the draw in words. */
  readonly odds: readonly OutcomeOdds[];
  readonly drawWords: string;
  readonly offLadder: boolean;
  readonly news: string | null;
  readonly chanceBp: number;
  readonly draw: number;
  readonly pick: { readonly chanceBp: number; readonly draw: number } | null;
  readonly forced: boolean;
}

export interface InjectView {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly by: 'script' | 'facilitator';
}

/** A record of the log as the outcome screen and the timeline show it. */
export interface RecordView {
  readonly turn: number;
  readonly date: string | null;
  readonly beatTitle: string | null;
  readonly moves: readonly MoveView[];
  readonly injects: readonly InjectView[];
  readonly changes: readonly IndicatorChange[];
  /** The same changes, each split by the moves and events that caused it. */
  readonly causes: readonly ChangeCause[];
  readonly ledger: readonly LedgerEvent[];
  readonly hotline: string | null;
  readonly ending: string | null;
}

function injectView(scenario: Scenario, id: string, by: InjectView['by']): InjectView {
  const file = scenario.file.injects.find((i) => i.id === id);
  return { id, title: file?.title ?? id, text: file?.text ?? '', by };
}

export function recordView(scenario: Scenario, record: LogRecord): RecordView {
  if (record.kind === 'inject') {
    return {
      turn: record.turn,
      date: null,
      beatTitle: null,
      moves: [],
      injects: [injectView(scenario, record.inject, 'facilitator')],
      changes: record.changes,
      causes: causesOf(scenario, record),
      ledger: [],
      hotline: null,
      ending: record.ending,
    };
  }
  const moves = record.moves.map((m): MoveView => {
    const odds = oddsOf(scenario, record.beat, m);
    const option = optionOf(scenario, record.beat, m.side, m.option);
    const outcome = option?.outcomes.find((o) => o.id === m.outcome);
    return {
      side: m.side,
      by: m.by,
      optionId: m.option,
      label: moveLabelOf(scenario, record.beat, m),
      optionText: option === undefined ? '' : fallbackText(option.text),
      rung: m.offLadder ? msg.play_off_ladder_short() : rungLabel(scenario, m.rung),
      uses: option?.terms.uses ?? [],
      strains: option?.terms.strains ?? [],
      why: option?.terms.why ?? {},
      odds,
      drawWords: drawWords(odds, m),
      offLadder: m.offLadder,
      outcomeText: outcome === undefined ? m.outcome : outcomeTextOf(scenario, record.beat, m),
      news: outcome?.news ?? null,
      chanceBp: m.chanceBp,
      draw: m.draw,
      pick: m.pick,
      forced: m.forced,
    };
  });
  return {
    turn: record.turn,
    date: record.date,
    beatTitle: scenario.beats.get(record.beat)?.file.title ?? record.beat,
    moves,
    injects: record.injects.map((i) => injectView(scenario, i.inject, i.by)),
    changes: record.changes,
    causes: causesOf(scenario, record),
    ledger: record.ledger,
    hotline: record.hotline,
    ending: record.ending,
  };
}

export interface FeedItem {
  readonly turn: number;
  readonly title: string | null;
  readonly text: string;
}

/** The intel and news feed: outcome news lines and injects, newest first. */
export function feedOf(scenario: Scenario, game: GameState): FeedItem[] {
  const items: FeedItem[] = [];
  for (const record of game.log) {
    const view = recordView(scenario, record);
    for (const m of view.moves) if (m.news !== null) items.push({ turn: view.turn, title: null, text: m.news });
    for (const i of view.injects) items.push({ turn: view.turn, title: i.title, text: i.text });
  }
  return items.reverse();
}

export interface Series {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly better: Readonly<Record<Side, 'higher' | 'lower'>>;
  /** The value at the start and after each record of the log. */
  readonly values: readonly number[];
}

/** Each indicator's value over the game: at the start and after every record. */
export function seriesOf(scenario: Scenario, game: GameState): Series[] {
  return scenario.file.indicators.map((ind) => {
    const values = [ind.start];
    let v = ind.start;
    for (const record of game.log) {
      const change = record.changes.find((c) => c.id === ind.id);
      if (change !== undefined) v = change.to;
      values.push(v);
    }
    return { id: ind.id, label: ind.label, min: ind.min, max: ind.max, better: { us: betterFor(ind.better, 'us'), cn: betterFor(ind.better, 'cn') }, values };
  });
}

export const TERM_IDS: readonly TermId[] = ['T1', 'T2', 'T3', 'T4'];

export type TermCounts = Record<Side, Record<TermId, { used: number; strained: number }>>;

/** How often each side's chosen options used and strained each term. */
export function termCountsOf(scenario: Scenario, game: GameState): TermCounts {
  const empty = (): Record<TermId, { used: number; strained: number }> => ({
    T1: { used: 0, strained: 0 },
    T2: { used: 0, strained: 0 },
    T3: { used: 0, strained: 0 },
    T4: { used: 0, strained: 0 },
  });
  const counts: TermCounts = { us: empty(), cn: empty() };
  for (const record of game.log) {
    if (record.kind !== 'turn') continue;
    for (const m of record.moves) {
      const option = optionOf(scenario, record.beat, m.side, m.option);
      if (option === undefined) continue;
      for (const t of option.terms.uses) counts[m.side][t].used++;
      for (const t of option.terms.strains) counts[m.side][t].strained++;
    }
  }
  return counts;
}

/** The options a side is offered now, numbered from 1 as the number keys pick them. */
export function optionsFor(run: Run, side: Side): OptionView[] {
  return legalOptions(run.scenario, run.game, side).map((o, i) => ({ ...o, index: i + 1 }));
}

/** The in-game date of the run's current turn, `YYYY-MM-DD`. */
export function turnDate(run: Run): string {
  return currentDate(run.scenario, run.game);
}

/** Each objective of the run, met or not, with its score. */
export function objectiveResults(run: Run): ObjectiveResult[] {
  return scoreObjectives(run.scenario, run.game);
}

/** The exercise code of a scenario and seed (`IPT-K7Q3`), or null for a seed not in code form. */
export function codeFor(scenarioId: string, seed: string, hidden = false): string | null {
  return exerciseCode(scenarioId, seed, hidden);
}

export { formatLongDate as longDate, SIDE_NAMES, SIDES } from '../engine';
