/** How `scenario play` writes a run as text: pure functions from the scenario and the state to lines. */

import type { CompiledOption, GameState, LedgerEvent, OptionView, Scenario, Side, SideText, TurnRecord } from '../engine';
import { beatTextOf, currentDate, endingTextOf, formatLongDate, moveLabelOf, outcomeTextOf, SIDE_NAMES, SIDES, scoreObjectives, sideFallback, toneWords } from '../engine';
import { wrapText } from './table';

const pct = (bp: number): string => `${(bp / 100).toFixed(2)}%`;

/** The texts the people's sides were shown at this moment: once when they agree, else each with its side's name. */
function shownTexts(sides: readonly Side[], textOf: (side: Side) => string): string[] {
  const texts = sides.map(textOf);
  if (texts.every((t) => t === texts[0])) return texts.slice(0, 1);
  return sides.map((s, i) => `${SIDE_NAMES[s]}: ${texts[i] ?? ''}`);
}

function sideTexts(text: SideText, sides: readonly Side[]): string[] {
  if (typeof text === 'string' || Array.isArray(text)) return [sideFallback(text, 'us')];
  return sides.map((s) => (sides.length > 1 ? `${SIDE_NAMES[s]}: ${sideFallback(text, s)}` : sideFallback(text, s)));
}

function rungLabel(scenario: Scenario, rung: number): string {
  return scenario.ladder[rung]?.label ?? `rung ${rung}`;
}

function termList(scenario: Scenario, ids: readonly string[]): string {
  return ids.map((id) => `${id} ${scenario.terms.find((t) => t.id === id)?.name ?? ''}`.trimEnd()).join(', ');
}

function findOption(scenario: Scenario, beat: string, side: Side, id: string): CompiledOption | undefined {
  return scenario.beats.get(beat)?.options[side].find((o) => o.id === id);
}

/** The title block: scenario, seed, who plays which side, and the briefing for the people's sides. */
export function headerLines(scenario: Scenario, state: GameState, people: readonly Side[]): string[] {
  const f = scenario.file;
  const who = SIDES.map((s) => `${SIDE_NAMES[s]}: ${state.controllers[s] === 'people' ? 'you' : 'counterpart model'}`).join('; ');
  const lines = [`${f.title} (${scenario.id} ${scenario.version}, hash ${scenario.hash})`, `Seed ${state.seed}. ${who}.`, ''];
  if (f.prologue !== undefined) lines.push('Prologue', ...wrapText(f.prologue, '  '), '');
  lines.push('Briefing', ...sideTexts(f.briefing, people).flatMap((t) => wrapText(t, '  ')));
  return lines;
}

/** The start of a turn: date, beat, both sides' rungs, and the numbered options of each people side. */
export function turnLines(scenario: Scenario, state: GameState, offers: readonly (readonly [Side, readonly OptionView[]])[]): string[] {
  const beat = scenario.beats.get(state.beat);
  if (beat === undefined) return [];
  const people = offers.map(([s]) => s);
  const lines = ['', `== Turn ${state.turn + 1} of at most ${scenario.file.maxTurns}, ${formatLongDate(currentDate(scenario, state))}: ${beat.file.title} ==`];
  lines.push(...shownTexts(people, (s) => beatTextOf(scenario, state, s)).flatMap((t) => wrapText(t)));
  lines.push(`Ladder: ${SIDES.map((s) => `${SIDE_NAMES[s]} at ${rungLabel(scenario, state.rung[s])}`).join('; ')}`);
  for (const [side, options] of offers) {
    lines.push(`${SIDE_NAMES[side]}, your options:`);
    options.forEach((o, i) => {
      const terms = [o.uses.length > 0 ? `uses ${termList(scenario, o.uses)}` : '', o.strains.length > 0 ? `strains ${termList(scenario, o.strains)}` : ''].filter((t) => t !== '');
      lines.push(`  ${i + 1}. ${o.label} [${rungLabel(scenario, o.rung)}]${terms.length > 0 ? `  (${terms.join('; ')})` : ''}`);
      lines.push(...wrapText(o.text, '     '));
    });
  }
  return lines;
}

