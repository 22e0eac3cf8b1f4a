/**
 * Issue 10, "messages that must tell the fix": each message a newcomer met says the thing once, in
 * plain words, with the fix and the place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary, loadScenario, TOO_MANY_PROBLEMS } from '../../src/engine/check/load';
import { compareDiagnostics, formatDiagnostic } from '../../src/engine/format/diagnostics';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const shared = loadLibrary(read('scenarios/terms.yaml'), read('scenarios/ladder.yaml'), read('scenarios/facts.yaml')).library;
if (shared === null) throw new Error('the shared library does not load');
const library = shared;
const minimal = read('test/fixtures/valid/minimal.yaml');
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const lines = (text: string): string[] => loadScenario(text, 'm.yaml', library).diagnostics.map(formatDiagnostic);

describe('a missing field is named once, with its place', () => {
  it('at the top: no "at author" after a message naming "author"', () => {
    const out = lines(minimal.replace(/^author:.*\n/m, ''));
    const missing = out.find((l) => l.includes('schema/missing-field'));
    expect(missing).toMatch(/^m\.yaml:\d+:\d+ {2}schema\/missing-field {2}the field "author" is missing$/);
  });

  it('inside a beat: the mapping that lacks it, not the field again', () => {
    const out = lines(minimal.replace('    title: The breach\n', ''));
    expect(out).toContain(`m.yaml:${lineOf(minimal, '  - id: opening')}:5  schema/missing-field  the field "title" is missing at beats[0]`);
  });
});

describe('a weight written in words', () => {
  it('says a weight is a number or an expression, not "unknown name"', () => {
    const text = minimal.replace('weight: 30,', 'weight: one in four,');
    expect(text).not.toBe(minimal);
    const out = lines(text).join('\n');
    expect(out).toContain('a weight is a number or an expression of the state (such as 3 or "trust / 10"), and "one in four" is neither');
    expect(out).toMatch(new RegExp(`^m\\.yaml:${lineOf(text, 'weight: one in four')}:\\d+ `, 'm'));
  });
});

describe('YAML parser jargon becomes a sentence with the fix, at the same place', () => {
  it('an unquoted ": " in a text says to quote the text', () => {
    const text = minimal.replace('    title: The breach', '    title: The breach: day one');
    const out = lines(text);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^m\\.yaml:${lineOf(text, 'day one')}:\\d+ {2}yaml/syntax {2}`));
    expect(out[0]).toContain('put it in quotes');
    expect(out[0]).not.toContain('compact mappings');
  });

  it('a line indented one space too little is one message saying how to indent, not several', () => {
    const text = minimal.replace('    title: The breach', '   title: The breach');
    const out = lines(text);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(new RegExp(`^m\\.yaml:${lineOf(text, 'title: The breach')}:1 {2}yaml/syntax {2}`));
    expect(out[0]).toContain('indent with two spaces');
    expect(out[0]).not.toMatch(/indicator|compact/);
  });

  it('fields of one mapping out of line say so', () => {
    const out = lines('a:\n  b: 1\n c: 2\n');
    expect(out[0]).toMatch(/^m\.yaml:3:1 {2}yaml\/syntax {2}the fields of one mapping do not start at the same column: indent with two spaces/);
  });
});

describe('old Mac line endings', () => {
  it('one message naming them, not a flood on line 1', () => {
    const out = lines(minimal.replace(/\n/g, '\r'));
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('yaml/line-endings');
    expect(out[0]).toContain('old Mac line endings');
    expect(out[0]).toContain('save it with LF');
  });

  it('Windows line endings (CRLF) still load', () => {
    expect(loadScenario(minimal.replace(/\n/g, '\r\n'), 'm.yaml', library).scenario).not.toBeNull();
  });
});

describe('the "too many problems" summary', () => {
  it('comes last, after sorting by place as the command line does', () => {
    const effects = Array.from({ length: 300 }, (_, i) => `nothing_${i}: 1`).join(', ');
    const text = minimal.replace('effects: { trust: 10 }, request', `effects: { ${effects} }, request`);
    const sorted = loadScenario(text, 'many.yaml', library).diagnostics.slice().sort(compareDiagnostics);
    expect(sorted[sorted.length - 1]?.code).toBe(TOO_MANY_PROBLEMS);
    expect(sorted[0]?.code).not.toBe(TOO_MANY_PROBLEMS);
  });
});
