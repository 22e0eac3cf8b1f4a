/** The shapes of a luck-versus-choice report (src/sim/luck.ts), apart so the statistics and the summary can read them without a circle. */
import type { Action, Controller, Side } from '../engine';
import type { PolicyKind } from './policies';

export type Tone = 'success' | 'mixed' | 'failure';

/** A finished run: a replay file has these fields. */
export interface RunInput {
  readonly seed: string;
  readonly controllers: Readonly<Record<Side, Controller>>;
  readonly actions: readonly Action[];
}

export interface LuckOptions {
  readonly seeds?: number;
  readonly policyStreams?: number;
}

export interface EndingShare {
  readonly id: string;
  readonly title: string;
  /** The ending's tone for the reported side. */
  readonly tone: Tone;
  readonly runs: number;
  /** Whole percent of the runs. */
  readonly percent: number;
}

export interface ObjectiveSpread {
  readonly id: string;
  readonly label: string;
  /** Scores 0 to 100; the mean to two decimals. */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Runs that met it. */
  readonly met: number;
  /** Runs per score band: [0–9], [10–19], …, [90–100]. */
  readonly histogram: readonly number[];
}

export interface Distribution {
  readonly runs: number;
  /** Every ending of the scenario, in scenario order. */
  readonly endings: readonly EndingShare[];
  /** The reported side's objectives, in scenario order. */
  readonly objectives: readonly ObjectiveSpread[];
  /** The side's total score: mean and mean absolute deviation to two decimals. */
  readonly total: { readonly mean: number; readonly min: number; readonly max: number; readonly spread: number };
  /** Each run's total score, in run order (for a chart). */
  readonly totals: readonly number[];
}

export interface PolicyOnSeed {
  readonly policy: PolicyKind;
  readonly streams: number;
  readonly distribution: Distribution;
}

export interface LuckReport {
  readonly format: 'red-phone/luck@1';
  readonly scenarioId: string;
  readonly scenarioVersion: string;
  readonly engineVersion: string;
  readonly seed: string;
  readonly side: Side;
  readonly actual: {
    readonly ending: string;
    readonly endingTitle: string;
    readonly objectives: readonly { readonly id: string; readonly label: string; readonly score: number; readonly met: boolean }[];
    readonly total: number;
  };
  /** The player's strategy: the option chosen at each beat met, in the order first met. */
  readonly strategy: readonly { readonly beat: string; readonly option: string }[];
  /** The other seeds of (a), in run order. */
  readonly seeds: readonly string[];
  readonly withYourChoices: Distribution;
  readonly onYourSeed: readonly PolicyOnSeed[];
  /** Where the actual total falls among (a): the percent of runs below it, ties counted half, whole. */
  readonly percentile: number;
  /** Percent of (a) runs that reached the actual ending. */
  readonly sameEnding: number;
  readonly diceSpread: number;
  readonly choiceSpread: number;
  readonly diceShare: number | null;
  /** Plain-language sentences for the debrief. */
  readonly summary: readonly string[];
}

export type LuckErrorCode = 'luck/illegal-action' | 'luck/unfinished' | 'luck/not-played';

export type LuckResult = { readonly ok: true; readonly value: LuckReport } | { readonly ok: false; readonly error: { readonly code: LuckErrorCode; readonly message: string } };
