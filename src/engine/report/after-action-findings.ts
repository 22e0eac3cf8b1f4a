/**
 * Strengths and areas for improvement, derived from a run's data for one side: its objectives, the
 * ending's tone, the terms it strained or kept, the requests for assistance addressed to it, and the
 * highest rung it climbed to. Plain sentences in a fixed order, so the same run gives the same text.
 */
import type { Scenario, Side, TermId } from '../format';
import { SIDE_NAMES } from '../format';
import type { GameState, LedgerEntry } from '../rules';
import { endingTextOf } from '../rules';

/** A term strained this many times or more is named as an area for improvement. */
export const STRAINED_OFTEN = 2;
/** A term used this many times or more, and never strained, is named as a strength. */
export const KEPT_OFTEN = 2;

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

const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

const turnList = (turns: readonly number[]): string => (turns.length === 1 ? `turn ${turns[0]}` : `turns ${turns.slice(0, -1).join(', ')} and ${turns[turns.length - 1]}`);

/** The strengths and areas for improvement of `side` in `state`, given its scored objectives. */
export function derivedFindings(scenario: Scenario, state: GameState, side: Side, objectives: readonly ObjectiveInput[]): Findings {
  const strengths: string[] = [];
  const improvements: string[] = [];
  const name = side === 'us' ? 'The United States' : SIDE_NAMES[side];
  const forName = side === 'us' ? 'the United States' : SIDE_NAMES[side];

  const ending = scenario.file.endings.find((e) => e.id === state.ending);
  if (ending !== undefined) {
    const tone = ending.tone[side];
    const what = tone === 'success' ? 'a success' : tone === 'failure' ? 'a failure' : 'a mixed result';
    (tone === 'success' ? strengths : improvements).push(`The run ended in "${ending.title}", ${what} for ${forName}: ${endingTextOf(scenario, state, side)}`);
  }

  for (const o of objectives) {
    if (o.side !== side) continue;
    if (o.met) strengths.push(`Met the objective "${o.label}" (score ${o.score} of 100).`);
    else improvements.push(`Did not meet the objective "${o.label}" (score ${o.score} of 100).`);
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
    const term = scenario.terms.find((t) => t.id === id);
    const label = `${id} (${term?.name ?? id})`;
    const turns = strained.get(id) ?? [];
    const n = used.get(id) ?? 0;
    if (turns.length >= STRAINED_OFTEN) improvements.push(`${name} strained ${label} ${times(turns.length)}, on ${turnList(turns)}.`);
    else if (turns.length === 0 && n >= KEPT_OFTEN) strengths.push(`${name} relied on ${label} ${times(n)} and never strained it.`);
  }

  const owed = state.ledger.filter((e) => e.to === side);
  // A token acknowledgement in time is not a full answer on time (T1 asks for timely responses, the dialogue reviews their quality).
  const onTime = owed.filter((e) => e.status === 'on_time' && e.quality !== 'token').length;
  for (const e of owed) {
    if (e.status === 'on_time' && e.quality === 'token')
      improvements.push(`Request ${e.id} ("${e.topic}") got only a token acknowledgement, on turn ${e.answeredTurn ?? '?'}: in time, but not an answer.`);
    if (e.status === 'late') improvements.push(`Request ${e.id} ("${e.topic}") was answered late, on turn ${e.answeredTurn ?? '?'} (due turn ${e.dueTurn})${qualityNote(e)}.`);
    if (e.status === 'never') improvements.push(`Request ${e.id} ("${e.topic}") was never answered (due turn ${e.dueTurn}).`);
  }
  if (owed.length > 0 && onTime === owed.length) strengths.push(`${name} answered all ${owed.length === 1 ? 'the one request' : `${owed.length} requests`} for assistance on time, in substance.`);

  if (peak >= 0) {
    const rung = scenario.ladder[peak];
    const where = `"${rung?.label ?? peak}" (rung ${peak + 1} of ${scenario.ladder.length})`;
    // The upper half of the ladder (sanctions and cyber operations on the shipped ladder) is worth discussing whenever reached.
    if (peak * 2 >= scenario.ladder.length) improvements.push(`${name} climbed to ${where} on turn ${peakTurn}.`);
    else strengths.push(`${name} stayed at or below ${where} throughout.`);
  }
  return { strengths, improvements };
}

const qualityNote = (e: LedgerEntry): string => (e.quality === null ? '' : `, with a ${e.quality} answer`);
