/**
 * The glossary in Chinese (scenarios/zh-Hans/glossary.yaml): it reads over the English glossary and
 * merges (Chinese names, forms and explanations; the English sources kept; a term it lacks stays in
 * English); each Chinese form and each excepted word is met in the Chinese scenario texts, so none is
 * dead; Han forms are marked beside Latin letters and digits; a broken overlay is refused with its ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type Glossary, type GlossaryTerm, glossPieces, pageGlossary, readGlossary, readGlossaryOverlay } from '../../src/store/glossary';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

const englishText = read('scenarios/glossary.yaml');
const overlayText = read('scenarios/zh-Hans/glossary.yaml');
const englishRead = readGlossary(englishText);
if (!englishRead.ok) throw new Error(englishRead.message);
const english = englishRead.value;

/** Every text of a Chinese scenario overlay (its string values; ids and keys left out). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
const chineseTexts = readdirSync(new URL('scenarios/zh-Hans/', root))
  .filter((n) => n.endsWith('.yaml') && n !== 'glossary.yaml')
  .flatMap((n) => {
    const { format: _f, scenario: _s, lang: _l, ...rest } = parse(read(`scenarios/zh-Hans/${n}`)) as Record<string, unknown>;
    return strings(rest);
  });

const marked = (text: string, g: Glossary): string[] => glossPieces(text, g, new Set()).flatMap((p) => (typeof p === 'string' ? [] : [`${p.term.id}:${p.form}`]));
const overlay = (terms: string): ReturnType<typeof readGlossaryOverlay> =>
  readGlossaryOverlay(english, `format: red-phone/glossary-overlay@1\nlang: zh-Hans\nterms:\n${terms}`, { file: 'zh-Hans/glossary.yaml', lang: 'zh-Hans' });

describe('the glossary in Chinese', () => {
  const shipped = readGlossaryOverlay(english, overlayText, { file: 'zh-Hans/glossary.yaml', lang: 'zh-Hans' });
  if (!shipped.ok) throw new Error(shipped.message);
  const chinese = shipped.value;
  const data = parse(overlayText) as { terms: Record<string, { match: string[]; except?: string[] }> };

  it('reads over the English glossary: Chinese names and texts, the English sources and order', () => {
    expect(chinese.terms.map((t) => t.id)).toEqual(english.terms.map((t) => t.id));
    const byId = new Map<string, GlossaryTerm>(chinese.terms.map((t) => [t.id, t]));
    for (const t of english.terms) {
      const zh = byId.get(t.id);
      expect(zh?.sources, t.id).toEqual(t.sources);
      expect(zh?.text, t.id).toMatch(/[\u4e00-\u9fff]/);
      expect(zh?.text, t.id).not.toBe(t.text);
    }
    expect(byId.get('mps')?.term).toBe('公安部');
    expect(chinese.byForm.get('CNCERT')?.id).toBe('cert');
    // The English forms of a translated term are the overlay's now: "hotline" is not a Chinese page's form.
    expect(chinese.byForm.has('hotline')).toBe(false);
  });

  it('uses each Chinese form and excepted word in some Chinese scenario text, where the marker reaches it', () => {
    const found = new Set(chineseTexts.flatMap((text) => [...text.matchAll(chinese.pattern ?? /$^/g)].map((m) => m[0])));
    for (const [id, t] of Object.entries(data.terms)) for (const form of [...t.match, ...(t.except ?? [])]) expect(found.has(form), `${id}: ${form}`).toBe(true);
  });

  it('marks Chinese forms beside digits and Latin letters, keeps Latin forms whole words, and leaves excepted words plain', () => {
    expect(marked('正是T4热线的用途。', chinese)).toEqual(['hotline:热线']);
    expect(marked('2018年12月的APT10起诉书点名了两人。', chinese)).toEqual(['indictment:起诉书']);
    expect(marked('司法部起诉五名中国人民解放军军官，财政部长表态。', chinese)).toEqual(['indictment:起诉', 'pla:中国人民解放军', 'treasury:财政部']);
    expect(marked('美国计算机应急准备小组（US-CERT）联系了 CNCERT。', chinese)).toEqual(['cert:美国计算机应急准备小组']);
    expect(marked('它在复制树脂固化工艺规范。此后危机热线仍曾无人接听。', chinese)).toEqual([]);
    expect(marked('工艺规范之外，T3 规范也要顾及。', chinese)).toEqual(['norms:规范']);
  });

  it('falls back to English for a term the overlay lacks', () => {
    const r = overlay('  pla:\n    term: 解放军\n    match: [解放军]\n    text: 中国人民解放军，中国的武装力量。\n');
    if (!r.ok) throw new Error(r.message);
    expect(r.value.terms.find((t) => t.id === 'treasury')?.text).toBe(english.terms.find((t) => t.id === 'treasury')?.text);
    expect(marked('The Treasury and 解放军.', r.value)).toEqual(['treasury:Treasury', 'pla:解放军']);
  });

  it('refuses an unknown id, an empty match list, a form two terms claim and markup, each with its id', () => {
    const r = overlay(
      [
        '  cret: { term: X, match: [CERTX], text: 一二三四五六七八九十 }',
        '  mlat: { term: 司法, match: [], text: 一二三四五六七八九十 }',
        '  pla: { term: 解放军, match: [热线], text: "一二三四五六七八九十<b>" }',
        '  hotline: { term: 热线, match: [热线], text: 一二三四五六七八九十 }',
        '  cert: { term: CERT, match: [Treasury], text: 一二三四五六七八九十 }',
        '',
      ].join('\n'),
    );
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems.map((p) => [p.id, p.path])).toEqual([
      ['cret', 'terms.cret'],
      ['mlat', 'terms.mlat.match'],
      ['pla', 'terms.pla.text'],
      ['cert', 'terms.cert.match'],
      ['hotline', 'terms.hotline.match'],
    ]);
    expect(problems[0]).toMatchObject({ message: '"cret" is not a term of glossary.yaml', suggestion: 'cert' });
    expect(problems[3]?.message).toBe('"Treasury" is a match form of two terms, "cert" and "treasury" (in English: the overlay does not translate it)');
    expect(r.ok ? '' : r.message).toBe('zh-Hans/glossary.yaml, terms.cret: "cret" is not a term of glossary.yaml');
  });

  it('gives a page in Chinese the Chinese glossary, and English when the overlay is missing or broken; never throws', () => {
    expect(pageGlossary(englishText, overlayText, 'zh-Hans').glossary.byForm.has('公安部')).toBe(true);
    expect(pageGlossary(englishText, undefined, 'en')).toEqual({ glossary: english, warnings: [] });
    const broken = pageGlossary(englishText, 'format: red-phone/glossary-overlay@1\nlang: zh-Hans\nterms: { nope: {} }\n', 'zh-Hans');
    expect(broken.glossary.byForm.has('hotline')).toBe(true);
    expect(broken.warnings).toEqual(['the glossary stays in English: zh-Hans/glossary.yaml, terms.nope: "nope" is not a term of glossary.yaml']);
    expect(pageGlossary(englishText, overlayText.replace('lang: zh-Hans', 'lang: fr'), 'zh-Hans').warnings[0]).toMatch(/^the glossary stays in English: zh-Hans\/glossary\.yaml, lang: /);
    expect(pageGlossary('{', overlayText, 'zh-Hans').glossary.terms).toEqual([]);
    expect(pageGlossary(englishText, '{', 'zh-Hans').warnings[0]).toMatch(/not readable YAML/);
  });
});
