import { describe, expect, it } from 'vitest';
import { recordReplay, stringifyReplay } from '../../src/engine/replay';
import { addFiles, compareFiles, groupName } from '../../src/store/compare-files';
import { reportCsv, reportFileName, reportJson, reportMarkdown, reportOf } from '../../src/store/report-export';
import type { Run } from '../../src/store/run';
import { finishedRun, fixtureCatalog } from './helpers';

function replayOf(run: Run): string {
  const file = recordReplay(run.scenario, run.game);
  if (!file.ok) throw new Error(file.error.message);
  return stringifyReplay(file.value);
}

describe('report downloads with hot-wash notes', () => {
  const run = finishedRun('AAR1', () => 0);
  const withNotes: Run = { ...run, extras: { branches: [], notes: ['They said "wait", then | acted.'] } };
  const r = reportOf(withNotes, true);

  it('Markdown ends with the hot-wash section, each question with its notes quoted', () => {
    const md = reportMarkdown(r);
    expect(md.startsWith('# After-action report: ')).toBe(true);
    expect(md).toContain('## Hot wash notes\n\n1. Was asking for help worth the wait?\n\n   > They said "wait", then \\| acted.');
    expect(reportMarkdown(reportOf(run, true))).toContain('   (no notes)');
  });

  it('JSON keeps the engine report and adds hotWash', () => {
    const data = JSON.parse(reportJson(r)) as { format: string; questions: string[]; hotWash: unknown };
    expect(data.format).toBe('red-phone/after-action@1');
    expect(data.hotWash).toEqual([{ question: 'Was asking for help worth the wait?', notes: 'They said "wait", then | acted.' }]);
  });

  it('CSV has the timeline, then a note row per question, then the plan rows', () => {
    const rows = reportCsv(r)
      .split('\r\n')
      .filter((l) => l !== '');
    expect(rows[0]).toBe('turn,date,kind,side,by,id,label,rung,uses,strains,outcome,text,chance_percent,draw,facilitator');
    expect(rows.filter((l) => l.split(',')[2] === 'note')).toEqual([',,note,,,question-1,Was asking for help worth the wait?,,,,,"They said ""wait"", then | acted.",,,']);
    expect(rows.filter((l) => l.split(',')[2] === 'plan').length).toBe(r.plan.length);
    expect(rows.findIndex((l) => l.split(',')[2] === 'note')).toBeLessThan(rows.findIndex((l) => l.split(',')[2] === 'plan'));
    expect(rows.filter((l) => l.split(',')[2] === 'move').length).toBe(r.report.timeline.filter((e) => e.kind === 'move').length);
  });

  it('odds are left out when the setting hides them, and file names are safe', () => {
    expect(reportOf(run, false).report.timeline.every((e) => e.chanceBp === null)).toBe(true);
    expect(reportFileName(run, 'csv')).toBe('red-phone-report-minimal-AAR1.csv');
  });
});

describe('class comparison files', () => {
  const catalog = fixtureCatalog();
  const a = replayOf(finishedRun('CLSS', () => 0));
  const b = replayOf(finishedRun('CLSS', (t) => (t === 0 ? 0 : 1)));
  const c = replayOf(finishedRun('CLSS', () => 1));
  const other = replayOf(finishedRun('ZZZZ', () => 0));

  it('compares groups of one scenario and seed, named after their files', () => {
    const result = compareFiles(
      [
        { fileName: 'north.json', text: a },
        { fileName: 'dir/south.json', text: b },
        { fileName: 'east.JSON', text: c },
      ],
      catalog,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.value.groups.map((g) => g.name)).toEqual(['north', 'south', 'east']);
    expect(result.value.firstDivergence).toBe(1);
  });

  it('refuses mixed seeds, a file that is not a replay, and fewer than two files, naming the files', () => {
    const mixed = compareFiles(
      [
        { fileName: 'north.json', text: a },
        { fileName: 'west.json', text: other },
      ],
      catalog,
    );
    expect(mixed).toEqual({
      ok: false,
      message: 'These files were played on different seeds (north.json: seed CLSS; west.json: seed ZZZZ). Compare the groups of one scenario and one seed.',
    });
    const broken = compareFiles(
      [
        { fileName: 'north.json', text: a },
        { fileName: 'notes.txt', text: 'hello' },
      ],
      catalog,
    );
    expect(broken.ok === false && broken.message.startsWith('Not a replay file that can be read: notes.txt (')).toBe(true);
    expect(compareFiles([{ fileName: 'north.json', text: a }], catalog).ok).toBe(false);
  });

  it('adding a file of the same name replaces it; group names drop the folder and .json', () => {
    const list = addFiles(
      [
        { fileName: 'a.json', text: '1' },
        { fileName: 'b.json', text: '2' },
      ],
      [
        { fileName: 'a.json', text: '3' },
        { fileName: 'c.json', text: '4' },
      ],
    );
    expect(list.map((f) => `${f.fileName}=${f.text}`)).toEqual(['a.json=3', 'b.json=2', 'c.json=4']);
    expect(groupName('C:\\class\\group 1.json')).toBe('group 1');
  });
});
