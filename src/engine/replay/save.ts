/**
 * Saved games. A save is a replay (scenario, hash, engine version, seed, actions, state hashes) plus
 * who saved it and the player's settings: restoring rebuilds the state from the seed and the actions
 * and checks every state hash, so a save loads exactly or is refused with a reason, never as a
 * different game. The generator's state is never read from the file.
 */
import { z } from 'zod';
import type { Scenario } from '../format';
import { type JsonProblem, readJsonText, versionProblem } from '../format';
import type { GameState } from '../rules';
import { ENGINE_VERSION } from '../rules';
import { checkReplay, type ReplayError, type ReplayFile, recordReplay } from './replay';
import { validateReplay } from './replay-file';

z.config({ jitless: true });

export const SAVE_FORMAT = 'red-phone/save';
/** The save format this build writes; it reads versions 1 to SAVE_VERSION. */
export const SAVE_VERSION = 1;
/** Largest save text read: a replay at its cap plus settings. */
export const MAX_SAVE_CHARS = 600 * 1024;

/** The player's settings kept with a save: flat, small, plain values only (the store decides the keys). */
export type SaveSettings = Readonly<Record<string, string | number | boolean>>;

export interface SaveFile {
  readonly format: typeof SAVE_FORMAT;
  readonly version: 1;
  /** The engine version that wrote the save (informative: the replay's engineVersion decides). */
  readonly savedBy: string;
  readonly replay: ReplayFile;
  readonly settings?: SaveSettings;
}

export type SaveErrorCode =
  | 'save/too-large'
  | 'save/corrupt'
  | 'save/not-a-save'
  | 'save/is-a-replay'
  | 'save/no-version'
  | 'save/too-old'
  | 'save/too-new'
  | 'save/scenario-missing'
  | 'save/scenario-changed'
  | 'save/engine-version'
  | 'save/diverged';

/** Why a save was refused. `path` is the data path inside the save (`replay.actions[2]`). */
export interface SaveError {
  readonly code: SaveErrorCode;
  readonly message: string;
  readonly file: string;
  readonly path: string;
}

export type SaveResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SaveError };

const settingsSchema = z
  .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'a setting name is a letter then letters, digits, _ . -'), z.union([z.string().max(200), z.number().finite(), z.boolean()]))
  .refine((r) => Object.keys(r).length <= 64, 'at most 64 settings');

const saveShape = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  version: z.literal(1),
  savedBy: z.string().regex(/^\d{1,6}\.\d{1,6}\.\d{1,6}$/, 'a version such as 1.0.0'),
  replay: z.unknown(),
  settings: settingsSchema.optional(),
});

const fail = <T>(code: SaveErrorCode, message: string, file = '', path = ''): SaveResult<T> => ({ ok: false, error: { code, message, file, path } });

const SAVE_CODES: Readonly<Record<JsonProblem['kind'], SaveErrorCode>> = {
  'too-large': 'save/too-large',
  'bad-json': 'save/corrupt',
  'forbidden-key': 'save/corrupt',
  'too-deep': 'save/corrupt',
  'wrong-format': 'save/not-a-save',
  'other-format': 'save/is-a-replay',
  'no-version': 'save/no-version',
  'too-old': 'save/too-old',
  'too-new': 'save/too-new',
  invalid: 'save/corrupt',
};

/**
 * The save of a game in progress or finished, with optional settings. Fails only when `state` is not
 * a game of `scenario` as it is now (see {@link recordReplay}).
 */
export function createSave(scenario: Scenario, state: GameState, settings?: SaveSettings): SaveResult<SaveFile> {
  const replay = recordReplay(scenario, state);
  if (!replay.ok) return fromReplayError(replay.error);
  const save: SaveFile = { format: SAVE_FORMAT, version: SAVE_VERSION, savedBy: ENGINE_VERSION, replay: replay.value };
  return { ok: true, value: settings === undefined ? save : { ...save, settings: { ...settings } } };
}

