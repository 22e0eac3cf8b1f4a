/**
 * Replay codes: a whole replay in one short line of URL-safe text, so that a student can hand in a
 * run as a link (`?replay=RP1.ip-theft.1-0-0.u4Xb_1.K7Q3.ABAC.Gq3_0z`) or paste it into a form.
 *
 * Layout, fields separated by `.` (every character is unreserved in a URL, so nothing is escaped):
 *
 * | field | meaning |
 * |---|---|
 * | `RP1` | the code format and its version |
 * | `ip-theft` | the scenario id |
 * | `1-0-0` | the scenario version, dots written as dashes |
 * | `u4Xb_1` | who played (`u` the United States, `c` China, `t` both, `m` neither), four base64url characters of the scenario's content hash, the rules' major version |
 * | `K7Q3` | the seed as written when it is letters and digits, else `_` and base64url of its UTF-8 bytes |
 * | `ABAC` | the actions, one base64url symbol per choice (see below) |
 * | `Gq3_0z` | the checksum: 36 bits of sha-256 over a domain string and everything before it |
 *
 * Action symbols (values 0 to 63 of the base64url alphabet). For each turn, in the order United
 * States then China: a side played by people writes its option's index in the beat's option list
 * (0–23), or that plus 24 followed by the forced outcome's index in the option (24–47); a side played
 * by the model writes nothing, or 62 followed by two symbols: the forced outcome's index among the
 * distinct outcome ids of that side's options at the beat. A game with no side played by people writes
 * 61 at the start of each turn. A facilitator's inject is 63 followed by the inject's index.
 *
 * The checksum is tamper-evidence against casual edits and typing mistakes, not security: anyone
 * with this source can compute a valid code for any run. Decoding replays the actions against the
 * installed scenario, so a code either gives the replay that was encoded or is refused.
 */

import type { Scenario, Side } from '../format';
import { SIDES, shortHash } from '../format';
import type { Action, Controller, GameState } from '../rules';
import { ENGINE_VERSION, fireInject, resolveTurn, start } from '../rules';
import { isValidSeed } from './codes';
import { checkReplay, type ReplayFile, replayHeader, stateHash } from './replay';
import { ALPHABET, base64url, hexToSymbols, textOfBase64url, utf8Of } from './replay-code-bytes';

/** The code format this build writes and reads. */
export const REPLAY_CODE_PREFIX = 'RP1';
/** Longest code read or written, in characters: far above a 60-turn run and inside any browser's URL limit. */
export const MAX_REPLAY_CODE_CHARS = 4096;
/** Keys the checksum, so a code's checksum is never the checksum of some other text format of ours. */
const CHECKSUM_DOMAIN = 'red-phone/replay-code@1\u0000';

const FORCED = 24;
const NO_PEOPLE_TURN = 61;
const MODEL_FORCE = 62;
const INJECT = 63;

export type ReplayCodeErrorCode =
  | 'code/empty'
  | 'code/too-long'
  | 'code/bad-format'
  | 'code/too-new'
  | 'code/checksum'
  | 'code/unknown-scenario'
  | 'code/version'
  | 'code/scenario-changed'
  | 'code/engine-version'
  | 'code/illegal-action'
  | 'code/not-encodable';

export interface ReplayCodeError {
  readonly code: ReplayCodeErrorCode;
  /** A sentence to show as it is. */
  readonly message: string;
}

export type ReplayCodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ReplayCodeError };

const fail = <T>(code: ReplayCodeErrorCode, message: string): ReplayCodeResult<T> => ({ ok: false, error: { code, message } });

const CONTROLLER_LETTERS: readonly (readonly [string, Controller, Controller])[] = [
  ['u', 'people', 'model'],
  ['c', 'model', 'people'],
  ['t', 'people', 'people'],
  ['m', 'model', 'model'],
];

function checksumOf(payload: string): string {
  const hex = shortHash(CHECKSUM_DOMAIN + payload).slice(0, 9);
  return hexToSymbols(hex);
}

const PLAIN_SEED = /^[A-Za-z0-9]{1,64}$/;

const seedField = (seed: string): string => (PLAIN_SEED.test(seed) ? seed : `_${base64url(utf8Of(seed))}`);

/** The code's mark of the scenario hash a game carries (its rules hash, or the legacy hash of an older game). */
const fingerprint = (hash: string): string => hexToSymbols(hash.slice(0, 6));

const major = (version: string): string => version.split('.')[0] ?? version;

/** Distinct outcome ids of a side's options at a beat, in scenario order: what a forced model move indexes. */
function modelOutcomeIds(scenario: Scenario, beatId: string, side: Side): string[] {
  const ids: string[] = [];
  for (const o of scenario.beats.get(beatId)?.options[side] ?? []) for (const out of o.outcomes) if (!ids.includes(out.id)) ids.push(out.id);
  return ids;
}

