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

import type { Scenario, Side } from '../format';
import { hashJson } from '../format';
import type { Action, Controller, GameState, TurnChoice } from '../rules';
import { carriesHashOf, ENGINE_VERSION, fireInject, resolveTurn, start } from '../rules';
import { isValidSeed } from './codes';

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

/** The header every replay of `scenario` made by this build carries: what it is, the rules and the scenario. */
export function replayHeader(scenario: Scenario, hash: string = scenario.hash): Pick<ReplayFile, 'format' | 'version' | 'engineVersion' | 'scenarioId' | 'scenarioVersion' | 'scenarioHash'> {
  return { format: REPLAY_FORMAT, version: REPLAY_VERSION, engineVersion: ENGINE_VERSION, scenarioId: scenario.id, scenarioVersion: scenario.version, scenarioHash: hash };
}

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

export const fail = <T>(code: ReplayErrorCode, message: string, extra: { file?: string; path?: string; action?: number } = {}): ReplayResult<T> => ({
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

function playChecked(
  scenario: Scenario,
  seed: string,
  controllers: Readonly<Record<Side, Controller>>,
  actions: readonly Action[],
  expected: readonly string[] | null,
  hash: string = scenario.hash,
): ReplayResult<Played> {
  if (!isValidSeed(seed)) return fail('replay/bad-seed', 'a seed is 1 to 64 characters with no control characters', { path: 'seed' });
  let state = start(scenario, seed, controllers, hash);
  const hashes: string[] = [];
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i] as Action;
    const turnBefore = state.turn;
    const result = action.kind === 'inject' ? fireInject(scenario, state, action.inject) : resolveTurn(scenario, state, choiceOf(action));
    if (!result.ok) {
      return fail('replay/illegal-action', `${describeAction(action, i, turnBefore)}: the engine refused action ${i + 1} (${result.error.code}: ${result.error.message})`, {
        path: `actions[${i}]`,
        action: i,
      });
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
export function playActions(scenario: Scenario, seed: string, controllers: Readonly<Record<Side, Controller>>, actions: readonly Action[], hash: string = scenario.hash): ReplayResult<Played> {
  return playChecked(scenario, seed, controllers, actions, null, hash);
}

/**
 * The replay file of a game in progress or finished. The game is replayed from its seed to build the
 * hashes, and refused (`replay/diverged`) if that does not reproduce `state` exactly, which happens
 * only when `state` was not made by this scenario and engine.
 */
export function recordReplay(scenario: Scenario, state: GameState): ReplayResult<ReplayFile> {
  if (state.scenarioId !== scenario.id) return fail('replay/wrong-scenario', `the game is of scenario ${state.scenarioId}, not ${scenario.id}`);
  if (!carriesHashOf(scenario, state.scenarioHash))
    return fail(
      'replay/scenario-changed',
      `the game was played on ${scenario.id} with hash ${state.scenarioHash.slice(0, 4)}…, and the scenario has changed since (hash ${scenario.hash.slice(0, 4)}…)`,
    );
  const actions = actionsOf(state);
  const played = playChecked(scenario, state.seed, state.controllers, actions, null, state.scenarioHash);
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
      ...replayHeader(scenario, state.scenarioHash),
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
  if (file.scenarioVersion !== scenario.version || !carriesHashOf(scenario, file.scenarioHash)) {
    const [was, now] = abbreviate(file.scenarioHash, scenario.hash);
    return fail('replay/scenario-changed', `recorded for ${file.scenarioId} ${file.scenarioVersion} (hash ${was}), this is ${scenario.version} (hash ${now})`, {
      path: 'scenarioHash',
    });
  }
  if (major(file.engineVersion) !== major(ENGINE_VERSION)) {
    return fail('replay/engine-version', `recorded under rules version ${file.engineVersion}; this build plays rules ${major(ENGINE_VERSION)}.x, so the game would not be the same`, {
      path: 'engineVersion',
    });
  }
  if (file.hashes.length !== file.actions.length) {
    return fail('replay/invalid', `the replay has ${file.actions.length} actions and ${file.hashes.length} state hashes; they must match`, { path: 'hashes' });
  }
  return playChecked(scenario, file.seed, file.controllers, file.actions, file.hashes, file.scenarioHash);
}
