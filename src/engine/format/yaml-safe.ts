/**
 * Hardened YAML: text to plain data with a place for every node, refusing everything a scenario
 * never needs and an attacker could use (RELIABILITY promises 8 and 10, and "Traps seen in our own
 * libraries"). The parser's own warnings count as errors. Data is built by walking the node tree
 * ourselves into prototype-free objects: `toJS` never runs on unvetted input.
 *
 * Codes (all errors; the load stops after this layer when any is found): yaml/syntax, yaml/duplicate-key,
 * yaml/tab, yaml/directive, yaml/multiple-documents, yaml/alias, yaml/anchor, yaml/merge-key, yaml/tag, yaml/forbidden-key,
 * yaml/key-type, yaml/too-deep, yaml/too-many-nodes, yaml/too-large, yaml/string-too-long, yaml/encoding, yaml/line-endings, yaml/empty.
 */
import { Composer, type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Pair, Parser, type Node as YamlNode } from 'yaml';
import type { Diagnostic, PathSegment } from './diagnostics';
import { formatPath } from './diagnostics';
import { LIMITS } from './schema';
import { encodingProblems, utf8Length } from './yaml-encoding';
import { nestingGuard, nodeGuard, tabsInIndentation } from './yaml-guard';
import { PlaceMap } from './yaml-places';
import { FORBIDDEN_KEYS, PARSER_CODES, type YamlOptions, type YamlResult } from './yaml-types';
import { isIndentError, OLD_MAC_LINE_ENDINGS, onlyCarriageReturns, yamlSyntaxWords } from './yaml-words';

export { FORBIDDEN_KEYS, type YamlOptions, type YamlResult } from './yaml-types';

