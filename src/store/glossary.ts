/**
 * The glossary (scenarios/glossary.yaml): words a trainee meets in the scenarios (CERT, MLAT, EO 13694,
 * designate, attribution, norms ...), each with a short explanation and, for what is history, the
 * facts.yaml sources it rests on. The page marks a term's first appearance on a screen and explains it
 * on hover, tap or focus. A language overlay (scenarios/zh-Hans/glossary.yaml) gives a term its name,
 * forms and explanation in that language. The files are data: read with the YAML parser and checked
 * with zod, never run; reading never throws.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { closest, OVERLAY_LANGS } from '../engine';

const FORMS = z.array(z.string().min(2).max(60)).max(20);

const TERM = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  term: z.string().min(1).max(60),
  match: FORMS.min(1),
  text: z.string().min(10).max(600),
  sources: z.array(z.string().min(1).max(20)).max(6).optional(),
});

const FILE = z.strictObject({
  format: z.literal('red-phone/glossary@1'),
  terms: z.array(TERM).min(1).max(200),
});

/** A term in another language: its name, the forms its texts use, and the explanation (the sources stay in the English file). */
const OVERLAY_TERM = z.strictObject({
  term: z.string().min(1).max(60),
  match: FORMS.min(1),
  /** Longer words holding a form that are not the term (工艺规范 holds 规范): left unmarked. */
  except: FORMS.optional(),
  text: z.string().min(10).max(600),
});

const OVERLAY_FILE = z.strictObject({
  format: z.literal('red-phone/glossary-overlay@1'),
  lang: z.enum(OVERLAY_LANGS),
  terms: z.record(z.string(), z.unknown()),
});

/** Tags, comments and character entities, as the scenario overlays' checker finds them: the texts are plain text. */
const MARKUP = /<\s*\/?\s*[A-Za-z!?][^>]*>?|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});/;

export interface GlossaryTerm {
  readonly id: string;
  readonly term: string;
  readonly text: string;
  readonly sources: readonly string[];
}

export interface Glossary {
  readonly terms: readonly GlossaryTerm[];
  /** Every form of every term (and every excepted word), longest first, as one pattern. */
  readonly pattern: RegExp | null;
  /** The term of each form; an excepted word has none and stays plain text. */
  readonly byForm: ReadonlyMap<string, GlossaryTerm>;
}

export type GlossaryResult = { readonly ok: true; readonly value: Glossary } | { readonly ok: false; readonly message: string };

/** A problem of an overlay: the term's id (null for the file), the data path and the reason. */
export interface GlossaryProblem {
  readonly id: string | null;
  readonly path: string;
  readonly message: string;
  readonly suggestion?: string;
}

export type GlossaryOverlayResult = { readonly ok: true; readonly value: Glossary } | { readonly ok: false; readonly message: string; readonly problems: readonly GlossaryProblem[] };

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORDISH = /[\w-]/;

/**
 * One form in the pattern. A Latin form is a whole word (no letter, digit, `_` or `-` beside it: CERT
 * is not in US-CERT); a Han edge has no such rule, as Chinese has no spaces (热线 in "T4热线").
 */
function alternative(form: string): string {
  const before = WORDISH.test(form.charAt(0)) ? '(?<![\\w-])' : '';
  const after = WORDISH.test(form.charAt(form.length - 1)) ? '(?![\\w-])' : '';
  return `${before}${escapeRegExp(form)}${after}`;
}

export const EMPTY_GLOSSARY: Glossary = { terms: [], pattern: null, byForm: new Map() };

interface Entry {
  readonly term: GlossaryTerm;
  readonly match: readonly string[];
  readonly except: readonly string[];
}