/** A save as compact JSON text, for storage or export. */
export function stringifySave(save: SaveFile): string {
  return JSON.stringify(save);
}

/**
 * Reads save text. Refuses, with a typed error naming `fileName`: oversized text (`save/too-large`);
 * bad JSON, prototype keys, wrong field types or a broken replay inside (`save/corrupt`); a replay
 * offered as a save (`save/is-a-replay`) or any other file (`save/not-a-save`); a missing version
 * (`save/no-version`, never accepted silently); an unknown version (`save/too-old`, `save/too-new`:
 * "saved by version X; this build reads 1–1"). Nothing is played here: see {@link restoreSave}.
 */
export function parseSave(text: string, fileName: string): SaveResult<SaveFile> {
  const read = readJsonText(text, MAX_SAVE_CHARS, 'save');
  if (!read.ok) return fail(SAVE_CODES[read.problem.kind], read.problem.message, fileName, read.problem.path);
  const problem = versionProblem(read.value, { format: SAVE_FORMAT, other: 'red-phone/replay', what: 'save', otherWhat: 'replay', latest: SAVE_VERSION });
  if (problem !== null) return fail(SAVE_CODES[problem.kind], problem.message, fileName, problem.path);
  const parsed = saveShape.safeParse(read.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = (first?.path ?? []).map(String).join('.');
    return fail('save/corrupt', `${path === '' ? 'the save' : path}: ${first?.message ?? 'invalid'}`, fileName, path);
  }
  const replay = validateReplay(parsed.data.replay, fileName);
  if (!replay.ok) {
    const inner = replay.error;
    const code: SaveErrorCode = inner.code === 'replay/too-new' ? 'save/too-new' : inner.code === 'replay/too-old' ? 'save/too-old' : 'save/corrupt';
    return fail(code, `the game inside the save: ${inner.message}`, fileName, inner.path === '' ? 'replay' : `replay.${inner.path}`);
  }
  const save: SaveFile = { format: SAVE_FORMAT, version: SAVE_VERSION, savedBy: parsed.data.savedBy, replay: replay.value };
  return { ok: true, value: parsed.data.settings === undefined ? save : { ...save, settings: { ...parsed.data.settings } } };
}

function fromReplayError(e: ReplayError): SaveResult<never> {
  const path = e.path === '' ? 'replay' : `replay.${e.path}`;
  switch (e.code) {
    case 'replay/wrong-scenario':
      return fail('save/scenario-missing', e.message, e.file, path);
    case 'replay/scenario-changed':
      return fail('save/scenario-changed', `${e.message}; the save cannot continue on the changed scenario`, e.file, path);
    case 'replay/engine-version':
      return fail('save/engine-version', e.message, e.file, path);
    case 'replay/diverged':
      return fail('save/diverged', `the saved game does not replay: ${e.message}`, e.file, path);
    default:
      return fail('save/corrupt', e.message, e.file, path);
  }
}

/**
 * Rebuilds a saved game: finds its scenario among `scenarios` by id (`save/scenario-missing`),
 * refuses another version or content of it (`save/scenario-changed`) or another major engine version
 * (`save/engine-version`), then replays every action from the seed and checks each state hash,
 * the last one included (`save/diverged` at the first difference).
 */
export function restoreSave(save: SaveFile, scenarios: readonly Scenario[]): SaveResult<{ readonly scenario: Scenario; readonly state: GameState }> {
  const id = save.replay.scenarioId;
  const scenario = scenarios.find((s) => s.id === id);
  if (scenario === undefined) {
    return fail('save/scenario-missing', `the save is a game of scenario ${id}, which is not loaded (loaded: ${scenarios.map((s) => s.id).join(', ') || 'none'})`, '', 'replay.scenarioId');
  }
  const played = checkReplay(scenario, save.replay);
  if (!played.ok) return fromReplayError(played.error);
  return { ok: true, value: { scenario, state: played.value.state } };
}
