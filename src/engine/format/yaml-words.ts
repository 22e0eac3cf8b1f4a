/**
 * The YAML parser's own words turned into a plain sentence with the fix, for the errors a designer
 * meets most: an unquoted ": " in a text, a line indented wrongly, a quote left open, a value that
 * starts with a character YAML reserves. Anything else keeps the parser's first line.
 */

/** Whether a parser error is about indentation: the errors after it are usually echoes of it. */
export function isIndentError(code: string, message: string): boolean {
  return code === 'BAD_INDENT' || message.startsWith('Sequence item without - indicator') || message.startsWith('All mapping items must start at the same column');
}

/** The plain sentence for a parser error (`code` and first line of `message` as the yaml package gives them). */
export function yamlSyntaxWords(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (first.startsWith('Nested mappings are not allowed in compact mappings') || code === 'BLOCK_AS_IMPLICIT_KEY')
    return 'a ": " (colon and space) inside a value starts a second "key: value" on one line: if the value is text, put it in quotes ("…"); if it is a field of its own, put it on its own line, indented like the fields beside it';
  if (first.startsWith('Sequence item without - indicator'))
    return 'this line is not lined up with the list above it: indent with two spaces a level, and line up the fields of one list item under the first one after "- "';
  if (first.startsWith('All mapping items must start at the same column'))
    return 'the fields of one mapping do not start at the same column: indent with two spaces a level, every field of a mapping at the same indent';
  if (first.startsWith('Flow sequence in block collection must be sufficiently indented'))
    return 'a list written in [ ] is not closed or is indented less than its key: close it with ] on the same line, or indent its lines further';
  if (code === 'MULTILINE_IMPLICIT_KEY')
    return 'a line has no "key: value" form (or a key runs over two lines): write "key: value", put long text in quotes, or indent a continued text further than its key';
  if (code === 'MISSING_CHAR' && first.includes('quote')) return 'a quote is opened and never closed: end the text with the same quote mark it starts with';
  if (code === 'BAD_SCALAR_START') {
    const ch = /character (\S)/.exec(first)?.[1] ?? '';
    return `a value cannot start with ${ch === '' ? 'this character' : `"${ch}"`} unquoted: put the text in quotes ("…")`;
  }
  if (code === 'UNEXPECTED_TOKEN' && first.startsWith('Unexpected scalar at node end'))
    return 'more text follows a value that has ended (often a quoted text followed by more words): quote the whole text, and write a quote inside it as \\" or use the other quote mark';
  return `malformed YAML: ${first}`;
}

/** Old Mac line endings: lines end with a lone CR (more of them than line feeds), so the file reads as one line. */
export function onlyCarriageReturns(text: string): boolean {
  const lone = (text.match(/\r(?!\n)/g) ?? []).length;
  return lone > 0 && lone > (text.match(/\n/g) ?? []).length;
}

export const OLD_MAC_LINE_ENDINGS =
  'the lines of this file end with a carriage return alone (old Mac line endings), so it reads as one long line: save it with LF (Unix) or CRLF (Windows) line endings';
