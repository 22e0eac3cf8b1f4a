/**
 * Replay files: the scenario (id, version, content hash), the engine version, the seed, who played
 * each side, every action in order, and the state hash after each action. A replay either plays
 * exactly or is refused, before turn 1 when its header does not fit and at the first divergent
 * action otherwise; it never plays a different game (RELIABILITY promises 1 and 15).
 *
 * State hashes are {@link stateHash}: sha-256 of the whole state's JSON, log included, so two states
 * that differ in anything (a draw in the log, a flag, the generator) have different hashes. Only the
 * state's `engineVersion` is left out: it names the build, whose compatibility the replay's own
 * `engineVersion` decides (same major version), so a patch release does not void every replay.
 */
import { z } from 'zod';
import { isValidSeed } from './codes';
import { ENGINE_VERSION, fireInject, resolveTurn, start } from './engine';
import { hashJson } from './hash';
import { idSchema, scenarioIdSchema } from './schema';
import type { Action, Controller, GameState, Scenario, Side, TurnChoice } from './types';
import { readJsonText, versionProblem, type JsonProblem } from './untrusted-json';

z.config({ jitless: true });

export const REPLAY_FORMAT = 'red-phone/replay';
/** The replay format this build writes; it reads versions 1 to REPLAY_VERSION. */
export const REPLAY_VERSION = 1;
/** At most this many actions: 60 turns and 40 injects is the most a valid scenario allows; ten times that is room. */
export const MAX_ACTIONS = 1000;
/** Largest replay text read, in UTF-16 code units: 1000 actions at about 150 characters each, with room. */
export const MAX_REPLAY_CHARS = 512 * 1024;

export type ReplayErrorCode =
  | 'replay/too-large'
  | 'replay/bad-json'
  | 'replay/forbidden-key'
  | 'replay/too-deep'
  | 'replay/not-a-replay'
  | 'replay/is-a-save'
  | 'replay/no-version'
  | 'replay/too-old'
  | 'replay/too-new'
  | 'replay/invalid'
  | 'replay/bad-seed'
  | 'replay/unknown-action'
  | 'replay/too-many-actions'
  | 'replay/wrong-scenario'
  | 'replay/scenario-changed'
  | 'replay/engine-version'
  | 'replay/illegal-action'
  | 'replay/diverged';

/** Why a replay was refused. `path` is the data path (`actions[3].us`), `action` the action's index. */
export interface ReplayError {
  readonly code: ReplayErrorCode;
  readonly message: string;
  readonly file: string;
  readonly path: string;
  readonly action: number | null;
}

export type ReplayResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ReplayError };

/** A replay file, exactly as it is written to JSON. `hashes[i]` is the state hash after `actions[i]`. */
export interface ReplayFile {
  readonly format: typeof REPLAY_FORMAT;
  readonly version: 1;
  readonly engineVersion: string;
  readonly scenarioId: string;
  readonly scenarioVersion: string;
  readonly scenarioHash: string;
  readonly seed: string;
  readonly controllers: Readonly<Record<Side, Controller>>;
  readonly actions: readonly Action[];
  readonly hashes: readonly string[];
}

/** A replayed game: its final state and the state hash after each action. */
export interface Played {
  readonly state: GameState;
  readonly hashes: readonly string[];
}

const hex16 = z.string().regex(/^[0-9a-f]{16}$/, 'a state hash is 16 hex digits');
const semver = z.string().regex(/^\d{1,6}\.\d{1,6}\.\d{1,6}$/, 'a version such as 1.0.0');
const controller = z.enum(['people', 'model']);
const turnAction = z.strictObject({
  kind: z.literal('turn'),
  us: idSchema.optional(),
  cn: idSchema.optional(),
  force: z.strictObject({ us: idSchema.optional(), cn: idSchema.optional() }).optional(),
});
const injectAction = z.strictObject({ kind: z.literal('inject'), inject: idSchema });

const replaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  version: z.literal(1),
  engineVersion: semver,
  scenarioId: scenarioIdSchema,
  scenarioVersion: semver,
  scenarioHash: hex16,
  seed: z.string().max(256),
  controllers: z.strictObject({ us: controller, cn: controller }),
  actions: z.array(z.discriminatedUnion('kind', [turnAction, injectAction])).max(MAX_ACTIONS),
  hashes: z.array(hex16).max(MAX_ACTIONS),
});

/**
 * The hash of a game state: 16 hex digits of sha-256 over its JSON, log included and `engineVersion`
 * left out. Equal for equal states (key order is fixed by the engine); different when anything differs.
 */
export function stateHash(state: GameState): string {
  const { engineVersion: _build, ...game } = state;
  return hashJson(game);
}

/** A short form of a hash for messages: at least 4 digits, more when needed to tell `a` from `b`. */
function abbreviate(a: string, b: string): [string, string] {
  let n = 4;
  while (n < a.length && a.slice(0, n) === b.slice(0, n)) n++;
  return [`${a.slice(0, n)}…`, `${b.slice(0, n)}…`];
}

const fail = <T>(code: ReplayErrorCode, message: string, extra: { file?: string; path?: string; action?: number } = {}): ReplayResult<T> => ({
  ok: false,
  error: { code, message, file: extra.file ?? '', path: extra.path ?? '', action: extra.action ?? null },
});

/**
 * The actions that produced `state`, read from its log: for each turn the option of each side
 * played by people and any forced outcome; for each facilitator inject, the inject. Scripted injects
 * and the model's picks are not actions: replaying the actions reproduces them.
 */
export function actionsOf(state: GameState): Action[] {
  const actions: Action[] = [];
  for (const record of state.log) {
    if (record.kind === 'inject') {
      actions.push({ kind: 'inject', inject: record.inject });
      continue;
    }
    const choice: { us?: string; cn?: string } = {};
    const force: { us?: string; cn?: string } = {};
    let forced = false;
    for (const m of record.moves) {
      if (m.by === 'people') choice[m.side] = m.option;
      if (m.forced) {
        force[m.side] = m.outcome;
        forced = true;
      }
    }
    actions.push(forced ? { kind: 'turn', ...choice, force } : { kind: 'turn', ...choice });
  }
  return actions;
}

function describeAction(action: Action, index: number, turnBefore: number): string {
  if (action.kind === 'turn') return `turn ${turnBefore + 1}`;
  return `inject "${action.inject}" ${turnBefore === 0 ? 'before turn 1' : `after turn ${turnBefore}`} (action ${index + 1})`;
}

function playChecked(scenario: Scenario, seed: string, controllers: Readonly<Record<Side, Controller>>, actions: readonly Action[], expected: readonly string[] | null): ReplayResult<Played> {
  if (!isValidSeed(seed)) return fail('replay/bad-seed', 'a seed is 1 to 64 characters with no control characters', { path: 'seed' });
  let state = start(scenario, seed, controllers);
  const hashes: string[] = [];
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i] as Action;
    const turnBefore = state.turn;
    const result = action.kind === 'inject' ? fireInject(scenario, state, action.inject) : resolveTurn(scenario, state, choiceOf(action));
    if (!result.ok) {
      return fail('replay/illegal-action', `${describeAction(action, i, turnBefore)}: the engine refused action ${i + 1} (${result.error.code}: ${result.error.message})`, { path: `actions[${i}]`, action: i });
    }
    state = result.state;
    const hash = stateHash(state);
    const want = expected?.[i];
    if (want !== undefined && want !== hash) {
      const [w, g] = abbreviate(want, hash);
      return fail('replay/diverged', `${describeAction(action, i, turnBefore)}: expected ${w}, got ${g}`, { path: `hashes[${i}]`, action: i });
    }
    hashes.push(hash);
  }
  return { ok: true, value: { state, hashes } };
}

function choiceOf(action: Extract<Action, { kind: 'turn' }>): TurnChoice {
  const choice: { us?: string; cn?: string; force?: { us?: string; cn?: string } } = {};
  if (action.us !== undefined) choice.us = action.us;
  if (action.cn !== undefined) choice.cn = action.cn;
  if (action.force !== undefined) choice.force = action.force;
  return choice;
}

