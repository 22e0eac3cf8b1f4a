/** The engine's public surface: the browser, the simulator and the command line import from here. */
export * from './types';
export * from './engine';
export { compileScenario, libraryFromFiles, DEFAULT_AI_WEIGHT, type Library } from './compile';
export { loadScenario, loadLibrary, type LoadResult } from './load';
export { formatDiagnostic, compareDiagnostics, formatPath, type Diagnostic, type Problem } from './diagnostics';
export { addDays, formatLongDate } from './calendar';
export { chancesBp, BASIS, type AleaState } from './rng';
export { shortHash, hashJson } from './hash';
export { SCENARIO_FORMAT } from './schema';
export {
  actionsOf,
  recordReplay,
  playActions,
  checkReplay,
  parseReplay,
  validateReplay,
  stringifyReplay,
  stateHash,
  REPLAY_FORMAT,
  REPLAY_VERSION,
  MAX_ACTIONS,
  type ReplayFile,
  type ReplayError,
  type ReplayErrorCode,
  type ReplayResult,
  type Played,
} from './replay';
export { createSave, parseSave, restoreSave, stringifySave, SAVE_FORMAT, SAVE_VERSION, type SaveFile, type SaveSettings, type SaveError, type SaveErrorCode, type SaveResult } from './save';
export {
  exerciseCode,
  parseExerciseCode,
  randomSeedFrom,
  scenarioPrefix,
  isValidSeed,
  isCodeSeed,
  SEED_ALPHABET,
  SEED_MAX_CHARS,
  type CodeError,
  type CodeErrorCode,
  type CodeResult,
} from './codes';
export {
  encodeReplayCode,
  decodeReplayCode,
  REPLAY_CODE_PREFIX,
  MAX_REPLAY_CODE_CHARS,
  type ReplayCodeError,
  type ReplayCodeErrorCode,
  type ReplayCodeResult,
} from './replay-code';
export {
  afterActionReport,
  toneForSide,
  AFTER_ACTION_FORMAT,
  type AfterActionReport,
  type AfterActionOptions,
  type Overview,
  type SideOverview,
  type ObjectiveLine,
  type TimelineEntry,
  type LedgerLine,
  type IndicatorLine,
  type HistoryNote,
} from './after-action';
export { derivedFindings, STRAINED_OFTEN, KEPT_OFTEN, type Findings } from './after-action-findings';
export { afterActionMarkdown, afterActionJson, markdownText, percentOfBp } from './after-action-format';
export { afterActionCsv, csvField, toCsv, AFTER_ACTION_CSV_HEADER, type CsvCell } from './after-action-csv';
