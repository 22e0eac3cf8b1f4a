/**
 * CSV exports never hand a spreadsheet a formula (issue 10; OWASP "CSV Injection"): every text cell
 * that starts with =, +, -, @, a tab or a carriage return is written with a leading ', in the
 * after-action timeline and in the class comparison. Nothing is opened: each exported cell is read
 * back and checked.
 */
import { describe, expect, it } from 'vitest';
import { afterActionCsv, afterActionReport, csvField, recordReplay, resolveTurn, type Scenario, start } from '../../src/engine';
import { compareCsv, compareRuns } from '../../src/sim';
import { applySteps } from '../golden/policy';
import { minimalText, scenarioFromText } from '../golden/scenarios';
import { parseCsv } from './after-action-csv-parse';

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** The cells a spreadsheet would run: text (not a plain number) starting with a formula character. */
function formulaCells(csv: string): string[] {
  return parseCsv(csv)
    .flat()
    .filter((cell) => FORMULA.test(cell) && !NUMBER.test(cell));
}

const hostile = (): Scenario =>
  scenarioFromText(
    minimalText()
      .replace('label: Ask for assistance', 'label: "=HYPERLINK(\\"http://evil.example\\",\\"help\\")"')
      .replace('text: Beijing opens a case.', 'text: "@SUM(1+1)*cmd|\' /C calc\'!A0"')
      .replace('text: Send a formal request for assistance.', 'text: "+1+1"')
      .replace('title: The breach', 'title: "-2+3"'),
    'hostile.yaml',
  );

describe('csvField', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\r=x', `"'\r=x"`],
    ['=a,b', `"'=a,b"`],
    ['a=b', 'a=b'],
  ])('%j is written %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('numbers stay numbers, a negative one included', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField(12.5)).toBe('12.5');
  });
});

describe('every exported cell', () => {
  it('the after-action timeline holds no formula, and the text is still there after the quote', () => {
    const scenario = hostile();
    const state = applySteps(start(scenario, 'K7Q3', { us: 'people', cn: 'model' }), [(s) => resolveTurn(scenario, s, { us: 'request_help', force: { us: 'helped' } })]);
    const csv = afterActionCsv(afterActionReport(scenario, state, 'us'));
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain(`'@SUM(1+1)`);
    expect(formulaCells(csv)).toEqual([]);
  });

  it('the class comparison holds no formula, whatever the groups are called', () => {
    const scenario = hostile();
    const replay = (seed: string) => {
      const state = applySteps(start(scenario, seed, { us: 'people', cn: 'model' }), [(s) => resolveTurn(scenario, s, { us: 'request_help', force: { us: 'helped' } })]);
      const r = recordReplay(scenario, state);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const names = ['=cmd|"/C calc"!A0', '+group', '-group', '@group', '\tgroup', '\rgroup'];
    const model = compareRuns(
      scenario,
      names.map((name) => ({ name, file: replay('K7Q3') })),
    );
    if (!model.ok) throw new Error(model.error.message);
    const csv = compareCsv(model.value);
    expect(csv).toContain(`'+group`);
    expect(formulaCells(csv)).toEqual([]);
  });
});
