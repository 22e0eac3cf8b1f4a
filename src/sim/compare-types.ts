/** The shapes of a class comparison (src/sim/compare.ts): groups, their summaries, turn rows, the decision tree, series and anomalies. */
import type { Controller, ObjectiveResult, ReplayFile, Side } from '../engine';
import type { GroupTurn } from './compare-turn';

/** A group's replay; `name` is shown in the comparison (for example the file name without its extension). */
export interface GroupReplay {
  readonly name: string;
  readonly file: ReplayFile;
}

export type CompareErrorCode = 'compare/no-groups' | 'compare/duplicate-name' | 'compare/mixed-scenarios' | 'compare/mixed-seeds' | 'compare/wrong-scenario' | 'compare/replay';

export interface CompareError {
  readonly code: CompareErrorCode;
  readonly message: string;
  /** The groups (names) the error is about. */
  readonly groups: readonly string[];
}

export type CompareResult = { readonly ok: true; readonly value: ClassComparison } | { readonly ok: false; readonly error: CompareError };

export interface GroupSummary {
  readonly name: string;
  readonly controllers: Readonly<Record<Side, Controller>>;
  readonly turns: number;
  readonly ending: { readonly id: string; readonly title: string; readonly tone: Readonly<Record<Side, 'success' | 'mixed' | 'failure'>> } | null;
  readonly objectives: readonly ObjectiveResult[];
  /** Sum of each side's objective scores. */
  readonly totals: Readonly<Record<Side, number>>;
}

/** One turn across the groups; `groups[i]` is group i's turn, null once that group's game had ended. */
export interface TurnRow {
  readonly turn: number;
  readonly date: string;
  readonly groups: readonly (GroupTurn | null)[];
  /** Some groups that had decided alike until now decided differently at this turn. */
  readonly diverges: boolean;
}

/** A node of the decision tree: the groups that made the same decisions through `turn`. */
export interface PathNode {
  readonly turn: number;
  /** The decisions at this turn, and what followed (from the first group; the others agree). */
  readonly decisions: string;
  readonly results: string;
  readonly groups: readonly string[];
  readonly children: readonly PathNode[];
}

export interface Series {
  readonly indicator: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly better: Readonly<Record<Side, 'higher' | 'lower'>>;
  /** values[t]: the value once turn t and any inject fired after it are done; values[0] before turn 1. */
  readonly groups: readonly { readonly name: string; readonly values: readonly number[] }[];
}

export interface Anomaly {
  readonly turn: number;
  readonly groups: readonly string[];
  readonly message: string;
}

export interface ClassComparison {
  readonly format: 'red-phone/compare@1';
  readonly scenarioId: string;
  readonly scenarioVersion: string;
  readonly scenarioTitle: string;
  readonly seed: string;
  readonly groups: readonly GroupSummary[];
  readonly turns: readonly TurnRow[];
  /** The first turn at which not every group made the same decisions; null when all agree throughout. */
  readonly firstDivergence: number | null;
  /** The root (turn 0, every group); each level below is one turn. */
  readonly tree: PathNode;
  readonly anomalies: readonly Anomaly[];
  readonly series: readonly Series[];
}
