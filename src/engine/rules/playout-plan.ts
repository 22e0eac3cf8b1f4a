/**
 * What the {@link Playout} needs of a scenario, worked out once per scenario (cached by the Scenario
 * object): indicators and flags by position, each effect as positions and amounts, each beat's
 * outcomes with where they lead, and which names are endings.
 */
import type { Compiled, CompiledBeat, CompiledEffects, CompiledOption, CompiledOutcome, HotlineStatus, Quality, Scenario, Side } from '../format';
import type { LiveContext } from './playout-live';

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
  /** The file's request and answer, read once: outcome files come in many shapes, and a read across many shapes is slow. */
  readonly request: { readonly topic: string; readonly due: number } | null;
  readonly answer: { readonly quality: Quality; readonly topic: string | null } | null;
  /** Where the outcome's `next` leads, or null when it names none. */
  readonly next: Target | null;
  /** The variant of its text shown whatever the state (0 when the first has no condition), else -1. */
  readonly fixedText: number;
}

/** One side's part of a beat. */
export interface PlannedSide {
  readonly options: readonly CompiledOption[];
  /** `outcomes[option][outcome]`, in the beat's order. */
  readonly outcomes: readonly (readonly PlannedOutcome[])[];
  /** `weights[option]`: its outcomes' weights when none depends on the state (null when one does). */
  readonly weights: readonly (Float64Array | null)[];
  /** `ai[option]`: the model's weight for it when it does not depend on the state, else NaN. */
  readonly ai: Float64Array;
}

export interface PlannedBeat {
  readonly beat: CompiledBeat;
  /** Its position in `scenario.beats` (as the simulator's layout numbers beats). */
  readonly index: number;
  /** The United States' part, then China's: by position, since reading a record by a side held in a variable is slow. */
  readonly sides: readonly [PlannedSide, PlannedSide];
  /** Where the beat's own `next` leads, or null. */
  readonly next: Target | null;
}

/** A side's position in {@link PlannedBeat.sides} and the playout's per-side arrays. */
export const sideAt = (side: Side): 0 | 1 => (side === 'us' ? 0 : 1);

/** Sets `side`'s entry of a per-side record by a named property (see {@link PlannedBeat.sides}). */
export function setSide<T>(record: Record<Side, T>, side: Side, value: T): void {
  if (side === 'us') record.us = value;
  else record.cn = value;
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
  /** The endings with a condition, in file order, and where each leads (those without one are reached only by name). */
  readonly endings: readonly { readonly when: Compiled; readonly target: Target }[];
  readonly startValues: Float64Array;
  readonly startFlags: Uint8Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** The most options or outcomes any beat offers one side: the length of a weights buffer. */
  readonly most: number;
}

const plans = new WeakMap<Scenario, Plan>();

function ledgerOf(outcome: CompiledOutcome): Pick<PlannedOutcome, 'request' | 'answer'> {
  const { request, answer } = outcome.file;
  return {
    request: request === undefined ? null : { topic: request.topic, due: request.due },
    answer: answer === undefined ? null : typeof answer === 'string' ? { quality: answer, topic: null } : { quality: answer.quality, topic: answer.topic },
  };
}

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
  type Linked = PlannedOutcome & { next: Target | null };
  const beats = new Map<string, { beat: CompiledBeat; index: number; sides: [PlannedSide & { outcomes: Linked[][] }, PlannedSide & { outcomes: Linked[][] }]; next: Target | null }>();
  const constant = (f: { readonly constant?: number }): number => (typeof f.constant === 'number' ? f.constant : Number.NaN);
  const weightsOf = (o: CompiledOption): Float64Array | null => {
    const w = Float64Array.from(o.outcomes.map((x) => constant(x.weight)));
    return w.some(Number.isNaN) ? null : w;
  };
  let most = 1;
  for (const beat of scenario.beats.values()) {
    const sideOf = (side: Side): PlannedSide & { outcomes: Linked[][] } => {
      const options = beat.options[side];
      most = Math.max(most, options.length, ...options.map((o) => o.outcomes.length));
      return {
        options,
        outcomes: options.map((o) =>
          o.outcomes.map((outcome) => ({ outcome, effects: effectsOf(outcome.effects), ...ledgerOf(outcome), next: null, fixedText: outcome.text[0]?.when === null ? 0 : -1 })),
        ),
        weights: options.map(weightsOf),
        ai: Float64Array.from(options.map((o) => constant(o.ai))),
      };
    };
    beats.set(beat.id, { beat, index: beats.size, sides: [sideOf('us'), sideOf('cn')], next: null });
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
    for (const side of planned.sides) for (const list of side.outcomes) for (const o of list) o.next = targetOf(o.outcome.file.next);
  }
  const endings: { when: Compiled; target: Target }[] = [];
  for (const e of scenario.endings) {
    const target = targetOf(e.id) as Target;
    if (e.when !== null) endings.push({ when: e.when, target });
  }
  return {
    beats,
    targets,
    injects: scenario.injects.map((i) => effectsOf(i.effects)),
    endings,
    startValues: Float64Array.from(indicators.map((i) => i.start)),
    startFlags: Uint8Array.from(scenario.file.flags.map((f) => (f.start ? 1 : 0))),
    min: Float64Array.from(indicators.map((i) => i.min)),
    max: Float64Array.from(indicators.map((i) => i.max)),
    most,
  };
}

/** Why a turn could not be resolved: the same code and message `resolveTurn` returns. */
export interface PlayoutError {
  readonly code: 'scenario/zero-weights';
  readonly message: string;
}

/** Applies an effect in place; the indicators it moves are written to `touched` from `count` on. Returns the new count. */
export function applyPlanned(live: LiveContext, e: PlannedEffects, touched: Int32Array, count: number): number {
  const { values, flagValues, hotline } = live;
  let n = count;
  for (let k = 0; k < e.idx.length; k++) {
    const i = e.idx[k] as number;
    values[i] = (values[i] as number) + (e.delta[k] as number);
    touched[n++] = i;
  }
  for (let k = 0; k < e.set.length; k++) flagValues[e.set[k] as number] = 1;
  for (let k = 0; k < e.clear.length; k++) flagValues[e.clear[k] as number] = 0;
  if (e.hotline !== null) {
    hotline.status = e.hotline;
    if (e.hotline === 'answered') hotline.answered++;
    if (e.hotline === 'unanswered') hotline.unanswered++;
    if (e.hotline !== 'idle') hotline.calls++;
  }
  return n;
}

/**
 * Clamps indicators to their ranges: every one when `touched` is null (the first turn: a start outside
 * its range is clamped then, as `clampAll` does), else the first `count` of `touched`, since the others
 * were clamped already and have not moved.
 */
export function clampLive(values: Float64Array, plan: Plan, touched: Int32Array | null, count: number): void {
  const { min, max } = plan;
  if (touched === null) {
    for (let i = 0; i < values.length; i++) values[i] = clampTo(values[i] as number, min[i] as number, max[i] as number);
    return;
  }
  for (let k = 0; k < count; k++) {
    const i = touched[k] as number;
    values[i] = clampTo(values[i] as number, min[i] as number, max[i] as number);
  }
}

const clampTo = (v: number, lo: number, hi: number): number => (v < lo ? lo : Math.min(v, hi));
