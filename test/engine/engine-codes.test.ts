import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CodeErrorCode, exerciseCode, isCodeSeed, isValidSeed, parseExerciseCode, randomSeedFrom, SEED_ALPHABET, scenarioPrefix } from '../../src/engine';

const known = ['ip-theft', 'hotline-unanswered', 'sanctions-threatened', 'minimal'];

describe('exercise codes: seeds', () => {
  it('the alphabet has no look-alikes and 31 symbols', () => {
    expect(SEED_ALPHABET).toHaveLength(31);
    for (const ch of ['0', 'O', '1', 'I', 'L']) expect(SEED_ALPHABET.includes(ch)).toBe(false);
    expect(new Set(SEED_ALPHABET).size).toBe(31);
  });

  const seeds: [number, string][] = [
    [0, '2222'],
    [1, '2223'],
    [30, '222Z'],
    [31, '2232'],
    [31 ** 4 - 1, 'ZZZZ'],
    [31 ** 4, '2222'],
    [2 ** 32 - 1, 'NYT5'],
    [123456789, 'Q524'],
  ];
  it.each(seeds)('randomSeedFrom(%i) = %s', (n, seed) => {
    expect(randomSeedFrom(n)).toBe(seed);
    expect(isCodeSeed(seed)).toBe(true);
  });

  it('randomSeedFrom refuses numbers that are not whole and non-negative', () => {
    for (const n of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => randomSeedFrom(n)).toThrow(RangeError);
  });

  it('every 32-bit number gives a code seed (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), (n) => isCodeSeed(randomSeedFrom(n))),
      { seed: 20151025, numRuns: 500 },
    );
  });

  const valid: [string, boolean][] = [
    ['K7Q3', true],
    ['a', true],
    ['red phone 2015', true],
    ['x'.repeat(64), true],
    ['😀'.repeat(64), true],
    ['', false],
    ['x'.repeat(65), false],
    ['tab\there', false],
    ['nul\u0000', false],
    ['del\u007f', false],
    ['lone \ud800 surrogate', false],
    ['lone \udc00 low surrogate', false],
  ];
  it.each(valid)('isValidSeed(%j) is %s', (seed, ok) => {
    expect(isValidSeed(seed)).toBe(ok);
  });

  it('code seeds are upper case only', () => {
    expect(isCodeSeed('K7Q3')).toBe(true);
    expect(isCodeSeed('k7q3')).toBe(false);
    expect(isCodeSeed('K7Q')).toBe(false);
    expect(isCodeSeed('K0Q3')).toBe(false);
  });
});

describe('exercise codes: prefixes', () => {
  const prefixes: [string, string][] = [
    ['ip-theft', 'IPT'],
    ['hotline-unanswered', 'HOT'],
    ['sanctions-threatened', 'SAN'],
    ['minimal', 'MIN'],
    ['critical-infrastructure-incident', 'CII'],
    ['opm-breach', 'OBP'],
    ['espionage-scope-gap-review', 'ESG'],
    ['x', 'XXX'],
    ['ab', 'ABX'],
    ['crisis-2', 'CRI'],
  ];
  it.each(prefixes)('%s has the prefix %s', (id, prefix) => {
    expect(scenarioPrefix(id)).toBe(prefix);
  });

  it('a code is the prefix and the seed, only for code seeds', () => {
    expect(exerciseCode('ip-theft', 'K7Q3')).toBe('IPT-K7Q3');
    expect(exerciseCode('minimal', '2222')).toBe('MIN-2222');
    expect(exerciseCode('ip-theft', 'my seed')).toBeNull();
  });
});

