/**
 * A strict little checker for the balance report's HTML: every `<` starts a well-formed tag, every
 * element is closed in order, attribute values are double-quoted and text holds no raw `<` or `>`.
 * Returns the problems found (none for a well-formed page) and the tags seen.
 */
const VOID = new Set(['meta', 'br', 'hr', 'col']);
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z][a-zA-Z0-9:-]*(?:="[^"<>]*")?)*)\s*>/;

export function checkWellFormed(html: string): { problems: string[]; tags: string[] } {
  const problems: string[] = [];
  const tags: string[] = [];
  const stack: string[] = [];
  if (!html.startsWith('<!DOCTYPE html>\n')) problems.push('no <!DOCTYPE html> first');
  let rest = html.startsWith('<!DOCTYPE html>\n') ? html.slice('<!DOCTYPE html>\n'.length) : html;
  let at = html.length - rest.length;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt < 0 ? rest : rest.slice(0, lt);
    if (text.includes('>')) problems.push(`raw ">" in text at ${at + text.indexOf('>')}`);
    if (lt < 0) break;
    rest = rest.slice(lt);
    at += lt;
    const m = TAG.exec(rest);
    if (m === null) {
      problems.push(`"<" that starts no tag at ${at}: ${rest.slice(0, 30)}`);
      rest = rest.slice(1);
      at += 1;
      continue;
    }
    const [whole, closing, rawName] = m as unknown as [string, string, string];
    const name = rawName.toLowerCase();
    tags.push(closing === '/' ? `/${name}` : name);
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> at ${at} closes <${open ?? 'nothing'}>`);
    } else if (!VOID.has(name)) stack.push(name);
    rest = rest.slice(whole.length);
    at += whole.length;
  }
  if (stack.length > 0) problems.push(`never closed: ${stack.join(', ')}`);
  return { problems, tags };
}
