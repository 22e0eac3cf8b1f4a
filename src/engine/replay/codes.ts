/**
 * Seeds and exercise codes. A class shares a game by reading aloud a short code such as `IPT-K7Q3`:
 * three letters name the scenario and four characters are the seed. The seed alphabet leaves out the
 * characters people confuse when reading or typing (0/O, 1/I/L), and parsing forgives case, spaces
 * and a missing dash. The engine never draws randomness itself: {@link randomSeedFrom} turns a number
 * the caller supplies (the browser passes crypto-random bits) into a seed.
 */
import { closest } from '../format';

/** The characters of a code seed: 2–9 and A–Z without I, L and O (31 symbols). */
export const SEED_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Characters in a code seed: 31^4 = 923 521 seeds, plenty for a class and short enough to read out. */
export const CODE_SEED_LENGTH = 4;
/** The longest seed a person may type (in characters, that is code points). */
export const SEED_MAX_CHARS = 64;

/** Prefixes of the shipped scenarios; any other id gets one from {@link scenarioPrefix}'s rule. */
export const SCENARIO_PREFIXES: readonly (readonly [string, string])[] = [
  ['ip-theft', 'IPT'],
  ['hotline-unanswered', 'HOT'],
  ['sanctions-threatened', 'SAN'],
];

const CODE_SEEDS = SEED_ALPHABET.length ** CODE_SEED_LENGTH;

/**
 * True when `seed` may seed a game: 1 to {@link SEED_MAX_CHARS} characters, well-formed Unicode
 * (no lone surrogates) and no control characters (so no seed can imitate another stream's seed).
 */
export function isValidSeed(seed: string): boolean {
  if (typeof seed !== 'string' || seed.length === 0) return false;
  let chars = 0;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = seed.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
    chars++;
  }
  return chars <= SEED_MAX_CHARS;
}

/** True when `seed` is in the 4-character code form (canonical upper case), as in `K7Q3`. */
export function isCodeSeed(seed: string): boolean {
  if (seed.length !== CODE_SEED_LENGTH) return false;
  for (let i = 0; i < seed.length; i++) if (!SEED_ALPHABET.includes(seed.charAt(i))) return false;
  return true;
}

/**
 * A 4-character code seed from `n`, a whole number the caller supplies (for example a
 * crypto-random 32-bit value). The seed is `n` modulo 31^4 written in {@link SEED_ALPHABET}, so the
 * same `n` always gives the same seed; with 32 random bits each seed's chance is within 0.03% of even.
 * Throws a RangeError when `n` is not a whole number from 0 to 2^53 - 1 (a programming error).
 */
export function randomSeedFrom(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`randomSeedFrom: ${n} is not a whole number from 0 to 2^53 - 1`);
  let v = n % CODE_SEEDS;
  let out = '';
  for (let i = 0; i < CODE_SEED_LENGTH; i++) {
    out = SEED_ALPHABET.charAt(v % SEED_ALPHABET.length) + out;
    v = Math.floor(v / SEED_ALPHABET.length);
  }
  return out;
}

/**
 * The three-letter prefix of a scenario id: from {@link SCENARIO_PREFIXES} for the shipped
 * scenarios, otherwise the initials of its words (letters only), filled up with the following letters
 * of the id in order and padded with X: `minimal` gives MIN, `critical-infrastructure-incident` CII.
 */
export function scenarioPrefix(scenarioId: string): string {
  for (const [id, prefix] of SCENARIO_PREFIXES) if (id === scenarioId) return prefix;
  const words = scenarioId
    .toUpperCase()
    .split('-')
    .map((w) => w.replace(/[^A-Z]/g, ''))
    .filter((w) => w.length > 0);
  let prefix = words
    .slice(0, 3)
    .map((w) => w.charAt(0))
    .join('');
  const rest = words.map((w) => w.slice(1)).join('');
  prefix += rest.slice(0, Math.max(0, 3 - prefix.length));
  return `${prefix}XXX`.slice(0, 3);
}

/**
 * `IPT-K7Q3` for a scenario and a code seed; null when `seed` is not in the 4-character code form. With
 * `hidden`, `IPT-K7Q3-H`: a game started from it keeps the odds and the scenario map out of sight until
 * the debrief (a courtesy on one screen; the class server enforces it for its seats).
 */
