/**
 * Reading a replay file: its JSON, its schema, its format and version, each problem named with the
 * field it is in. Reading never plays; {@link checkReplay} does.
 */
import { z } from 'zod';
import { idSchema, type JsonProblem, readJsonText, scenarioIdSchema, versionProblem } from '../format';
import type { Action } from '../rules';
import { isValidSeed } from './codes';

z.config({ jitless: true });

import { fail, MAX_ACTIONS, MAX_REPLAY_CHARS, REPLAY_FORMAT, REPLAY_VERSION, type ReplayErrorCode, type ReplayFile, type ReplayResult } from './replay';

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
  const actions = record.actions;
  if (Array.isArray(actions)) {
    if (actions.length > MAX_ACTIONS) return fail('replay/too-many-actions', `the replay has ${actions.length} actions; at most ${MAX_ACTIONS} are read`, { file, path: 'actions' });
    for (let i = 0; i < actions.length; i++) {
      const a: unknown = actions[i];
      const kind = typeof a === 'object' && a !== null && !Array.isArray(a) ? (a as Record<string, unknown>).kind : undefined;
      if (kind !== 'turn' && kind !== 'inject') {
        return fail('replay/unknown-action', `action ${i + 1} is of kind ${JSON.stringify(kind) ?? 'undefined'}; a replay holds only "turn" and "inject" actions`, {
          file,
          path: `actions[${i}].kind`,
          action: i,
        });
      }
    }
  }
  const parsed = replaySchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = (first?.path ?? [])
      .map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`))
      .join('')
      .replace(/^\./, '');
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
