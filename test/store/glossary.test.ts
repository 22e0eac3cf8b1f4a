/**
 * The glossary (issue 17): the shipped file reads, cites only sources facts.yaml has, and each term is
 * met in some scenario; a term is marked once per screen, as a whole word; a broken file is named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { glossPieces, readGlossary } from '../../src/store/glossary';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

describe('the glossary', () => {
  const shipped = readGlossary(read('scenarios/glossary.yaml'));
  if (!shipped.ok) throw new Error(shipped.message);
  const glossary = shipped.value;

  it('cites only sources in facts.yaml, and each term appears in a scenario', () => {
    const facts = read('scenarios/facts.yaml');
    for (const t of glossary.terms) for (const key of t.sources) expect(facts, `${t.id}: ${key}`).toContain(`key: ${key},`);
    const texts = readdirSync(new URL('scenarios/', root))
      .filter((n) => n.endsWith('.yaml') && !['schema.yaml', 'terms.yaml', 'ladder.yaml', 'facts.yaml', 'glossary.yaml'].includes(n))
      .map((n) => read(`scenarios/${n}`))
      .join('\n');
    for (const t of glossary.terms)
      expect(
        glossPieces(texts, glossary, new Set()).some((p) => typeof p !== 'string' && p.term.id === t.id),
        t.id,
      ).toBe(true);
  });

  it('marks a term once per screen, as a whole word, the longest form first', () => {
    const seen = new Set<string>();
    const first = glossPieces('CNCERT asked US-CERT; then CERT again, and a certainty.', glossary, seen);
    expect(first.filter((p) => typeof p !== 'string').map((p) => (typeof p === 'string' ? p : p.form))).toEqual(['CNCERT']);
    expect(first.map((p) => (typeof p === 'string' ? p : `[${p.form}]`)).join('')).toBe('[CNCERT] asked US-CERT; then CERT again, and a certainty.');
    expect(glossPieces('Treasury designated two firms under EO 13694.', glossary, seen).filter((p) => typeof p !== 'string').length).toBe(3);
    expect(glossPieces('The Treasury again.', glossary, seen)).toEqual(['The Treasury again.']);
  });

  it('a broken file is refused with its place and reason', () => {
    const r = readGlossary('format: red-phone/glossary@1\nterms:\n  - { id: x, term: X, match: [XY], text: 5 }\n');
    expect(r.ok ? '' : r.message).toMatch(/^glossary\.yaml, terms\.0\.text: /);
    const twice = readGlossary(
      'format: red-phone/glossary@1\nterms:\n  - { id: a, term: A, match: [AB], text: "one two three four" }\n  - { id: b, term: B, match: [AB], text: "one two three four" }\n',
    );
    expect(twice.ok ? '' : twice.message).toBe('glossary.yaml: "AB" is listed under two terms');
    expect(readGlossary('{').ok).toBe(false);
  });
});
