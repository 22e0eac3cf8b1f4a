/**
 * The after-action report's strengths and areas for improvement on the page: worded from the engine's
 * findings (data) through `report_…` messages. In English each sentence is exactly the engine's own
 * (the exports' and the CLI's); in Simplified Chinese every kind of finding has a sentence of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  afterActionFindings,
  afterActionReport,
  checkReplay,
  findingText,
  loadScenario,
  parseReplay,
  REPORT_FINDING_KINDS,
  type ReportFinding,
  type ReportFindingKind,
  type Scenario,
  SIDES,
} from '../../src/engine';
import { lang } from '../../src/i18n/lang';
import { setLocale } from '../../src/i18n/paraglide/runtime.js';
import { reportOf } from '../../src/store/report-export';
import type { Run } from '../../src/store/run';
import { findingLine, findingsFor, planFindingLines, turnsText } from '../../src/ui/findings';
import type { GoldenFile } from '../golden/golden';
import { library, MINIMAL_PATH, ROOT, scenarioAt } from '../golden/scenarios';

const dir = join(ROOT, 'test/golden');
const goldens = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  .map((name) => ({ name, golden: JSON.parse(readFileSync(join(dir, name), 'utf8')) as GoldenFile }));

/** The scenario in Simplified Chinese (its overlay laid over it), as the page loads it in that language. */
function inChinese(path: string): Scenario {
  const overlay = path === MINIMAL_PATH ? 'test/fixtures/valid/zh-Hans/minimal.yaml' : path.replace(/^scenarios\//, 'scenarios/zh-Hans/');
  const loaded = loadScenario(readFileSync(join(ROOT, path), 'utf8'), path, library(), { text: readFileSync(join(ROOT, overlay), 'utf8'), file: overlay });
  if (loaded.scenario === null) throw new Error(`${path} does not load in Chinese`);
  return loaded.scenario;
}

/** A golden replay played to its end on `scenario`: the finished run as the page keeps it. */
function finished(scenario: Scenario, golden: GoldenFile, name: string): Run {
  const parsed = parseReplay(JSON.stringify(golden.replay), name);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.message}`);
  const checked = checkReplay(scenario, parsed.value);
  if (!checked.ok) throw new Error(`${name}: ${checked.error.message}`);
  const side = golden.mode === 'teams' ? 'both' : golden.mode;
  return { scenario, side, game: checked.value.state, lastRecord: null, pending: null, place: 'debrief', review: null };
}

/** Runs `body` with the page in Simplified Chinese, then back in English. */
function chinese<T>(body: () => T): T {
  setLocale('zh-Hans', { reload: false });
  try {
    return body();
  } finally {
    setLocale('en', { reload: false });
  }
}

const HAN = /\p{Script=Han}/u;
/** Latin words left once a sentence's untranslated data (request topics: scenario data with no overlay) is taken out; term ids such as T4 are not words. */
const englishWords = (sentence: string, data: readonly string[]): string[] => data.reduce((s, d) => s.split(d).join(' '), sentence).match(/[A-Za-z]{2,}/g) ?? [];
const untranslated = (f: ReportFinding): string[] => ('request' in f ? [f.request.topic] : []);

const term = { id: 'T4', name: 'Dialogue and hotline' } as const;
const rung = { id: 'targeted_sanctions', label: 'Targeted sanctions', n: 5, of: 7 };
const request = { id: 2, topic: '广东服务器入侵事件' };

/** Every kind of finding, with each wording it has (tone, quality, counts, sides, a turn the ledger lacks). */
const SAMPLES: Readonly<Record<ReportFindingKind, readonly ReportFinding[]>> = {
  ending: (['success', 'mixed', 'failure'] as const).flatMap((tone) => SIDES.map((side) => ({ kind: 'ending', side, tone, title: '悄悄达成的协议', text: '双方私下达成了谅解。' }) as const)),
  objective_met: [{ kind: 'objective_met', side: 'us', label: '避免升级', score: 80 }],
  objective_missed: [{ kind: 'objective_missed', side: 'cn', label: '保住面子', score: 35 }],
  term_strained: [
    { kind: 'term_strained', side: 'us', term, turns: [1, 2] },
    { kind: 'term_strained', side: 'cn', term, turns: [2, 5, 7] },
    { kind: 'term_strained', side: 'cn', term, turns: [4] },
  ],
  term_kept: [1, 2, 4].flatMap((times) => SIDES.map((side) => ({ kind: 'term_kept', side, term, times }) as const)),
  request_token: [
    { kind: 'request_token', side: 'cn', request, turn: 3 },
    { kind: 'request_token', side: 'us', request, turn: null },
  ],
  request_late: (['full', 'partial', 'token', null] as const).map((quality) => ({ kind: 'request_late', side: 'cn', request, turn: 5, due: 4, quality }) as const),
  request_never: [{ kind: 'request_never', side: 'us', request, due: 3 }],
  requests_on_time: [1, 3].flatMap((count) => SIDES.map((side) => ({ kind: 'requests_on_time', side, count }) as const)),
  rung_climbed: SIDES.map((side) => ({ kind: 'rung_climbed', side, rung, turn: 2 }) as const),
  rung_kept: SIDES.map((side) => ({ kind: 'rung_kept', side, rung: { id: 'formal_request', label: 'Formal request', n: 2, of: 7 } }) as const),
};
const samples = Object.values(SAMPLES).flat();

afterAll(() => expect(lang()).toBe('en'));

describe('findings on the page, in English', () => {
  it.each(goldens)('$name: each side’s strengths and areas for improvement read exactly as the engine’s', ({ name, golden }) => {
    const run = finished(scenarioAt(golden.scenario), golden, name);
    for (const side of SIDES) {
      const report = afterActionReport(run.scenario, run.game, side);
      const found = afterActionFindings(run.scenario, run.game, side);
      expect(found.strengths.map(findingLine)).toEqual(report.strengths);
      expect(found.improvements.map(findingLine)).toEqual(report.improvements);
    }
  });

  it.each(goldens)('$name: the report screen’s findings and improvement plan read as the exports’', ({ name, golden }) => {
    const r = reportOf(finished(scenarioAt(golden.scenario), golden, name), false);
    for (const report of [r.report, ...r.others]) {
      const found = findingsFor(r, report.overview.side);
      expect(found.strengths.map(findingLine)).toEqual(report.strengths);
      expect(found.improvements.map(findingLine)).toEqual(report.improvements);
    }
    expect(planFindingLines(r)).toEqual(r.plan.map((p) => p.finding));
  });

  it('every wording of every kind, including those no golden run reaches, is the engine’s sentence', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...REPORT_FINDING_KINDS].sort());
    for (const f of samples) expect(findingLine(f)).toBe(findingText(f));
    expect(turnsText([3])).toBe('turn 3');
    expect(turnsText([1, 2, 6])).toBe('turns 1, 2 and 6');
  });
});

describe('findings on the page, in Simplified Chinese', () => {
  it.each(REPORT_FINDING_KINDS)('%s has a Chinese sentence for each of its wordings', (kind) => {
    const lines = chinese(() => SAMPLES[kind].map(findingLine));
    expect(new Set(lines).size).toBe(lines.length);
    for (const [i, line] of lines.entries()) {
      expect(line).toMatch(HAN);
      expect(englishWords(line, untranslated(SAMPLES[kind][i] as ReportFinding)), line).toEqual([]);
    }
  });

  it('a list of turns reads in Chinese', () => {
    expect(chinese(() => [turnsText([3]), turnsText([1, 2, 6])])).toEqual(['第 3 回合', '第 1、2 和 6 回合']);
  });

  it.each(goldens)('$name played in Chinese: the findings and the improvement plan read in Chinese', ({ name, golden }) => {
    const r = reportOf(finished(inChinese(golden.scenario), golden, name), false);
    const { lines, plan } = chinese(() => ({
      lines: [r.report, ...r.others].flatMap((report) => {
        const found = findingsFor(r, report.overview.side);
        return [...found.strengths, ...found.improvements].map((f) => ({ f, line: findingLine(f) }));
      }),
      plan: planFindingLines(r),
    }));
    expect(lines.length).toBeGreaterThan(0);
    for (const { f, line } of lines) {
      expect(line).toMatch(HAN);
      expect(englishWords(line, untranslated(f)), line).toEqual([]);
    }
    expect(plan).toHaveLength(r.plan.length);
    for (const line of plan) expect(line).toMatch(HAN);
  });
});
