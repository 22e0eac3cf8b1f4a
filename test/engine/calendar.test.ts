import { describe, expect, it } from 'vitest';
import { addDays, civilFromDays, daysFromCivil, formatLongDate, parseIsoDate } from '../../src/engine/rules/calendar';

describe('calendar: whole-day arithmetic without Date', () => {
  const known: [string, number][] = [
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-03-01', 11017],
    ['2001-04-01', 11413],
    ['2015-09-25', 16703],
    ['2016-12-07', 17142],
    ['1600-01-01', -135140],
  ];
  it.each(known)('%s is day %i', (iso, days) => {
    expect(parseIsoDate(iso)).toBe(days);
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    expect(daysFromCivil(y, m, d)).toBe(days);
    expect(civilFromDays(days)).toEqual({ y, m, d });
  });

  const leap: [string, boolean][] = [
    ['2016-02-29', true],
    ['2015-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2100-02-29', false],
    ['2400-02-29', true],
  ];
  it.each(leap)('%s is a real date: %s', (iso, real) => {
    expect(parseIsoDate(iso) !== null).toBe(real);
  });

  const invalid = ['2015-13-01', '2015-00-10', '2015-04-31', '2015-06-00', '2015-9-25', '25/09/2015', '', '2015-09-25T00:00'];
  it.each(invalid)('%j is not a date', (iso) => {
    expect(parseIsoDate(iso)).toBeNull();
  });

  const sums: [string, number, string][] = [
    ['2015-10-12', 0, '2015-10-12'],
    ['2015-10-12', 7, '2015-10-19'],
    ['2015-12-28', 7, '2016-01-04'],
    ['2016-02-22', 7, '2016-02-29'],
    ['2016-02-29', 1, '2016-03-01'],
    ['2015-02-28', 1, '2015-03-01'],
    ['2015-09-25', 366, '2016-09-25'],
    ['2015-09-25', 365 * 4 + 1, '2019-09-25'],
    ['2016-01-04', -7, '2015-12-28'],
    ['2001-04-01', 60 * 7, '2002-05-26'],
  ];
  it.each(sums)('addDays(%s, %i) = %s', (start, offset, expected) => {
    expect(addDays(start, offset)).toBe(expected);
  });

  it('addDays refuses a date that does not exist', () => {
    expect(() => addDays('2015-02-30', 1)).toThrow('calendar: bad date 2015-02-30');
  });

  it('every day of four years round-trips through its day count', () => {
    const start = daysFromCivil(2015, 1, 1);
    for (let z = start; z < start + 4 * 366; z++) {
      const c = civilFromDays(z);
      expect(daysFromCivil(c.y, c.m, c.d)).toBe(z);
    }
  });
});

describe('calendar: long dates', () => {
  const table: [string, string][] = [
    ['2015-09-25', '25 September 2015'],
    ['2015-10-02', '2 October 2015'],
    ['2001-04-01', '1 April 2001'],
    ['2016-12-31', '31 December 2016'],
    ['not a date', 'not a date'],
  ];
  it.each(table)('formatLongDate(%j) = %j', (iso, text) => {
    expect(formatLongDate(iso)).toBe(text);
  });
});