export function exerciseCode(scenarioId: string, seed: string, hidden = false): string | null {
  return isCodeSeed(seed) ? `${scenarioPrefix(scenarioId)}-${seed}${hidden ? `-${HIDDEN_MARK}` : ''}` : null;
}

/** The last letter of an exercise code that hides the odds and the map. */
export const HIDDEN_MARK = 'H';

export type CodeErrorCode = 'code/empty' | 'code/bad-length' | 'code/bad-char' | 'code/unknown-scenario' | 'code/ambiguous';

export interface CodeError {
  readonly code: CodeErrorCode;
  readonly message: string;
  readonly suggestion?: string;
}

export type CodeResult = { readonly ok: true; readonly scenarioId: string; readonly seed: string; readonly code: string; readonly hidden: boolean } | { readonly ok: false; readonly error: CodeError };

const LOOK_ALIKES: Readonly<Record<string, string>> = { '0': '"0" (zero)', O: '"O" (the letter)', '1': '"1" (one)', I: '"I" (the letter)', L: '"L" (the letter)' };

/**
 * Reads an exercise code as a person typed it: case, spaces and dashes do not matter (`ipt k7q3`,
 * `IPTK7Q3`). The prefix must belong to exactly one of `knownScenarioIds`. Returns the scenario id,
 * the canonical seed and the canonical code, or a typed error with a message to show.
 */
export function parseExerciseCode(text: string, knownScenarioIds: readonly string[]): CodeResult {
  const fail = (code: CodeErrorCode, message: string, suggestion?: string): CodeResult => ({
    ok: false,
    error: suggestion === undefined ? { code, message } : { code, message, suggestion },
  });
  // A pasted essay is not read in full, but its real length is what the message gives.
  if (text.length > 200) return fail('code/bad-length', `an exercise code is 3 letters and 4 characters, like IPT-K7Q3 (this has ${text.length} characters)`);
  const squeezed = text
    .slice(0, 200)
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015_]/g, '');
  if (squeezed.length === 0) return fail('code/empty', 'type the exercise code, for example IPT-K7Q3');
  // A code one longer that ends in H keeps the odds and the map hidden until the debrief.
  const hidden = squeezed.length === 4 + CODE_SEED_LENGTH && squeezed.endsWith(HIDDEN_MARK);
  if (hidden) return withHidden(parseExerciseCode(squeezed.slice(0, -1), knownScenarioIds));
  if (squeezed.length !== 3 + CODE_SEED_LENGTH) {
    return fail('code/bad-length', `an exercise code is 3 letters and 4 characters, like IPT-K7Q3 (this has ${squeezed.length} characters)`);
  }
  const prefix = squeezed.slice(0, 3);
  const seed = squeezed.slice(3);
  if (!/^[A-Z]{3}$/.test(prefix)) return fail('code/bad-char', `an exercise code starts with 3 letters, like IPT (this starts with "${prefix}")`);
  for (const ch of seed) {
    if (SEED_ALPHABET.includes(ch)) continue;
    const named = LOOK_ALIKES[ch];
    const why = named !== undefined ? `${named} is never used in exercise codes` : `"${ch}" is not used in exercise codes`;
    return fail('code/bad-char', `${why}: after the letters come 4 characters from 2–9 and A–Z except I, L and O`);
  }
  const matches = knownScenarioIds.filter((id) => scenarioPrefix(id) === prefix);
  if (matches.length > 1) return fail('code/ambiguous', `the prefix ${prefix} fits more than one scenario: ${matches.join(', ')}`);
  const match = matches[0];
  if (match === undefined) {
    const suggestion = closest(prefix, knownScenarioIds.map(scenarioPrefix));
    return fail('code/unknown-scenario', `no scenario here has the prefix ${prefix}`, suggestion === undefined ? undefined : `${suggestion}-${seed}`);
  }
  return { ok: true, scenarioId: match, seed, code: `${prefix}-${seed}`, hidden: false };
}

function withHidden(result: CodeResult): CodeResult {
  return result.ok ? { ...result, code: `${result.code}-${HIDDEN_MARK}`, hidden: true } : result;
}
