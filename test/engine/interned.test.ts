/** interned (src/engine/format/interned.ts): the same text back, whatever the name. */
import { describe, expect, it } from 'vitest';
import { interned } from '../../src/engine/format/interned';

describe('interned', () => {
  it('gives back the same text, for ids and for names that are special as property names', () => {
    for (const s of ['indict', 'open_file', 'x'.repeat(300), '', '0', '12', '4294967295', '-1', '1.5', '__proto__', 'constructor', 'toString', 'é中']) expect(interned(`${s}`)).toBe(s);
  });
  it('gives the same string for the same text made separately', () => {
    const a = ['in', 'dict'].join('');
    const b = 'indi'.concat('ct');
    expect(interned(a)).toBe(interned(b));
  });
});
