/**
 * The after-action report of a run, as plain data laid out the way exercise planners expect it
 * (after the HSEEP after-action report): an overview, the objectives and how each was met, a timeline
 * of decisions, strengths and areas for improvement, what actually happened, and questions for
 * discussion. Pure and deterministic: the same scenario, state and options give the same report.
 * Formatters are in after-action-format.ts (Markdown, JSON) and after-action-csv.ts (the timeline).
 */

import type { Scenario, Side, TermId } from '../format';
import { betterFor, SIDE_NAMES, SIDES } from '../format';
import { exerciseCode } from '../replay';
import type { Controller, GameState, LedgerEntry } from '../rules';
import { addDays, endingTextOf, moveLabelOf, outcomeTextOf, scoreObjectives } from '../rules';
import { derivedFindings } from './after-action-findings';

export const AFTER_ACTION_FORMAT = 'red-phone/after-action@1';

import type { Tone } from '../format';

export type { Tone };

export interface AfterActionOptions {
  /** Show each outcome's chance and draw (default true; a graded exercise may keep the odds hidden). */
  readonly revealOdds?: boolean;
  /** Names of the teams or people who played each side, shown instead of "people". */
  readonly players?: Partial<Readonly<Record<Side, string>>>;
  /** The real date the exercise was held, as the caller writes it (the engine reads no clock). */
  readonly heldOn?: string;
}

export interface SideOverview {
  readonly side: Side;
  readonly name: string;
  readonly playedBy: Controller;
  /** The players' name from the options, else "people" or "the counterpart model". */
  readonly players: string;
  /** The ending's verdict for this side, as the scenario judges it for each side. */
  readonly tone: Tone | null;
}

export interface Overview {
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly scenarioVersion: string;
  readonly scenarioHash: string;
  readonly seed: string;
  /** `IPT-K7Q3` when the seed is in code form, else null. */
  readonly exerciseCode: string | null;
  /** The side the report is written for. */
  readonly side: Side;
  readonly sides: readonly SideOverview[];
  readonly heldOn: string | null;
  /** In-game dates, `YYYY-MM-DD`: the first turn's and the last turn played's. */
  readonly startDate: string;
  readonly endDate: string;
  readonly turns: number;
  readonly maxTurns: number;
  readonly ending: { readonly id: string; readonly title: string; readonly text: string } | null;
  readonly oddsRevealed: boolean;
}

export interface ObjectiveLine {
  readonly id: string;
  readonly side: Side;
  readonly label: string;
  readonly description: string;
  readonly met: boolean;
  /** 0 to 100. */
  readonly score: number;
}

/** One row of the timeline: a side's move in a turn, or an inject. */
export interface TimelineEntry {
  readonly kind: 'move' | 'inject';
  readonly turn: number;
  readonly date: string;
  /** The moving side; null for an inject. */
  readonly side: Side | null;
  readonly by: Controller | 'script' | 'facilitator';
  /** The option's id and label, or the inject's id and title. */
  readonly id: string;
  readonly label: string;
  readonly rung: string | null;
  readonly uses: readonly TermId[];
  readonly strains: readonly TermId[];
  readonly outcomeId: string | null;
  /** What happened: the outcome's text, or the inject's. */
  readonly text: string;
  /** Basis points (1/100 of a percent) and the draw 0–9999; null when the odds are hidden or for injects. */
  readonly chanceBp: number | null;
  readonly draw: number | null;
  /** A facilitator forced this outcome or fired this inject. */
  readonly facilitator: boolean;
}

export interface LedgerLine {
  readonly id: number;
  readonly from: Side;
  readonly to: Side;
  readonly topic: string;
  readonly sentTurn: number;
  readonly dueTurn: number;
  readonly status: LedgerEntry['status'];
  readonly answeredTurn: number | null;
  readonly quality: LedgerEntry['quality'];
}

/** An indicator over the run: where it started and ended, and its worst value (by its `better` direction) with the first turn it was reached. */
export interface IndicatorLine {
  readonly id: string;
  readonly label: string;
  /** Which direction is better, for each side. */
  readonly better: Readonly<Record<Side, 'higher' | 'lower'>>;
  readonly start: number;
  readonly end: number;
  readonly worst: number;
  /** 0 when the worst value is the starting one. */
  readonly worstTurn: number;
}

export interface HistoryNote {
  readonly text: string;
  /** The ending's note on what actually happened; null when the run has not ended. */
  readonly endingNote: string | null;
  readonly sources: readonly { readonly key: string; readonly title: string; readonly url: string | null }[];
}

/** The whole report. Every list is in scenario or play order; nothing depends on a clock or a locale. */
export interface AfterActionReport {
  readonly format: typeof AFTER_ACTION_FORMAT;
  readonly overview: Overview;
  readonly objectives: readonly ObjectiveLine[];
  readonly timeline: readonly TimelineEntry[];
  readonly indicators: readonly IndicatorLine[];
  readonly ledger: readonly LedgerLine[];
  /** Plain sentences derived from the data for the report's side (see after-action-findings.ts). */
  readonly strengths: readonly string[];
  readonly improvements: readonly string[];
  readonly history: HistoryNote;
  readonly questions: readonly string[];
}

