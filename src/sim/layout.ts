/**
 * Numbers every beat, option, outcome, ending, inject and objective of a scenario once, so the
 * simulator counts into flat typed arrays instead of building keyed objects on every run.
 */
import type { CompiledBeat, Scenario, Side } from '../engine';
import { SIDES } from '../engine';
import type { SideTones } from './report';

export interface BeatSlot {
  readonly index: number;
  readonly beat: CompiledBeat;
  /** Global index of the beat's first option of each side; its options follow in scenario order. */
  readonly base: Readonly<Record<Side, number>>;
}

export interface OptionSlot {
  readonly beat: string;
  readonly side: Side;
  readonly id: string;
  readonly rung: number;
  readonly outcomeBase: number;
  readonly outcomes: readonly string[];
}

export interface Layout {
  readonly beats: ReadonlyMap<string, BeatSlot>;
  readonly beatIds: readonly string[];
  readonly options: readonly OptionSlot[];
  readonly outcomeCount: number;
  readonly endingIds: readonly string[];
  readonly endingTones: readonly SideTones[];
  readonly endingIndex: ReadonlyMap<string, number>;
  readonly injectIds: readonly string[];
  readonly injectIndex: ReadonlyMap<string, number>;
  readonly injectHasCondition: readonly boolean[];
}

export function layoutOf(scenario: Scenario): Layout {
  const beats = new Map<string, BeatSlot>();
  const beatIds: string[] = [];
  const options: OptionSlot[] = [];
  let outcomeCount = 0;
  for (const beat of scenario.beats.values()) {
    const base: Record<Side, number> = { us: 0, cn: 0 };
    for (const side of SIDES) {
      base[side] = options.length;
      for (const o of beat.options[side]) {
        options.push({ beat: beat.id, side, id: o.id, rung: o.rung, outcomeBase: outcomeCount, outcomes: o.outcomes.map((x) => x.id) });
        outcomeCount += o.outcomes.length;
      }
    }
    beats.set(beat.id, { index: beatIds.length, beat, base });
    beatIds.push(beat.id);
  }
  const endingIds = scenario.file.endings.map((e) => e.id);
  const injectIds = scenario.injects.map((i) => i.id);
  return {
    beats,
    beatIds,
    options,
    outcomeCount,
    endingIds,
    endingTones: scenario.file.endings.map((e) => e.tone),
    endingIndex: new Map(endingIds.map((id, i) => [id, i])),
    injectIds,
    injectIndex: new Map(injectIds.map((id, i) => [id, i])),
    injectHasCondition: scenario.injects.map((i) => i.when !== null),
  };
}

/** Index of `id` within `list`, by linear search (beats hold a handful of options). */
export function indexOfId(list: readonly { readonly id: string }[], id: string): number {
  for (let i = 0; i < list.length; i++) if ((list[i] as { id: string }).id === id) return i;
  return -1;
}
