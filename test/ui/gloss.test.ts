/**
 * The glossary marks of src/ui/gloss.ts in a Chinese sentence, without a browser: a small stand-in
 * for `document` (elements, attributes, text nodes) is put in place for these tests and taken away
 * after. The page's glossary is the Chinese one, as a page in Chinese reads it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_GLOSSARY, pageGlossary } from '../../src/store/glossary';
import { glossed, glossedParagraphs, installGlossary } from '../../src/ui/gloss';

/** Just enough of a DOM node for `h`: attributes, children, text. */
class FakeNode {
  readonly attrs = new Map<string, string>();
  readonly childNodes: FakeNode[] = [];
  constructor(
    readonly tag: string,
    readonly text = '',
  ) {}
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  addEventListener(): void {}
  appendChild(child: FakeNode): FakeNode {
    this.childNodes.push(child);
    return child;
  }
  get textContent(): string {
    return this.tag === '#text' ? this.text : this.childNodes.map((c) => c.textContent).join('');
  }
  /** Every descendant (and itself) with the attribute `name`. */
  all(name: string): FakeNode[] {
    return [...(this.attrs.has(name) ? [this as FakeNode] : []), ...this.childNodes.flatMap((c) => c.all(name))];
  }
}

const fakeDocument = { createElement: (tag: string) => new FakeNode(tag), createTextNode: (text: string) => new FakeNode('#text', text) };
const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const had = Object.getOwnPropertyDescriptor(globalThis, 'document');

beforeAll(() => {
  Object.defineProperty(globalThis, 'document', { value: fakeDocument, configurable: true, writable: true });
  const zh = pageGlossary(read('scenarios/glossary.yaml'), read('scenarios/zh-Hans/glossary.yaml'), 'zh-Hans');
  expect(zh.warnings).toEqual([]);
  installGlossary(zh.glossary);
});

afterAll(() => {
  installGlossary(EMPTY_GLOSSARY);
  if (had === undefined) Reflect.deleteProperty(globalThis, 'document');
  else Object.defineProperty(globalThis, 'document', had);
});

describe('glossary marks in Chinese page text', () => {
  it('marks a Chinese form inside a Chinese sentence, with no spaces around it and a digit before it', () => {
    const pieces = glossed('这类请求正是T4热线的用途。', new Set());
    expect(pieces.map((p) => (typeof p === 'string' ? p : '[mark]'))).toEqual(['这类请求正是T4', '[mark]', '的用途。']);
    const mark = pieces[1] as unknown as FakeNode;
    const button = mark.all('data-gloss')[0];
    expect(button?.tag).toBe('button');
    expect(button?.getAttribute('data-gloss')).toBe('hotline');
    expect(button?.textContent).toBe('热线');
    const tip = mark.all('role')[0];
    expect(tip?.getAttribute('id')).toBe(button?.getAttribute('aria-describedby'));
    expect(tip?.textContent).toContain('并不是领导人之间的危机热线');
  });

  it('marks each term once on a screen, across paragraphs, and leaves an excepted word plain', () => {
    const seen = new Set<string>();
    const prose = glossedParagraphs('财政部依据第13694号行政令将四家中国企业列入制裁名单。\n\n财政部长随后表态；此后危机热线仍曾无人接听。', seen) as unknown as FakeNode;
    expect(prose.all('data-gloss').map((b) => `${b.getAttribute('data-gloss')}:${b.textContent}`)).toEqual(['treasury:财政部', 'eo13694:第13694号行政令', 'designate:列入制裁名单']);
    expect([...seen].sort()).toEqual(['designate', 'eo13694', 'treasury']);
    expect(prose.textContent).toContain('此后危机热线仍曾无人接听。');
  });
});