describe('exercise codes: reading what people type', () => {
  const good: [string, string, string][] = [
    ['IPT-K7Q3', 'ip-theft', 'K7Q3'],
    ['ipt-k7q3', 'ip-theft', 'K7Q3'],
    ['IPTK7Q3', 'ip-theft', 'K7Q3'],
    [' ipt k7q3 ', 'ip-theft', 'K7Q3'],
    ['IPT – K7Q3', 'ip-theft', 'K7Q3'],
    ['h o t - 2 2 2 2', 'hotline-unanswered', '2222'],
    ['san_zzzz', 'sanctions-threatened', 'ZZZZ'],
    ['min-ab2c', 'minimal', 'AB2C'],
  ];
  it.each(good)('%j is %s with seed %s', (text, scenarioId, seed) => {
    expect(parseExerciseCode(text, known)).toEqual({ ok: true, scenarioId, seed, code: `${scenarioPrefix(scenarioId)}-${seed}`, hidden: false });
  });

  it('a code ending in H keeps the odds and the map hidden; it reads back, typed any way', () => {
    expect(exerciseCode('ip-theft', 'K7Q3', true)).toBe('IPT-K7Q3-H');
    for (const text of ['IPT-K7Q3-H', 'ipt k7q3 h', 'IPTK7Q3H']) expect(parseExerciseCode(text, known)).toEqual({ ok: true, scenarioId: 'ip-theft', seed: 'K7Q3', code: 'IPT-K7Q3-H', hidden: true });
    // A seed may end in H itself: only a code one character longer carries the mark.
    expect(parseExerciseCode('IPT-K7QH', known)).toEqual({ ok: true, scenarioId: 'ip-theft', seed: 'K7QH', code: 'IPT-K7QH', hidden: false });
    expect(parseExerciseCode('IPT-K7Q3-X', known).ok).toBe(false);
  });

  const bad: [string, readonly string[], CodeErrorCode, RegExp, string | undefined][] = [
    ['', known, 'code/empty', /type the exercise code/, undefined],
    ['  -  ', known, 'code/empty', /type the exercise code/, undefined],
    ['IPT-K7Q', known, 'code/bad-length', /this has 6 characters/, undefined],
    ['IPT-K7Q3X', known, 'code/bad-length', /3 letters and 4 characters/, undefined],
    ['K7Q3', known, 'code/bad-length', /like IPT-K7Q3/, undefined],
    ['IP2-K7Q3', known, 'code/bad-char', /starts with 3 letters/, undefined],
    ['IPT-K0Q3', known, 'code/bad-char', /^"0" \(zero\) is never used/, undefined],
    ['IPT-KOQ3', known, 'code/bad-char', /^"O" \(the letter\) is never used/, undefined],
    ['IPT-K1Q3', known, 'code/bad-char', /^"1" \(one\)/, undefined],
    ['IPT-KLQ3', known, 'code/bad-char', /^"L" \(the letter\)/, undefined],
    ['IPT-K7Q!', known, 'code/bad-char', /^"!" is not used/, undefined],
    ['IPX-K7Q3', known, 'code/unknown-scenario', /no scenario here has the prefix IPX/, 'IPT-K7Q3'],
    ['QQQ-K7Q3', ['ip-theft'], 'code/unknown-scenario', /QQQ/, undefined],
    ['IPT-K7Q3', ['minimal'], 'code/unknown-scenario', /IPT/, undefined],
    ['MIN-K7Q3', ['minimal', 'minimum'], 'code/ambiguous', /fits more than one scenario: minimal, minimum/, undefined],
  ];
  it.each(bad)('%j gives an error', (text, ids, code, message, suggestion) => {
    const r = parseExerciseCode(text, ids);
    expect(r.ok ? null : r.error.code).toBe(code);
    expect(r.ok ? '' : r.error.message).toMatch(message);
    expect(r.ok ? undefined : r.error.suggestion).toBe(suggestion);
  });

  it('every code made from a known scenario and a seed reads back (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...known), fc.nat({ max: 31 ** 4 - 1 }), fc.boolean(), (id, n, lower) => {
        const code = exerciseCode(id, randomSeedFrom(n)) ?? '';
        const typed = lower ? code.toLowerCase().replace('-', ' ') : code;
        const r = parseExerciseCode(typed, known);
        return r.ok && r.scenarioId === id && r.seed === randomSeedFrom(n) && r.code === code;
      }),
      { seed: 20160607, numRuns: 500 },
    );
  });
});