/** The glossary of its entries, or the first form two terms claim (with the ids of both). */
function build(entries: readonly Entry[]): { readonly value: Glossary; readonly twice: readonly (readonly [string, string, string])[] } {
  const byForm = new Map<string, GlossaryTerm>();
  const twice: [string, string, string][] = [];
  for (const { term, match } of entries)
    for (const form of match) {
      const owner = byForm.get(form);
      if (owner !== undefined) twice.push([form, owner.id, term.id]);
      else byForm.set(form, term);
    }
  const excepted = new Set(entries.flatMap((e) => e.except).filter((f) => !byForm.has(f)));
  const forms = [...byForm.keys(), ...excepted].sort((a, b) => b.length - a.length).map(alternative);
  const pattern = forms.length === 0 ? null : new RegExp(forms.join('|'), 'g');
  return { value: { terms: entries.map((e) => e.term), byForm, pattern }, twice };
}

function readYaml(text: string): { ok: true; data: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, data: parse(text, { maxAliasCount: 0 }) };
  } catch (e) {
    return { ok: false, reason: `not readable YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

/** Reads the glossary file; a problem is named by its place (`terms[3].match`) and reason. */
export function readGlossary(text: string): GlossaryResult {
  const yaml = readYaml(text);
  if (!yaml.ok) return { ok: false, message: `glossary.yaml is ${yaml.reason}` };
  const checked = FILE.safeParse(yaml.data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, message: `glossary.yaml, ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not a glossary'}` };
  }
  const entries = checked.data.terms.map((t) => ({ term: { id: t.id, term: t.term, text: t.text.trim(), sources: t.sources ?? [] }, match: t.match, except: [] }));
  const { value, twice } = build(entries);
  const first = twice[0];
  return first === undefined ? { ok: true, value } : { ok: false, message: `glossary.yaml: "${first[0]}" is listed under two terms` };
}

/** The problems of one overlay term: its shape, markup in any of its words, and excepted words that hold none of its forms. */
function termProblems(id: string, entry: unknown): { problems: GlossaryProblem[]; value: z.infer<typeof OVERLAY_TERM> | null } {
  const at = `terms.${id}`;
  const match = entry !== null && typeof entry === 'object' && 'match' in entry ? entry.match : undefined;
  if (Array.isArray(match) && match.length === 0) return { problems: [{ id, path: `${at}.match`, message: `the term "${id}" lists no match form: it would never be marked` }], value: null };
  const checked = OVERLAY_TERM.safeParse(entry);
  if (!checked.success) return { problems: checked.error.issues.map((i) => ({ id, path: [at, ...i.path].join('.'), message: `term "${id}": ${i.message}` })), value: null };
  const t = checked.data;
  const problems: GlossaryProblem[] = [];
  const words: [string, string][] = [
    ['term', t.term],
    ['text', t.text],
    ...t.match.map((f, i): [string, string] => [`match.${i}`, f]),
    ...(t.except ?? []).map((f, i): [string, string] => [`except.${i}`, f]),
  ];
  for (const [path, word] of words) {
    const tag = MARKUP.exec(word);
    if (tag !== null) problems.push({ id, path: `${at}.${path}`, message: `term "${id}": the glossary is plain text; "${tag[0].slice(0, 20)}" would be shown as it is written, not as markup` });
  }
  (t.except ?? []).forEach((word, i) => {
    if (!t.match.some((f) => word.includes(f)))
      problems.push({ id, path: `${at}.except.${i}`, message: `term "${id}": "${word}" holds none of the term's match forms, so excepting it changes nothing` });
  });
  return { problems, value: t };
}

/**
 * Reads a language overlay of the glossary over the English one (`base`): each term the overlay has
 * takes its name, forms and explanation from it (its sources from the English file), a term it lacks
 * stays in English. Every problem is listed with the term's id: an id the glossary lacks, an empty
 * match list, a form claimed by two terms, markup. `lang`, when given, is the language the overlay must be in.
 */
