/**
 * A tiny HTML builder for the exercise pack's printable pages (src/engine/report/pack.ts). Text is
 * escaped by default: a string child or attribute value can never become markup, so scenario text (data,
 * never markup) shows literally. Markup is only made by {@link el}. Pages are self-contained: inline
 * CSS with a print stylesheet, no script, no external resource, and a Content-Security-Policy that
 * allows nothing else.
 */

/** Markup made by this module; the brand keeps ordinary strings out. */
export interface Markup {
  readonly html: string;
  readonly __markup: true;
}

export type Piece = Markup | string | number | null | undefined | false | readonly Piece[];
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `s` with &, <, >, " and ' escaped: safe as element text and as a double-quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const mark = (html: string): Markup => ({ html, __markup: true });
const VOID = new Set(['meta', 'br', 'hr', 'input']);
const NAME = /^[a-z][a-z0-9-]*$/;

function render(node: Piece): string {
  if (node === null || node === undefined || node === false) return '';
  if (typeof node === 'string') return escapeHtml(node);
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return (node as readonly Piece[]).map(render).join('');
  return (node as Markup).html;
}

/** `<tag attrs>children</tag>`; names are the code's own (a bad one throws), values are escaped. */
export function el(tag: string, attrs: Attrs = {}, ...children: Piece[]): Markup {
  if (!NAME.test(tag)) throw new Error(`pack-html: bad tag name ${tag}`);
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (!NAME.test(name)) throw new Error(`pack-html: bad attribute name ${name}`);
    if (value === false || value === null || value === undefined) continue;
    open += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  if (VOID.has(tag)) return mark(`${open}>`);
  return mark(`${open}>${render(children)}</${tag}>`);
}

/** Paragraphs of a text: blank lines separate them, other line breaks fold to spaces. */
export function paras(text: string, attrs: Attrs = {}): Markup[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .map((p) => el('p', attrs, p));
}

/** A titled section of a page. */
export const section = (id: string, title: string, ...body: Piece[]): Markup => el('section', { id, 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h` }, title), ...body);

/** A table with a header row; cells are nodes. */
export function table(header: readonly string[], rows: readonly (readonly Piece[])[], caption?: string): Markup {
  return el(
    'table',
    {},
    caption === undefined ? null : el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))),
  );
}

/** A box to write in by hand: `lines` ruled lines high. */
export const writeIn = (label: string, lines = 3): Markup =>
  el('div', { class: 'write-in', role: 'group', 'aria-label': label }, el('p', { class: 'label' }, label), el('div', { class: `lines l${lines}` }));

const CSS = `
:root { color-scheme: light; }
body { font-family: Georgia, 'Times New Roman', serif; color: #111111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
header { border-bottom: 3px double #333333; margin-bottom: 1.2rem; }
header .kicker { font-family: system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; color: #444444; margin: 0; }
h1 { font-size: 1.7rem; margin: 0.2rem 0 0.6rem; } h2 { font-size: 1.25rem; margin-top: 1.8rem; border-bottom: 1px solid #999999; } h3 { font-size: 1.05rem; margin-bottom: 0.2rem; }
table { border-collapse: collapse; width: 100%; margin: 0.6rem 0; font-size: 0.95rem; } caption { text-align: left; font-style: italic; }
th, td { border: 1px solid #999999; padding: 0.25rem 0.45rem; text-align: left; vertical-align: top; }
code { font-family: ui-monospace, monospace; font-size: 0.9em; background: #f1f1f1; padding: 0 0.2rem; overflow-wrap: anywhere; }
blockquote { margin: 0.4rem 0 0.8rem; padding-left: 0.8rem; border-left: 3px solid #999999; }
.print-note { font-family: system-ui, sans-serif; font-size: 0.9rem; background: #eef3fb; border: 1px solid #9fb5d8; padding: 0.4rem 0.7rem; }
.restricted { font-family: system-ui, sans-serif; font-weight: bold; border: 2px solid #111111; padding: 0.3rem 0.6rem; }
.invented { border-left: 4px solid #b26b00; padding-left: 0.7rem; }
.box { display: inline-block; width: 1.1rem; height: 1.1rem; border: 1.5px solid #111111; vertical-align: middle; }
.write-in { margin: 0.6rem 0 1rem; break-inside: avoid; } .write-in .label { margin: 0 0 0.2rem; font-weight: bold; }
.lines { border: 1px solid #999999; background: repeating-linear-gradient(#ffffff 0, #ffffff 1.9rem, #bbbbbb 1.9rem, #bbbbbb 2rem); }
.l1 { height: 2rem; } .l2 { height: 4rem; } .l3 { height: 6rem; } .l4 { height: 8rem; } .l6 { height: 12rem; }
.scale td, .scale th { text-align: center; } .scale td:first-child, .scale th:first-child { text-align: left; }
.muted { color: #555555; }
@page { margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .print-note { display: none; }
  h2, h3 { break-after: avoid; }
  tr, .card, .write-in, blockquote { break-inside: avoid; }
  .page-break { break-before: page; }
  .lines { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** A whole page: doctype, `lang="en"`, a CSP that allows only the inline style, the header and a print hint. */
export function page(title: string, kicker: string, ...body: Piece[]): string {
  const doc = el(
    'html',
    { lang: 'en' },
    el(
      'head',
      {},
      el('meta', { charset: 'utf-8' }),
      el('meta', { 'http-equiv': 'Content-Security-Policy', content: "default-src 'none'; style-src 'unsafe-inline'" }),
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      el('title', {}, title),
      mark(`<style>${CSS}</style>`),
    ),
    el(
      'body',
      {},
      el('header', {}, el('p', { class: 'kicker' }, kicker), el('h1', {}, title)),
      el('p', { class: 'print-note' }, 'To print this page or save it as a PDF, press Ctrl+P (⌘P on a Mac) and choose a printer or "Save as PDF".'),
      el('main', {}, ...body),
    ),
  );
  return `<!DOCTYPE html>\n${doc.html}\n`;
}
