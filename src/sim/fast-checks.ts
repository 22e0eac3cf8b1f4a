/**
 * The contradiction checks of the fast loop after a turn's moves: the two outcomes against each other,
 * each outcome's text, and the ending's texts. What each check needs to find anything is known from
 * the scenario alone (two outcomes that both set the hotline, or one setting a flag the other may
 * clear; a text with a variant that presumes), so it is worked out once per scenario and a check that
 * cannot find anything is not made. The checks that are made are those of coherence.ts, in the same
 * order, so the findings are the same.
 */
import type { CompiledOption, CompiledOutcome, CompiledText, EvalContext, Playout, Scenario, Side } from '../engine';
import { type Contradiction, clashBetween, endingContradictions, outcomeTextContradiction } from './coherence';
import type { Layout } from './layout';

const HOTLINE = 1;
const SETS = 2;
const CLEARS = 4;
const TEXT_PRESUMES = 8;

const presumes = (text: CompiledText): boolean => text.some((v) => v.presumes !== null);

/** A move as the checks read it, written only when a check is made. */
interface MoveSlot {
  side: Side;
  option: string;
  outcome: string;
  text: number;
}

export class FastChecks {
  /** Per outcome (by its place in the layout): what it can take part in. */
  private readonly bits: Uint8Array;
  /** Each option's first outcome's place in the layout. */
  private readonly outcomeBase: Int32Array;
  /** The endings whose texts presume anything (only they can contradict). */
  private readonly endingsThatPresume: ReadonlySet<string>;
  private readonly moves: [MoveSlot, MoveSlot] = [
    { side: 'us', option: '', outcome: '', text: 0 },
    { side: 'cn', option: '', outcome: '', text: 0 },
  ];

  constructor(
    private readonly scenario: Scenario,
    layout: Layout,
  ) {
    this.bits = new Uint8Array(layout.outcomeCount);
    this.outcomeBase = Int32Array.from(layout.options.map((o) => o.outcomeBase));
    for (const slot of layout.beats.values()) {
      for (const side of ['us', 'cn'] as const) {
        slot.beat.options[side].forEach((o, j) => {
          const at = slot.base[side] + j;
          o.outcomes.forEach((x, k) => {
            const e = x.effects;
            this.bits[(this.outcomeBase[at] as number) + k] =
              (e.hotline !== null ? HOTLINE : 0) | (e.set.length > 0 ? SETS : 0) | (e.clear.length > 0 ? CLEARS : 0) | (presumes(x.text) ? TEXT_PRESUMES : 0);
          });
        });
      }
    }
    this.endingsThatPresume = new Set(scenario.endings.filter((e) => presumes(e.text.us) || presumes(e.text.cn)).map((e) => e.id));
  }

  /**
   * The checks of the turn `play` just resolved (before `settle`), whose moves were options `k0` and
   * `k1` (places in the layout, the lead's first), on `ctx`, the world after the turn.
   */
  turn(play: Playout, k0: number, k1: number, beat: string, ctx: EvalContext, found: Contradiction[]): void {
    const a = this.bits[(this.outcomeBase[k0] as number) + (play.moveOutcome[0] as number)] as number;
    const b = this.bits[(this.outcomeBase[k1] as number) + (play.moveOutcome[1] as number)] as number;
    const clash = (a & b & HOTLINE) !== 0 || ((a & SETS) !== 0 && (b & CLEARS) !== 0) || ((b & SETS) !== 0 && (a & CLEARS) !== 0);
    if (!clash && ((a | b) & TEXT_PRESUMES) === 0) return;
    const turn = play.turn;
    for (let m = 0; m < 2; m++) {
      const move = this.moves[m] as MoveSlot;
      move.side = play.moveSide[m] as Side;
      move.option = (play.moveOptions[m] as CompiledOption).id;
      move.outcome = (play.moveOutcomes[m] as CompiledOutcome).id;
      move.text = play.moveTextAt(m);
    }
    const [m0, m1] = this.moves;
    const o0 = play.moveOutcomes[0] as CompiledOutcome;
    const o1 = play.moveOutcomes[1] as CompiledOutcome;
    if (clash) clashBetween(turn, beat, m0, o0, m1, o1, found);
    if ((a & TEXT_PRESUMES) !== 0) outcomeTextContradiction(turn, beat, m0, o0, ctx, found);
    if ((b & TEXT_PRESUMES) !== 0) outcomeTextContradiction(turn, beat, m1, o1, ctx, found);
  }

  /** The ending's texts on `ctx`, the final world (after `settle`), when they presume anything. */
  ending(ending: string, beat: string, ctx: EvalContext, turn: number, found: Contradiction[]): void {
    if (this.endingsThatPresume.has(ending)) endingContradictions(this.scenario, ending, beat, ctx, turn, found);
  }
}
