/**
 * Strengths and areas for improvement, derived from a run's data for one side: its objectives, the
 * ending's tone, the terms it strained or kept, the requests for assistance addressed to it, and the
 * highest rung it climbed to. Each finding is data (a kind and its parameters) in a fixed order, so the
 * same run gives the same findings; {@link findingText} words one as the report's English sentence, and
 * the page words the same data in its own language.
 */
import type { Scenario, Side, TermId } from '../format';
import { topicText } from '../format';
import type { GameState } from '../rules';
import { endingTextOf } from '../rules';
import { findingText } from './after-action-finding-text';
import type { FindingLists, ReportFinding } from './after-action-types';

/** A term strained this many times or more is named as an area for improvement. */
export const STRAINED_OFTEN = 2;
/** A term used this many times or more, and never strained, is named as a strength. */
export const KEPT_OFTEN = 2;

export type ReportFindingKind = ReportFinding['kind'];

/** Every kind of finding, in the order a report may list them. */
export const REPORT_FINDING_KINDS: readonly ReportFindingKind[] = [
  'ending',
  'objective_met',
  'objective_missed',
  'term_strained',
  'term_kept',
  'request_token',
  'request_late',
  'request_never',
  'requests_on_time',
  'rung_climbed',
  'rung_kept',
];

/** A side's findings as the report's English sentences. */
export interface Findings {
  readonly strengths: string[];
  readonly improvements: string[];
}

interface ObjectiveInput {
  readonly side: Side;
  readonly label: string;
  readonly met: boolean;
  readonly score: number;
}

const TERM_IDS: readonly TermId[] = ['T1', 'T2', 'T3', 'T4'];

/** The strengths and areas for improvement of `side` in `state`, as data, given its scored objectives. */
export function findingsOf(scenario: Scenario, state: GameState, side: Side, objectives: readonly ObjectiveInput[]): FindingLists {
  const strengths: ReportFinding[] = [];
  const improvements: ReportFinding[] = [];

  const ending = scenario.file.endings.find((e) => e.id === state.ending);
  if (ending !== undefined) {
    const tone = ending.tone[side];
    (tone === 'success' ? strengths : improvements).push({ kind: 'ending', side, tone, title: ending.title, text: endingTextOf(scenario, state, side) });
  }

  for (const o of objectives) {
    if (o.side !== side) continue;
    (o.met ? strengths : improvements).push({ kind: o.met ? 'objective_met' : 'objective_missed', side, label: o.label, score: o.score });
  }

  const strained = new Map<TermId, number[]>();
  const used = new Map<TermId, number>();
  let peak = -1;
  let peakTurn = 0;
  for (const record of state.log) {
    if (record.kind !== 'turn') continue;
    const beat = scenario.beats.get(record.beat);
    for (const m of record.moves) {
      if (m.side !== side) continue;
      if (m.rung > peak) {
        peak = m.rung;
        peakTurn = record.turn;
      }
      const option = beat?.options[side].find((o) => o.id === m.option);
      for (const t of option?.file.terms.strains ?? []) strained.set(t, [...(strained.get(t) ?? []), record.turn]);
      for (const t of option?.file.terms.uses ?? []) used.set(t, (used.get(t) ?? 0) + 1);
    }
  }
  for (const id of TERM_IDS) {
    const term = { id, name: scenario.terms.find((t) => t.id === id)?.name ?? id };
    const turns = strained.get(id) ?? [];
    const n = used.get(id) ?? 0;
    if (turns.length >= STRAINED_OFTEN) improvements.push({ kind: 'term_strained', side, term, turns });
    else if (turns.length === 0 && n >= KEPT_OFTEN) strengths.push({ kind: 'term_kept', side, term, times: n });
  }

  const owed = state.ledger.filter((e) => e.to === side);
  // A token acknowledgement in time is not a full answer on time (T1 asks for timely responses, the dialogue reviews their quality).
  const onTime = owed.filter((e) => e.status === 'on_time' && e.quality !== 'token').length;
  for (const e of owed) {
    const request = { id: e.id, topic: topicText(scenario, e.topic) };
    if (e.status === 'on_time' && e.quality === 'token') improvements.push({ kind: 'request_token', side, request, turn: e.answeredTurn });
    if (e.status === 'late') improvements.push({ kind: 'request_late', side, request, turn: e.answeredTurn, due: e.dueTurn, quality: e.quality });
    if (e.status === 'never') improvements.push({ kind: 'request_never', side, request, due: e.dueTurn });
  }
  if (owed.length > 0 && onTime === owed.length) strengths.push({ kind: 'requests_on_time', side, count: owed.length });

  if (peak >= 0) {
    const at = scenario.ladder[peak];
    const rung = { id: at?.id ?? '', label: at?.label ?? String(peak), n: peak + 1, of: scenario.ladder.length };
    // The upper half of the ladder (sanctions and cyber operations on the shipped ladder) is worth discussing whenever reached.
    if (peak * 2 >= scenario.ladder.length) improvements.push({ kind: 'rung_climbed', side, rung, turn: peakTurn });
    else strengths.push({ kind: 'rung_kept', side, rung });
  }
  return { strengths, improvements };
}

/** The strengths and areas for improvement of `side` in `state` as the report's English sentences (see {@link findingsOf}). */
export function derivedFindings(scenario: Scenario, state: GameState, side: Side, objectives: readonly ObjectiveInput[]): Findings {
  const found = findingsOf(scenario, state, side, objectives);
  return { strengths: found.strengths.map(findingText), improvements: found.improvements.map(findingText) };
}