class Walker {
  readonly places = new PlaceMap();
  readonly diagnostics: Diagnostic[] = [];
  private readonly reported = new Set<string>();
  private nodes = 0;
  private tooDeep = false;
  private stopped = false;
  private indentSeen = false;

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly lines: LineCounter,
    private readonly bom: boolean,
  ) {}

  pos(offset: number): { line: number; column: number } {
    const p = this.lines.linePos(offset);
    const line = p.line === 0 ? 1 : p.line;
    return { line, column: line === 1 && this.bom ? Math.max(1, p.col - 1) : p.col };
  }

  report(code: string, offset: number | null, path: readonly PathSegment[], message: string, suggestion?: string): void {
    const { line, column } = offset === null ? { line: 0, column: 0 } : this.pos(offset);
    const key = code === 'yaml/alias' ? `${code}@${line}` : `${code}@${line}:${column}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.diagnostics.push({ severity: 'error', code, file: this.file, line, column, path: formatPath(path), message, ...(suggestion !== undefined ? { suggestion } : {}) });
  }

  reportParser(err: { code: string; pos: [number, number]; message: string }): void {
    const code = PARSER_CODES[err.code] ?? 'yaml/syntax';
    if (code === 'yaml/tag' || code === 'yaml/duplicate-key') return;
    if (code === 'yaml/syntax' && this.indentSeen) return; // later syntax errors only echo a bad indent
    if (code === 'yaml/syntax' && isIndentError(err.code, err.message)) this.indentSeen = true;
    const message =
      code === 'yaml/tab'
        ? 'a tab in the indentation: YAML indents with spaces only'
        : code === 'yaml/key-type'
          ? 'a key must be a plain name, not a list or a mapping'
          : code === 'yaml/alias'
            ? 'aliases (*name) are not allowed: write the value out'
            : code === 'yaml/anchor'
              ? 'anchors (&name) are not allowed'
              : yamlSyntaxWords(err.code, err.message);
    this.report(code, err.pos[0], [], message);
  }

  private start(node: YamlNode): number {
    return node.range?.[0] ?? 0;
  }

  /** The offset of the anchor (`&`) or tag (`!`) written before the node on its line, else the node's. */
  private propAt(start: number, mark: string): number {
    let i = start - 1;
    for (let k = 0; k < 2 && i >= 0; k++) {
      while (i >= 0 && this.text.charAt(i) === ' ') i--;
      let j = i;
      while (j >= 0 && this.text.charAt(j) !== ' ' && this.text.charAt(j) !== '\n') j--;
      if (this.text.charAt(j + 1) === mark) return j + 1;
      if (this.text.charAt(j) !== ' ') break;
      i = j;
    }
    return start;
  }

  private refuseProps(node: YamlNode, path: readonly PathSegment[]): boolean {
    let refused = false;
    if (node.anchor !== undefined) {
      this.report('yaml/anchor', this.propAt(this.start(node), '&'), path, `anchors (&${node.anchor}) are not allowed: write each value out`);
      refused = true;
    }
    if (node.tag !== undefined) {
      this.report(
        'yaml/tag',
        this.propAt(this.start(node), '!'),
        path,
        `tags such as "${node.tag.replace('tag:yaml.org,2002:', '!!')}" are not allowed: scenario values are plain text, numbers, true/false, lists and mappings`,
      );
      refused = true;
    }
    return refused;
  }

  private shiftOf(node: YamlNode & { type?: string; value?: unknown }): number {
    const value = node.value;
    const range = node.range;
    if (typeof value !== 'string' || range === undefined || range === null) return -1;
    if (node.type === 'PLAIN') return this.text.slice(range[0], range[1]) === value ? 0 : -1;
    if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') return this.text.slice(range[0] + 1, range[1] - 1) === value ? 1 : -1;
    return -1;
  }

  /** Converts a node to data, recording places; `undefined` stands for a refused node. */
  convert(node: unknown, path: PathSegment[], depth: number, keyOffset: number | null): unknown {
    if (this.stopped) return undefined;
    if (node === null || node === undefined) return null;
    const n = node as YamlNode;
    this.nodes++;
    if (this.nodes > LIMITS.nodes) {
      this.report('yaml/too-many-nodes', this.start(n), path, `the file has more than ${LIMITS.nodes} values: split it, or remove repeated content`);
      this.stopped = true;
      return undefined;
    }
    if (depth > LIMITS.depth) {
      if (!this.tooDeep) this.report('yaml/too-deep', this.start(n), path, `values are nested more than ${LIMITS.depth} levels deep`);
      this.tooDeep = true;
      return undefined;
    }
    if (isAlias(n)) {
      this.report('yaml/alias', this.start(n), path, `aliases (*${n.source}) are not allowed: write the value out`);
      return undefined;
    }
    const at = this.pos(this.start(n));
    const key = keyOffset === null ? at : this.pos(keyOffset);
    const refused = this.refuseProps(n, path);
    if (isScalar(n)) {
      this.places.set(path, { line: at.line, column: at.column, keyLine: key.line, keyColumn: key.column, shift: this.shiftOf(n) });
      if (refused) return undefined;
      const v = n.value;
      if (typeof v === 'string') {
        if (v.length > LIMITS.stringChars) this.report('yaml/string-too-long', this.start(n), path, `this text has ${v.length} characters; the most is ${LIMITS.stringChars}`);
        return v;
      }
      if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
      this.report('yaml/syntax', this.start(n), path, 'a value of an unsupported kind');
      return undefined;
    }
    this.places.set(path, { line: at.line, column: at.column, keyLine: key.line, keyColumn: key.column, shift: -1 });
    if (isMap(n)) {
      const out = this.mapping(n.items, path, depth);
      return refused ? undefined : out;
    }
    if (isSeq(n)) {
      const out: unknown[] = [];
      n.items.forEach((item, i) => {
        path.push(i);
        out.push(isPair(item) ? this.mapping([item], path, depth + 1) : this.convert(item, path, depth + 1, null));
        path.pop();
      });
      return refused ? undefined : out;
    }
    this.report('yaml/syntax', this.start(n), path, 'a value of an unsupported kind');
    return undefined;
  }

  private mapping(items: readonly Pair[], path: PathSegment[], depth: number): unknown {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const pair of items) {
      const k = pair.key as YamlNode | null;
      const keyStart = k?.range ? k.range[0] : null;
      if (k === null || !isScalar(k) || (typeof k.value !== 'string' && typeof k.value !== 'number' && typeof k.value !== 'boolean')) {
        this.report('yaml/key-type', keyStart ?? this.start(pair.value as YamlNode), path, 'a key must be a plain name, not empty, a list or a mapping');
        continue;
      }
      if (this.refuseProps(k, path)) continue;
      const name = String(k.value);
      if (FORBIDDEN_KEYS.includes(name)) {
        this.report('yaml/forbidden-key', keyStart, [...path, name], `the key "${name}" is not allowed anywhere in a scenario file`);
        continue;
      }
      if (name === '<<') {
        this.report('yaml/merge-key', keyStart, path, 'merge keys (<<) are not allowed: write the fields out');
        continue;
      }
      if (Object.hasOwn(out, name)) {
        this.report('yaml/duplicate-key', keyStart, [...path, name], `the key "${name}" appears twice in this mapping`);
        continue;
      }
      path.push(name);
      const value = pair.value as YamlNode | null;
      const blank = value === null || (isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1]);
      out[name] = this.convert(value, path, depth + 1, keyStart);
      if (blank && keyStart !== null) {
        const p = this.pos(keyStart);
        this.places.set(path, { line: p.line, column: p.column, keyLine: p.line, keyColumn: p.column, shift: -1 });
      }
      path.pop();
    }
    return out;
  }
}

/**
 * Parses one YAML (or JSON) document into plain data with the place of every node. Never throws and
 * never returns data when a diagnostic was raised: `data` is then `undefined`.
 */
export function parseYaml(text: string, file: string, options: YamlOptions = {}): YamlResult {
  const lines = new LineCounter();
  const bom = text.charCodeAt(0) === 0xfeff;
  const walker = new Walker(text, file, lines, bom);
  const fail = (): YamlResult => ({ data: undefined, places: walker.places, diagnostics: walker.diagnostics });
  if (text.length > LIMITS.fileBytes || utf8Length(text) > LIMITS.fileBytes) {
    walker.report('yaml/too-large', null, [], `the file is ${utf8Length(text)} bytes; the most is ${LIMITS.fileBytes}`);
    return fail();
  }
  if (onlyCarriageReturns(text)) {
    walker.report('yaml/line-endings', null, [], OLD_MAC_LINE_ENDINGS);
    return fail();
  }
  const encoding = encodingProblems(text);
  if (encoding.length > 0) {
    for (const p of encoding) walker.diagnostics.push({ severity: 'error', code: 'yaml/encoding', file, line: p.line, column: p.column, path: '', message: p.message });
    return fail();
  }
  const guard = nestingGuard(text);
  if (guard !== null) {
    walker.diagnostics.push({
      severity: 'error',
      code: 'yaml/too-deep',
      file,
      line: guard.line,
      column: guard.column,
      path: '',
      message: `values are nested far more than ${LIMITS.depth} levels deep`,
    });
    return fail();
  }

  const crowded = nodeGuard(text, LIMITS.nodes);
  if (crowded !== null) {
    walker.diagnostics.push({
      severity: 'error',
      code: 'yaml/too-many-nodes',
      file,
      line: crowded.line,
      column: crowded.column,
      path: '',
      message: `the file has more than ${LIMITS.nodes} values: split it, or remove repeated content`,
    });
    return fail();
  }
  const tabs = tabsInIndentation(text);
  if (tabs.length > 0) {
    for (const t of tabs)
      walker.diagnostics.push({
        severity: 'error',
        code: 'yaml/tab',
        file,
        line: t.line,
        column: t.column,
        path: '',
        message: 'a tab in the indentation: YAML indents with spaces only',
      });
    return fail();
  }

  const docs: Document.Parsed[] = [];
  try {
    // maxAliasCount is an option of toJS, which never runs here: aliases are refused outright instead.
    // uniqueKeys: true compares each key with every earlier key of its mapping (20 000 keys took 8 s,
    // 40 000 took 45 s); the walk below finds duplicates in constant time per key instead.
    const composer = new Composer({ schema: options.schema ?? 'core', merge: false, uniqueKeys: false, stringKeys: true, strict: true, prettyErrors: false, version: '1.2' });
    for (const token of new Parser(lines.addNewLine).parse(text)) {
      if (token.type === 'directive') walker.report('yaml/directive', token.offset, [], `directives such as "${token.source.trim().slice(0, 40)}" are not allowed: the file is read as YAML 1.2`);
      for (const doc of composer.next(token)) docs.push(doc);
    }
    for (const doc of composer.end()) docs.push(doc);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    walker.report('yaml/too-deep', null, [], 'the file is too deeply nested to read');
    return fail();
  }
  const doc = docs[0];
  if (docs.length > 1) {
    const second = docs[1] as Document.Parsed;
    walker.report('yaml/multiple-documents', second.range[0], [], 'the file holds more than one YAML document (a line "---" starts another): keep one scenario per file');
  }
  if (doc === undefined || doc.contents === null) {
    if (walker.diagnostics.length === 0) walker.report('yaml/empty', null, [], 'the file has no content');
    return fail();
  }
  for (const err of [...doc.errors, ...doc.warnings]) walker.reportParser(err);
  const data = walker.convert(doc.contents, [], 1, null);
  if (walker.diagnostics.length > 0) return fail();
  return { data, places: walker.places, diagnostics: [] };
}
