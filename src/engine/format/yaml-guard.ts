/**
 * Cheap scans that run before the YAML parser, so that the parser never sees input that could
 * exhaust it. The `yaml` package composes nested collections recursively: a line of a few thousand
 * `- ` (compact nested sequences) or `[` brought Node down with a fatal out-of-memory error in our own
 * tests, which no `try` can catch. The scan bounds nesting from above, counting open indentation
 * levels, compact `- `/`? `/`: ` indicators at the start of a line and open flow brackets.
 */

/**
 * Nesting estimate above which a file is refused without parsing. The estimate can count a level
 * twice (an indented line inside a block scalar, a bracket inside text), so it sits well above
 * LIMITS.depth, which the real tree walk enforces; and well below the thousand levels that broke
 * the parser.
 */
export const GUARD_DEPTH = 100;

export interface GuardHit {
  readonly line: number;
  readonly column: number;
}

/**
 * The first place where an estimate of the number of values passes `limit`, or null. The estimate
 * counts what can open or separate a value: line breaks, `,`, `:`, `[`, `{` and a `-` followed by a
 * space or line break. The parser's time grows with the values, and faster than the file: 39 000
 * items of one flow list took close to a second, and 20 000 lines of `- [a]` nearly three, so a file
 * that may pass the node cap is refused before parsing. Our 88 KB scenario counts about 5 000.
 */
export function nodeGuard(text: string, limit: number): GuardHit | null {
  let count = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 44 || c === 58 || c === 91 || c === 123) count++;
    else if (c === 45) {
      const after = text.charCodeAt(i + 1);
      if (after === 32 || after === 10 || Number.isNaN(after)) count++;
    }
    if (count > limit) return { line, column: i - lineStart + 1 };
    if (c === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}

/** The first place where the nesting estimate passes {@link GUARD_DEPTH}, or null. */
export function nestingGuard(text: string): GuardHit | null {
  const indents: number[] = [];
  let flow = 0;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let indent = 0;
    while (i + indent < n && text.charCodeAt(i + indent) === 32) indent++;
    let j = i + indent;
    const first = j < n ? text.charCodeAt(j) : 10;
    if (first !== 10 && first !== 13 && first !== 35) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
    }
    let compact = 0;
    let leading = true;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 10) break;
      if (leading) {
        const after = j + 1 < n ? text.charCodeAt(j + 1) : 10;
        if ((c === 45 || c === 63 || c === 58) && (after === 32 || after === 10 || after === 13)) {
          compact++;
        } else if (c !== 32) {
          leading = false;
        }
      }
      if (c === 91 || c === 123) flow++;
      else if ((c === 93 || c === 125) && flow > 0) flow--;
      if (indents.length + compact + flow > GUARD_DEPTH) return { line, column: j - i + 1 };
      j++;
    }
    i = j + 1;
    line++;
  }
  return null;
}

/**
 * Tabs among a line's leading whitespace, found before parsing: the parser's recovery from them
 * produces a cascade of confusing errors, so a file with any is reported for its tabs alone.
 */
export function tabsInIndentation(text: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  let line = 1;
  let atIndent = true;
  let column = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      column = 1;
      atIndent = true;
      continue;
    }
    if (atIndent && c === 9) out.push({ line, column });
    else if (c !== 32) atIndent = false;
    column++;
  }
  return out;
}
