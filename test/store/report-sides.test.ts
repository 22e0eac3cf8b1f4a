/** The after-action report of a two-team run covers both sides: China's verdict, objectives, findings and plan lines. */
import { describe, expect, it } from 'vitest';
import { legalOptions } from '../../src/engine';
import { improvementCount, reportJson, reportMarkdown, reportOf } from '../../src/store/report-export';
import { session } from './helpers';

function twoTeamsToTheEnd() {
  const store = session();
  store.getState().openLink('?scenario=minimal&seed=K7Q3&side=both');
  for (let i = 0; i < 40 && store.getState().run?.game.ending === null; i++) {
    const s = store.getState();
    const run = s.run;
    if (run === null) throw new Error('no run');
    if (s.screen === 'briefing') s.continueFromBriefing();
    else if (s.screen === 'outcome') s.continueFromOutcome();
    else if (s.screen === 'turn') {
      const us = legalOptions(run.scenario, run.game, 'us').map((o) => o.id);
      const cn = legalOptions(run.scenario, run.game, 'cn').map((o) => o.id);
      s.choose('us', us.includes('go_public') ? 'go_public' : (us[0] as string));
      if (store.getState().screen === 'turn') store.getState().handOver();
      if (store.getState().screen === 'turn') store.getState().choose('cn', cn.includes('deny') ? 'deny' : (cn[0] as string));
    }
  }
  const run = store.getState().run;
  if (run === null || run.game.ending === null) throw new Error('the two-team run did not end');
  return run;
}

describe('the after-action report of a two-team run', () => {
  const run = twoTeamsToTheEnd();
  const r = reportOf(run, true);

  it('reports the United States first and China beside it, each with its own verdict', () => {
    expect(r.report.overview.side).toBe('us');
    expect(r.others.map((o) => o.overview.side)).toEqual(['cn']);
    const ending = run.scenario.endings.find((e) => e.id === run.game.ending);
    expect(r.others[0]?.overview.sides.find((s) => s.side === 'cn')?.tone).toBe(ending?.tone.cn);
  });

  it('plans every side\u2019s areas for improvement, each named with its side', () => {
    const cnFindings = r.others[0]?.improvements ?? [];
    expect(r.plan.length).toBe(r.report.improvements.length + cnFindings.length);
    expect(improvementCount(run)).toBe(r.plan.length);
    for (const line of r.plan) expect(line.finding).toMatch(/^(United States|China): /);
  });

  it('writes China\u2019s section into the Markdown and the JSON', () => {
    const md = reportMarkdown(r);
    expect(md).toContain('## The same run for China');
    expect(md).toContain('Outcome for China: ');
    const json = JSON.parse(reportJson(r)) as { otherSides?: { side: string; objectives: unknown[] }[] };
    expect(json.otherSides?.map((o) => o.side)).toEqual(['cn']);
  });

  it('a one-side run reports that side alone', () => {
    const one = reportOf({ ...run, side: 'cn' }, true);
    expect(one.report.overview.side).toBe('cn');
    expect(one.others).toEqual([]);
    expect(one.plan.every((p) => !/^(United States|China): /.test(p.finding))).toBe(true);
  });
});
