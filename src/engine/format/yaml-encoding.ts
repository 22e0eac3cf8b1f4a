/**
 * Text encoding checks for scenario files, before any YAML is parsed. The engine has no DOM or Node
 * types, so bytes are decoded here by a strict UTF-8 decoder of our own, and text that arrives as a
 * string is checked for the marks a bad decode leaves: U+FFFD, NUL, lone surrogates, a foreign BOM.
 */

/** A place in text: 1-based line and column (columns count UTF-16 code units, as editors do). */
export interface TextProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export type DecodeResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly offset: number; readonly message: string };

const CHUNK = 8192;

/**
 * Decodes UTF-8 bytes strictly: overlong forms, surrogates, code points past U+10FFFF, truncated
 * sequences and UTF-16/UTF-32 byte order marks are refused with the byte offset of the first fault.
 * A leading UTF-8 BOM is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return { ok: false, offset: 0, message: 'the file is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8' };
  }
  if (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) {
    return { ok: false, offset: 0, message: 'the file is UTF-32: save it as UTF-8' };
  }
  let i = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const parts: string[] = [];
  let units: number[] = [];
  const bad = (offset: number): DecodeResult => ({ ok: false, offset, message: `byte ${offset} is not valid UTF-8: save the file as UTF-8` });
  while (i < bytes.length) {
    const a = bytes[i] as number;
    let cp: number;
    let size: number;
    if (a < 0x80) {
      cp = a;
      size = 1;
    } else if (a >= 0xc2 && a <= 0xdf) {
      cp = a & 0x1f;
      size = 2;
    } else if (a >= 0xe0 && a <= 0xef) {
      cp = a & 0x0f;
      size = 3;
    } else if (a >= 0xf0 && a <= 0xf4) {
      cp = a & 0x07;
      size = 4;
    } else {
      return bad(i);
    }
    if (i + size > bytes.length) return bad(i);
    for (let k = 1; k < size; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return bad(i + k);
      cp = (cp << 6) | (c & 0x3f);
    }
    const min = size === 1 ? 0 : size === 2 ? 0x80 : size === 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return bad(i);
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else {
      units.push(cp);
    }
    if (units.length >= CHUNK) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
    i += size;
  }
  parts.push(String.fromCharCode(...units));
  return { ok: true, text: parts.join('') };
}

/** The UTF-8 size of `text` in bytes, counted without building a buffer. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function describe(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Finds the marks of a wrong or broken encoding in text: a byte order mark other than a leading
 * UTF-8 one (as a Latin-1 or wrong-endian decode leaves it), NUL, U+FFFD from a lossy decode, lone
 * surrogates and control characters other than tab, line feed and carriage return. Each kind is
 * reported once, at its first place, so a binary file gives a short report.
 */
export function encodingProblems(text: string): TextProblem[] {
  const problems: TextProblem[] = [];
  const head = text.slice(0, 3);
  if (head.startsWith('\u00ff\u00fe') || head.startsWith('\u00fe\u00ff') || text.startsWith('\ufffe')) {
    problems.push({ line: 1, column: 1, message: 'the file starts with a UTF-16 byte order mark: save it as UTF-8' });
  } else if (head === '\u00ef\u00bb\u00bf') {
    problems.push({ line: 1, column: 1, message: 'the file was decoded with the wrong encoding (a UTF-8 byte order mark read as Latin-1): read it as UTF-8' });
  }
  const seen = new Set<string>();
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c >= 0x20 && c < 0x7f) continue;
    let kind: string | null = null;
    let message = '';
    if (c === 0) {
      kind = 'nul';
      message = 'a NUL character: the file is binary or not UTF-8 (UTF-16 files look like this)';
    } else if (c === 0xfffd) {
      kind = 'fffd';
      message = 'a U+FFFD replacement character: the file was not valid UTF-8 when it was read';
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      kind = 'surrogate';
      message = `a lone surrogate ${describe(c)}: the text is not valid Unicode`;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      kind = 'surrogate';
      message = `a lone surrogate ${describe(c)}: the text is not valid Unicode`;
    } else if (c === 0xfeff) {
      if (i === 0) continue;
      kind = 'bom';
      message = 'a byte order mark inside the file: files joined together, or a bad encoding';
    } else if ((c < 0x20 && c !== 9 && c !== 13) || c === 0x7f || (c >= 0x80 && c < 0xa0)) {
      kind = 'control';
      message = `the control character ${describe(c)}, which YAML does not allow`;
    }
    if (kind !== null && !seen.has(kind)) {
      seen.add(kind);
      problems.push({ line, column: i - lineStart + 1, message });
    }
  }
  return problems;
}
