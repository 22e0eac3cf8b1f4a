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
