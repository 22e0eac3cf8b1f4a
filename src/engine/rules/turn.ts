/**
 * Resolving a turn and firing an inject. Pure functions of (scenario, state, input): no input is
 * mutated, nothing ambient is read, and every random draw comes from the generators whose states
 * travel inside the game state.
 */

import type { CompiledEffects, CompiledOption, EvalContext, OutcomeFile, Scenario, Side } from '../format';
import { contextOf, currentDate, offered } from './game';
import { BASIS, chancesBp, locate, pickWeighted, Rng } from './rng';
import { otherSide, SIDES } from './sides';
import type { GameState, InjectRecord, MoveRecord, TurnChoice, TurnResult } from './state';
import { variantIndex } from './texts';
import { answerOldest, applyEffects, clampAll, error, expireOpen, type Pending, triggeredEnding, workOf } from './work';
/**
 * Resolves one turn. `choice` names the option of each side played by people (and may force
 * outcomes, as a facilitator). The model picks for the other side, seeing this turn's choice. Each
 * option's outcome is drawn from the world generator with whole-number chances; effects of both sides
 * are summed and then clamped; scripted injects fire; play moves to the next beat or an ending.
 *
 * An illegal choice returns an error value and the state unchanged. The input state is never mutated.
 */
export function resolveTurn(scenario: Scenario, state: GameState, choice: TurnChoice): TurnResult {
  if (state.ending !== null) return error(state, 'turn/game-over', 'the game has ended');
  const beat = scenario.beats.get(state.beat);
  if (beat === undefined) return error(state, 'state/mismatch', `the state is at beat "${state.beat}", which this scenario does not have`);

  const before = contextOf(state);
  const pending: Pending[] = [];
  const chose: Record<Side, string | null> = { us: state.last.us, cn: state.last.cn };
  for (const side of SIDES) {
    const picked = choice[side];
    if (state.controllers[side] === 'model') {
      if (picked !== undefined) return error(state, 'turn/not-your-turn', `${side} is played by the counterpart model`);
      continue;
    }
    if (picked === undefined) return error(state, 'turn/missing-choice', `no option chosen for ${side}`);
    const option = beat.options[side].find((o) => o.id === picked);
    if (option === undefined) return error(state, 'turn/unknown-option', `no option "${picked}" for ${side} at ${beat.id}`);
    if (option.when !== null && option.when(before) === 0) return error(state, 'turn/option-not-offered', `option "${picked}" is not offered now`);
    pending.push({ side, option, by: 'people', pick: null });
    chose[side] = option.id;
  }

  let counterpartRng: Rng | null = null;
  for (const side of SIDES) {
    if (state.controllers[side] !== 'model') continue;
    const ctx = contextOf(state, chose);
    const options = offered(scenario, state, side, before);
    const weights = options.map((o) => o.ai(ctx));
    counterpartRng ??= new Rng(state.rng.counterpart);
    const pick = pickWeighted(counterpartRng, weights);
    // When every option's weight is zero the model has no preference: it picks evenly among them.
    const chosen =
      pick ??
      pickWeighted(
        counterpartRng,
        options.map(() => 1),
      );
    if (chosen === null) throw new Error(`engine: no option for ${side} at ${beat.id}`);
    const option = options[chosen.index] as CompiledOption;
    pending.push({ side, option, by: 'model', pick: { chanceBp: chosen.chanceBp, draw: chosen.draw } });
    chose[side] = option.id;
  }
  // The beat's lead resolves first and the other side second, reading the first result: one event.
  // At most one move per side, so ordering them is a swap, not a sort.
  if (pending.length === 2 && (pending[0] as Pending).side !== beat.lead) pending.reverse();

  const drawn: Record<Side, string | null> = { us: null, cn: null };
  const ctx: EvalContext = { ...contextOf(state, chose), outcome: drawn };
  const world = new Rng(state.rng.world);
  const moves: MoveRecord[] = [];
  const outcomes: { side: Side; next: string | undefined; effects: CompiledEffects; request: { topic: string; due: number } | undefined; answer: OutcomeFile['answer'] }[] = [];
  for (const p of pending) {
    const weights = p.option.outcomes.map((o) => o.weight(ctx));
    let total = 0;
    for (const w of weights) if (w > 0) total += w;
    if (total <= 0) return error(state, 'scenario/zero-weights', `every outcome of "${p.option.id}" has weight zero in this state`);
    const draw = world.below(BASIS);
    let landed = locate(weights, total, draw);
    let forced = false;
    const forcedId = choice.force?.[p.side];
    if (forcedId !== undefined) {
      const index = p.option.outcomes.findIndex((o) => o.id === forcedId);
      if (index < 0) return error(state, 'turn/unknown-outcome', `option "${p.option.id}" has no outcome "${forcedId}"`);
      // A facilitator steers the dice, never the story: an outcome the other side's choice (or the
      // first result) rules out cannot be forced, or the turn would tell two stories.
      if ((weights[index] ?? 0) <= 0)
        return error(state, 'turn/outcome-impossible', `"${forcedId}" cannot happen this turn (its chance is zero given the other side's move); force an outcome that can`);
      const chances = weights.map((w) => Math.max(w, 0));
      let cumBefore = 0;
      for (let i = 0; i < index; i++) cumBefore += chances[i] as number;
      const lo = Math.floor((cumBefore * BASIS) / total);
      const hi = Math.floor(((cumBefore + (chances[index] as number)) * BASIS) / total);
      landed = { index, chanceBp: hi - lo, draw };
      forced = true;
    }
    const outcome = p.option.outcomes[landed.index];
    if (outcome === undefined) throw new Error('engine: outcome index out of range');
    drawn[p.side] = outcome.id;
    const rungNow = p.option.offLadder ? state.rung[p.side] : p.option.rung;
    moves.push({
      side: p.side,
      by: p.by,
      option: p.option.id,
      rung: rungNow,
      offLadder: p.option.offLadder,
      label: variantIndex(p.option.label, before),
      pick: p.pick,
      outcome: outcome.id,
      chances: chancesBp(weights),
      chanceBp: landed.chanceBp,
      draw: landed.draw,
      forced,
      effects: outcome.effects.deltas.map(([id, delta]) => ({ id, delta })),
      text: 0,
    });
    outcomes.push({ side: p.side, next: outcome.file.next, effects: outcome.effects, request: outcome.file.request, answer: outcome.file.answer });
  }

  const w = workOf(state);
  const nextTurn = state.turn + 1;
  for (const o of outcomes) {
    applyEffects(w, o.effects);
    if (o.request !== undefined) {
      const id = w.ledger.length + 1;
      const to = otherSide(o.side);
      w.ledger.push({ id, from: o.side, to, topic: o.request.topic, sentTurn: nextTurn, dueTurn: nextTurn + o.request.due, status: 'open', answeredTurn: null, quality: null });
      w.ledgerEvents.push({ kind: 'sent', request: id, from: o.side, to, quality: null, late: false });
    }
    if (o.answer !== undefined) {
      if (typeof o.answer === 'string') answerOldest(w, o.side, nextTurn, o.answer, null);
      else answerOldest(w, o.side, nextTurn, o.answer.quality, o.answer.topic);
    }
  }
  for (const e of w.ledger) {
    if (e.status === 'open' && e.dueTurn === nextTurn) w.ledgerEvents.push({ kind: 'overdue', request: e.id, from: e.from, to: e.to, quality: null, late: true });
  }

  const rung: Record<Side, number> = { us: state.rung.us, cn: state.rung.cn };
  for (const m of moves) rung[m.side] = m.rung;

  const injects: InjectRecord[] = [];
  const fired = state.firedInjects.slice();
  let changes = clampAll(scenario, state.indicators, w);
  const afterCtx = (): EvalContext => ({ indicators: w.indicators, flags: w.flags, turn: nextTurn, rung, chose, hotline: w.hotline, ledger: w.ledger, outcome: drawn });
  for (const inj of scenario.injects) {
    if (inj.when === null || fired.includes(inj.id)) continue;
    if (inj.when(afterCtx()) === 0) continue;
    applyEffects(w, inj.effects);
    fired.push(inj.id);
    injects.push({ inject: inj.id, by: 'script' });
  }
  if (injects.length > 0) changes = clampAll(scenario, state.indicators, w);

  // Each outcome text is chosen once, on the world after the turn with both results known.
  const textCtx = afterCtx();
  const shown = moves.map((m) => {
    const option = beat.options[m.side].find((o) => o.id === m.option) as CompiledOption;
    const out = option.outcomes.find((o) => o.id === m.outcome);
    return { ...m, text: out === undefined ? 0 : variantIndex(out.text, textCtx) };
  });

  let next = triggeredEnding(scenario, afterCtx());
  if (next === null) {
    const lead = beat.lead;
    const leadNext = outcomes.find((o) => o.side === lead)?.next;
    const otherNext = outcomes.find((o) => o.side !== lead)?.next;
    next = leadNext ?? otherNext ?? beat.file.next ?? null;
    if (next === null) throw new Error(`engine: beat ${beat.id} has nowhere to go`);
  }
  let ending = scenario.endingIds.has(next) ? next : null;
  if (ending === null && nextTurn >= scenario.file.maxTurns) {
    ending = scenario.file.timeout;
    next = ending;
  }
  if (ending !== null) expireOpen(w);

  const record = {
    kind: 'turn' as const,
    turn: nextTurn,
    date: currentDate(scenario, state),
    beat: beat.id,
    moves: shown,
    injects,
    changes,
    flagsSet: w.flagsSet,
    flagsCleared: w.flagsCleared,
    ledger: w.ledgerEvents,
    hotline: w.hotline.status,
    next,
    ending,
  };
  const nextState: GameState = {
    format: state.format,
    engineVersion: state.engineVersion,
    scenarioId: state.scenarioId,
    scenarioHash: state.scenarioHash,
    seed: state.seed,
    controllers: state.controllers,
    turn: nextTurn,
    beat: ending === null ? next : state.beat,
    ending,
    indicators: w.indicators,
    flags: w.flags,
    rung,
    last: chose,
    hotline: w.hotline,
    ledger: w.ledger,
    firedInjects: fired,
    rng: { world: world.state(), counterpart: counterpartRng === null ? state.rng.counterpart : counterpartRng.state() },
    log: [...state.log, record],
  };
  return { ok: true, state: nextState, record };
}

