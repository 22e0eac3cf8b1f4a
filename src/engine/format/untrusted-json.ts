/**
 * Reading untrusted JSON (replays, saves): bounded size and depth, no prototype keys, and the magic
 * string and version checked before any schema, so every file says what it is (RELIABILITY 8, 15).
 */

/** A problem found before a file's own schema is applied: shared by replays and saves. */
export interface JsonProblem {
  readonly kind: 'too-large' | 'bad-json' | 'forbidden-key' | 'too-deep' | 'wrong-format' | 'other-format' | 'no-version' | 'too-old' | 'too-new' | 'invalid';
  readonly message: string;
  readonly path: string;
}

const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];
/** Nesting deeper than any replay or save needs (they nest at most 5 levels). */
const MAX_DEPTH = 16;

/**
 * Parses untrusted JSON text, skipping a leading byte-order mark (some editors write one). Refuses
 * text over `maxChars`, bad JSON, nesting deeper than {@link MAX_DEPTH} and any `__proto__`,
 * `constructor` or `prototype` key (RELIABILITY promise 8), found by walking every own property
 * name of the parsed value.
 */
export function readJsonText(text: string, maxChars: number, what: string): { ok: true; value: unknown } | { ok: false; problem: JsonProblem } {
  if (text.length > maxChars) {
    return { ok: false, problem: { kind: 'too-large', message: `the ${what} is ${Math.ceil(text.length / 1024)} KB; at most ${maxChars / 1024} KB is read`, path: '' } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const reason = e instanceof Error ? e.message : 'unreadable';
    return { ok: false, problem: { kind: 'bad-json', message: `the ${what} is not valid JSON (${reason.slice(0, 200)})`, path: '' } };
  }
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= MAX_DEPTH) return { ok: false, problem: { kind: 'too-deep', message: `the ${what} nests deeper than ${MAX_DEPTH} levels`, path: item.path } };
    const isArray = Array.isArray(item.value);
    for (const key of Object.getOwnPropertyNames(item.value)) {
      if (isArray && key === 'length') continue;
      const path = isArray ? `${item.path}[${key}]` : item.path === '' ? key : `${item.path}.${key}`;
      if (FORBIDDEN_KEYS.includes(key)) return { ok: false, problem: { kind: 'forbidden-key', message: `the key "${key}" is not allowed in a ${what}`, path } };
      stack.push({ value: (item.value as Record<string, unknown>)[key], path, depth: item.depth + 1 });
    }
  }
  return { ok: true, value };
}

/**
 * Checks the magic string and version of parsed JSON before its schema: a file of the sibling kind
 * (a save offered as a replay) is named as such, and a version outside 1..`latest` is refused with
 * "saved by version X; this build reads 1–latest".
 */
export function versionProblem(
  data: unknown,
  want: { readonly format: string; readonly other: string; readonly what: string; readonly otherWhat: string; readonly latest: number },
): JsonProblem | null {
  const { what, latest } = want;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      kind: 'wrong-format',
      message: `this is not a Red Phone ${what}: it holds ${Array.isArray(data) ? 'a list' : data === null ? 'null' : `a ${typeof data}`}, not an object`,
      path: '',
    };
  }
  const record = data as Record<string, unknown>;
  const format = record.format;
  if (format === want.other) return { kind: 'other-format', message: `this is a Red Phone ${want.otherWhat}, not a ${what}: open it as a ${want.otherWhat}`, path: 'format' };
  if (format !== want.format) {
    const seen = format === undefined ? 'it has no "format" field' : `its format is ${JSON.stringify(format)?.slice(0, 60)}`;
    return { kind: 'wrong-format', message: `this is not a Red Phone ${what} (${seen}; a ${what} says "${want.format}")`, path: 'format' };
  }
  const version = record.version;
  if (version === undefined) return { kind: 'no-version', message: `the ${what} has no version, so this build cannot know how to read it`, path: 'version' };
  if (typeof version !== 'number' || !Number.isInteger(version))
    return { kind: 'invalid', message: `version: a whole number is expected, not ${JSON.stringify(version)?.slice(0, 40)}`, path: 'version' };
  const range = `this build reads 1–${latest}`;
  if (version > latest) return { kind: 'too-new', message: `saved by version ${version}; ${range}. A newer Red Phone can open it.`, path: 'version' };
  if (version < 1) return { kind: 'too-old', message: `saved by version ${version}; ${range}`, path: 'version' };
  return null;
}