function symbolsOfTurn(scenario: Scenario, state: GameState, action: Extract<Action, { kind: 'turn' }>): number[] | null {
  const beat = scenario.beats.get(state.beat);
  if (beat === undefined) return null;
  const out: number[] = [];
  if (state.controllers.us === 'model' && state.controllers.cn === 'model') out.push(NO_PEOPLE_TURN);
  for (const side of SIDES) {
    const forced = action.force?.[side];
    if (state.controllers[side] === 'model') {
      if (forced === undefined) continue;
      const k = modelOutcomeIds(scenario, beat.id, side).indexOf(forced);
      if (k < 0 || k >= 64 * 64) return null;
      out.push(MODEL_FORCE, k >> 6, k & 63);
      continue;
    }
    const options = beat.options[side];
    const i = options.findIndex((o) => o.id === action[side]);
    if (i < 0 || i >= FORCED) return null;
    if (forced === undefined) {
      out.push(i);
      continue;
    }
    const k = (options[i]?.outcomes ?? []).findIndex((o) => o.id === forced);
    if (k < 0 || k >= 64) return null;
    out.push(FORCED + i, k);
  }
  return out;
}

/**
 * The replay code of `file`, a replay of `scenario` (the scenario is needed because actions are
 * written as indices into its beats, options, outcomes and injects). The file is checked first
 * ({@link checkReplay}); a replay that does not play, or whose code would exceed
 * {@link MAX_REPLAY_CODE_CHARS}, is refused with `code/not-encodable`. Deterministic: one replay has one code.
 */
export function encodeReplayCode(file: ReplayFile, scenario: Scenario): ReplayCodeResult<string> {
  const checked = checkReplay(scenario, file);
  if (!checked.ok) return fail('code/not-encodable', `this replay cannot be turned into a code: ${checked.error.message}`);
  const letter = CONTROLLER_LETTERS.find(([, us, cn]) => us === file.controllers.us && cn === file.controllers.cn)?.[0] ?? 'm';
  let state = start(scenario, file.seed, file.controllers, file.scenarioHash);
  const symbols: number[] = [];
  for (const action of file.actions) {
    if (action.kind === 'inject') {
      symbols.push(
        INJECT,
        scenario.injects.findIndex((i) => i.id === action.inject),
      );
    } else {
      const turn = symbolsOfTurn(scenario, state, action);
      if (turn === null) return fail('code/not-encodable', `turn ${state.turn + 1} cannot be written as a code`);
      symbols.push(...turn);
    }
    const next = action.kind === 'inject' ? fireInject(scenario, state, action.inject) : resolveTurn(scenario, state, action);
    if (!next.ok) return fail('code/not-encodable', next.error.message);
    state = next.state;
  }
  const actions = symbols.map((v) => ALPHABET.charAt(v)).join('');
  const payload = [REPLAY_CODE_PREFIX, scenario.id, scenario.version.replace(/\./g, '-'), `${letter}${fingerprint(file.scenarioHash)}${major(file.engineVersion)}`, seedField(file.seed), actions].join(
    '.',
  );
  const code = `${payload}.${checksumOf(payload)}`;
  if (code.length > MAX_REPLAY_CODE_CHARS) return fail('code/not-encodable', `the code would be ${code.length} characters; at most ${MAX_REPLAY_CODE_CHARS} fit in a link`);
  return { ok: true, value: code };
}

/** Reads symbols one at a time; `take` returns -1 past the end. */
class Symbols {
  private at = 0;
  constructor(private readonly values: readonly number[]) {}
  get done(): boolean {
    return this.at >= this.values.length;
  }
  peek(): number {
    return this.values[this.at] ?? -1;
  }
  take(): number {
    return this.values[this.at++] ?? -1;
  }
}

function actionAt(scenario: Scenario, state: GameState, syms: Symbols): Action | string {
  if (syms.peek() === INJECT) {
    syms.take();
    const inj = scenario.injects[syms.take()];
    return inj === undefined ? 'an inject this scenario does not have' : { kind: 'inject', inject: inj.id };
  }
  const beat = scenario.beats.get(state.beat);
  if (beat === undefined) return 'a turn after the game has ended';
  if (state.controllers.us === 'model' && state.controllers.cn === 'model' && syms.take() !== NO_PEOPLE_TURN) return 'a malformed turn';
  const choice: { us?: string; cn?: string } = {};
  const force: { us?: string; cn?: string } = {};
  for (const side of SIDES) {
    if (state.controllers[side] === 'model') {
      if (syms.peek() !== MODEL_FORCE) continue;
      syms.take();
      const hi = syms.take();
      const lo = syms.take();
      const id = hi < 0 || lo < 0 ? undefined : modelOutcomeIds(scenario, beat.id, side)[hi * 64 + lo];
      if (id === undefined) return 'a forced outcome this scenario does not have';
      force[side] = id;
      continue;
    }
    const v = syms.take();
    if (v < 0 || v >= 2 * FORCED) return 'a malformed turn';
    const option = beat.options[side][v % FORCED];
    if (option === undefined) return 'an option this scenario does not have';
    choice[side] = option.id;
    if (v >= FORCED) {
      const outcome = option.outcomes[syms.take()];
      if (outcome === undefined) return 'a forced outcome this scenario does not have';
      force[side] = outcome.id;
    }
  }
  return force.us !== undefined || force.cn !== undefined ? { kind: 'turn', ...choice, force } : { kind: 'turn', ...choice };
}

