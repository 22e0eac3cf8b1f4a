/**
 * A tiny RFC 4180 reader for tests: records end with CRLF (the last one included), fields are
 * separated by commas, and a quoted field may hold commas, doubled quotes, CR and LF. Throws on
 * anything else, so a writer that breaks the format fails the test.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text.charAt(i) === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('csv: unterminated quoted field');
        const c = text.charAt(i);
        if (c === '"') {
          if (text.charAt(i + 1) === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
    } else {
      while (i < text.length && text.charAt(i) !== ',' && text.charAt(i) !== '\r') {
        const c = text.charAt(i);
        if (c === '"' || c === '\n') throw new Error(`csv: bare ${JSON.stringify(c)} at ${i}`);
        field += c;
        i++;
      }
    }
    row.push(field);
    if (text.charAt(i) === ',') {
      i++;
      continue;
    }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`csv: expected CRLF at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
    if (i === text.length) return rows;
  }
}
