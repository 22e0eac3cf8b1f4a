/** Content and state hashes: sha-256 (from @noble/hashes, pure JS, the same in Node and browsers). */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The first 16 hex digits of the sha-256 of `text`'s UTF-8 bytes. */
export function shortHash(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);
}

/** sha-256 of a JSON value's serialisation (insertion order, which our data keeps stable). */
export function hashJson(value: unknown): string {
  return shortHash(JSON.stringify(value));
}
