/**
 * Building the page-text layer: elements with text set through text nodes only. Scenario, save and
 * replay text can never become markup here (no innerHTML anywhere in src/ui).
 */

export type Child = Node | string | number | null | undefined | false;
type Attr = string | number | boolean | null | undefined;
/** Attributes, and listeners under `on<event>` keys (`onclick`, `onchange`). */
export type Attrs = Record<string, Attr | ((event: Event) => void)>;

function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** An element with attributes (true gives an empty attribute; false, null and undefined none) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element, built the same way. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, Attr>> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** A button with a stable `data-action` hook. */
export function actionButton(action: string, label: Child, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  return h('button', { type: 'button', 'data-action': action, ...attrs, onclick: () => onClick() }, label);
}

/** Text read by screen readers but not shown. */
export function hidden(text: string): HTMLSpanElement {
  return h('span', { class: 'visually-hidden' }, text);
}

/** The screen's main heading: focus moves to it when the screen changes. */
export function heading(text: Child, level: 1 | 2 = 1, attrs: Attrs = {}): HTMLHeadingElement {
  return h(level === 1 ? 'h1' : 'h2', { tabindex: -1, 'data-heading': true, ...attrs }, text);
}

/** Paragraphs from text with blank-line breaks (scenario text is prose, never markup). */
export function paragraphs(text: string, attrs: Attrs = {}): HTMLDivElement {
  const blocks = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  return h('div', { class: 'prose', ...attrs }, ...blocks.map((p) => h('p', {}, p)));
}
