/**
 * Coherence: a turn is one story. For one resolved turn, the contradictions a player could see: the
 * two outcomes setting the hotline to different states, one setting a flag the other clears, or a
 * text shown whose `presumes` is false where it is shown (an option offered, a beat's text, an
 * outcome's text, an ending's text). The simulator counts them over every run; zero is the goal.
 */
import { type CompiledOption, contextOf, type EvalContext, type GameState, type MoveRecord, presumesFalse, type Scenario, SIDES, type Side, type TurnRecord, variantIndex } from '../engine';

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

/** What the texts shown before the choice take for granted: the beat's text and every option offered. */
function beforeTurn(scenario: Scenario, before: GameState, turn: number, out: Contradiction[]): void {
  const beat = scenario.beats.get(before.beat);
  if (beat === undefined) return;
  const ctx = contextOf(before);
  for (const side of SIDES) {
    if (presumesFalse(beat.text[side], ctx))
      out.push({ kind: 'presumes', turn, beat: beat.id, where: `${beat.id}/${side}/text`, message: `the ${side} beat text shown takes for granted what is false` });
    for (const o of beat.options[side]) {
      if (o.when !== null && o.when(ctx) === 0) continue;
      if (o.presumes !== null && o.presumes(ctx) === 0)
        out.push({ kind: 'presumes', turn, beat: beat.id, where: `${beat.id}/${side}/${o.id}`, message: `"${o.id}" is offered, and what it presumes is false` });
      else if (presumesFalse(o.label, ctx) || presumesFalse(o.text, ctx))
        out.push({ kind: 'presumes', turn, beat: beat.id, where: `${beat.id}/${side}/${o.id}`, message: `the wording shown for "${o.id}" presumes what is false` });
    }
  }
}

/** The two outcomes of the turn against each other, and each outcome's text against the world after it. */
function theTurn(scenario: Scenario, record: TurnRecord, after: GameState, out: Contradiction[]): void {
  const outcomes = record.moves.map((m) => ({ m, o: optionOf(scenario, record.beat, m)?.outcomes.find((x) => x.id === m.outcome) }));
  const [a, b] = outcomes;
  if (a?.o !== undefined && b?.o !== undefined) {
    const ha = a.o.effects.hotline;
    const hb = b.o.effects.hotline;
    if (ha !== null && hb !== null && ha !== hb) {
      out.push({
        kind: 'hotline',
        turn: record.turn,
        beat: record.beat,
        where: `${record.beat}/${a.m.option}/${a.m.outcome} + ${b.m.option}/${b.m.outcome}`,
        message: `one outcome leaves the hotline ${ha}, the other ${hb}`,
      });
    }
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const f of x.o?.effects.set ?? []) {
        if (y.o?.effects.clear.includes(f) === true)
          out.push({
            kind: 'flag',
            turn: record.turn,
            beat: record.beat,
            where: `${record.beat}/${x.m.option}/${x.m.outcome} + ${y.m.option}/${y.m.outcome}`,
            message: `one outcome sets "${f}", the other clears it`,
          });
      }
    }
  }
  const drawn: Record<Side, string | null> = { us: null, cn: null };
  for (const m of record.moves) drawn[m.side] = m.outcome;
  const ctx: EvalContext = { ...contextOf(after), turn: record.turn, outcome: drawn };
  for (const { m, o } of outcomes) {
    if (o !== undefined && presumesFalse(o.text, ctx, m.text))
      out.push({ kind: 'presumes', turn: record.turn, beat: record.beat, where: `${record.beat}/${m.side}/${m.option}/${m.outcome}`, message: `the outcome text shown presumes what is false` });
  }
}

function atTheEnd(scenario: Scenario, after: GameState, turn: number, out: Contradiction[]): void {
  const ending = scenario.endings.find((e) => e.id === after.ending);
  if (ending === undefined) return;
  const ctx = contextOf(after);
  for (const side of SIDES) {
    if (presumesFalse(ending.text[side], ctx, variantIndex(ending.text[side], ctx)))
      out.push({ kind: 'presumes', turn, beat: after.beat, where: `ending:${ending.id}/${side}`, message: `the ending text shown to ${side} presumes what is false` });
  }
}

/** The contradictions of one resolved turn: before it (what was shown), in it, and at the end if it ended the game. */
export function turnContradictions(scenario: Scenario, before: GameState, record: TurnRecord, after: GameState): Contradiction[] {
  const out: Contradiction[] = [];
  beforeTurn(scenario, before, record.turn, out);
  theTurn(scenario, record, after, out);
  if (after.ending !== null) atTheEnd(scenario, after, record.turn, out);
  return out;
}