export function readGlossaryOverlay(base: Glossary, text: string, where: { readonly file?: string; readonly lang?: string } = {}): GlossaryOverlayResult {
  const file = where.file ?? 'the glossary overlay';
  const fail = (problems: readonly GlossaryProblem[]): GlossaryOverlayResult => {
    const first = problems[0];
    return { ok: false, problems, message: `${file}${first?.path ? `, ${first.path}` : ''}: ${first?.message ?? 'not a glossary overlay'}` };
  };
  const yaml = readYaml(text);
  if (!yaml.ok) return fail([{ id: null, path: '', message: yaml.reason }]);
  const checked = OVERLAY_FILE.safeParse(yaml.data);
  if (!checked.success) return fail(checked.error.issues.slice(0, 1).map((i) => ({ id: null, path: i.path.join('.'), message: i.message })));
  const problems: GlossaryProblem[] = [];
  if (where.lang !== undefined && checked.data.lang !== where.lang) problems.push({ id: null, path: 'lang', message: `the overlay is in "${checked.data.lang}", not in "${where.lang}"` });
  const ids = base.terms.map((t) => t.id);
  const read = new Map<string, z.infer<typeof OVERLAY_TERM>>();
  for (const [id, entry] of Object.entries(checked.data.terms)) {
    if (!ids.includes(id)) {
      const suggestion = closest(id, ids);
      problems.push({ id, path: `terms.${id}`, message: `"${id}" is not a term of glossary.yaml`, ...(suggestion === undefined ? {} : { suggestion }) });
      continue;
    }
    const term = termProblems(id, entry);
    problems.push(...term.problems);
    if (term.value !== null) read.set(id, term.value);
  }
  const englishForms = (id: string): string[] => [...base.byForm].filter(([, t]) => t.id === id).map(([form]) => form);
  const entries = base.terms.map((t): Entry => {
    const o = read.get(t.id);
    return o === undefined ? { term: t, match: englishForms(t.id), except: [] } : { term: { ...t, term: o.term, text: o.text.trim() }, match: o.match, except: o.except ?? [] };
  });
  const { value, twice } = build(entries);
  for (const [form, a, b] of twice) {
    const inEnglish = (id: string): string => (read.has(id) ? `"${id}"` : `"${id}" (in English: the overlay does not translate it)`);
    const culprit = read.has(b) ? b : a;
    problems.push({ id: culprit, path: `terms.${culprit}.match`, message: `"${form}" is a match form of two terms, ${inEnglish(a)} and ${inEnglish(b)}` });
  }
  for (const e of entries)
    for (const word of e.except)
      if (value.byForm.has(word))
        problems.push({ id: e.term.id, path: `terms.${e.term.id}.except`, message: `term "${e.term.id}": "${word}" is excepted but is a match form of "${value.byForm.get(word)?.id}"` });
  return problems.length > 0 ? fail(problems) : { ok: true, value };
}

/**
 * The page's glossary: the English file, with the overlay of the page's language (when there is one)
 * over it. What is left out and why is in `warnings`; a broken overlay leaves the English glossary.
 */
export function pageGlossary(english: string, overlay: string | undefined, lang: string): { readonly glossary: Glossary; readonly warnings: readonly string[] } {
  const base = readGlossary(english);
  if (!base.ok) return { glossary: EMPTY_GLOSSARY, warnings: [`the glossary is left out: ${base.message}`] };
  if (overlay === undefined) return { glossary: base.value, warnings: [] };
  const read = readGlossaryOverlay(base.value, overlay, { file: `${lang}/glossary.yaml`, lang });
  return read.ok ? { glossary: read.value, warnings: [] } : { glossary: base.value, warnings: [`the glossary stays in English: ${read.message}`] };
}

export type GlossPiece = string | { readonly form: string; readonly term: GlossaryTerm };

/**
 * A text cut into plain pieces and glossary terms. Only a term's first appearance on a screen is
 * marked: `seen` holds the ids already marked there and is updated. An excepted word stays plain.
 */
export function glossPieces(text: string, glossary: Glossary, seen: Set<string>): GlossPiece[] {
  if (glossary.pattern === null) return [text];
  const out: GlossPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(glossary.pattern)) {
    const form = m[0];
    const term = glossary.byForm.get(form);
    if (term === undefined || seen.has(term.id) || m.index === undefined) continue;
    seen.add(term.id);
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push({ form, term });
    last = m.index + form.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
