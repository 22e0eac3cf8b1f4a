/** The simulator's public surface: the command line and the benchmark import from here. */
export { simulate, type SimOptions } from './simulate';
export { balanceFlags, DOMINANT_MARGIN, DOMINANT_MIN_RUNS, LUCK_MIN_PERCENT, LUCK_MIN_POLICIES, LUCK_SPREAD_PP, type BalanceFlag } from './flags';
export { POLICY_KINDS, isPolicyKind, policyOf, policySeed, type Policy, type PolicyKind } from './policies';
export type * from './report';
