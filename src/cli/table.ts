/** Plain-text tables and figures for terminal output: fixed widths with padEnd/padStart, no locale formatting. */

/** Columns aligned left (`l`) or right (`r`); every row indented by `indent`; trailing spaces trimmed. */
export function table(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => `${indent}${row.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd());
}

/** `count` as a share of `of`, in percent with one decimal (rounded half up on the exact fraction): "12.5%". */
export function percent(count: number, of: number): string {
  if (of === 0) return '-';
  return `${(Math.round((count * 1000) / of) / 10).toFixed(1)}%`;
}
