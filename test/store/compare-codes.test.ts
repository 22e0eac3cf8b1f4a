/**
 * The class comparison's other inputs (issue 17): replay codes or links pasted one a line with the
 * groups' names, the class server's one download with every group's replay (issue 9), and replay
 * files the debrief named for a group.
 */
import { describe, expect, it } from 'vitest';
import { encodeReplayCode, parseReplay, recordReplay, stringifyReplay } from '../../src/engine';
import { CLASS_BUNDLE_FORMAT, compareFiles, expandClassBundles, filesFromCodes, groupName } from '../../src/store/compare-files';
import type { Run } from '../../src/store/run';
import { finishedRun, fixtureCatalog } from './helpers';

function codeOf(run: Run): { code: string; replay: string } {
  const file = recordReplay(run.scenario, run.game);
  if (!file.ok) throw new Error(file.error.message);
  const code = encodeReplayCode(file.value, run.scenario);
  if (!code.ok) throw new Error(code.error.message);
  return { code: code.value, replay: stringifyReplay(file.value) };
}

describe('pasted replay codes', () => {
  const north = codeOf(finishedRun('CODE', () => 0));
  const south = codeOf(finishedRun('CODE', () => 1));
  const catalog = fixtureCatalog();

  it('reads named codes, a bare code and a whole link, each as its group’s replay file', () => {
    const read = filesFromCodes(`North: ${north.code}\n\n\thttps://example.org/game/?replay=${south.code}&x=1\nSouth East - ${south.code}\n`, catalog);
    expect(read.problems).toEqual([]);
    expect(read.files.map((f) => groupName(f.fileName))).toEqual(['North', 'Group 2', 'South East']);
    expect(read.files[0]?.text).toBe(north.replay);
    expect(read.files[1]?.text).toBe(south.replay);
    const compared = compareFiles(read.files, catalog);
    expect(compared.ok && compared.value.groups.map((g) => g.name)).toEqual(['North', 'Group 2', 'South East']);
  });

  it('names the line and group of a code it cannot read, and reads the others', () => {
    const broken = `${north.code.slice(0, -1)}${north.code.endsWith('A') ? 'B' : 'A'}`;
    const read = filesFromCodes(`North: ${north.code}\nWest: ${broken}\nnot a code at all`, catalog);
    expect(read.files.map((f) => groupName(f.fileName))).toEqual(['North']);
    expect(read.problems).toHaveLength(2);
    expect(read.problems[0]).toMatch(/^Line 2 \(West\): .*checksum/);
    expect(read.problems[1]).toMatch(/^Line 3 \(Group 3\): /);
  });

  it('a class download is one file per group, named by its group, and compares as such', () => {
    const bundle = JSON.stringify({
      format: CLASS_BUNDLE_FORMAT,
      groups: [
        { name: 'Group 1', replay: JSON.parse(north.replay) },
        { name: 'Group 2', replay: JSON.parse(south.replay) },
      ],
    });
    const files = expandClassBundles([{ fileName: 'red-phone-class-minimal-ABC234.json', text: bundle }]);
    expect(files.map((f) => groupName(f.fileName))).toEqual(['Group 1', 'Group 2']);
    expect(files.every((f) => parseReplay(f.text, f.fileName).ok)).toBe(true);
    const compared = compareFiles([{ fileName: 'class.json', text: bundle }], catalog);
    expect(compared.ok && compared.value.groups.map((g) => g.name)).toEqual(['Group 1', 'Group 2']);
  });

  it('a file the debrief named for a group is shown by the group’s name, and other names are kept whole', () => {
    expect(groupName('/tmp/North team--red-phone-ip-theft-K7QM.json')).toBe('North team');
    expect(groupName('red-phone-ip-theft-K7QM.json')).toBe('red-phone-ip-theft-K7QM');
    expect(groupName('east.json')).toBe('east');
  });
});
