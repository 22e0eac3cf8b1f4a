/**
 * The checker's messages as a list: each with its line, column, code, message, "did you mean", and
 * the faulty line of the file quoted with a caret under the column. Errors come before warnings.
 */
import type { Diagnostic } from '../../engine';
import { m } from '../../i18n/lang';
import { placeAfter } from '../../store/diagnostic-place';
import { h } from '../dom';
import { SLOT, slotted } from './slot';

/** How many characters of a long line are quoted around the column. */
const WINDOW = 72;

/** The quoted line and the caret line under it, cut to a window around the column when long. */
export function quoteLine(line: string, column: number, lineNumber: number): string {
  const col = Math.max(1, column);
  let start = 0;
  if (line.length > WINDOW) start = Math.max(0, Math.min(col - 1 - Math.floor(WINDOW / 2), line.length - WINDOW));
  const cut = line.slice(start, start + WINDOW);
  const before = start > 0 ? '…' : '';
  const after = start + WINDOW < line.length ? '…' : '';
  const gutter = `${lineNumber} | `;
  const caretAt = before.length + (col - 1 - start);
  const pad = cut.slice(0, Math.max(0, col - 1 - start)).replace(/[^\t]/g, ' ');
  return `${gutter}${before}${cut}${after}\n${' '.repeat(gutter.length - 2)}| ${' '.repeat(before.length)}${pad}${caretAt >= 0 ? '^' : ''}`;
}

function item(d: Diagnostic, lines: readonly string[], index: number): HTMLLIElement {
  const where = d.line > 0 ? m.des_at_line({ line: d.line, column: d.column }) : m.des_at_file();
  const label = d.severity === 'error' ? m.des_error() : m.des_warning();
  const source = d.line > 0 ? lines[d.line - 1] : undefined;
  const quoteId = `diagnostic-${index}-quote`;
  return h(
    'li',
    { class: `diagnostic ${d.severity}`, 'data-diagnostic': d.severity, 'data-code': d.code, 'data-line': d.line },
    h('p', { class: 'diagnostic-head' }, h('strong', { class: 'severity' }, `${d.severity === 'error' ? '✖' : '⚠'} ${label}`), m.des_at({ where }), h('code', {}, d.code)),
    h('p', { class: 'diagnostic-message' }, d.message, placeAfter(d) !== '' ? h('span', { class: 'path' }, m.des_path({ path: placeAfter(d) })) : null),
    d.suggestion !== undefined ? h('p', { class: 'suggestion' }, ...slotted(m.des_did_you_mean({ suggestion: SLOT }), h('code', {}, d.suggestion))) : null,
    source !== undefined
      ? h('pre', { class: 'quote', id: quoteId, tabindex: 0, 'aria-label': m.des_quote_aria({ line: d.line, column: d.column }) }, h('code', {}, quoteLine(source, d.column, d.line)))
      : null,
  );
}

/** The list of diagnostics (already errors first), with a count heading. */
export function diagnosticsList(diagnostics: readonly Diagnostic[], lines: readonly string[], headingId: string, title: string): HTMLElement {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const count = m.des_count({ errors: m.des_errors_n({ count: errors }), warnings: m.des_warnings_n({ count: warnings }) });
  return h(
    'section',
    { class: 'diagnostics', 'aria-labelledby': headingId },
    h('h2', { id: headingId, tabindex: -1 }, m.des_list_title({ title, count })),
    h('ol', { class: 'diagnostic-list' }, ...diagnostics.map((d, i) => item(d, lines, i))),
  );
}
