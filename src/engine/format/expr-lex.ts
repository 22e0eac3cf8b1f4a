/** Tokens of the expression language. */
import type { ExprError } from './expr-types';

export type Token = { kind: 'num'; value: number; at: number } | { kind: 'name'; value: string; at: number } | { kind: 'op'; value: string; at: number } | { kind: 'end'; at: number };

export const OPS = ['<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/', '(', ')'];
export const WORDS = new Set(['and', 'or', 'not', 'true', 'false', 'if', 'then', 'else']);

export class ExprFailure extends Error {
  constructor(readonly info: ExprError) {
    super(info.message);
  }
}

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i;
      while (j < src.length && src.charCodeAt(j) >= 48 && src.charCodeAt(j) <= 57) j++;
      if (j - i > 7) fail(i, 'expr/syntax', 'numbers in expressions have at most 7 digits');
      tokens.push({ kind: 'num', value: Number(src.slice(i, j)), at: i });
      i = j;
      continue;
    }
    if ((c >= 97 && c <= 122) || c === 95 || (c >= 65 && c <= 90)) {
      let j = i;
      while (j < src.length && /[A-Za-z0-9_.]/.test(src.charAt(j))) j++;
      tokens.push({ kind: 'name', value: src.slice(i, j), at: i });
      i = j;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op === undefined) {
      const ch = src.charAt(i);
      const hint = ch === '&' ? ' (write "and")' : ch === '|' ? ' (write "or")' : ch === '!' ? ' (write "not")' : ch === '=' ? ' (compare with "==")' : '';
      fail(i, 'expr/syntax', `unexpected character "${ch}"${hint}`);
    }
    tokens.push({ kind: 'op', value: op, at: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', at: src.length });
  return tokens;
}

export function fail(offset: number, code: ExprError['code'], message: string, suggestion?: string): never {
  throw new ExprFailure(suggestion === undefined ? { offset, code, message } : { offset, code, message, suggestion });
}