/**
 * A facilitator fires an inject between turns: its effects apply at once and it is logged (and so
 * replayed) like a choice. An inject fires at most once; one whose effects meet an ending's
 * condition ends the game.
 */
export function fireInject(scenario: Scenario, state: GameState, injectId: string): TurnResult {
  if (state.ending !== null) return error(state, 'turn/game-over', 'the game has ended');
  const inj = scenario.injects.find((i) => i.id === injectId);
  if (inj === undefined) return error(state, 'turn/unknown-inject', `no inject "${injectId}" in this scenario`);
  if (state.firedInjects.includes(inj.id)) return error(state, 'turn/inject-fired', `inject "${injectId}" has already fired`);
  const w = workOf(state);
  applyEffects(w, inj.effects);
  const changes = clampAll(scenario, state.indicators, w);
  const ending = triggeredEnding(scenario, { ...contextOf(state), indicators: w.indicators, flags: w.flags, hotline: w.hotline });
  if (ending !== null) expireOpen(w);
  const record = { kind: 'inject' as const, turn: state.turn, inject: inj.id, changes, flagsSet: w.flagsSet, flagsCleared: w.flagsCleared, ending };
  const nextState: GameState = {
    ...state,
    ending,
    indicators: w.indicators,
    flags: w.flags,
    hotline: w.hotline,
    ledger: w.ledger,
    firedInjects: [...state.firedInjects, inj.id],
    log: [...state.log, record],
  };
  return { ok: true, state: nextState, record };
}
