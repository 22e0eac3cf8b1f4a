/**
 * What the {@link Playout} needs of a scenario, worked out once per scenario (cached by the Scenario
 * object): indicators and flags by position, each effect as positions and amounts, each beat's
 * outcomes with where they lead, and which names are endings.
 */
import type { CompiledBeat, CompiledEffects, CompiledOption, CompiledOutcome, HotlineStatus, Quality, Scenario, Side } from '../format';
import type { LedgerEntry } from './state';

/** An effect by positions: indicator `idx[k]` moves by `delta[k]`; flags `set` and `clear`. */
export interface PlannedEffects {
  readonly idx: Int32Array;
  readonly delta: Float64Array;
  readonly set: Int32Array;
  readonly clear: Int32Array;
  readonly hotline: HotlineStatus | null;
}

export interface PlannedOutcome {
  readonly outcome: CompiledOutcome;
  readonly effects: PlannedEffects;
  /** Where the outcome's `next` leads, or null when it names none. */
  readonly next: Target | null;
}

export interface PlannedBeat {
  readonly beat: CompiledBeat;
  /** `outcomes[side][option][outcome]`, in the beat's order. */
  readonly outcomes: Readonly<Record<Side, readonly (readonly PlannedOutcome[])[]>>;
  /** Where the beat's own `next` leads, or null. */
  readonly next: Target | null;
  /** `weights[side][option]`: its outcomes' weights when none depends on the state (null when one does). */
  readonly weights: Readonly<Record<Side, readonly (Float64Array | null)[]>>;
  /** `ai[side][option]`: the model's weight for it when it does not depend on the state, else NaN. */
  readonly ai: Readonly<Record<Side, Float64Array>>;
}

/** Where a `next` leads: an ending (which wins, as in `resolveTurn`), or a beat. */
export interface Target {
  readonly id: string;
  readonly ending: boolean;
  readonly beat: PlannedBeat | undefined;
}

export interface Plan {
  readonly beats: ReadonlyMap<string, PlannedBeat>;
  readonly targets: ReadonlyMap<string, Target>;
  readonly injects: readonly PlannedEffects[];
  readonly startValues: Float64Array;
  readonly startFlags: Uint8Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** The most options or outcomes any beat offers one side: the length of a weights buffer. */
  readonly most: number;
}

const plans = new WeakMap<Scenario, Plan>();

export function planOf(scenario: Scenario): Plan {
  let plan = plans.get(scenario);
  if (plan === undefined) {
    plan = makePlan(scenario);
    plans.set(scenario, plan);
  }
  return plan;
}

function makePlan(scenario: Scenario): Plan {
  const indicators = scenario.file.indicators;
  const at = new Map(indicators.map((ind, i) => [ind.id, i]));
  const flagAt = new Map(scenario.file.flags.map((f, i) => [f.id, i]));
  // An effect on a name that is not an indicator or flag changes nothing any expression reads, nor any
  // clamp (resolveTurn clamps the listed indicators only), so it is left out.
  const positions = (ids: readonly string[], where: ReadonlyMap<string, number>): Int32Array => Int32Array.from(ids.filter((id) => where.has(id)).map((id) => where.get(id) as number));
  const effectsOf = (e: CompiledEffects): PlannedEffects => {
    const deltas = e.deltas.filter(([id]) => at.has(id));
    return {
      idx: Int32Array.from(deltas.map(([id]) => at.get(id) as number)),
      delta: Float64Array.from(deltas.map(([, d]) => d)),
      set: positions(e.set, flagAt),
      clear: positions(e.clear, flagAt),
      hotline: e.hotline,
    };
  };
  // Beats are planned first, then linked to where their outcomes lead (a target may be any beat).
  const beats = new Map<string, PlannedBeat & { next: Target | null; outcomes: Record<Side, (PlannedOutcome & { next: Target | null })[][]> }>();
  let most = 1;
  for (const beat of scenario.beats.values()) {
    const outcomes = { us: [] as (PlannedOutcome & { next: Target | null })[][], cn: [] as (PlannedOutcome & { next: Target | null })[][] };
    for (const side of ['us', 'cn'] as const) {
      most = Math.max(most, beat.options[side].length);
      for (const o of beat.options[side]) {
        most = Math.max(most, o.outcomes.length);
        outcomes[side].push(o.outcomes.map((outcome) => ({ outcome, effects: effectsOf(outcome.effects), next: null })));
      }
    }
    const constant = (f: { readonly constant?: number }): number => (typeof f.constant === 'number' ? f.constant : Number.NaN);
    const weightsOf = (o: CompiledOption): Float64Array | null => {
      const w = Float64Array.from(o.outcomes.map((x) => constant(x.weight)));
      return w.some(Number.isNaN) ? null : w;
    };
    const weights = { us: beat.options.us.map(weightsOf), cn: beat.options.cn.map(weightsOf) };
    const ai = { us: Float64Array.from(beat.options.us.map((o) => constant(o.ai))), cn: Float64Array.from(beat.options.cn.map((o) => constant(o.ai))) };
    beats.set(beat.id, { beat, outcomes, next: null, weights, ai });
  }
  const targets = new Map<string, Target>();
  const targetOf = (id: string | undefined): Target | null => {
    if (id === undefined) return null;
    let t = targets.get(id);
    if (t === undefined) {
      t = { id, ending: scenario.endingIds.has(id), beat: beats.get(id) };
      targets.set(id, t);
    }
    return t;
  };
  for (const planned of beats.values()) {
    planned.next = targetOf(planned.beat.file.next);
    for (const side of ['us', 'cn'] as const) for (const list of planned.outcomes[side]) for (const o of list) o.next = targetOf(o.outcome.file.next);
  }
  for (const e of scenario.endings) targetOf(e.id);
  return {
    beats,
    targets,
    injects: scenario.injects.map((i) => effectsOf(i.effects)),
    startValues: Float64Array.from(indicators.map((i) => i.start)),
    startFlags: Uint8Array.from(scenario.file.flags.map((f) => (f.start ? 1 : 0))),
    min: Float64Array.from(indicators.map((i) => i.min)),
    max: Float64Array.from(indicators.map((i) => i.max)),
    most,
  };
}

/** A ledger entry the playout changes in place (the state's entries are frozen copies). */
export type LiveEntry = { -readonly [K in keyof LedgerEntry]: LedgerEntry[K] };

/** The playout's evaluation context, changed in place. */
export interface LiveContext {
  readonly indicators: Record<string, number>;
  readonly flags: Record<string, boolean>;
  values: Float64Array;
  flagValues: Uint8Array;
  turn: number;
  rung: Record<Side, number>;
  chose: Record<Side, string | null>;
  hotline: { status: HotlineStatus; calls: number; answered: number; unanswered: number };
  ledger: LiveEntry[];
  outcome: Record<Side, string | null>;
}

/** Why a turn could not be resolved: the same code and message `resolveTurn` returns. */
export interface PlayoutError {
  readonly code: 'scenario/zero-weights';
  readonly message: string;
}

/** `side` answers the oldest open request to it (of `topic`, when named), as `answerOldest` does, in place. */
export function answerIn(ledger: readonly LiveEntry[], side: Side, turn: number, quality: Quality, topic: string | null): void {
  for (const e of ledger) {
    if (e.to !== side || e.status !== 'open' || (topic !== null && e.topic !== topic)) continue;
    e.status = turn > e.dueTurn ? 'late' : 'on_time';
    e.answeredTurn = turn;
    e.quality = quality;
    return;
  }
}
