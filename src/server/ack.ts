/** Answers to client messages, and comparing secrets in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Ack, ErrorCode } from '../net/protocol';

export const ok = <T>(value: T): Ack<T> => ({ ok: true, value });
export const no = <T = never>(code: ErrorCode, message: string): Ack<T> => ({ ok: false, code, message });

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Whether two secrets are equal, in time that does not depend on where they differ. */
export const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));