/** The code in pasted text: the text itself, trimmed, or the `replay=` parameter of a pasted link. */
function codeInText(text: string): string {
  const trimmed = text.trim();
  const at = trimmed.startsWith('RP') ? -1 : trimmed.indexOf('replay=');
  if (at < 0) return trimmed;
  const rest = trimmed.slice(at + 'replay='.length);
  const end = rest.search(/[&#]/);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * Reads a replay code (surrounding white space is ignored; case matters; a whole pasted link
 * `…?replay=RP1.…` is read for its `replay` parameter) against the installed
 * `scenarios` and rebuilds the replay file by playing its actions, so the file's state hashes are
 * those of this build. Refuses, with a typed error and a sentence to show: `code/empty`,
 * `code/too-long`, `code/bad-format` (not a replay code, or cut short), `code/too-new` (made by a
 * newer build), `code/checksum` (altered or mistyped), `code/unknown-scenario`, `code/version`
 * (another version of the scenario), `code/scenario-changed` (same version, other content),
 * `code/engine-version` (other rules) and `code/illegal-action` (the actions do not play).
 * Every single-character change of a valid code is refused (a property test says so).
 */
export function decodeReplayCode(text: string, scenarios: readonly Scenario[]): ReplayCodeResult<ReplayFile> {
  const code = codeInText(text);
  if (code.length === 0) return fail('code/empty', 'paste or type the replay code, which starts with RP1.');
  if (code.length > MAX_REPLAY_CODE_CHARS) return fail('code/too-long', `a replay code is at most ${MAX_REPLAY_CODE_CHARS} characters; this text has ${code.length}`);
  const fields = code.split('.');
  const head = fields[0] ?? '';
  if (/^RP\d+$/.test(head) && head !== REPLAY_CODE_PREFIX)
    return fail('code/too-new', `this is a ${head} replay code; this build reads ${REPLAY_CODE_PREFIX} codes only, so open it in a newer version of Red Phone`);
  if (head !== REPLAY_CODE_PREFIX || fields.length !== 7) return fail('code/bad-format', 'this is not a replay code: one starts with RP1. and has seven parts separated by dots (was it cut short?)');
  const [, id, version, meta, seedText, actionText, check] = fields as [string, string, string, string, string, string, string];
  const payload = code.slice(0, code.length - check.length - 1);
  if (check !== checksumOf(payload)) return fail('code/checksum', 'this code was altered or mistyped: its checksum does not match; copy it again from the original');
  const ctrl = CONTROLLER_LETTERS.find(([letter]) => letter === meta.charAt(0));
  const seed = seedText.startsWith('_') ? textOfBase64url(seedText.slice(1)) : PLAIN_SEED.test(seedText) ? seedText : null;
  if (ctrl === undefined || seed === null || !isValidSeed(seed) || !/^\d+-\d+-\d+$/.test(version) || !/^\d+$/.test(meta.slice(5))) {
    return fail('code/bad-format', 'this replay code is malformed although its checksum fits; it was not made by Red Phone');
  }
  const scenario = scenarios.find((s) => s.id === id);
  if (scenario === undefined) return fail('code/unknown-scenario', `this replay is of scenario ${id}, which is not installed here`);
  const dotted = version.replace(/-/g, '.');
  if (dotted !== scenario.version) return fail('code/version', `this replay was made with ${id} version ${dotted}; the installed one is version ${scenario.version}`);
  const hash = [scenario.hash, scenario.contentHash].find((h) => fingerprint(h) === meta.slice(1, 5));
  if (hash === undefined) return fail('code/scenario-changed', `this replay was made with other content of ${id} ${dotted}; the scenario has changed since, so the run would not be the same`);
  if (meta.slice(5) !== major(ENGINE_VERSION))
    return fail('code/engine-version', `this replay was made under rules version ${meta.slice(5)}; this build plays rules ${major(ENGINE_VERSION)}, so the run would not be the same`);
  const values: number[] = [];
  for (const ch of actionText) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return fail('code/bad-format', 'this replay code is malformed although its checksum fits');
    values.push(v);
  }
  const controllers = { us: ctrl[1], cn: ctrl[2] };
  const syms = new Symbols(values);
  let state = start(scenario, seed, controllers, hash);
  const actions: Action[] = [];
  const hashes: string[] = [];
  while (!syms.done) {
    const action = actionAt(scenario, state, syms);
    if (typeof action === 'string') return fail('code/illegal-action', `action ${actions.length + 1} of this code is ${action}`);
    const next = action.kind === 'inject' ? fireInject(scenario, state, action.inject) : resolveTurn(scenario, state, action);
    if (!next.ok) return fail('code/illegal-action', `action ${actions.length + 1} of this code does not play: ${next.error.message}`);
    state = next.state;
    actions.push(action);
    hashes.push(stateHash(state));
  }
  return {
    ok: true,
    value: {
      ...replayHeader(scenario, hash),
      seed,
      controllers,
      actions,
      hashes,
    },
  };
}
