/**
 * Inputs too big or too strange to commit as fixtures, made here: the loader must answer each with
 * its code, fast, and never throw (RELIABILITY promises 9 and 10).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary, loadScenario, loadScenarioBytes, TOO_MANY_PROBLEMS } from '../../src/engine/check/load';
import { LIMITS } from '../../src/engine/format/schema';
import { decodeUtf8, encodingProblems } from '../../src/engine/format/yaml-encoding';
import { parseYaml } from '../../src/engine/format/yaml-safe';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const shared = loadLibrary(read('scenarios/terms.yaml'), read('scenarios/ladder.yaml'), read('scenarios/facts.yaml')).library;
if (shared === null) throw new Error('the shared library does not load');
const library = shared;
const minimal = read('test/fixtures/valid/minimal.yaml');

function codes(text: string): string[] {
  return loadScenario(text, 'generated.yaml', library).diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = f();
  return { value, ms: performance.now() - started };
}

describe('the valid fixture', () => {
  it('loads with no diagnostic at all', () => {
    const r = loadScenario(minimal, 'minimal.yaml', library);
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario?.id).toBe('minimal');
  });

  it('loads the same with a UTF-8 byte order mark, from text or from bytes', () => {
    expect(loadScenario(`\ufeff${minimal}`, 'minimal.yaml', library).diagnostics).toEqual([]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(minimal)]);
    const r = loadScenarioBytes(bytes, 'minimal.yaml', library);
    expect(r.diagnostics).toEqual([]);
    expect(r.scenario?.hash).toBe(loadScenario(minimal, 'minimal.yaml', library).scenario?.hash);
  });
});

describe('size and shape limits', () => {
  it('refuses a 600 KB file before parsing it', () => {
    const big = `${minimal}\nquestions_extra: |\n${'  padding line of text to make the file large\n'.repeat(14_000)}`;
    expect(big.length).toBeGreaterThan(600_000);
    const { value, ms } = timed(() => codes(big));
    expect(value).toEqual(['yaml/too-large 0:0']);
    expect(ms).toBeLessThan(1000);
  });

  it('counts bytes, not characters: 300 000 two-byte characters are too large', () => {
    expect(codes(`title: ${'é'.repeat(300_000)}\n`)).toEqual(['yaml/too-large 0:0']);
  });

  it.each([
    ['compact sequences', `${'- '.repeat(200_000)}x\n`, 'yaml/too-deep 1:199'],
    ['flow sequences', '['.repeat(200_000), 'yaml/too-deep 1:100'],
    ['flow mappings', `a: ${'{b: '.repeat(100_000)}`, 'yaml/too-deep 1:400'],
  ])('refuses nesting that would exhaust the parser (%s) before parsing', (_name, text, expected) => {
    const { value, ms } = timed(() => codes(text));
    expect(value).toEqual([expected]);
    expect(ms).toBeLessThan(1000);
  });

  it.each([
    ['a flow list', `questions: [${'a, '.repeat(LIMITS.nodes + 10)}a]\n`],
    ['a flow mapping', `effects: {${Array.from({ length: LIMITS.nodes }, (_, i) => `k${i}: 1`).join(', ')}}\n`],
    ['a block list of lists', `questions:\n${'- [a]\n'.repeat(LIMITS.nodes / 2)}`],
  ])('refuses %s that may hold more than LIMITS.nodes values before parsing it', (_name, text) => {
    const { value, ms } = timed(() => codes(text));
    expect(value).toHaveLength(1);
    expect(value[0]).toMatch(/^yaml\/too-many-nodes \d+:\d+$/);
    expect(ms).toBeLessThan(1000);
  });

  it('lets a file with many values but under the cap through to the later checks', () => {
    const text = minimal.replace('questions:\n', `questions:\n${'  - Why?\n'.repeat(LIMITS.nodes / 4)}`);
    const listLine = minimal.split('\n').indexOf('questions:') + 2;
    expect(codes(text)).toEqual([`schema/too-long ${listLine}:3`]);
  });

  it('caps the report at LIMITS.diagnostics with a last line saying how many were left out', () => {
    const effects = Array.from({ length: 300 }, (_, i) => `nothing_${i}: 1`).join(', ');
    const text = minimal.replace('effects: { trust: 10 }, request', `effects: { ${effects} }, request`);
    const r = loadScenario(text, 'many.yaml', library);
    expect(r.scenario).toBeNull();
    expect(r.diagnostics).toHaveLength(LIMITS.diagnostics);
    const last = r.diagnostics[r.diagnostics.length - 1];
    expect(last?.code).toBe(TOO_MANY_PROBLEMS);
    expect(last?.message).toContain('101 more');
  });
});

describe('encodings', () => {
  it.each([
    ['NUL', 'title: a\u0000b\n', 'yaml/encoding 1:9'],
    ['replacement character', 'id: x\ntitle: caf\ufffd\n', 'yaml/encoding 2:11'],
    ['lone high surrogate', 'title: \ud800x\n', 'yaml/encoding 1:8'],
    ['lone low surrogate', 'title: x\udc00\n', 'yaml/encoding 1:9'],
    ['UTF-16 BOM read as Latin-1', '\u00ff\u00fet\u0000i\u0000', 'yaml/encoding 1:1'],
    ['UTF-8 BOM read as Latin-1', '\u00ef\u00bb\u00bfid: x\n', 'yaml/encoding 1:1'],
    ['BOM inside the file', 'id: x\n\ufefftitle: y\n', 'yaml/encoding 2:1'],
    ['control character', 'title: bell\u0007\n', 'yaml/encoding 1:12'],
  ])('refuses text with a %s', (_name, text, expected) => {
    expect(codes(text)[0]).toBe(expected);
  });

  it('accepts characters outside the Basic Multilingual Plane', () => {
    expect(encodingProblems('title: 网络 🔒\n')).toEqual([]);
  });

  it('decodes strict UTF-8 and refuses the rest with the byte offset', () => {
    expect(decodeUtf8(new TextEncoder().encode('a 网 🔒'))).toEqual({ ok: true, text: 'a 网 🔒' });
    const cases: [number[], number][] = [
      [[0x61, 0xc0, 0xaf], 1],
      [[0x61, 0x62, 0xed, 0xa0, 0x80], 2],
      [[0xf4, 0x90, 0x80, 0x80], 0],
      [[0x61, 0xe2, 0x82], 1],
      [[0x80], 0],
    ];
    for (const [bytes, offset] of cases) {
      const r = decodeUtf8(new Uint8Array(bytes));
      expect(r.ok ? -1 : r.offset).toBe(offset);
    }
    expect(decodeUtf8(new Uint8Array([0xff, 0xfe, 0x61, 0x00])).ok).toBe(false);
    const r = loadScenarioBytes(new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]), 'utf16.yaml', library);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['yaml/encoding']);
  });
});

describe('YAML features a scenario never needs', () => {
  it('refuses a %TAG directive and the tag that uses it', () => {
    expect(codes('%TAG !e! tag:example.com,2000:\n---\nid: !e!x minimal\n')).toEqual(['yaml/directive 1:1', 'yaml/tag 3:5']);
  });

  it('reads JSON text through the same checks, with its places', () => {
    const r = parseYaml('{"id": "x",\n "id": "y"}', 'a.json', { schema: 'json' });
    expect(r.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['yaml/duplicate-key 2:2']);
  });

  it('builds objects without a prototype, so no key can reach one', () => {
    const r = parseYaml('a: { b: 1 }\n', 'x.yaml');
    const data = r.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.getPrototypeOf(data.a)).toBeNull();
  });

  it('places an expression error inside a quoted string only when the text has no escapes', () => {
    const plain = minimal.replace('when: "turn >= 3"', 'when: "turns >= 3"');
    const escaped = minimal.replace('when: "turn >= 3"', 'when: "\\u0074urns >= 3"');
    const at = (text: string): string[] => codes(text).filter((c) => c.startsWith('expr/'));
    const line = minimal.split('\n').findIndex((l) => l.includes('when: "turn >= 3"')) + 1;
    const column = (minimal.split('\n')[line - 1] ?? '').indexOf('"turn >= 3"') + 1;
    expect(at(plain)).toEqual([`expr/unknown-name ${line}:${column + 1}`]);
    expect(at(escaped)).toEqual([`expr/unknown-name ${line}:${column}`]);
  });
});

describe('the shared library', () => {
  it('loads the committed terms and ladder with no diagnostic', () => {
    expect(loadLibrary(read('scenarios/terms.yaml'), read('scenarios/ladder.yaml'), read('scenarios/facts.yaml')).diagnostics).toEqual([]);
  });

  it('names terms.yaml and ladder.yaml in its diagnostics by default', () => {
    const r = loadLibrary('format: x\n', 'rungs: *a\n', read('scenarios/facts.yaml'));
    expect(r.library).toBeNull();
    expect(r.diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual([
      'ladder.yaml yaml/alias',
      'terms.yaml schema/missing-field',
      'terms.yaml schema/missing-field',
      'terms.yaml schema/invalid-value',
    ]);
  });
});
