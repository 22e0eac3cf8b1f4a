/**
 * The glossary (scenarios/glossary.yaml): words a trainee meets in the scenarios (CERT, MLAT, EO 13694,
 * designate, attribution, norms ...), each with a short explanation and, for what is history, the
 * facts.yaml sources it rests on. The page marks a term's first appearance on a screen and explains it
 * on hover, tap or focus. The file is data: read with the YAML parser and checked with zod, never run.
 */
import { parse } from 'yaml';
import { z } from 'zod';

const TERM = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  term: z.string().min(1).max(60),
  match: z.array(z.string().min(2).max(60)).min(1).max(20),
  text: z.string().min(10).max(600),
  sources: z.array(z.string().min(1).max(20)).max(6).optional(),
});

const FILE = z.strictObject({
  format: z.literal('red-phone/glossary@1'),
  terms: z.array(TERM).min(1).max(200),
});

export interface GlossaryTerm {
  readonly id: string;
  readonly term: string;
  readonly text: string;
  readonly sources: readonly string[];
}

export interface Glossary {
  readonly terms: readonly GlossaryTerm[];
  /** Every form of every term, longest first, as one whole-word pattern. */
  readonly pattern: RegExp | null;
  readonly byForm: ReadonlyMap<string, GlossaryTerm>;
}

export type GlossaryResult = { readonly ok: true; readonly value: Glossary } | { readonly ok: false; readonly message: string };

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const EMPTY_GLOSSARY: Glossary = { terms: [], pattern: null, byForm: new Map() };

/** Reads the glossary file; a problem is named by its place (`terms[3].match`) and reason. */
export function readGlossary(text: string): GlossaryResult {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 0 });
  } catch (e) {
    return { ok: false, message: `glossary.yaml is not readable YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  const checked = FILE.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, message: `glossary.yaml, ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not a glossary'}` };
  }
  const byForm = new Map<string, GlossaryTerm>();
  const terms: GlossaryTerm[] = [];
  for (const t of checked.data.terms) {
    const term: GlossaryTerm = { id: t.id, term: t.term, text: t.text.trim(), sources: t.sources ?? [] };
    terms.push(term);
    for (const form of t.match) {
      if (byForm.has(form)) return { ok: false, message: `glossary.yaml: "${form}" is listed under two terms` };
      byForm.set(form, term);
    }
  }
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return { ok: true, value: { terms, byForm, pattern: forms.length === 0 ? null : new RegExp(`(?<![\\w-])(${forms.join('|')})(?![\\w-])`, 'g') } };
}

export type GlossPiece = string | { readonly form: string; readonly term: GlossaryTerm };

/**
 * A text cut into plain pieces and glossary terms. Only a term's first appearance on a screen is
 * marked: `seen` holds the ids already marked there and is updated.
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
