/**
 * Starting a game and what a side may do now: the legal options, the timer's default, the evaluation
 * context and the objectives' scores. Pure functions of (scenario, state).
 */

import type { CompiledOption, EvalContext, Scenario, Side } from '../format';
import { addDays, isoOfDays, parseIsoDate } from './calendar';
import { seedState } from './rng';
import type { Controller, GameState, ObjectiveResult, OptionView } from './state';
import { pickText } from './texts';
/** The rules version. A replay or save made under another major version is refused. */
export const ENGINE_VERSION = '2.0.0';

/** The seed of the counterpart model's own stream: it never uses up the world's randomness. */
/** What the counterpart stream's seed adds to the game's seed. */
export const COUNTERPART_SEED_TAIL = '\u0000counterpart';
export const counterpartSeed = (seed: string): string => `${seed}${COUNTERPART_SEED_TAIL}`;

/**
 * A new game of `scenario` from `seed`, with each side played by people or by the model.
 * The first beat is where play starts; no random draw is made here. `hash` is the scenario hash the
 * game carries: the rules hash, or for a game recorded before the split its legacy hash.
 */
export function start(scenario: Scenario, seed: string, controllers: Readonly<Record<Side, Controller>>, hash: string = scenario.hash): GameState {
  const file = scenario.file;
  const indicators: Record<string, number> = {};
  for (const ind of file.indicators) indicators[ind.id] = ind.start;
  const flags: Record<string, boolean> = {};
  for (const f of file.flags) flags[f.id] = f.start;
  return {
    format: 'red-phone/state@1',
    engineVersion: ENGINE_VERSION,
    scenarioId: scenario.id,
    scenarioHash: hash,
    seed,
    controllers: { us: controllers.us, cn: controllers.cn },
    turn: 0,
    beat: file.start,
    ending: null,
    indicators,
    flags,
    rung: { us: 0, cn: 0 },
    last: { us: null, cn: null },
    hotline: { status: 'idle', calls: 0, answered: 0, unanswered: 0 },
    ledger: [],
    firedInjects: [],
    rng: { world: seedState(seed), counterpart: seedState(counterpartSeed(seed)) },
    log: [],
  };
}

/**
 * Whether a game or replay carrying scenario hash `hash` was made with `scenario`'s rules: its rules
 * hash (in any language), or the whole-content hash that games made before the split carry.
 */
export function carriesHashOf(scenario: Scenario, hash: string): boolean {
  return hash === scenario.hash || hash === scenario.contentHash;
}

/** Each scenario's first day as a day number, parsed once (the date of every turn counts from it). */
const firstDays = new WeakMap<Scenario, number>();

/** The in-game date of the current turn, `YYYY-MM-DD`. */
export function currentDate(scenario: Scenario, state: GameState): string {
  const fixed = scenario.beats.get(state.beat)?.date;
  if (fixed !== undefined && fixed !== null) return fixed;
  const { start, turnDays } = scenario.file.calendar;
  let first = firstDays.get(scenario);
  if (first === undefined) {
    const parsed = parseIsoDate(start);
    // A start that is not a date fails as addDays always made it fail.
    if (parsed === null) return addDays(start, state.turn * turnDays);
    first = parsed;
    firstDays.set(scenario, first);
  }
  return isoOfDays(first + state.turn * turnDays);
}

export function contextOf(state: GameState, chose: Readonly<Record<Side, string | null>> = state.last): EvalContext {
  // The fields in the order of every context (see EvalContext).
  return {
    indicators: state.indicators,
    flags: state.flags,
    values: undefined,
    flagValues: undefined,
    turn: state.turn + 1,
    rung: state.rung,
    chose,
    hotline: state.hotline,
    ledger: state.ledger,
    outcome: NO_OUTCOME,
    ledgerCounts: undefined,
  };
}

const NO_OUTCOME: Readonly<Record<Side, string | null>> = { us: null, cn: null };

export function offered(scenario: Scenario, state: GameState, side: Side, ctx: EvalContext): CompiledOption[] {
  const beat = scenario.beats.get(state.beat);
  if (beat === undefined) throw new Error(`engine: state is at unknown beat ${state.beat}`);
  const out: CompiledOption[] = [];
  for (const o of beat.options[side]) if (o.when === null || o.when(ctx) !== 0) out.push(o);
  return out;
}

function viewOf(o: CompiledOption, index: number, ctx: EvalContext): OptionView {
  return {
    id: o.id,
    index,
    side: o.side,
    label: pickText(o.label, ctx),
    text: pickText(o.text, ctx),
    rung: o.rung,
    offLadder: o.offLadder,
    uses: o.file.terms.uses,
    strains: o.file.terms.strains,
    why: o.file.terms.why,
    isDefault: o.file.default === true,
  };
}

/**
 * The options offered to `side` now, in scenario order (empty once the game is over). Every beat has,
 * for each side, an option with no condition (the checker enforces it), so a live game always has one.
 */
export function legalOptions(scenario: Scenario, state: GameState, side: Side): OptionView[] {
  if (state.ending !== null) return [];
  const ctx = contextOf(state);
  return offered(scenario, state, side, ctx).map((o, i) => viewOf(o, i, ctx));
}

/** The options of each side played by people, or null for a side the model plays. */
export function legalChoices(scenario: Scenario, state: GameState): Record<Side, OptionView[] | null> {
  return {
    us: state.controllers.us === 'people' ? legalOptions(scenario, state, 'us') : null,
    cn: state.controllers.cn === 'people' ? legalOptions(scenario, state, 'cn') : null,
  };
}

/** The option a turn timer falls back to: the one marked `default`, else the first offered. */
export function defaultOption(scenario: Scenario, state: GameState, side: Side): OptionView | null {
  const views = legalOptions(scenario, state, side);
  return views.find((v) => v.isDefault) ?? views[0] ?? null;
}

/** Each objective, met or not, with its score from 0 to 100, computed on `state`. */
export function scoreObjectives(scenario: Scenario, state: GameState): ObjectiveResult[] {
  const ctx = contextOf(state);
  return scenario.objectives.map((o, i) => {
    const raw = o.score(ctx);
    const file = scenario.file.objectives[i];
    return { id: o.id, side: o.side, label: file?.label ?? o.id, met: o.met(ctx) !== 0, score: raw < 0 ? 0 : Math.min(raw, 100) };
  });
}
