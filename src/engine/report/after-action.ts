/**
 * The after-action report of a run, as plain data laid out the way exercise planners expect it
 * (after the HSEEP after-action report): an overview, the objectives and how each was met, a timeline
 * of decisions, strengths and areas for improvement, what actually happened, and questions for
 * discussion. Pure and deterministic: the same scenario, state and options give the same report.
 * Formatters are in after-action-format.ts (Markdown, JSON) and after-action-csv.ts (the timeline).
 */

import type { Scenario, Side } from '../format';
import { betterFor, SIDE_NAMES, SIDES } from '../format';
import { exerciseCode } from '../replay';
import type { GameState } from '../rules';
import { addDays, endingTextOf, moveLabelOf, outcomeTextOf, scoreObjectives } from '../rules';
import { derivedFindings, findingsOf } from './after-action-findings';

export const AFTER_ACTION_FORMAT = 'red-phone/after-action@1';

import type { AfterActionOptions, AfterActionReport, FindingLists, IndicatorLine, ObjectiveLine, SideOverview, TimelineEntry } from './after-action-types';

export type * from './after-action-types';

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

/**
 * The strengths and areas for improvement of `side` in `state` as data: the report's sentences for the
 * side are these findings worded by {@link findingText}, in the same order.
 */
export function afterActionFindings(scenario: Scenario, state: GameState, side: Side): FindingLists {
  return findingsOf(scenario, state, side, scoreObjectives(scenario, state));
}
