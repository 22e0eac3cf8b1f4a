import { describe, expect, it } from 'vitest';
import { percent, table, wrapText } from '../../src/cli/table';

describe('text helpers', () => {
  it.each([
    [1, 8, '12.5%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [1, 2000, '0.1%'],
    [1, 2001, '0.0%'],
    [200, 200, '100.0%'],
    [0, 0, '-'],
  ])('percent(%i, %i) is %s', (count, of, want) => {
    expect(percent(count, of)).toBe(want);
  });

  it('aligns table columns left or right and trims trailing spaces', () => {
    expect(
      table(
        [
          ['a', 'bb', 'c'],
          ['ccc', 'd', ''],
        ],
        ['l', 'r', 'l'],
      ),
    ).toEqual(['  a    bb  c', '  ccc   d']);
  });

  it('wraps prose at word boundaries with an indent, keeping long words whole', () => {
    expect(wrapText('one two three four', '> ', 10)).toEqual(['> one two', '> three', '> four']);
    expect(wrapText('abcdefghijkl xy', '', 5)).toEqual(['abcdefghijkl', 'xy']);
    expect(wrapText('first\nsecond', '  ')).toEqual(['  first', '  second']);
  });
});
