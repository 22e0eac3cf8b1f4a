/** The simulator's public surface: the command line and the benchmark import from here. */
export { simulate, type SimOptions } from './simulate';
export { balanceFlags, DOMINANT_MARGIN, DOMINANT_MIN_RUNS, LUCK_MIN_PERCENT, LUCK_MIN_POLICIES, LUCK_SPREAD_PP, type BalanceFlag } from './flags';
export { POLICY_KINDS, isPolicyKind, policyOf, policySeed, type Policy, type PolicyKind } from './policies';
export type * from './report';
export {
  luckVersusChoice,
  luckSeeds,
  LUCK_SEEDS,
  LUCK_POLICY_STREAMS,
  type LuckReport,
  type LuckResult,
  type LuckErrorCode,
  type LuckOptions,
  type RunInput,
  type Distribution,
  type EndingShare,
  type ObjectiveSpread,
  type PolicyOnSeed,
} from './luck';
export { luckSummary } from './luck-summary';
export { percentOf, spreadOf } from './luck-stats';
export {
  compareRuns,
  buildTree,
  COMPARE_FORMAT,
  type ClassComparison,
  type CompareError,
  type CompareErrorCode,
  type CompareResult,
  type GroupReplay,
  type GroupSummary,
  type GroupTurn,
  type MoveCell,
  type TurnRow,
  type PathNode,
  type Series,
  type Anomaly,
} from './compare';
export { compareCsv, compareCsvHeader } from './compare-csv';
export { describeDecisions, describeResults, groupTurnOf } from './compare-turn';
