/**
 * Turns a structurally valid scenario file into a playable {@link Scenario}: compiles every
 * condition, weight and score, and builds the lookups the engine uses. Every expression problem is
 * collected (never just the first). References are checked by `check.ts` before this runs.
 */

import type { PathSegment, Problem } from './diagnostics';
import { type Compiled, compileExpr, type ExprEnv, type ValueType } from './expr';
import { hashJson } from './hash';
import { interned } from './interned';
import type { CompiledBeat, CompiledEffects, CompiledEnding, CompiledInject, CompiledObjective, CompiledOption, CompiledText, DatedFact, Rung, Scenario, Side, Source, Term } from './model';
import { localiseFile, type OverlayFile, type OverlayGap, splitTexts } from './overlay';
import { type Expr, type FactsFile, type LadderFile, OFF_LADDER, type OptionFile, type ScenarioFile, type TermsFile, type VariantText } from './schema';

/** The shared data every scenario refers to: the agreement's terms, the escalation ladder, and the sources and dated facts. */
export interface Library {
  readonly terms: readonly Term[];
  readonly ladder: readonly Rung[];
  readonly sources: ReadonlyMap<string, Source>;
  readonly facts: readonly DatedFact[];
}

export function libraryFromFiles(terms: TermsFile, ladder: LadderFile, facts: FactsFile): Library {
  return { terms: terms.terms, ladder: ladder.rungs, sources: new Map(facts.sources.map((s) => [s.key, s])), facts: facts.facts };
}

/** Every source key a scenario cites: its history and its endings' history notes. */
export function citedSources(file: ScenarioFile): string[] {
  const keys = [...file.history.sources];
  for (const e of file.endings) if (typeof e.history !== 'string') keys.push(...e.history.sources);
  return [...new Set(keys)];
}

/** Default weight of an option for the counterpart model when the file gives none. */
export const DEFAULT_AI_WEIGHT = 10;

export function exprEnv(file: ScenarioFile, library: Library): ExprEnv {
  const options: Record<Side, string[]> = { us: [], cn: [] };
  for (const beat of file.beats) {
    for (const side of ['us', 'cn'] as const) {
      for (const o of beat.options[side]) if (!options[side].includes(o.id)) options[side].push(o.id);
    }
  }
  return {
    indicators: file.indicators.map((i) => i.id),
    flags: file.flags.map((f) => f.id),
    options,
    rungs: library.ladder.map((r) => r.id),
  };
}

const ZERO: Compiled = () => 0;

class Compiler {
  constructor(
    private readonly env: ExprEnv,
    /** Shared with the compilers made by {@link with}, so every problem lands in one list. */
    readonly problems: Problem[] = [],
  ) {}

  expr(source: Expr, want: ValueType, path: readonly PathSegment[]): Compiled {
    const r = compileExpr(source, want, this.env);
    if (r.ok) return r.fn;
    const e = r.error;
    const problem: Problem = { severity: 'error', code: e.code, path, message: e.message, offset: e.offset, ...(e.suggestion !== undefined ? { suggestion: e.suggestion } : {}) };
    this.problems.push(problem);
    return ZERO;
  }

  optional(source: Expr | undefined, want: ValueType, path: readonly PathSegment[]): Compiled | null {
    return source === undefined ? null : this.expr(source, want, path);
  }

  /** A text and its variants; the fallback (no `when`) must come last (the checker says so). */
  text(source: VariantText, path: readonly PathSegment[]): CompiledText {
    if (typeof source === 'string') return [{ when: null, presumes: null, text: source }];
    return source.map((v, i) => ({ when: this.optional(v.when, 'boolean', [...path, i, 'when']), presumes: this.optional(v.presumes, 'boolean', [...path, i, 'presumes']), text: v.text }));
  }

  sideText(source: VariantText | { us: VariantText; cn: VariantText }, path: readonly PathSegment[]): Record<Side, CompiledText> {
    if (typeof source === 'string' || Array.isArray(source)) {
      const both = this.text(source, path);
      return { us: both, cn: both };
    }
    return { us: this.text(source.us, [...path, 'us']), cn: this.text(source.cn, [...path, 'cn']) };
  }

  /** The same compiler reading expressions with another set of names (this turn's readable results). */
  with(env: ExprEnv): Compiler {
    return new Compiler(env, this.problems);
  }
}

function effectsOf(e: {
  effects?: Record<string, number> | undefined;
  set?: string[] | undefined;
  clear?: string[] | undefined;
  hotline?: CompiledEffects['hotline'] | undefined;
  news?: string | undefined;
}): CompiledEffects {
  return {
    deltas: Object.entries(e.effects ?? {}),
    set: e.set ?? [],
    clear: e.clear ?? [],
    hotline: e.hotline ?? null,
    news: e.news ?? null,
  };
}

/**
 * Compiles `file` against `library`. Returns the scenario and the problems found; the scenario must
 * not be played when any problem is an error.
 */
