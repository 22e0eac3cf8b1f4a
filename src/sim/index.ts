/** The simulator's public surface: the command line and the benchmark import from here. */

export { type Contradiction, type ContradictionKind, turnContradictions } from './coherence';
export {
  type Anomaly,
  buildTree,
  type ClassComparison,
  COMPARE_FORMAT,
  type CompareError,
  type CompareErrorCode,
  type CompareResult,
  compareRuns,
  type GroupReplay,
  type GroupSummary,
  type GroupTurn,
  type MoveCell,
  type PathNode,
  type Series,
  type TurnRow,
} from './compare';
export { compareCsv, compareCsvHeader } from './compare-csv';
export { describeDecisions, describeResults, groupTurnOf } from './compare-turn';
export { type BalanceFlag, balanceFlags, DOMINANT_MARGIN, DOMINANT_MIN_RUNS, LUCK_MIN_PERCENT, LUCK_MIN_POLICIES, LUCK_SPREAD_PP } from './flags';
export { decisionImpact, type ImpactOptions } from './impact';
export { type ImpactFlag, impactFlags } from './impact-flags';
export type { DecisionImpact, ImpactReport, OptionImpact, PivotalTurn, TermCost, VarianceShares } from './impact-stats';
export {
  type Distribution,
  type EndingShare,
  LUCK_POLICY_STREAMS,
  LUCK_SEEDS,
  type LuckErrorCode,
  type LuckOptions,
  type LuckReport,
  type LuckResult,
  luckSeeds,
  luckVersusChoice,
  type ObjectiveSpread,
  type PolicyOnSeed,
  type RunInput,
} from './luck';
export { percentOf, spreadOf } from './luck-stats';
export { luckSummary } from './luck-summary';
export { isPolicyKind, POLICY_KINDS, POLICY_WORDS, type Policy, type PolicyKind, type PolicyOption, policyOf, policySeed, policyView, renamedPolicy } from './policies';
export type * from './report';
export type { SimPart } from './sim-part';
export { type SimOptions, simReport, simulate, simulatePart } from './simulate';
