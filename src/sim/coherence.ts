/**
 * Coherence: a turn is one story. For one resolved turn, the contradictions a player could see: the
 * two outcomes setting the hotline to different states, one setting a flag the other clears, or a
 * text shown whose `presumes` is false where it is shown (an option offered, a beat's text, an
 * outcome's text, an ending's text). The simulator counts them over every run; zero is the goal.
 */
import {
  type BeatFile,
  type CompiledBeat,
  type CompiledOption,
  type CompiledOutcome,
  type CompiledText,
  contextOf,
  type EvalContext,
  type GameState,
  type MoveRecord,
  presumesFalse,
  type Scenario,
  SIDES,
  type Side,
  type TurnRecord,
  type VariantText,
  variantIndex,
} from '../engine';

export type ContradictionKind = 'hotline' | 'flag' | 'presumes';

export interface Contradiction {
  readonly kind: ContradictionKind;
  /** The turn (1-based) in which it was shown, or the last turn for an ending's text. */
  readonly turn: number;
  readonly beat: string;
  /** Where in the scenario: `beat/side/option`, `beat/side/option/outcome`, `ending:<id>/side`. */
  readonly where: string;
  readonly message: string;
}

const optionOf = (scenario: Scenario, beat: string, m: MoveRecord): CompiledOption | undefined => scenario.beats.get(beat)?.options[m.side].find((o) => o.id === m.option);

/** Which of a beat's texts and options presume anything: the only ones a check before the choice can find false. */
export interface BeatPresuming {
  /** By side position, as {@link SIDES} (0 the United States, 1 China). */
  readonly text: readonly [boolean, boolean];
  readonly options: readonly [readonly boolean[], readonly boolean[]];
}
const presumingBeats = new WeakMap<CompiledBeat, BeatPresuming | null>();

/**
 * Whether a variant of `text` (compiled from `source`) can presume what is false where it is shown (on
 * the context its variant is chosen on): one that presumes, unless what it presumes is the very
 * expression of its own `when` and it is not the last variant (the last is shown also when no condition
 * holds). A variant shown only when its condition holds cannot presume that condition falsely.
 */
function mayPresumeFalsely(text: CompiledText, source: VariantText): boolean {
  return text.some((v, i) => {
    if (v.presumes === null) return false;
    const file = typeof source === 'string' ? undefined : source[i];
    return !(i < text.length - 1 && file?.when !== undefined && file.when === file.presumes);
  });
}

/** The source of `side`'s text of a beat (one text for both sides, or one each). */
const sideSource = (text: BeatFile['text'], side: Side): VariantText => (typeof text === 'string' || Array.isArray(text) ? text : text[side]);

/**
 * What at `beat` can presume what is false when shown (worked out once per beat), or null when nothing
 * there can: a text's variant or an option whose `presumes` is its own `when` is left out (see
 * {@link mayPresumeFalsely}), since the check reads the context that offered it or chose it.
 */
export function presumingAt(beat: CompiledBeat): BeatPresuming | null {
  let p = presumingBeats.get(beat);
  if (p === undefined) {
    const optionsOf = (side: Side): boolean[] =>
      beat.options[side].map(
        (o) => (o.presumes !== null && !(o.file.when !== undefined && o.file.when === o.file.presumes)) || mayPresumeFalsely(o.label, o.file.label) || mayPresumeFalsely(o.text, o.file.text),
      );
    const options = [optionsOf('us'), optionsOf('cn')] as const;
    const text = [mayPresumeFalsely(beat.text.us, sideSource(beat.file.text, 'us')), mayPresumeFalsely(beat.text.cn, sideSource(beat.file.text, 'cn'))] as const;
    p = text[0] || text[1] || options[0].includes(true) || options[1].includes(true) ? { text, options } : null;
    presumingBeats.set(beat, p);
  }
  return p;
}

/**
 * {@link contradictionsBefore} for a caller that knows what is offered (by side position, the first
 * `count[s]` of `offered[s]`, indexes into the beat's options) and what presumes (`p`): the same findings in the
 * same order, evaluating only what presumes.
 */
export function contradictionsOffered(
  beat: CompiledBeat,
  p: BeatPresuming,
  ctx: EvalContext,
  turn: number,
  offered: readonly [ArrayLike<number>, ArrayLike<number>],
  count: ArrayLike<number>,
  out: Contradiction[],
): void {
  for (let s = 0; s < 2; s++) {
    const side = SIDES[s] as Side;
    if (p.text[s] === true && presumesFalse(beat.text[side], ctx))
      out.push({ kind: 'presumes', turn, beat: beat.id, where: `${beat.id}/${side}/text`, message: `the ${side} beat text shown takes for granted what is false` });
    const presuming = p.options[s] as readonly boolean[];
    const list = offered[s] as ArrayLike<number>;
    for (let k = 0; k < (count[s] as number); k++) {
      const j = list[k] as number;
      if (presuming[j] === true) optionPresumes(beat, side, beat.options[side][j] as CompiledOption, ctx, turn, out);
    }
  }
}