function timelineOf(scenario: Scenario, state: GameState, revealOdds: boolean): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const turnDays = scenario.file.calendar.turnDays;
  const start = scenario.file.calendar.start;
  const injectRow = (turn: number, date: string, id: string, by: 'script' | 'facilitator'): TimelineEntry => {
    const inj = scenario.file.injects.find((i) => i.id === id);
    return {
      kind: 'inject',
      turn,
      date,
      side: null,
      by,
      id,
      label: inj?.title ?? id,
      rung: null,
      uses: [],
      strains: [],
      outcomeId: null,
      text: inj?.text ?? '',
      chanceBp: null,
      draw: null,
      facilitator: by === 'facilitator',
    };
  };
  for (const record of state.log) {
    if (record.kind === 'inject') {
      out.push(injectRow(record.turn + 1, addDays(start, record.turn * turnDays), record.inject, 'facilitator'));
      continue;
    }
    const beat = scenario.beats.get(record.beat);
    for (const m of record.moves) {
      const option = beat?.options[m.side].find((o) => o.id === m.option);
      const outcome = option?.outcomes.find((o) => o.id === m.outcome);
      out.push({
        kind: 'move',
        turn: record.turn,
        date: record.date,
        side: m.side,
        by: m.by,
        id: m.option,
        label: moveLabelOf(scenario, record.beat, m),
        rung: m.offLadder ? 'Off the ladder' : (scenario.ladder[m.rung]?.label ?? null),
        uses: option?.file.terms.uses ?? [],
        strains: option?.file.terms.strains ?? [],
        outcomeId: m.outcome,
        text: outcome === undefined ? '' : outcomeTextOf(scenario, record.beat, m),
        chanceBp: revealOdds ? m.chanceBp : null,
        draw: revealOdds ? m.draw : null,
        facilitator: m.forced,
      });
    }
    for (const inj of record.injects) out.push(injectRow(record.turn, record.date, inj.inject, inj.by));
  }
  return out;
}

function indicatorsOf(scenario: Scenario, state: GameState, side: Side): IndicatorLine[] {
  return scenario.file.indicators.map((ind) => {
    let worst = ind.start;
    let worstTurn = 0;
    for (const record of state.log) {
      for (const c of record.changes) {
        if (c.id !== ind.id) continue;
        const worse = betterFor(ind.better, side) === 'higher' ? c.to < worst : c.to > worst;
        if (worse) {
          worst = c.to;
          worstTurn = record.kind === 'turn' ? record.turn : record.turn + 1;
        }
      }
    }
    return {
      id: ind.id,
      label: ind.label,
      better: { us: betterFor(ind.better, 'us'), cn: betterFor(ind.better, 'cn') },
      start: ind.start,
      end: state.indicators[ind.id] ?? ind.start,
      worst,
      worstTurn,
    };
  });
}

/**
 * The after-action report of `state` (finished or not) for `side`. Objectives are scored on the
 * final state; strengths and areas for improvement are derived from the objectives, the ending, the
 * terms the side strained, the ledger and the rungs it climbed (see {@link derivedFindings}).
 */
export function afterActionReport(scenario: Scenario, state: GameState, side: Side, options: AfterActionOptions = {}): AfterActionReport {
  const file = scenario.file;
  const revealOdds = options.revealOdds ?? true;
  const endingFile = state.ending === null ? undefined : file.endings.find((e) => e.id === state.ending);
  const lastTurn = state.turn > 0 ? state.turn - 1 : 0;
  const sides: SideOverview[] = SIDES.map((s) => ({
    side: s,
    name: SIDE_NAMES[s],
    playedBy: state.controllers[s],
    players: options.players?.[s] ?? (state.controllers[s] === 'people' ? 'people' : 'the counterpart model'),
    tone: endingFile === undefined ? null : endingFile.tone[s],
  }));
  const scores = scoreObjectives(scenario, state);
  const objectives: ObjectiveLine[] = scores.map((o, i) => ({
    id: o.id,
    side: o.side,
    label: o.label,
    description: file.objectives[i]?.description ?? '',
    met: o.met,
    score: o.score,
  }));
  const timeline = timelineOf(scenario, state, revealOdds);
  const findings = derivedFindings(scenario, state, side, objectives);
  return {
    format: AFTER_ACTION_FORMAT,
    overview: {
      scenarioId: scenario.id,
      scenarioTitle: file.title,
      scenarioVersion: scenario.version,
      scenarioHash: scenario.hash,
      seed: state.seed,
      exerciseCode: exerciseCode(scenario.id, state.seed),
      side,
      sides,
      heldOn: options.heldOn ?? null,
      startDate: file.calendar.start,
      endDate: addDays(file.calendar.start, lastTurn * file.calendar.turnDays),
      turns: state.turn,
      maxTurns: file.maxTurns,
      ending: endingFile === undefined ? null : { id: endingFile.id, title: endingFile.title, text: endingTextOf(scenario, state, side) },
      oddsRevealed: revealOdds,
    },
    objectives,
    timeline,
    indicators: indicatorsOf(scenario, state, side),
    ledger: state.ledger.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      topic: e.topic,
      sentTurn: e.sentTurn,
      dueTurn: e.dueTurn,
      status: e.status,
      answeredTurn: e.answeredTurn,
      quality: e.quality,
    })),
    strengths: findings.strengths,
    improvements: findings.improvements,
    history: {
      text: file.history.text,
      endingNote: endingFile === undefined ? null : typeof endingFile.history === 'string' ? endingFile.history : endingFile.history.text,
      sources: [...file.history.sources, ...(endingFile === undefined || typeof endingFile.history === 'string' ? [] : endingFile.history.sources)]
        .filter((key, i, all) => all.indexOf(key) === i)
        .map((key) => {
          const source = scenario.sources.get(key);
          return { key, title: source?.title ?? key, url: source?.url ?? null };
        }),
    },
    questions: file.questions.slice(),
  };
}
