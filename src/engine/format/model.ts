/**
 * The engine's types: the compiled scenario (static content, never mutated) and the game state
 * (plain JSON data, never mutated in place: every turn returns a new state).
 */
import type { Compiled } from './expr';
import type { BeatFile, HotlineStatus, OptionFile, OutcomeFile, ScenarioFile, Side, TermId } from './schema';

export type { HotlineStatus, Quality, Side, TermId } from './schema';

export const SIDES: readonly Side[] = ['us', 'cn'];
export const SIDE_NAMES: Readonly<Record<Side, string>> = { us: 'United States', cn: 'China' };
export const otherSide = (side: Side): Side => (side === 'us' ? 'cn' : 'us');

export interface Term {
  readonly id: TermId;
  readonly name: string;
  /** The verbatim text of the fact sheet. */
  readonly text: string;
}

export interface Rung {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

export interface CompiledEffects {
  /** Indicator deltas, in file order. */
  readonly deltas: readonly (readonly [string, number])[];
  readonly set: readonly string[];
  readonly clear: readonly string[];
  readonly hotline: HotlineStatus | null;
  readonly news: string | null;
}

export interface CompiledOutcome {
  readonly file: OutcomeFile;
  readonly id: string;
  readonly weight: Compiled;
  readonly effects: CompiledEffects;
}

export interface CompiledOption {
  readonly file: OptionFile;
  readonly id: string;
  readonly side: Side;
  readonly rung: number;
  readonly when: Compiled | null;
  readonly ai: Compiled;
  readonly outcomes: readonly CompiledOutcome[];
}

export interface CompiledBeat {
  readonly file: BeatFile;
  readonly id: string;
  readonly lead: Side;
  readonly options: Readonly<Record<Side, readonly CompiledOption[]>>;
}

export interface CompiledInject {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly when: Compiled | null;
  readonly effects: CompiledEffects;
}

export interface CompiledEnding {
  readonly id: string;
  readonly when: Compiled | null;
}

export interface CompiledObjective {
  readonly id: string;
  readonly side: Side;
  readonly met: Compiled;
  readonly score: Compiled;
}

/** A scenario ready to play: the file's data plus compiled conditions and lookups. */
export interface Scenario {
  readonly file: ScenarioFile;
  readonly id: string;
  readonly version: string;
  /** sha-256 (hex, first 16) of the scenario's content together with the terms and ladder it uses. */
  readonly hash: string;
  readonly terms: readonly Term[];
  readonly ladder: readonly Rung[];
  readonly beats: ReadonlyMap<string, CompiledBeat>;
  readonly endingIds: ReadonlySet<string>;
  readonly endings: readonly CompiledEnding[];
  readonly injects: readonly CompiledInject[];
  readonly objectives: readonly CompiledObjective[];
  readonly indicatorRanges: Readonly<Record<string, readonly [number, number]>>;
}
