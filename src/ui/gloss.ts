/**
 * Glossary marks in the page text: a term's first appearance on a screen becomes a small inline button
 * (dotted underline) whose explanation shows on hover, tap or keyboard focus and is its accessible
 * description. Text stays text nodes: nothing here is parsed as markup.
 */
import { m } from '../i18n/lang';
import { EMPTY_GLOSSARY, type Glossary, glossPieces } from '../store/glossary';
import { type Attrs, type Child, h } from './dom';

let glossary: Glossary = EMPTY_GLOSSARY;
let counter = 0;

/** The page's glossary (main.ts reads scenarios/glossary.yaml once). */
export function installGlossary(g: Glossary): void {
  glossary = g;
}

/** A text with its glossary terms marked; `seen` keeps one mark per term on a screen. */
export function glossed(text: string, seen: Set<string>): Child[] {
  return glossPieces(text, glossary, seen).map((piece) => {
    if (typeof piece === 'string') return piece;
    counter += 1;
    const tip = `gloss-tip-${counter}`;
    return h(
      'span',
      { class: 'gloss-wrap' },
      h('button', { type: 'button', class: 'gloss', 'data-gloss': piece.term.id, 'aria-describedby': tip }, piece.form),
      h('span', { role: 'tooltip', id: tip, class: 'gloss-tip' }, m.gloss_tip({ term: piece.term.term, text: piece.term.text })),
    );
  });
}

/** Paragraphs (blank lines between them), with glossary terms marked. */
export function glossedParagraphs(text: string, seen: Set<string>, attrs: Attrs = {}): HTMLDivElement {
  const blocks = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return h('div', { class: 'prose', ...attrs }, ...blocks.map((p) => h('p', {}, ...glossed(p, seen))));
}