/**
 * Plays `actions` from a new game of `scenario` with `seed`. Returns the final state and the hash
 * after each action, or `replay/illegal-action` naming the first action the engine refused
 * (`replay/bad-seed` for a seed {@link isValidSeed} rejects).
 */
export function playActions(scenario: Scenario, seed: string, controllers: Readonly<Record<Side, Controller>>, actions: readonly Action[]): ReplayResult<Played> {
  return playChecked(scenario, seed, controllers, actions, null);
}

/**
 * The replay file of a game in progress or finished. The game is replayed from its seed to build the
 * hashes, and refused (`replay/diverged`) if that does not reproduce `state` exactly, which happens
 * only when `state` was not made by this scenario and engine.
 */
export function recordReplay(scenario: Scenario, state: GameState): ReplayResult<ReplayFile> {
  if (state.scenarioId !== scenario.id) return fail('replay/wrong-scenario', `the game is of scenario ${state.scenarioId}, not ${scenario.id}`);
  if (state.scenarioHash !== scenario.hash) return fail('replay/scenario-changed', `the game was played on ${scenario.id} with hash ${state.scenarioHash.slice(0, 4)}…, and the scenario has changed since (hash ${scenario.hash.slice(0, 4)}…)`);
  const actions = actionsOf(state);
  const played = playActions(scenario, state.seed, state.controllers, actions);
  if (!played.ok) return played;
  const want = stateHash(state);
  const got = stateHash(played.value.state);
  if (want !== got) {
    const [w, g] = abbreviate(want, got);
    return fail('replay/diverged', `the game does not replay to itself: expected ${w}, got ${g}`);
  }
  return {
    ok: true,
    value: {
      format: REPLAY_FORMAT,
      version: REPLAY_VERSION,
      engineVersion: ENGINE_VERSION,
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      scenarioHash: scenario.hash,
      seed: state.seed,
      controllers: { us: state.controllers.us, cn: state.controllers.cn },
      actions,
      hashes: played.value.hashes,
    },
  };
}

const major = (version: string): string => version.split('.')[0] ?? version;

/**
 * Plays a parsed replay against `scenario`. Before turn 1 it refuses a replay of another scenario
 * (`replay/wrong-scenario`), of another version or content of this one (`replay/scenario-changed`),
 * or made under another major engine version (`replay/engine-version`); during play it stops at the
 * first action whose state hash differs from the recorded one (`replay/diverged`).
 */
export function checkReplay(scenario: Scenario, file: ReplayFile): ReplayResult<Played> {
  if (file.scenarioId !== scenario.id) {
    return fail('replay/wrong-scenario', `this replay is of scenario ${file.scenarioId}, and the scenario open is ${scenario.id}`, { path: 'scenarioId' });
  }
  if (file.scenarioVersion !== scenario.version || file.scenarioHash !== scenario.hash) {
    const [was, now] = abbreviate(file.scenarioHash, scenario.hash);
    return fail('replay/scenario-changed', `recorded for ${file.scenarioId} ${file.scenarioVersion} (hash ${was}), this is ${scenario.version} (hash ${now})`, { path: 'scenarioHash' });
  }
  if (major(file.engineVersion) !== major(ENGINE_VERSION)) {
    return fail('replay/engine-version', `recorded under rules version ${file.engineVersion}; this build plays rules ${major(ENGINE_VERSION)}.x, so the game would not be the same`, { path: 'engineVersion' });
  }
  if (file.hashes.length !== file.actions.length) {
    return fail('replay/invalid', `the replay has ${file.actions.length} actions and ${file.hashes.length} state hashes; they must match`, { path: 'hashes' });
  }
  return playChecked(scenario, file.seed, file.controllers, file.actions, file.hashes);
}

