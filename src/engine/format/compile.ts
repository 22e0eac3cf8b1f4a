/**
 * Turns a structurally valid scenario file into a playable {@link Scenario}: compiles every
 * condition, weight and score, and builds the lookups the engine uses. Every expression problem is
 * collected (never just the first). References are checked by `check.ts` before this runs.
 */

import type { PathSegment, Problem } from './diagnostics';
import { type Compiled, compileExpr, type ExprEnv, type ValueType } from './expr';
import { hashJson } from './hash';
import type { CompiledBeat, CompiledEffects, CompiledEnding, CompiledInject, CompiledObjective, CompiledOption, Rung, Scenario, Side, Term } from './model';
import type { Expr, LadderFile, OptionFile, ScenarioFile, TermsFile } from './schema';

/** The shared data every scenario refers to: the agreement's terms and the escalation ladder. */
export interface Library {
  readonly terms: readonly Term[];
  readonly ladder: readonly Rung[];
}

export function libraryFromFiles(terms: TermsFile, ladder: LadderFile): Library {
  return { terms: terms.terms, ladder: ladder.rungs };
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
  readonly problems: Problem[] = [];
  constructor(private readonly env: ExprEnv) {}

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
export function compileScenario(file: ScenarioFile, library: Library): { scenario: Scenario; problems: Problem[] } {
  const env = exprEnv(file, library);
  const c = new Compiler(env);
  const rungIndex = (id: string): number => Math.max(0, env.rungs.indexOf(id));

  const beats = new Map<string, CompiledBeat>();
  file.beats.forEach((beat, b) => {
    const compileOption = (o: OptionFile, side: Side, i: number): CompiledOption => {
      const base: PathSegment[] = ['beats', b, 'options', side, i];
      return {
        file: o,
        id: o.id,
        side,
        rung: rungIndex(o.rung),
        when: c.optional(o.when, 'boolean', [...base, 'when']),
        ai: o.ai === undefined ? () => DEFAULT_AI_WEIGHT : c.expr(o.ai, 'number', [...base, 'ai']),
        outcomes: o.outcomes.map((out, k) => ({
          file: out,
          id: out.id,
          weight: c.expr(out.weight, 'number', [...base, 'outcomes', k, 'weight']),
          effects: effectsOf(out),
        })),
      };
    };
    beats.set(beat.id, {
      file: beat,
      id: beat.id,
      lead: beat.lead ?? file.lead,
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
  const endings: CompiledEnding[] = file.endings.map((e, i) => ({ id: e.id, when: c.optional(e.when, 'boolean', ['endings', i, 'when']) }));
  const objectives: CompiledObjective[] = file.objectives.map((o, i) => ({
    id: o.id,
    side: o.side,
    met: c.expr(o.met, 'boolean', ['objectives', i, 'met']),
    score: c.expr(o.score, 'number', ['objectives', i, 'score']),
  }));

  const indicatorRanges: Record<string, readonly [number, number]> = {};
  for (const ind of file.indicators) indicatorRanges[ind.id] = [ind.min, ind.max];

  const scenario: Scenario = {
    file,
    id: file.id,
    version: file.version,
    hash: hashJson({ file, terms: library.terms, ladder: library.ladder }),
    terms: library.terms,
    ladder: library.ladder,
    beats,
    endingIds: new Set(file.endings.map((e) => e.id)),
    endings,
    injects,
    objectives,
    indicatorRanges,
  };
  return { scenario, problems: c.problems };
}
