/**
 * Properties of the loader over generated input (RELIABILITY promise 8): it never throws, never
 * touches a prototype, returns a scenario only with no error, and reports in order.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseTrusted, stringify } from 'yaml';
import { loadLibrary, loadScenario } from '../../src/engine/check/load';
import { compareDiagnostics, type Diagnostic } from '../../src/engine/format/diagnostics';
import { decodeUtf8 } from '../../src/engine/format/yaml-encoding';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const shared = loadLibrary(read('scenarios/terms.yaml'), read('scenarios/ladder.yaml'), read('scenarios/facts.yaml')).library;
if (shared === null) throw new Error('the shared library does not load');
const library = shared;
const minimalText = read('test/fixtures/valid/minimal.yaml');

type Tree = { kind: 'map'; entries: [string, Tree][] } | { kind: 'list'; items: Tree[] } | { kind: 'leaf'; value: string | number | boolean | null };

const keyArb = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'id', 'beats', 'format', 'next', 'effects', '<<', 'polluted'),
  fc.string({ maxLength: 8 }),
);
const leafArb = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null));

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb.map((value): Tree => ({ kind: 'leaf', value })),
    fc.array(fc.tuple(keyArb, tie('tree')), { maxLength: 5 }).map((entries): Tree => ({ kind: 'map', entries })),
    fc.array(tie('tree'), { maxLength: 5 }).map((items): Tree => ({ kind: 'list', items })),
  ),
}));

/** A Map-based value for the YAML writer: keys such as __proto__ stay ordinary entries. */
function toYamlValue(t: Tree): unknown {
  if (t.kind === 'leaf') return t.value;
  if (t.kind === 'list') return t.items.map(toYamlValue);
  return new Map(t.entries.map(([k, v]) => [k, toYamlValue(v)]));
}

/** JSON text written by hand, so that a key named __proto__ is written as an ordinary key. */
function toJson(t: Tree): string {
  if (t.kind === 'leaf') return typeof t.value === 'number' && !Number.isFinite(t.value) ? '0' : JSON.stringify(t.value);
  if (t.kind === 'list') return `[${t.items.map(toJson).join(',')}]`;
  return `{${t.entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
}

function prototypesSnapshot(): string {
  const names = (o: object): string => Object.getOwnPropertyNames(o).sort().join(',');
  return [names(Object.prototype), names(Array.prototype), names(Function.prototype), String(Object.getPrototypeOf({}) === Object.prototype)].join('|');
}

function checkResult(text: string, diagnostics: readonly Diagnostic[], loaded: boolean): void {
  const lines = text.split('\n').length;
  expect(loaded).toBe(!diagnostics.some((d) => d.severity === 'error'));
  const ordered = diagnostics.filter((d) => d.code !== 'load/too-many-problems');
  for (let i = 1; i < ordered.length; i++) expect(compareDiagnostics(ordered[i - 1] as Diagnostic, ordered[i] as Diagnostic)).toBeLessThanOrEqual(0);
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.column).toBeGreaterThanOrEqual(0);
  }
}

describe('loading generated input', () => {
  it('never throws and never changes a prototype, for any tree written as YAML or JSON', () => {
    const before = prototypesSnapshot();
    fc.assert(
      fc.property(tree, (t) => {
        for (const text of [stringify(toYamlValue(t)), toJson(t)]) {
          const r = loadScenario(text, 'generated.yaml', library);
          expect(Array.isArray(r.diagnostics)).toBe(true);
          checkResult(text, r.diagnostics, r.scenario !== null);
        }
        expect(prototypesSnapshot()).toBe(before);
        expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('never throws when one value of a valid scenario is replaced, removed or joined by a stray key', () => {
    const base = parseTrusted(minimalText) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const collect = (v: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(v))
        v.forEach((x, i) => {
          collect(x, [...path, i]);
        });
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, [...path, k]);
    };
    collect(base, []);
    const before = prototypesSnapshot();
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.constantFrom('replace', 'remove', 'stray'), tree, keyArb, (index, how, junk, strayKey) => {
        const doc = parseTrusted(minimalText, { mapAsMap: true }) as Map<string, unknown>;
        const path = paths[index] ?? [];
        let parent: unknown = doc;
        for (const seg of path.slice(0, -1)) parent = parent instanceof Map ? parent.get(seg) : (parent as unknown[])[seg as number];
        const last = path[path.length - 1];
        const target = last === undefined ? doc : parent instanceof Map ? parent.get(last) : (parent as unknown[])[last as number];
        if (how === 'stray' && target instanceof Map) target.set(strayKey, toYamlValue(junk));
        else if (last !== undefined && how === 'remove') {
          if (parent instanceof Map) parent.delete(last);
          else (parent as unknown[]).splice(last as number, 1);
        } else if (last !== undefined) {
          if (parent instanceof Map) parent.set(last, toYamlValue(junk));
          else (parent as unknown[])[last as number] = toYamlValue(junk);
        }
        const text = stringify(doc);
        const r = loadScenario(text, 'mutated.yaml', library);
        checkResult(text, r.diagnostics, r.scenario !== null);
        expect(prototypesSnapshot()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });

  it('the valid fixture loads with zero diagnostics', () => {
    expect(loadScenario(minimalText, 'minimal.yaml', library).diagnostics).toEqual([]);
  });
});

describe('strict UTF-8', () => {
  it('agrees with the platform decoder in fatal mode on any bytes', () => {
    const platform = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
        ),
        (bytes) => {
          let expected: string | null;
          try {
            expected = platform.decode(bytes);
          } catch {
            expected = null;
          }
          const ours = decodeUtf8(bytes);
          const utf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
          if (utf16Bom) expect(ours.ok).toBe(false);
          else expect(ours.ok ? ours.text : null).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
