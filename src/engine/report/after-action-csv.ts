/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF; a field holding a comma,
 * a double quote, CR or LF is wrapped in double quotes with its quotes doubled. Numbers are written
 * with `String` (no locale, no thousands separators); text that a spreadsheet would run as a
 * formula is neutralised (see csvField). Shared by the after-action timeline and the
 * class comparison.
 */
import type { AfterActionReport } from './after-action';
import { percentOfBp } from './after-action-format';

export type CsvCell = string | number | boolean | null;

/**
 * Text a spreadsheet would run as a formula starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return (OWASP, "CSV Injection"): such a text field gets a leading `'`, so it opens as the text it
 * is. Numbers are written as numbers (a negative number is not text and runs nothing).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted only when it must be, formula-like text neutralised. `null` is an empty field. */
export function csvField(value: CsvCell): string {
  const raw = value === null ? '' : typeof value === 'string' ? value : String(value);
  const text = typeof value === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text: CRLF after every record, the last included. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

export const AFTER_ACTION_CSV_HEADER = ['turn', 'date', 'kind', 'side', 'by', 'id', 'label', 'rung', 'uses', 'strains', 'outcome', 'text', 'chance_percent', 'draw', 'facilitator'] as const;

/** The report's timeline as CSV, one row per move or inject, with a header row. Terms are `T1 T4`. */
export function afterActionCsv(report: AfterActionReport): string {
  const rows: CsvCell[][] = [AFTER_ACTION_CSV_HEADER.slice()];
  for (const e of report.timeline) {
    rows.push([
      e.turn,
      e.date,
      e.kind,
      e.side,
      e.by,
      e.id,
      e.label,
      e.rung,
      e.uses.join(' '),
      e.strains.join(' '),
      e.outcomeId,
      e.text,
      e.chanceBp === null ? null : percentOfBp(e.chanceBp),
      e.draw,
      e.facilitator,
    ]);
  }
  return toCsv(rows);
}
