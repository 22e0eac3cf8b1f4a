/** The byte and text encodings under replay codes: code symbols, UTF-8 and base64url, by hand so that the engine needs no DOM or Node API. */
/** The 64 symbols of a replay code, in value order (base64url). */
export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url symbols of hex digits, 3 hex (12 bits) to 2 symbols; `hex.length` a multiple of 3. */
export function hexToSymbols(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length; i += 3) {
    const v = parseInt(hex.slice(i, i + 3), 16);
    out += ALPHABET.charAt(v >> 6) + ALPHABET.charAt(v & 63);
  }
  return out;
}

/** The UTF-8 bytes of a well-formed string, by way of encodeURIComponent (a language built-in, no DOM). */
export function utf8Of(text: string): number[] {
  const escaped = encodeURIComponent(text);
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; i++) {
    if (escaped.charAt(i) === '%') {
      bytes.push(parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(escaped.charCodeAt(i));
  }
  return bytes;
}

export function base64url(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const v = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += ALPHABET.charAt(v >> 18) + ALPHABET.charAt((v >> 12) & 63);
    if (b1 !== undefined) out += ALPHABET.charAt((v >> 6) & 63);
    if (b2 !== undefined) out += ALPHABET.charAt(v & 63);
  }
  return out;
}

/** Decodes base64url without padding to text; null unless the bytes are well-formed UTF-8 written canonically. */
export function textOfBase64url(s: string): string | null {
  if (s.length % 4 === 1) return null;
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ALPHABET.indexOf(s.charAt(i));
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 255);
    }
  }
  let escaped = '';
  for (const b of bytes) escaped += `%${b < 16 ? '0' : ''}${b.toString(16)}`;
  try {
    const text = decodeURIComponent(escaped);
    return base64url(utf8Of(text)) === s ? text : null;
  } catch {
    return null;
  }
}