export function compileScenario(source: ScenarioFile, library: Library, overlay?: OverlayFile): { scenario: Scenario; problems: Problem[]; gaps: OverlayGap[] } {
  const localised = overlay === undefined ? null : localiseFile(source, overlay);
  const file = localised === null ? source : localised.file;
  const env = exprEnv(file, library);
  const c = new Compiler(env);
  const rungIndex = (id: string): number => (id === OFF_LADDER ? -1 : Math.max(0, env.rungs.indexOf(id)));

  const beats = new Map<string, CompiledBeat>();
  file.beats.forEach((beat, b) => {
    const lead = interned(beat.lead ?? file.lead) as Side;
    const outcomeIds = (side: Side): string[] => [...new Set(beat.options[side].flatMap((o) => o.outcomes.map((x) => x.id)))];
    const both = { us: outcomeIds('us'), cn: outcomeIds('cn') };
    // The side resolving second reads the first side's result; outcome texts read both.
    const second = c.with({ ...env, outcomes: lead === 'us' ? { us: both.us, cn: [] } : { us: [], cn: both.cn } });
    const texts = c.with({ ...env, outcomes: both });
    const compileOption = (o: OptionFile, side: Side, i: number): CompiledOption => {
      const base: PathSegment[] = ['beats', b, 'options', side, i];
      const weights = side === lead ? c : second;
      return {
        file: o,
        id: interned(o.id),
        side,
        rung: rungIndex(o.rung),
        offLadder: o.rung === OFF_LADDER,
        topic: o.topic ?? null,
        label: c.text(o.label, [...base, 'label']),
        text: c.text(o.text, [...base, 'text']),
        presumes: c.optional(o.presumes, 'boolean', [...base, 'presumes']),
        when: c.optional(o.when, 'boolean', [...base, 'when']),
        ai: o.ai === undefined ? () => DEFAULT_AI_WEIGHT : c.expr(o.ai, 'number', [...base, 'ai']),
        outcomes: o.outcomes.map((out, k) => ({
          file: out,
          id: interned(out.id),
          weight: weights.expr(out.weight, 'number', [...base, 'outcomes', k, 'weight']),
          text: texts.text(out.text, [...base, 'outcomes', k, 'text']),
          effects: effectsOf(out),
        })),
      };
    };
    beats.set(beat.id, {
      file: beat,
      id: beat.id,
      lead,
      date: beat.date ?? null,
      text: c.sideText(beat.text, ['beats', b, 'text']),
      options: {
        us: beat.options.us.map((o, i) => compileOption(o, 'us', i)),
        cn: beat.options.cn.map((o, i) => compileOption(o, 'cn', i)),
      },
    });
  });

  const injects: CompiledInject[] = file.injects.map((inj, i) => ({
    id: inj.id,
    title: inj.title,
    text: inj.text,
    when: c.optional(inj.when, 'boolean', ['injects', i, 'when']),
    effects: effectsOf(inj),
  }));
  const endings: CompiledEnding[] = file.endings.map((e, i) => ({
    id: e.id,
    when: c.optional(e.when, 'boolean', ['endings', i, 'when']),
    text: c.sideText(e.text, ['endings', i, 'text']),
    tone: e.tone,
  }));
  const objectives: CompiledObjective[] = file.objectives.map((o, i) => ({
    id: o.id,
    side: o.side,
    met: c.expr(o.met, 'boolean', ['objectives', i, 'met']),
    score: c.expr(o.score, 'number', ['objectives', i, 'score']),
  }));

  const indicatorRanges: Record<string, readonly [number, number]> = {};
  for (const ind of file.indicators) indicatorRanges[ind.id] = [ind.min, ind.max];

  const cited = citedSources(file);
  const scenario: Scenario = {
    file,
    id: file.id,
    version: file.version,
    hash: hashJson({ rules: splitTexts(source).rules, terms: library.terms.map((t) => t.id), ladder: library.ladder.map((r) => r.id) }),
    textHash: hashJson({ texts: splitTexts(file).texts, terms: library.terms, ladder: library.ladder, sources: cited.map((k) => library.sources.get(k) ?? null) }),
    contentHash: hashJson({ file: source, terms: library.terms, ladder: library.ladder, sources: cited.map((k) => library.sources.get(k) ?? null) }),
    lang: overlay?.lang ?? 'en',
    topicNames: localised?.topics ?? new Map(),
    terms: library.terms,
    ladder: library.ladder,
    facts: library.facts.filter((f) => f.sources.some((k) => cited.includes(k))).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    sources: new Map(
      cited.flatMap((k) => {
        const s = library.sources.get(k);
        return s === undefined ? [] : [[k, s] as const];
      }),
    ),
    beats,
    endingIds: new Set(file.endings.map((e) => e.id)),
    endings,
    injects,
    objectives,
    indicatorRanges,
  };
  return { scenario, problems: c.problems, gaps: localised?.gaps ?? [] };
}
