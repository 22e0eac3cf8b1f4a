/**
 * The improvement plan (issue 12): each area for improvement of the after-action report gets a
 * corrective action, an owner and a due date typed in the hot wash; they are saved with the run,
 * come back after a reload, and are exported in Markdown, JSON and CSV (formula-neutralised).
 */
import { describe, expect, it } from 'vitest';
import { legalOptions } from '../../src/engine';
import { persistRun, restoreRun } from '../../src/store/persist';
import { EMPTY_ENTRY, PLAN_LIMITS, type PlanEntry, planFromSettings, planSettings, withPlanField } from '../../src/store/plan';
import { reportCsv, reportJson, reportMarkdown, reportOf } from '../../src/store/report-export';
import type { SessionStore } from '../../src/store/session';
import { memoryStorage, SAVE_KEY } from '../../src/store/storage';
import { extrasFromSettings, extrasProblem, extrasSettings } from '../../src/store/trainee';
import { parseCsv } from '../engine/after-action-csv-parse';
import { fixtureCatalog, session } from './helpers';

/** Plays the minimal fixture as the United States to its end (naming China: the showdown), then opens the hot wash. */
function finished(store: SessionStore): void {
  store.getState().chooseScenario('minimal');
  store.getState().startRun();
  for (let i = 0; i < 20 && store.getState().run?.game.ending === null; i++) {
    const s = store.getState();
    const run = s.run;
    if (run === null) throw new Error('no run');
    if (s.screen === 'briefing') s.continueFromBriefing();
    else if (s.screen === 'outcome') s.continueFromOutcome();
    else {
      const offered = legalOptions(run.scenario, run.game, 'us').map((o) => o.id);
      s.choose('us', offered.includes('go_public') ? 'go_public' : (offered[0] as string));
    }
  }
  if (store.getState().screen === 'outcome') store.getState().continueFromOutcome();
  store.getState().showPanel('hot-wash');
}

describe('improvement plan: the save settings', () => {
  it('round-trips every entry, with empty entries kept in place and text that looks like the encoding', () => {
    const plan: PlanEntry[] = [
      { action: 'Answer requests within 48 hours', owner: 'Desk officer', due: '2026-12-18' },
      EMPTY_ENTRY,
      { action: '3.4:tricky | text', owner: '12.3:', due: '' },
      { action: 'x'.repeat(PLAN_LIMITS.action), owner: 'o'.repeat(PLAN_LIMITS.owner), due: 'd'.repeat(PLAN_LIMITS.due) },
      { action: '', owner: 'Only an owner', due: '' },
    ];
    const settings = planSettings(plan);
    expect(Object.keys(settings)).toEqual(['plan.0', 'plan.2', 'plan.3', 'plan.3.1', 'plan.3.2', 'plan.4']);
    for (const v of Object.values(settings)) expect(v.length).toBeLessThanOrEqual(200);
    expect(planFromSettings(settings)).toEqual(plan);
    expect(extrasFromSettings(extrasSettings({ branches: [], notes: ['a note'], plan }))).toEqual({ branches: [], notes: ['a note'], plan });
  });

  it('cuts each field to its limit, drops trailing empty entries and ignores malformed keys', () => {
    let plan = withPlanField(undefined, 2, 'owner', 'w'.repeat(500));
    expect(plan).toEqual([EMPTY_ENTRY, EMPTY_ENTRY, { ...EMPTY_ENTRY, owner: 'w'.repeat(PLAN_LIMITS.owner) }]);
    plan = withPlanField(plan, 2, 'owner', '');
    expect(plan).toEqual([]);
    expect(planFromSettings({ 'plan.0': 'no prefix', 'plan.1': '99.0:short', 'plan.2': 7, 'plan.3': '2.0:AB', 'plan.4': '2.1:AB' })).toEqual([
      EMPTY_ENTRY,
      EMPTY_ENTRY,
      EMPTY_ENTRY,
      { due: 'AB', owner: '', action: '' },
    ]);
    expect(extrasFromSettings({ 'plan.0': 'garbage' })).toBeUndefined();
  });
});