function optionPresumes(beat: CompiledBeat, side: Side, o: CompiledOption, ctx: EvalContext, turn: number, out: Contradiction[]): void {
  if (o.presumes !== null && o.presumes(ctx) === 0)
    out.push({ kind: 'presumes', turn, beat: beat.id, where: `${beat.id}/${side}/${o.id}`, message: `"${o.id}" is offered, and what it presumes is false` });
  else if (presumesFalse(o.label, ctx) || presumesFalse(o.text, ctx))
    out.push({ kind: 'presumes', turn, beat: beat.id, where: `${beat.id}/${side}/${o.id}`, message: `the wording shown for "${o.id}" presumes what is false` });
}

/** What the texts shown before the choice take for granted, on `ctx` (the world before the turn): the beat's text and every option offered. */
export function contradictionsBefore(beat: CompiledBeat, ctx: EvalContext, turn: number, out: Contradiction[]): void {
  for (const side of SIDES) {
    if (presumesFalse(beat.text[side], ctx))
      out.push({ kind: 'presumes', turn, beat: beat.id, where: `${beat.id}/${side}/text`, message: `the ${side} beat text shown takes for granted what is false` });
    for (const o of beat.options[side]) {
      if (o.when !== null && o.when(ctx) === 0) continue;
      optionPresumes(beat, side, o, ctx, turn, out);
    }
  }
}

/** One move of a turn as the checks read it: its side, option and outcome ids, the outcome and the text variant shown. */
export interface CheckedMove {
  readonly side: Side;
  readonly option: string;
  readonly outcome: string;
  readonly text: number;
}

/** The two outcomes of the turn (the lead's first) against each other. */
export function clashBetween(turn: number, beat: string, a: CheckedMove, oa: CompiledOutcome, b: CheckedMove, ob: CompiledOutcome, out: Contradiction[]): void {
  const ha = oa.effects.hotline;
  const hb = ob.effects.hotline;
  if (ha !== null && hb !== null && ha !== hb) {
    out.push({ kind: 'hotline', turn, beat, where: `${beat}/${a.option}/${a.outcome} + ${b.option}/${b.outcome}`, message: `one outcome leaves the hotline ${ha}, the other ${hb}` });
  }
  clearsSet(turn, beat, a, oa, b, ob, out);
  clearsSet(turn, beat, b, ob, a, oa, out);
}

function clearsSet(turn: number, beat: string, x: CheckedMove, ox: CompiledOutcome, y: CheckedMove, oy: CompiledOutcome, out: Contradiction[]): void {
  if (ox.effects.set.length === 0 || oy.effects.clear.length === 0) return;
  for (const f of ox.effects.set) {
    if (oy.effects.clear.includes(f))
      out.push({ kind: 'flag', turn, beat, where: `${beat}/${x.option}/${x.outcome} + ${y.option}/${y.outcome}`, message: `one outcome sets "${f}", the other clears it` });
  }
}

/** An outcome's text, as shown, against the world after the turn (`ctx`: that world with both results). */
export function outcomeTextContradiction(turn: number, beat: string, m: CheckedMove, o: CompiledOutcome, ctx: EvalContext, out: Contradiction[]): void {
  if (presumesFalse(o.text, ctx, m.text)) out.push({ kind: 'presumes', turn, beat, where: `${beat}/${m.side}/${m.option}/${m.outcome}`, message: `the outcome text shown presumes what is false` });
}

/** The two outcomes of the turn against each other, and each outcome's text against the world after it. */
function theTurn(scenario: Scenario, record: TurnRecord, after: GameState, out: Contradiction[]): void {
  const outcomes = record.moves.map((m) => ({ m, o: optionOf(scenario, record.beat, m)?.outcomes.find((x) => x.id === m.outcome) }));
  const [a, b] = outcomes;
  if (a?.o !== undefined && b?.o !== undefined) clashBetween(record.turn, record.beat, a.m, a.o, b.m, b.o, out);
  const drawn: Record<Side, string | null> = { us: null, cn: null };
  for (const m of record.moves) drawn[m.side] = m.outcome;
  const ctx: EvalContext = { ...contextOf(after), turn: record.turn, outcome: drawn };
  for (const { m, o } of outcomes) if (o !== undefined) outcomeTextContradiction(record.turn, record.beat, m, o, ctx, out);
}

/** The ending's texts against the final world (`ctx`, as `contextOf` the final state). */
export function endingContradictions(scenario: Scenario, endingId: string, beat: string, ctx: EvalContext, turn: number, out: Contradiction[]): void {
  const ending = scenario.endings.find((e) => e.id === endingId);
  if (ending === undefined) return;
  for (const side of SIDES) {
    if (presumesFalse(ending.text[side], ctx, variantIndex(ending.text[side], ctx)))
      out.push({ kind: 'presumes', turn, beat, where: `ending:${ending.id}/${side}`, message: `the ending text shown to ${side} presumes what is false` });
  }
}

/** The contradictions of one resolved turn: before it (what was shown), in it, and at the end if it ended the game. */
export function turnContradictions(scenario: Scenario, before: GameState, record: TurnRecord, after: GameState): Contradiction[] {
  const out: Contradiction[] = [];
  const beat = scenario.beats.get(before.beat);
  if (beat !== undefined) contradictionsBefore(beat, contextOf(before), record.turn, out);
  theTurn(scenario, record, after, out);
  if (after.ending !== null) endingContradictions(scenario, after.ending, after.beat, contextOf(after), record.turn, out);
  return out;
}