function ledgerLine(e: LedgerEvent): string {
  const route = `request ${e.request} (${SIDE_NAMES[e.from]} to ${SIDE_NAMES[e.to]})`;
  switch (e.kind) {
    case 'sent':
      return `Ledger: ${route} sent`;
    case 'answered':
      return `Ledger: ${route} answered, ${e.quality ?? 'no'} answer, ${e.late ? 'late' : 'on time'}`;
    case 'overdue':
      return `Ledger: ${route} is now overdue`;
    case 'expired':
      return `Ledger: ${route} was never answered`;
  }
}

/** What a resolved turn did: each move with its outcome, chance and draw, then changes, ledger, hotline and injects. */
export function recordLines(scenario: Scenario, record: TurnRecord, prevHotline: string): string[] {
  const lines: string[] = [];
  for (const m of record.moves) {
    const option = findOption(scenario, record.beat, m.side, m.option);
    const outcome = option?.outcomes.find((o) => o.id === m.outcome);
    const who = m.by === 'people' ? `${SIDE_NAMES[m.side]} chose` : `${SIDE_NAMES[m.side]} (counterpart) chose`;
    const pick = m.pick !== null ? ` (picked with chance ${pct(m.pick.chanceBp)}, draw ${m.pick.draw})` : '';
    lines.push(`${who}: ${moveLabelOf(scenario, record.beat, m)} [${m.offLadder ? 'off the ladder' : rungLabel(scenario, m.rung)}]${pick}`);
    lines.push(`  Outcome "${m.outcome}"${m.forced ? ' (forced)' : ''}: chance ${pct(m.chanceBp)}, draw ${m.draw} (0-9999)`);
    if (outcome !== undefined) lines.push(...wrapText(outcomeTextOf(scenario, record.beat, m), '  '));
    if (outcome?.effects.news !== null && outcome?.effects.news !== undefined) lines.push(...wrapText(`News: ${outcome.effects.news}`, '  '));
  }
  for (const c of record.changes) {
    const label = scenario.file.indicators.find((i) => i.id === c.id)?.label ?? c.id;
    const delta = c.to - c.from;
    lines.push(`${label}: ${c.from} -> ${c.to} (${delta > 0 ? '+' : ''}${delta})`);
  }
  // A hidden flag is a fact the players are not told (who really did it): the transcript keeps it back too.
  const shown = record.flagsSet.filter((f) => scenario.file.flags.find((x) => x.id === f)?.hidden !== true);
  if (shown.length > 0) lines.push(`Flags set: ${shown.join(', ')}`);
  if (record.flagsCleared.length > 0) lines.push(`Flags cleared: ${record.flagsCleared.join(', ')}`);
  for (const e of record.ledger) lines.push(ledgerLine(e));
  if (record.hotline !== prevHotline) lines.push(`Hotline: ${record.hotline}`);
  for (const inj of record.injects) {
    const inject = scenario.injects.find((i) => i.id === inj.inject);
    lines.push(...wrapText(`Inject: ${inject?.title ?? inj.inject}. ${inject?.text ?? ''}`));
    if (inject?.effects.news !== null && inject?.effects.news !== undefined) lines.push(...wrapText(`News: ${inject.effects.news}`, '  '));
  }
  if (record.ending === null) lines.push(`Next: ${scenario.beats.get(record.next)?.file.title ?? record.next}`);
  return lines;
}

/** The ending, its text for the people's sides, each objective, and the historical note. */
export function endingLines(scenario: Scenario, state: GameState, people: readonly Side[]): string[] {
  const ending = scenario.file.endings.find((e) => e.id === state.ending);
  if (ending === undefined) return [];
  const lines = ['', `== Ending after ${state.turn} turns: ${ending.title} (${toneWords(ending.tone)}) ==`];
  lines.push(...shownTexts(people, (s) => endingTextOf(scenario, state, s)).flatMap((t) => wrapText(t)), '', 'Objectives:');
  const results = scoreObjectives(scenario, state);
  const width = Math.max(...results.map((r) => r.label.length));
  for (const r of results) lines.push(`  ${r.side.toUpperCase()}  ${r.label.padEnd(width)}  ${(r.met ? 'met' : 'not met').padEnd(7)}  ${String(r.score).padStart(3)}/100`);
  const history = typeof ending.history === 'string' ? ending.history : `${ending.history.text} [${ending.history.sources.join(', ')}]`;
  lines.push('', ...wrapText(`History: ${history}`));
  return lines;
}
