/**
 * Random things the class server draws: tokens, join codes, salts and seeds, all from node:crypto and
 * never derived from ids; and the seed commitment, sha-256 of `${seed}:${salt}` in hex.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { SEED_ALPHABET } from '../engine';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../net/protocol';

/** A bearer token: 32 random bytes, base64url (43 characters). */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** A salt for the commitment: 16 random bytes in hex. */
export const randomSalt = (): string => randomBytes(16).toString('hex');

const pick = (alphabet: string, n: number): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
};

/** A join code: JOIN_CODE_LENGTH characters of the protocol's alphabet, unrelated to the seed. */
export const randomJoinCode = (): string => pick(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);

/** A secret seed drawn for the class: 8 characters of the engine's seed alphabet. */
export const randomSeed = (): string => pick(SEED_ALPHABET, 8);

/** A session id: 12 random characters (not secret, but not guessable either). */
export const randomSessionId = (): string => randomBytes(9).toString('base64url');

/** The commitment shown before play: sha-256 hex of `${seed}:${salt}`. */
export const commitmentOf = (seed: string, salt: string): string => createHash('sha256').update(`${seed}:${salt}`, 'utf8').digest('hex');
