/** Plain-text tables and figures for terminal output: fixed widths with padEnd/padStart, no locale formatting. */

/** Columns aligned left (`l`) or right (`r`); every row indented by `indent`; trailing spaces trimmed. */
export function table(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[], indent = '  '): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  return rows.map((row) => `${indent}${row.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ')}`.trimEnd());
}

/** `count` as a share of `of`, in percent with one decimal (rounded half up on the exact fraction): "12.5%". */
export function percent(count: number, of: number): string {
  if (of === 0) return '-';
  return `${(Math.round((count * 1000) / of) / 10).toFixed(1)}%`;
}

/** Prose wrapped at word boundaries to lines of at most `width` characters (a longer word stays whole), each starting with `indent`. */
export function wrapText(text: string, indent = '', width = 100): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let current = '';
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      if (current !== '' && indent.length + current.length + 1 + word.length > width) {
        lines.push(`${indent}${current}`);
        current = word;
      } else current = current === '' ? word : `${current} ${word}`;
    }
    lines.push(`${indent}${current}`.trimEnd());
  }
  return lines;
}
