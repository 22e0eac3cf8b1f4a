/**
 * The simulator's report: plain JSON data, in scenario order throughout, so the same scenario, seed,
 * policy and number of runs always give the same bytes. Means are rounded to two decimals.
 */
import type { Side } from '../engine';
import type { Contradiction } from './coherence';
import type { PolicyKind } from './policies';

export type Tone = 'success' | 'mixed' | 'failure';
/** An ending's verdict for each side. */
export type SideTones = Readonly<Record<Side, Tone>>;

export interface EndingStats {
  readonly id: string;
  /** As written in the scenario: the verdict for each side. */
  readonly tone: SideTones;
  readonly count: number;
}

export interface ObjectiveStats {
  readonly id: string;
  readonly side: Side;
  readonly label: string;
  /** Mean score, 0 to 100. */
  readonly mean: number;
  readonly met: number;
}

/** The runs of one group (those that chose an option, or were offered it and did not). */
export interface GroupStats {
  readonly runs: number;
  /** Runs per ending, every ending of the scenario in its order. */
  readonly endings: Readonly<Record<string, number>>;
  /** Mean score per objective, every objective in scenario order (0 when the group is empty). */
  readonly objectives: Readonly<Record<string, number>>;
}

export interface OptionStats {
  readonly beat: string;
  readonly side: Side;
  readonly option: string;
  readonly rung: number;
  /** Decisions at which it was offered, and at which it was chosen (a run can meet a beat once only, or more). */
  readonly offered: number;
  readonly chosen: number;
  /** Runs that chose it at least once. */
  readonly chose: GroupStats;
  /** Runs that were offered it at least once and never chose it. */
  readonly passed: GroupStats;
}

export interface RunRef {
  readonly seed: string;
  readonly turns: number;
  /** Total objective score of the player's side (the sum of its objectives' scores). */
  readonly score: number;
}

export interface Failure {
  readonly seed: string;
  readonly turn: number;
  /** The beat the run was at when it stopped. */
  readonly beat: string;
  readonly code: string;
  readonly message: string;
}

export interface Unreached {
  readonly beats: readonly string[];
  /** `beat/side/option`: never chosen by anyone. */
  readonly options: readonly string[];
  /** `beat/side/option/outcome`: never drawn. */
  readonly outcomes: readonly string[];
  readonly endings: readonly string[];
  /** Injects with a condition that never fired. */
  readonly injects: readonly string[];
  /** Injects with no condition: only a facilitator fires them, so a simulation never does. */
  readonly facilitatorOnly: readonly string[];
}

export interface SimReport {
  readonly format: 'red-phone/sim-report@1';
  readonly scenarioId: string;
  readonly scenarioVersion: string;
  readonly scenarioHash: string;
  readonly engineVersion: string;
  readonly seed: string;
  readonly policy: PolicyKind;
  /** The side played by the policy; the other side is played by the scenario's counterpart model. */
  readonly side: Side;
  readonly runs: number;
  /** Runs that reached an ending (the others stopped on an error, listed in `failures`). */
  readonly completed: number;
  readonly endings: readonly EndingStats[];
  readonly objectives: readonly ObjectiveStats[];
  readonly turns: { readonly min: number; readonly max: number; readonly mean: number; readonly histogram: readonly { readonly turns: number; readonly runs: number }[] };
  readonly options: readonly OptionStats[];
  readonly unreached: Unreached;
  /** Best and worst total objective score of the player's side, shortest and longest run (first run on ties). */
  readonly extremes: { readonly best: RunRef; readonly worst: RunRef; readonly shortest: RunRef; readonly longest: RunRef } | null;
  readonly failures: readonly Failure[];
  /** Turns whose texts contradicted each other or the state: the count, and the first few with their seed. */
  readonly contradictions: { readonly count: number; readonly first: readonly (Contradiction & { readonly seed: string })[] };
}
