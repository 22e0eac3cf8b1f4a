/**
 * Scenario text in another language: an overlay file (`scenarios/zh-Hans/<id>.yaml`) keyed by the
 * scenario's own ids carries titles, briefings, options, outcomes, endings and questions. It holds
 * text only: conditions, weights and effects stay in the scenario, so a game played in one language
 * replays in any other (the rules hash is the same). {@link localiseFile} lays an overlay over a
 * scenario file; a text the overlay lacks stays in English and is listed as missing.
 */
import { z } from 'zod';
import type { PathSegment } from './diagnostics';
import { idSchema, LIMITS, type OptionFile, type ScenarioFile, scenarioIdSchema, termIdSchema, type VariantText } from './schema';

export const OVERLAY_FORMAT = 'red-phone/overlay@1';
/** The languages a scenario can be read in besides English. */
export const OVERLAY_LANGS = ['zh-Hans'] as const;
export type OverlayLang = (typeof OVERLAY_LANGS)[number];
export type Lang = 'en' | OverlayLang;

const text = z.string().min(1).max(LIMITS.stringChars);
/** One text, or one text for each of the scenario's variants, in their order. */
const variants = z.union([text, z.array(text).min(1).max(12)]);
const sideText = z.union([variants, z.strictObject({ us: variants, cn: variants })]);
const byId = <T extends z.ZodType>(inner: T) => z.record(idSchema, inner).optional();

const optionOverlay = z.strictObject({
  label: variants.optional(),
  text: variants.optional(),
  why: z.partialRecord(termIdSchema, text).optional(),
  outcomes: byId(z.strictObject({ text: variants.optional(), news: text.optional() })),
});

export const overlaySchema = z
  .strictObject({
    format: z.literal(OVERLAY_FORMAT),
    scenario: scenarioIdSchema,
    lang: z.enum(OVERLAY_LANGS),
    title: text.optional(),
    summary: text.optional(),
    invented: text.optional(),
    prologue: text.optional(),
    briefing: sideText.optional(),
    indicators: byId(z.strictObject({ label: text.optional(), description: text.optional() })),
    flags: byId(text),
    beats: byId(
      z.strictObject({
        title: text.optional(),
        text: sideText.optional(),
        options: z.strictObject({ us: byId(optionOverlay), cn: byId(optionOverlay) }).optional(),
      }),
    ),
    injects: byId(z.strictObject({ title: text.optional(), text: text.optional(), news: text.optional() })),
    endings: byId(z.strictObject({ title: text.optional(), text: sideText.optional(), history: text.optional() })),
    objectives: byId(z.strictObject({ label: text.optional(), description: text.optional() })),
    questions: z.array(text).max(20).optional(),
    history: text.optional(),
    topics: z.record(z.string().min(1).max(200), z.string().min(1).max(200)).optional().describe('Each request topic of the scenario (its English words, which are rules) as shown in this language.'),
  })
  .describe("A scenario's text in another language, keyed by the scenario's ids.");

export type OverlayFile = z.infer<typeof overlaySchema>;
type Variants = z.infer<typeof variants>;
type SideOverlay = z.infer<typeof sideText>;
type SideSource = ScenarioFile['briefing'];

/** A text of the scenario that the overlay does not give (shown in English), or gives in the wrong shape. */
export interface OverlayGap {
  readonly kind: 'missing' | 'shape';
  /** Where the text is in the scenario file. */
  readonly path: readonly PathSegment[];
  /** Where it is (or would be) in the overlay file. */
  readonly at: readonly PathSegment[];
  readonly message: string;
}

class Layer {
  readonly gaps: OverlayGap[] = [];

  one(en: string, zh: string | undefined, path: readonly PathSegment[], at: readonly PathSegment[]): string {
    if (zh === undefined) this.missing(path, at);
    return zh ?? en;
  }

  missing(path: readonly PathSegment[], at: readonly PathSegment[]): void {
    this.gaps.push({ kind: 'missing', path, at, message: 'not translated: the English text is shown' });
  }

