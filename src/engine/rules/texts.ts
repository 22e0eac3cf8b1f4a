/**
 * Choosing the variant of a text that the state calls for, and reading it. A text's variants are in
 * file order; the first whose `when` holds is shown, and the fallback (no `when`) is last. A turn's
 * outcome texts are chosen once, when the turn resolves, and the log keeps the index, so a debrief
 * shows what the players read then.
 */
import type { CompiledText, EvalContext, Scenario, Side } from '../format';
import { contextOf } from './game';
import type { GameState, MoveRecord } from './state';

/** The index of the variant shown on `ctx`: the first whose condition holds, else the last. */
export function variantIndex(text: CompiledText, ctx: EvalContext): number {
  for (let i = 0; i < text.length; i++) {
    const when = (text[i] as CompiledText[number]).when;
    if (when === null || when(ctx) !== 0) return i;
  }
  return text.length - 1;
}

/** The text of variant `index` (clamped into range, so a damaged index never throws). */
export function variantText(text: CompiledText, index: number): string {
  return (text[Math.min(Math.max(index, 0), text.length - 1)] ?? text[0])?.text ?? '';
}

/** The text shown on `ctx`. */
export function pickText(text: CompiledText, ctx: EvalContext): string {
  return variantText(text, variantIndex(text, ctx));
}

/** Whether the variant shown on `ctx` presumes something false there (a contradiction); null when it presumes nothing. */
export function presumesFalse(text: CompiledText, ctx: EvalContext, index = variantIndex(text, ctx)): boolean {
  const presumes = text[index]?.presumes ?? null;
  return presumes !== null && presumes(ctx) === 0;
}

/** The ending's text for `side` as the final state calls for it ('' when the game has not ended). */
export function endingTextOf(scenario: Scenario, state: GameState, side: Side): string {
  const ending = scenario.endings.find((e) => e.id === state.ending);
  return ending === undefined ? '' : pickText(ending.text[side], contextOf(state));
}

/** The current beat's text for `side`. */
export function beatTextOf(scenario: Scenario, state: GameState, side: Side): string {
  const beat = scenario.beats.get(state.beat);
  return beat === undefined ? '' : pickText(beat.text[side], contextOf(state));
}

/** The outcome text a logged move showed, as the log recorded its variant. */
export function outcomeTextOf(scenario: Scenario, beatId: string, move: MoveRecord): string {
  const option = scenario.beats.get(beatId)?.options[move.side].find((o) => o.id === move.option);
  const outcome = option?.outcomes.find((o) => o.id === move.outcome);
  return outcome === undefined ? '' : variantText(outcome.text, move.text);
}

/** The label a logged move's side read when choosing. */
export function moveLabelOf(scenario: Scenario, beatId: string, move: MoveRecord): string {
  const option = scenario.beats.get(beatId)?.options[move.side].find((o) => o.id === move.option);
  return option === undefined ? move.option : variantText(option.label, move.label);
}
