/**
 * Every broken fixture with its expected diagnostics (RELIABILITY promise 9). A fixture lists what it
 * must produce at its end, one `# expect: code line:column` line each, in the loader's order.
 * Files named ladder-* and terms-* are loaded as the shared library files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary, loadScenario } from '../../src/engine/check/load';
import type { Diagnostic } from '../../src/engine/format/diagnostics';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const termsText = read('scenarios/terms.yaml');
const ladderText = read('scenarios/ladder.yaml');
const factsText = read('scenarios/facts.yaml');
const shared = loadLibrary(termsText, ladderText, factsText).library;
if (shared === null) throw new Error('the shared library does not load');
const library = shared;

const DIR = 'test/fixtures/broken/';
const fixtures = readdirSync(new URL(DIR, root))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function expectations(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^# expect: (\S+ \d+:\d+)$/.exec(line);
    if (m?.[1] !== undefined) out.push(m[1]);
  }
  return out;
}

function load(name: string, text: string): { diagnostics: readonly Diagnostic[]; loaded: boolean } {
  if (name.startsWith('ladder-')) {
    const r = loadLibrary(termsText, text, factsText, { terms: 'terms.yaml', ladder: name });
    return { diagnostics: r.diagnostics, loaded: r.library !== null };
  }
  if (name.startsWith('terms-')) {
    const r = loadLibrary(text, ladderText, factsText, { terms: name, ladder: 'ladder.yaml' });
    return { diagnostics: r.diagnostics, loaded: r.library !== null };
  }
  const r = loadScenario(text, name, library);
  return { diagnostics: r.diagnostics, loaded: r.scenario !== null };
}

describe('broken fixtures', () => {
  it('are many and each states what it expects', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(34);
    for (const f of fixtures) expect(expectations(read(DIR + f)).length, f).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s gives exactly its expected codes and places', (name) => {
    const text = read(DIR + name);
    const started = performance.now();
    const { diagnostics, loaded } = load(name, text);
    const elapsed = performance.now() - started;
    expect(diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(expectations(text));
    expect(loaded).toBe(!diagnostics.some((d) => d.severity === 'error'));
    for (const d of diagnostics) {
      expect(d.file).toBe(name);
      expect(d.code).toMatch(/^(yaml|schema|scenario|expr|chance|lint|load)\/[a-z-]+$/);
      expect(d.message.length).toBeGreaterThan(10);
    }
    // Generous: each takes a few milliseconds; the bound catches a parser that expands or recurses.
    expect(elapsed).toBeLessThan(2000);
  });

  it('names the likely intended word for near misses', () => {
    const hints = new Map<string, string | undefined>();
    for (const name of ['schema-unknown-field.yaml', 'ref-unknown-indicator.yaml', 'ref-unknown-next.yaml', 'expr-unknown-name.yaml', 'schema-invalid-value.yaml']) {
      for (const d of load(name, read(DIR + name)).diagnostics) hints.set(`${name} ${d.path}`, d.suggestion);
    }
    expect(hints.get('schema-unknown-field.yaml beats[0].titel')).toBe('title');
    expect(hints.get('schema-unknown-field.yaml maxturn')).toBe('maxTurns');
    expect(hints.get('ref-unknown-indicator.yaml beats[0].options.us[0].outcomes[0].effects.trsut')).toBe('trust');
    expect(hints.get('ref-unknown-next.yaml beats[0].next')).toBe('response');
    expect(hints.get('expr-unknown-name.yaml injects[0].when')).toBe('turn');
    expect(hints.get('schema-invalid-value.yaml endings[0].tone.us')).toBe('success');
  });
});
