/**
 * The after-action report's strengths and areas for improvement in the page's language: each finding
 * (data from the engine, src/engine/report/after-action-findings.ts) worded as one whole sentence by a
 * `report_…` message. In English every sentence is exactly the engine's own (findingText), which the
 * exports and the CLI use. Side names, term names and rung names follow the page's language; the
 * scenario's texts (objective labels, the ending) arrive in it already.
 */
import type { FindingLists, ReportFinding, Side } from '../engine';
import { m, rungText, termName } from '../i18n/lang';
import type { PlanFinding, RunReport } from '../store/report-export';
import { sideName } from './format';

/** "turn 3", "turns 1, 2 and 4": the turns a finding names. */
export function turnsText(turns: readonly number[]): string {
  if (turns.length === 1) return m.report_turns_one({ turn: turns[0] ?? '' });
  return m.report_turns_many({ turns: turns.slice(0, -1).join(m.report_turns_sep()), last: turns[turns.length - 1] ?? '' });
}

const turnOf = (turn: number | null): number | string => turn ?? '?';

/** One finding as a sentence in the page's language. */
export function findingLine(f: ReportFinding): string {
  const side = f.side;
  const name = sideName(side);
  switch (f.kind) {
    case 'ending':
      return m.report_ending({ tone: f.tone, side, name, title: f.title, text: f.text });
    case 'objective_met':
      return m.report_objective_met({ label: f.label, score: f.score });
    case 'objective_missed':
      return m.report_objective_missed({ label: f.label, score: f.score });
    case 'term_strained':
      return m.report_term_strained({ side, name, id: f.term.id, term: termName(f.term), count: f.turns.length, turns: turnsText(f.turns) });
    case 'term_kept':
      return m.report_term_kept({ side, name, id: f.term.id, term: termName(f.term), count: f.times });
    case 'request_token':
      return m.report_request_token({ request: f.request.id, topic: f.request.topic, turn: turnOf(f.turn) });
    case 'request_late':
      return m.report_request_late({ request: f.request.id, topic: f.request.topic, turn: turnOf(f.turn), due: f.due, quality: f.quality ?? 'none' });
    case 'request_never':
      return m.report_request_never({ request: f.request.id, topic: f.request.topic, due: f.due });
    case 'requests_on_time':
      return m.report_requests_on_time({ side, name, count: f.count });
    case 'rung_climbed':
      return m.report_rung_climbed({ side, name, rung: rungText(f.rung), n: f.rung.n, of: f.rung.of, turn: f.turn });
    case 'rung_kept':
      return m.report_rung_kept({ side, name, rung: rungText(f.rung), n: f.rung.n, of: f.rung.of });
  }
}

/** An area for improvement of the improvement plan: its finding, named with its side in a two-team run. */
export function planFindingLine(p: PlanFinding): string {
  return p.side === null ? findingLine(p.finding) : m.report_plan_finding({ side: sideName(p.side), finding: findingLine(p.finding) });
}

const NO_FINDINGS: FindingLists = { strengths: [], improvements: [] };

/** A reported side's findings as data (none for a side the report does not cover). */
export const findingsFor = (r: Pick<RunReport, 'findings'>, side: Side): FindingLists => r.findings[side] ?? NO_FINDINGS;

/** The improvement plan's areas for improvement in the page's language, line for line. */
export const planFindingLines = (r: Pick<RunReport, 'planFindings'>): string[] => r.planFindings.map(planFindingLine);
