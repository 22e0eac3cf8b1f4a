/** The words a designer reads: each kind of problem, in one line, naming the thing and the fix. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary, loadScenario } from '../../src/engine/check/load';
import { formatDiagnostic } from '../../src/engine/format/diagnostics';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const shared = loadLibrary(read('scenarios/terms.yaml'), read('scenarios/ladder.yaml'), read('scenarios/facts.yaml')).library;
if (shared === null) throw new Error('the shared library does not load');
const library = shared;
const minimal = read('test/fixtures/valid/minimal.yaml');

function lineOf(needle: string): number {
  return minimal.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

const cases: [string, string, string, string][] = [
  ['a missing field', 'maxTurns: 4\n', '', `m.yaml:2:1  schema/missing-field  the field "maxTurns" is missing`],
  [
    'an unknown field with no near name, listing the fields',
    'teams: true',
    'teams: true\nzzz: 1',
    `m.yaml:${lineOf('teams: true') + 1}:1  schema/unknown-field  "zzz" is not a field here (the fields here are: format, id, title, summary, invented, author, version, difficulty, sides, teams, lead, calendar, maxTurns, start, timeout, prologue, briefing, indicators, flags, beats, injects, endings, objectives, questions, history, justified)`,
  ],
  ['a wrong type', 'teams: true', 'teams: "yes"', `m.yaml:${lineOf('teams: true')}:8  schema/wrong-type  expected true or false, found the text "yes" at teams`],
  [
    'a per-side text of the wrong kind',
    'briefing: A company reports stolen designs.',
    'briefing: 5',
    `m.yaml:${lineOf('briefing:')}:11  schema/wrong-type  expected either one text for both sides, or { us: …, cn: … }; each may be a list of variants, found the number 5 at briefing`,
  ],
  ['a number out of range', 'maxTurns: 4', 'maxTurns: 99', `m.yaml:${lineOf('maxTurns: 4')}:11  schema/out-of-range  the number 99 is too large: the most is 60 at maxTurns`],
  ['a forbidden key', 'teams: true', 'teams: true\nprototype: 1', `m.yaml:${lineOf('teams: true') + 1}:1  yaml/forbidden-key  the key "prototype" is not allowed anywhere in a scenario file`],
  ['an unknown beat', 'next: response', 'next: respons', `m.yaml:${lineOf('next: response')}:11  scenario/unknown-beat  no beat or ending "respons" at beats[0].next (did you mean "response"?)`],
];

describe('problem messages', () => {
  it.each(cases)('%s', (_name, from, to, expected) => {
    const text = to === '' ? minimal.replace(from, '') : minimal.replace(from, to);
    expect(text).not.toBe(minimal);
    const lines = loadScenario(text, 'm.yaml', library).diagnostics.map(formatDiagnostic);
    expect(lines).toContain(expected);
  });
});
