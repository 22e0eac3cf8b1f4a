/**
 * The commitment to the dice: the server shows sha-256 of `seed:salt` before the first choice and
 * reveals seed and salt at the debrief; the page checks them itself, so a class sees the dice were
 * fixed before anyone chose.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export function commitmentOf(seed: string, salt: string): string {
  return bytesToHex(sha256(utf8ToBytes(`${seed}:${salt}`)));
}

export function commitmentHolds(seed: string, salt: string, commitment: string): boolean {
  return commitmentOf(seed, salt) === commitment.toLowerCase();
}