  /** A text or its variants: the overlay gives one string per variant, in order. */
  variants(en: VariantText, zh: Variants | undefined, path: readonly PathSegment[], at: readonly PathSegment[]): VariantText {
    if (zh === undefined) {
      this.missing(path, at);
      return en;
    }
    if (typeof en === 'string') {
      if (typeof zh === 'string') return zh;
      this.gaps.push({ kind: 'shape', path, at, message: `the scenario has one text here, and the overlay gives a list of ${zh.length}` });
      return en;
    }
    if (typeof zh === 'string' || zh.length !== en.length) {
      const given = typeof zh === 'string' ? 'one text' : `${zh.length}`;
      this.gaps.push({ kind: 'shape', path, at, message: `the scenario has ${en.length} variants of this text (in order), and the overlay gives ${given}` });
      return en;
    }
    return en.map((v, i) => ({ ...v, text: zh[i] ?? v.text }));
  }

  side(en: SideSource, zh: SideOverlay | undefined, path: readonly PathSegment[], at: readonly PathSegment[]): SideSource {
    if (typeof en === 'string' || Array.isArray(en)) {
      if (zh !== undefined && typeof zh === 'object' && !Array.isArray(zh)) {
        this.gaps.push({ kind: 'shape', path, at, message: 'the scenario has one text for both sides here, and the overlay gives { us, cn }' });
        return en;
      }
      return this.variants(en, zh, path, at);
    }
    if (zh !== undefined && (typeof zh === 'string' || Array.isArray(zh))) {
      this.gaps.push({ kind: 'shape', path, at, message: 'the scenario has a text for each side here: give { us: …, cn: … }' });
      return en;
    }
    return { us: this.variants(en.us, zh?.us, [...path, 'us'], [...at, 'us']), cn: this.variants(en.cn, zh?.cn, [...path, 'cn'], [...at, 'cn']) };
  }
}

function option(layer: Layer, o: OptionFile, zh: z.infer<typeof optionOverlay> | undefined, path: readonly PathSegment[], at: readonly PathSegment[]): OptionFile {
  const label = layer.variants(o.label, zh?.label, [...path, 'label'], [...at, 'label']);
  const text = layer.variants(o.text, zh?.text, [...path, 'text'], [...at, 'text']);
  const why: Record<string, string> = {};
  for (const [term, line] of Object.entries(o.terms.why)) if (line !== undefined) why[term] = layer.one(line, zh?.why?.[term as 'T1'], [...path, 'terms', 'why', term], [...at, 'why', term]);
  return {
    ...o,
    label,
    text,
    terms: { ...o.terms, why },
    outcomes: o.outcomes.map((out, k) => {
      const z2 = zh?.outcomes?.[out.id];
      const where = [...at, 'outcomes', out.id];
      const news = out.news === undefined ? {} : { news: layer.one(out.news, z2?.news, [...path, 'outcomes', k, 'news'], [...where, 'news']) };
      return { ...out, text: layer.variants(out.text, z2?.text, [...path, 'outcomes', k, 'text'], [...where, 'text']), ...news };
    }),
  };
}

/**
 * `file` with `overlay`'s texts laid over it, and every text the overlay lacks or gives in another
 * shape (those stay in English). Rules (ids, conditions, weights, effects, topics) are untouched.
 */
