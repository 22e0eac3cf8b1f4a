/**
 * The class comparison's turn-by-turn table as CSV (RFC 4180, via the engine's writer): one row
 * per turn and group, both sides' moves, facilitator actions, the decision path and every indicator.
 */
import { type CsvCell, percentOfBp, SIDES, toCsv } from '../engine';
import type { ClassComparison } from './compare';

const MOVE_COLUMNS = ['by', 'option', 'label', 'rung', 'outcome', 'outcome_text', 'chance_percent', 'draw', 'forced'] as const;

/** The header of {@link compareCsv}: fixed columns, then one per indicator in scenario order. */
export function compareCsvHeader(model: ClassComparison): string[] {
  return [
    'turn',
    'date',
    'group',
    'beat',
    ...SIDES.flatMap((s) => MOVE_COLUMNS.map((c) => `${s}_${c}`)),
    'facilitator_injects',
    'scripted_injects',
    'next',
    'diverges',
    ...model.series.map((s) => s.indicator),
  ];
}

/** The turn-by-turn table: a row per turn per group that played it, groups in the order given. */
export function compareCsv(model: ClassComparison): string {
  const rows: CsvCell[][] = [compareCsvHeader(model)];
  for (const row of model.turns) {
    for (const cell of row.groups) {
      if (cell === null) continue;
      const sides = SIDES.flatMap((s): CsvCell[] => {
        const m = cell.moves.find((x) => x.side === s);
        return m === undefined ? MOVE_COLUMNS.map(() => null) : [m.by, m.option, m.label, m.rung, m.outcome, m.outcomeText, percentOfBp(m.chanceBp), m.draw, m.forced];
      });
      rows.push([
        row.turn,
        cell.date,
        cell.group,
        cell.beat,
        ...sides,
        cell.facilitatorInjects.join(' '),
        cell.scriptedInjects.join(' '),
        cell.next,
        row.diverges,
        ...model.series.map((s) => cell.indicators[s.indicator] ?? null),
      ]);
    }
  }
  return toCsv(rows);
}
