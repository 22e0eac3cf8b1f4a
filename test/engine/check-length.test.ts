/**
 * Reading length (issue 17): the checker warns on a beat's text over 150 words and an option's over 35,
 * naming the place, each side and variant counted on its own; the shipped scenarios fit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary, loadScenario } from '../../src/engine/check/load';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const library = loadLibrary(read('scenarios/terms.yaml'), read('scenarios/ladder.yaml'), read('scenarios/facts.yaml')).library;
if (library === null) throw new Error('the shared library does not load');
const minimal = read('test/fixtures/valid/minimal.yaml');
const words = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const codes = (text: string): string[] => loadScenario(text, 'm.yaml', library).diagnostics.map((d) => `${d.code} ${d.path} ${d.line}`);

describe('reading length', () => {
  it('is quiet at the limits: 150 words of beat text, 35 of option text', () => {
    const text = minimal.replace('text: Investigators trace the intrusion to servers in China.', `text: ${words(150)}`).replace('text: Send a formal request for assistance.', `text: ${words(35)}`);
    expect(codes(text).filter((c) => c.startsWith('lint/long'))).toEqual([]);
  });

  it('warns one word over, with the place', () => {
    const lines = minimal.split('\n');
    const beatLine = lines.findIndex((l) => l.includes('text: Investigators trace the intrusion')) + 1;
    const optionLine = lines.findIndex((l) => l.includes('text: Send a formal request for assistance.')) + 1;
    const text = minimal.replace('text: Investigators trace the intrusion to servers in China.', `text: ${words(151)}`).replace('text: Send a formal request for assistance.', `text: ${words(36)}`);
    const found = codes(text).filter((c) => c.startsWith('lint/long'));
    expect(found).toEqual([`lint/long-beat-text beats[0].text ${beatLine}`, `lint/long-option-text beats[0].options.us[0].text ${optionLine}`]);
  });

  it('counts each side of a per-side text on its own', () => {
    const text = minimal.replace('text: { us: Washington waits., cn: Beijing weighs its answer. }', `text: { us: Washington waits., cn: ${words(151)} }`);
    expect(
      codes(text)
        .filter((c) => c.startsWith('lint/long'))
        .map((c) => c.split(' ')[1]),
    ).toEqual(['beats[1].text.cn']);
  });

  it('every shipped scenario fits', () => {
    const names = readdirSync(new URL('scenarios/', root)).filter((n) => n.endsWith('.yaml') && !['schema.yaml', 'terms.yaml', 'ladder.yaml', 'facts.yaml', 'glossary.yaml'].includes(n));
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const n of names)
      expect(
        codes(read(`scenarios/${n}`)).filter((c) => c.startsWith('lint/long')),
        n,
      ).toEqual([]);
  });
});
