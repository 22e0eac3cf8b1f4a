/** The shapes of an after-action report (src/engine/report/after-action.ts), apart from the code that builds it. */
import type { Quality, Side, TermId, Tone } from '../format';
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

/** A term of the agreement as a finding names it: its id and the name its file gives (English). */
export interface FindingTerm {
  readonly id: TermId;
  readonly name: string;
}

/** A request for assistance as a finding names it: its number in the ledger and its topic. */
export interface FindingRequest {
  readonly id: number;
  readonly topic: string;
}

/** A rung of the escalation ladder: its id and label (the rung's number when the ladder has none there), its place from 1 and the ladder's length. */
export interface FindingRung {
  readonly id: string;
  readonly label: string;
  readonly n: number;
  readonly of: number;
}

/** One finding for `side`: what kind it is and the data its sentence is made of. */
export type ReportFinding =
  /** The ending's verdict for the side, with the ending's title and its text for the side. */
  | { readonly kind: 'ending'; readonly side: Side; readonly tone: Tone; readonly title: string; readonly text: string }
  /** One of the side's objectives, met or not, with its score out of 100. */
  | { readonly kind: 'objective_met' | 'objective_missed'; readonly side: Side; readonly label: string; readonly score: number }
  /** A term the side strained STRAINED_OFTEN times or more (after-action-findings.ts), on these turns. */
  | { readonly kind: 'term_strained'; readonly side: Side; readonly term: FindingTerm; readonly turns: readonly number[] }
  /** A term the side relied on `times` times (KEPT_OFTEN or more) and never strained. */
  | { readonly kind: 'term_kept'; readonly side: Side; readonly term: FindingTerm; readonly times: number }
  /** A request to the side met only with a token acknowledgement in time (`turn` null when the ledger has none). */
  | { readonly kind: 'request_token'; readonly side: Side; readonly request: FindingRequest; readonly turn: number | null }
  /** A request to the side answered late, with the answer's quality when known. */
  | { readonly kind: 'request_late'; readonly side: Side; readonly request: FindingRequest; readonly turn: number | null; readonly due: number; readonly quality: Quality | null }
  /** A request to the side never answered. */
  | { readonly kind: 'request_never'; readonly side: Side; readonly request: FindingRequest; readonly due: number }
  /** Every one of the `count` requests to the side answered on time, in substance. */
  | { readonly kind: 'requests_on_time'; readonly side: Side; readonly count: number }
  /** The highest rung the side climbed to, in the upper half of the ladder, first reached on `turn`. */
  | { readonly kind: 'rung_climbed'; readonly side: Side; readonly rung: FindingRung; readonly turn: number }
  /** The highest rung the side climbed to, in the lower half of the ladder. */
  | { readonly kind: 'rung_kept'; readonly side: Side; readonly rung: FindingRung };

/** A side's findings as data. */
export interface FindingLists {
  readonly strengths: readonly ReportFinding[];
  readonly improvements: readonly ReportFinding[];
}

/** The whole report. Every list is in scenario or play order; nothing depends on a clock or a locale. */
export interface AfterActionReport {
  readonly format: 'red-phone/after-action@1';
  readonly overview: Overview;
  readonly objectives: readonly ObjectiveLine[];
  readonly timeline: readonly TimelineEntry[];
  readonly indicators: readonly IndicatorLine[];
  readonly ledger: readonly LedgerLine[];
  /** Plain sentences derived from the data for the report's side: its findings (see after-action-findings.ts) worded by findingText. */
  readonly strengths: readonly string[];
  readonly improvements: readonly string[];
  readonly history: HistoryNote;
  readonly questions: readonly string[];
}
