import { describe, expect, it } from 'vitest';
import { chanceText, deltaText, judgement, lengthText, percent, spelled } from '../../src/ui/format';

describe('page words', () => {
  const percents: [number, string][] = [
    [6250, '62.50%'],
    [5, '0.05%'],
    [10_000, '100.00%'],
    [0, '0.00%'],
    [3333, '33.33%'],
  ];
  for (const [bp, text] of percents) it(`${bp} basis points read ${text}`, () => expect(percent(bp)).toBe(text));

  it('writes the chance and the draw as the odds line', () => {
    expect(chanceText(6250, 4312)).toBe('chance 62.50%, drawn 4312 of 10 000');
  });

  it('gives changes in words and symbols, never colour alone', () => {
    expect(deltaText(10)).toBe('▲ up 10');
    expect(deltaText(-5)).toBe('▼ down 5');
    expect(deltaText(0)).toBe('no change');
    expect(judgement(5, 'lower')).toBe('worse');
    expect(judgement(-5, 'lower')).toBe('better');
    expect(judgement(0, 'higher')).toBe('same');
  });

  it('writes a scenario length in turns and weeks or days', () => {
    expect(lengthText(11, 21)).toBe('11 turns of 3 weeks');
    expect(lengthText(4, 7)).toBe('4 turns of 1 week');
    expect(lengthText(1, 3)).toBe('1 turn of 3 days');
    expect(lengthText(6, 1)).toBe('6 turns of 1 day');
  });

  it('spells an exercise code out for reading aloud', () => {
    expect(spelled('IPT-K7Q3')).toBe('I P T, K 7 Q 3');
  });
});
