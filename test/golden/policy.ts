/**
 * Deterministic play for tests: a plan of steps (choice indices, forced outcomes, facilitator
 * injects) turned into legal actions. The same plan on the same scenario and seed always plays the
 * same game; indices wrap around the options offered, so any plan is legal.
 */
import { fireInject, type GameState, legalOptions, resolveTurn, type Scenario, SIDES, type Side, type TurnChoice, type TurnResult } from '../../src/engine';

export type Step =
  | { readonly kind: 'turn'; readonly us: number; readonly cn: number; readonly forceUs: number | null; readonly forceCn: number | null }
  | { readonly kind: 'inject'; readonly index: number };

/** The choice for a turn step: option indices wrap; a force is applied only to sides played by people. */
export function choiceFor(scenario: Scenario, state: GameState, step: Extract<Step, { kind: 'turn' }>): TurnChoice {
  const choice: { us?: string; cn?: string; force?: { us?: string; cn?: string } } = {};
  const force: { us?: string; cn?: string } = {};
  for (const side of SIDES) {
    if (state.controllers[side] !== 'people') continue;
    const options = legalOptions(scenario, state, side);
    const view = options[(side === 'us' ? step.us : step.cn) % options.length];
    if (view === undefined) throw new Error(`policy: no option for ${side} at ${state.beat}`);
    choice[side] = view.id;
    const f = side === 'us' ? step.forceUs : step.forceCn;
    if (f !== null) {
      const option = scenario.beats.get(state.beat)?.options[side].find((o) => o.id === view.id);
      const outcome = option?.outcomes[f % option.outcomes.length];
      if (outcome !== undefined) force[side] = outcome.id;
    }
  }
  if (force.us !== undefined || force.cn !== undefined) choice.force = force;
  return choice;
}

/**
 * Plays `steps` from `state`; with `finish`, then plays the first offered option until the game
 * ends. `onState` sees every state after the first. Throws on any engine error (the plan is legal).
 */
export function playSteps(scenario: Scenario, state: GameState, steps: readonly Step[], finish: boolean, onState: (s: GameState) => void = () => {}): GameState {
  let s = state;
  for (const step of steps) {
    if (s.ending !== null) break;
    if (step.kind === 'inject') {
      const unfired = scenario.injects.filter((i) => !s.firedInjects.includes(i.id));
      const inj = unfired[step.index % Math.max(1, unfired.length)];
      if (inj === undefined) continue;
      const r = fireInject(scenario, s, inj.id);
      if (!r.ok) throw new Error(`policy: ${r.error.code} ${r.error.message}`);
      s = r.state;
    } else {
      const choice = choiceFor(scenario, s, step);
      let r = resolveTurn(scenario, s, choice);
      // A planned force of an outcome the other side's move rules out is refused; the plan plays on without it.
      if (!r.ok && r.error.code === 'turn/outcome-impossible')
        r = resolveTurn(scenario, s, { ...(choice.us !== undefined ? { us: choice.us } : {}), ...(choice.cn !== undefined ? { cn: choice.cn } : {}) });
      if (!r.ok) throw new Error(`policy: ${r.error.code} ${r.error.message}`);
      s = r.state;
    }
    onState(s);
  }
  while (finish && s.ending === null) {
    const r = resolveTurn(scenario, s, choiceFor(scenario, s, { kind: 'turn', us: 0, cn: 0, forceUs: null, forceCn: null }));
    if (!r.ok) throw new Error(`policy: ${r.error.code} ${r.error.message}`);
    s = r.state;
    onState(s);
  }
  return s;
}

/** Who plays each side: `side` alone against the model, or both sides by people (`teams`). */
export function controllersFor(mode: Side | 'teams'): Record<Side, 'people' | 'model'> {
  if (mode === 'teams') return { us: 'people', cn: 'people' };
  return mode === 'us' ? { us: 'people', cn: 'model' } : { us: 'model', cn: 'people' };
}

/** The value of an ok result; a refusal fails the test with its code and message. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Applies engine steps in order (turns, injects); a refused step fails the test with its code. */
export function applySteps(state: GameState, steps: readonly ((s: GameState) => TurnResult)[]): GameState {
  let s = state;
  for (const step of steps) {
    const r = step(s);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    s = r.state;
  }
  return s;
}