export function localiseFile(file: ScenarioFile, overlay: OverlayFile): { file: ScenarioFile; gaps: OverlayGap[]; topics: ReadonlyMap<string, string> } {
  const l = new Layer();
  const topics = new Map<string, string>();
  for (const topic of requestTopics(file)) topics.set(topic, l.one(topic, overlay.topics?.[topic], ['topics', topic], ['topics', topic]));
  const one = (en: string, zh: string | undefined, key: string): string => l.one(en, zh, [key], [key]);
  /** Indicators and objectives: each a label and a description, by id. */
  const labelled = <T extends { readonly id: string; readonly label: string; readonly description: string }>(
    key: 'indicators' | 'objectives',
    list: readonly T[],
    zh: Readonly<Record<string, { readonly label?: string | undefined; readonly description?: string | undefined }>> | undefined,
  ): T[] =>
    list.map((x, i) => ({
      ...x,
      label: l.one(x.label, zh?.[x.id]?.label, [key, i, 'label'], [key, x.id, 'label']),
      description: l.one(x.description, zh?.[x.id]?.description, [key, i, 'description'], [key, x.id, 'description']),
    }));
  const beats = file.beats.map((b, i) => {
    const zb = overlay.beats?.[b.id];
    const at = ['beats', b.id];
    return {
      ...b,
      title: l.one(b.title, zb?.title, ['beats', i, 'title'], [...at, 'title']),
      text: l.side(b.text, zb?.text, ['beats', i, 'text'], [...at, 'text']),
      options: {
        us: b.options.us.map((o, k) => option(l, o, zb?.options?.us?.[o.id], ['beats', i, 'options', 'us', k], [...at, 'options', 'us', o.id])),
        cn: b.options.cn.map((o, k) => option(l, o, zb?.options?.cn?.[o.id], ['beats', i, 'options', 'cn', k], [...at, 'options', 'cn', o.id])),
      },
    };
  });
  const localised: ScenarioFile = {
    ...file,
    title: one(file.title, overlay.title, 'title'),
    summary: one(file.summary, overlay.summary, 'summary'),
    ...(file.invented === undefined ? {} : { invented: one(file.invented, overlay.invented, 'invented') }),
    ...(file.prologue === undefined ? {} : { prologue: one(file.prologue, overlay.prologue, 'prologue') }),
    briefing: l.side(file.briefing, overlay.briefing, ['briefing'], ['briefing']),
    indicators: labelled('indicators', file.indicators, overlay.indicators),
    flags: file.flags.map((f, i) => ({ ...f, description: f.hidden ? f.description : l.one(f.description, overlay.flags?.[f.id], ['flags', i, 'description'], ['flags', f.id]) })),
    beats,
    injects: file.injects.map((inj, i) => {
      const z2 = overlay.injects?.[inj.id];
      const at = ['injects', inj.id];
      const news = inj.news === undefined ? {} : { news: l.one(inj.news, z2?.news, ['injects', i, 'news'], [...at, 'news']) };
      return { ...inj, title: l.one(inj.title, z2?.title, ['injects', i, 'title'], [...at, 'title']), text: l.one(inj.text, z2?.text, ['injects', i, 'text'], [...at, 'text']), ...news };
    }),
    endings: file.endings.map((e, i) => {
      const z2 = overlay.endings?.[e.id];
      const at = ['endings', e.id];
      const historyText = typeof e.history === 'string' ? e.history : e.history.text;
      const translated = l.one(historyText, z2?.history, ['endings', i, 'history'], [...at, 'history']);
      return {
        ...e,
        title: l.one(e.title, z2?.title, ['endings', i, 'title'], [...at, 'title']),
        text: l.side(e.text, z2?.text, ['endings', i, 'text'], [...at, 'text']),
        history: typeof e.history === 'string' ? translated : { ...e.history, text: translated },
      };
    }),
    objectives: labelled('objectives', file.objectives, overlay.objectives),
    questions: file.questions.map((q, i) => l.one(q, overlay.questions?.[i], ['questions', i], ['questions', i])),
    history: { ...file.history, text: one(file.history.text, overlay.history, 'history') },
  };
  return { file: localised, gaps: l.gaps, topics };
}

/** The topics of the scenario's requests for assistance, in file order: rules (answers match them), shown as words. */
export function requestTopics(file: ScenarioFile): string[] {
  const out = new Set<string>();
  for (const beat of file.beats)
    for (const side of ['us', 'cn'] as const)
      for (const o of beat.options[side])
        for (const x of o.outcomes) {
          if (x.request !== undefined) out.add(x.request.topic);
          if (x.answer !== undefined && typeof x.answer !== 'string') out.add(x.answer.topic);
        }
  return [...out];
}

/** The keys whose strings are words for people, not rules (inside them, `when` and `presumes` are still rules). */
const TEXT_KEYS = new Set(['title', 'summary', 'invented', 'author', 'prologue', 'briefing', 'label', 'description', 'text', 'news', 'why', 'history', 'questions', 'justified']);
const RULE_KEYS = new Set(['when', 'presumes', 'sources']);

/**
 * A scenario file split into what decides outcomes and what is read: `rules` is the file with every
 * text replaced by a placeholder, `texts` every text in file order. Rules stay equal across languages.
 */
export function splitTexts(file: ScenarioFile): { rules: unknown; texts: string[] } {
  const texts: string[] = [];
  const walk = (v: unknown, inText: boolean): unknown => {
    if (typeof v === 'string') {
      if (!inText) return v;
      texts.push(v);
      return '';
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, inText));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, RULE_KEYS.has(k) ? false : inText || TEXT_KEYS.has(k));
      return out;
    }
    return v;
  };
  return { rules: walk(file, false), texts };
}