/** A replay as JSON text (two-space indented), ready to export. */
export function stringifyReplay(file: ReplayFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

const REPLAY_CODES: Readonly<Record<JsonProblem['kind'], ReplayErrorCode>> = {
  'too-large': 'replay/too-large',
  'bad-json': 'replay/bad-json',
  'forbidden-key': 'replay/forbidden-key',
  'too-deep': 'replay/too-deep',
  'wrong-format': 'replay/not-a-replay',
  'other-format': 'replay/is-a-save',
  'no-version': 'replay/no-version',
  'too-old': 'replay/too-old',
  'too-new': 'replay/too-new',
  invalid: 'replay/invalid',
};

function fromJsonProblem(p: JsonProblem, file: string): ReplayResult<never> {
  return fail(REPLAY_CODES[p.kind], p.message, { file, path: p.path });
}

/**
 * Validates parsed JSON as a replay file (no play, no scenario needed). `file` names it in errors.
 * Used by {@link parseReplay} and for the replay inside a save.
 */
export function validateReplay(data: unknown, file: string): ReplayResult<ReplayFile> {
  const problem = versionProblem(data, { format: REPLAY_FORMAT, other: 'red-phone/save', what: 'replay', otherWhat: 'save', latest: REPLAY_VERSION });
  if (problem !== null) return fromJsonProblem(problem, file);
  const record = data as Record<string, unknown>;
  const actions = record['actions'];
  if (Array.isArray(actions)) {
    if (actions.length > MAX_ACTIONS) return fail('replay/too-many-actions', `the replay has ${actions.length} actions; at most ${MAX_ACTIONS} are read`, { file, path: 'actions' });
    for (let i = 0; i < actions.length; i++) {
      const a: unknown = actions[i];
      const kind = typeof a === 'object' && a !== null && !Array.isArray(a) ? (a as Record<string, unknown>)['kind'] : undefined;
      if (kind !== 'turn' && kind !== 'inject') {
        return fail('replay/unknown-action', `action ${i + 1} is of kind ${JSON.stringify(kind) ?? 'undefined'}; a replay holds only "turn" and "inject" actions`, { file, path: `actions[${i}].kind`, action: i });
      }
    }
  }
  const parsed = replaySchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = (first?.path ?? []).map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('').replace(/^\./, '');
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : '';
    return fail('replay/invalid', `${path === '' ? 'the replay' : path}: ${first?.message ?? 'invalid'}${more}`, { file, path });
  }
  const v = parsed.data;
  if (!isValidSeed(v.seed)) return fail('replay/bad-seed', 'the seed must be 1 to 64 characters with no control characters', { file, path: 'seed' });
  if (v.hashes.length !== v.actions.length) {
    return fail('replay/invalid', `the replay has ${v.actions.length} actions and ${v.hashes.length} state hashes; they must match`, { file, path: 'hashes' });
  }
  const out: Action[] = v.actions.map((a) => {
    if (a.kind === 'inject') return { kind: 'inject', inject: a.inject };
    const force: { us?: string; cn?: string } = {};
    if (a.force?.us !== undefined) force.us = a.force.us;
    if (a.force?.cn !== undefined) force.cn = a.force.cn;
    return {
      kind: 'turn',
      ...(a.us !== undefined ? { us: a.us } : {}),
      ...(a.cn !== undefined ? { cn: a.cn } : {}),
      ...(a.force !== undefined ? { force } : {}),
    };
  });
  return {
    ok: true,
    value: { ...v, controllers: { us: v.controllers.us, cn: v.controllers.cn }, actions: out, hashes: v.hashes.slice() },
  };
}

/**
 * Reads replay text. Refuses, with a typed error naming `fileName`: text over the size cap, bad JSON,
 * `__proto__`/`constructor`/`prototype` keys anywhere, a missing or foreign `format` (a save is named
 * as such), a missing, old or too-new version, fields of the wrong type, a bad seed, unknown action
 * kinds and too many actions. Nothing is played here: see {@link checkReplay}.
 */
export function parseReplay(text: string, fileName: string): ReplayResult<ReplayFile> {
  const read = readJsonText(text, MAX_REPLAY_CHARS, 'replay');
  if (!read.ok) return fromJsonProblem(read.problem, fileName);
  return validateReplay(read.value, fileName);
}
