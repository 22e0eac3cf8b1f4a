/** The shapes of an after-action report (src/engine/report/after-action.ts), apart from the code that builds it. */
import type { Side, TermId, Tone } from '../format';
import type { Controller, LedgerEntry } from '../rules';

export type { Tone };

export interface AfterActionOptions {
  /** Show each outcome's chance and draw (default true; a graded exercise may keep the odds hidden). */
  readonly revealOdds?: boolean;
  /** Names of the teams or people who played each side, shown instead of "people". */
  readonly players?: Partial<Readonly<Record<Side, string>>>;
  /** The real date the exercise was held, as the caller writes it (the engine reads no clock). */
  readonly heldOn?: string;
}

export interface SideOverview {
  readonly side: Side;
  readonly name: string;
  readonly playedBy: Controller;
  /** The players' name from the options, else "people" or "the counterpart model". */
  readonly players: string;
  /** The ending's verdict for this side, as the scenario judges it for each side. */
  readonly tone: Tone | null;
}

export interface Overview {
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly scenarioVersion: string;
  readonly scenarioHash: string;
  readonly seed: string;
  /** `IPT-K7Q3` when the seed is in code form, else null. */
  readonly exerciseCode: string | null;
  /** The side the report is written for. */
  readonly side: Side;
  readonly sides: readonly SideOverview[];
  readonly heldOn: string | null;
  /** In-game dates, `YYYY-MM-DD`: the first turn's and the last turn played's. */
  readonly startDate: string;
  readonly endDate: string;
  readonly turns: number;
  readonly maxTurns: number;
  readonly ending: { readonly id: string; readonly title: string; readonly text: string } | null;
  readonly oddsRevealed: boolean;
}

export interface ObjectiveLine {
  readonly id: string;
  readonly side: Side;
  readonly label: string;
  readonly description: string;
  readonly met: boolean;
  /** 0 to 100. */
  readonly score: number;
}

/** One row of the timeline: a side's move in a turn, or an inject. */
export interface TimelineEntry {
  readonly kind: 'move' | 'inject';
  readonly turn: number;
  readonly date: string;
  /** The moving side; null for an inject. */
  readonly side: Side | null;
  readonly by: Controller | 'script' | 'facilitator';
  /** The option's id and label, or the inject's id and title. */
  readonly id: string;
  readonly label: string;
  readonly rung: string | null;
  readonly uses: readonly TermId[];
  readonly strains: readonly TermId[];
  readonly outcomeId: string | null;
  /** What happened: the outcome's text, or the inject's. */
  readonly text: string;
  /** Basis points (1/100 of a percent) and the draw 0–9999; null when the odds are hidden or for injects. */
  readonly chanceBp: number | null;
  readonly draw: number | null;
  /** A facilitator forced this outcome or fired this inject. */
  readonly facilitator: boolean;
}

export interface LedgerLine {
  readonly id: number;
  readonly from: Side;
  readonly to: Side;
  readonly topic: string;
  readonly sentTurn: number;
  readonly dueTurn: number;
  readonly status: LedgerEntry['status'];
  readonly answeredTurn: number | null;
  readonly quality: LedgerEntry['quality'];
}

/** An indicator over the run: where it started and ended, and its worst value (by its `better` direction) with the first turn it was reached. */
export interface IndicatorLine {
  readonly id: string;
  readonly label: string;
  /** Which direction is better, for each side. */
  readonly better: Readonly<Record<Side, 'higher' | 'lower'>>;
  readonly start: number;
  readonly end: number;
  readonly worst: number;
  /** 0 when the worst value is the starting one. */
  readonly worstTurn: number;
}

export interface HistoryNote {
  readonly text: string;
  /** The ending's note on what actually happened; null when the run has not ended. */
  readonly endingNote: string | null;
  readonly sources: readonly { readonly key: string; readonly title: string; readonly url: string | null }[];
}

/** The whole report. Every list is in scenario or play order; nothing depends on a clock or a locale. */
export interface AfterActionReport {
  readonly format: 'red-phone/after-action@1';
  readonly overview: Overview;
  readonly objectives: readonly ObjectiveLine[];
  readonly timeline: readonly TimelineEntry[];
  readonly indicators: readonly IndicatorLine[];
  readonly ledger: readonly LedgerLine[];
  /** Plain sentences derived from the data for the report's side (see after-action-findings.ts). */
  readonly strengths: readonly string[];
  readonly improvements: readonly string[];
  readonly history: HistoryNote;
  readonly questions: readonly string[];
}