describe('improvement plan: in the store', () => {
  it('is typed in the hot wash, saved with the run and restored after a reload', () => {
    const storage = memoryStorage();
    const store = session(storage);
    finished(store);
    expect(store.getState().screen).toBe('hot-wash');
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    const improvements = reportOf(run, false).report.improvements;
    expect(improvements.length).toBeGreaterThan(1);
    store.getState().setPlan(0, 'action', 'Rehearse the hotline call, with a script');
    store.getState().setPlan(0, 'owner', 'Ms Li, desk officer');
    store.getState().setPlan(0, 'due', '2026-12-18');
    store.getState().setPlan(1, 'action', '=HYPERLINK("http://x","y")');
    expect(store.getState().notice).toBeNull();
    const restored = restoreRun(storage, fixtureCatalog());
    if (restored.kind !== 'ok') throw new Error(restored.kind);
    expect(restored.run.extras?.plan).toEqual([
      { action: 'Rehearse the hotline call, with a script', owner: 'Ms Li, desk officer', due: '2026-12-18' },
      { action: '=HYPERLINK("http://x","y")', owner: '', due: '' },
    ]);
    const r = reportOf(restored.run, false);
    expect(r.plan.map((p) => p.finding)).toEqual(improvements);
    expect(r.plan[0]).toEqual({ finding: improvements[0], action: 'Rehearse the hotline call, with a script', owner: 'Ms Li, desk officer', due: '2026-12-18' });

    const md = reportMarkdown(r);
    expect(md).toContain('## Improvement plan');
    expect(md).toContain('| 1 | ');
    expect(md).toContain('| Rehearse the hotline call, with a script | Ms Li, desk officer | 2026-12-18 |');
    expect(md).toContain('(to be agreed)');

    const json = JSON.parse(reportJson(r)) as { improvementPlan: unknown[] };
    expect(json.improvementPlan).toEqual(r.plan);

    const rows = parseCsv(reportCsv(r));
    const header = rows[0] as string[];
    const plan = rows.filter((row) => row[header.indexOf('kind')] === 'plan');
    expect(plan).toHaveLength(improvements.length);
    const col = (row: string[] | undefined, name: string): string | undefined => row?.[header.indexOf(name)];
    expect(col(plan[0], 'id')).toBe('improvement-1');
    expect(col(plan[0], 'label')).toBe(improvements[0]);
    expect(col(plan[0], 'text')).toBe('Rehearse the hotline call, with a script');
    expect(col(plan[0], 'by')).toBe('Ms Li, desk officer');
    expect(col(plan[0], 'date')).toBe('2026-12-18');
    expect(col(plan[1], 'text')).toBe(`'=HYPERLINK("http://x","y")`);
  });

  it('refuses an entry out of range or before the run has ended, and changes nothing', () => {
    const storage = memoryStorage();
    const store = session(storage);
    store.getState().chooseScenario('minimal');
    store.getState().startRun();
    store.getState().setPlan(0, 'action', 'too early');
    expect(store.getState().run?.extras?.plan).toBeUndefined();
    finished(store);
    const n = reportOf(store.getState().run as NonNullable<ReturnType<typeof store.getState>['run']>, false).report.improvements.length;
    const before = storage.getItem(SAVE_KEY);
    store.getState().setPlan(n, 'action', 'no such finding');
    store.getState().setPlan(-1, 'owner', 'nobody');
    expect(store.getState().run?.extras?.plan).toBeUndefined();
    expect(storage.getItem(SAVE_KEY)).toBe(before);
  });

  it('an entry that would not fit in the save is refused with a message, and the save stays as it was', () => {
    const storage = memoryStorage();
    const store = session(storage);
    finished(store);
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    const branches = Array.from({ length: 8 }, (_, i) => ({ rewoundTo: i, code: `RP1.${'B'.repeat(1390)}` }));
    expect(extrasProblem({ notes: [], branches })).toBeNull();
    store.setState({ run: { ...run, extras: { notes: [], branches } } });
    expect(persistRun(storage, store.getState().run as typeof run, 'hot-wash').ok).toBe(true);
    const before = storage.getItem(SAVE_KEY);
    store.getState().setPlan(0, 'action', 'a'.repeat(PLAN_LIMITS.action));
    expect(store.getState().notice?.kind).toBe('refused');
    expect(store.getState().notice?.message).toMatch(/^Improvement plan 1 not kept: the notes, improvement plan and branches of this run would need \d+ save values/);
    expect(store.getState().run?.extras?.plan).toBeUndefined();
    expect(storage.getItem(SAVE_KEY)).toBe(before);
  });
});
