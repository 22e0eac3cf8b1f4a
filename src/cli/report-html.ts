/**
 * A tiny HTML (and inline SVG) builder for the balance report. Text is escaped by default: a plain
 * string child or attribute value can never become markup, so scenario text shows literally. Every
 * element is closed by construction. Markup is only made by {@link el}, never from strings.
 */

/** Markup made by this module; the brand keeps ordinary strings out. */
export interface Html {
  readonly html: string;
  readonly __html: true;
}

export type Child = Html | string | number | null | undefined | false | readonly Child[];
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `s` with &, <, >, " and ' escaped, safe as element text and as a double-quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const mark = (html: string): Html => ({ html, __html: true });

/** Elements that have no closing tag. */
const VOID = new Set(['meta', 'br', 'hr', 'col']);
const NAME = /^[a-z][a-zA-Z0-9-]*$/;

function render(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (typeof child === 'string') return escapeHtml(child);
  if (typeof child === 'number') return escapeHtml(String(child));
  if (Array.isArray(child)) return (child as readonly Child[]).map(render).join('');
  return (child as Html).html;
}

/**
 * `<tag attrs>children</tag>`. Attribute values are escaped; `true` writes the bare attribute and
 * `false`, null or undefined leave it out. Throws on a tag or attribute name that is not a plain name
 * (a programming error: names never come from the scenario).
 */
export function el(tag: string, attrs: Attrs = {}, ...children: Child[]): Html {
  if (!NAME.test(tag)) throw new Error(`report-html: bad tag name ${tag}`);
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (!NAME.test(name)) throw new Error(`report-html: bad attribute name ${name}`);
    if (value === false || value === null || value === undefined) continue;
    open += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  if (VOID.has(tag)) {
    if (children.length > 0) throw new Error(`report-html: <${tag}> takes no children`);
    return mark(`${open}>`);
  }
  return mark(`${open}>${render(children)}</${tag}>`);
}

/** Children joined without a wrapping element. */
export function frag(...children: Child[]): Html {
  return mark(render(children));
}

/** A whole document: the doctype and the `<html>` element. */
export function documentOf(root: Html): string {
  return `<!DOCTYPE html>\n${root.html}\n`;
}

/** A style sheet's text: refused if it could close the `<style>` element. */
export function styleText(css: string): Html {
  if (/<\/?style/i.test(css) || css.includes('<!--')) throw new Error('report-html: the style sheet must not contain markup');
  return mark(css);
}
