/**
 * The after-action report of a run with the facilitator's hot-wash notes, and its three downloads:
 * Markdown, JSON and CSV. The report itself is the engine's (src/engine/report/after-action.ts); this file
 * adds the notes, which live with the run, not in the game.
 */
import {
  AFTER_ACTION_CSV_HEADER,
  type AfterActionReport,
  afterActionCsv,
  afterActionFindings,
  afterActionJson,
  afterActionMarkdown,
  afterActionReport,
  type FindingLists,
  markdownText,
  type ReportFinding,
  SIDE_NAMES,
  type Side,
  toCsv,
} from '../engine';
import type { Run } from './run';

export { percentOfBp } from '../engine';

import { EMPTY_ENTRY } from './plan';
import { extrasOf } from './trainee';

export interface HotWashNote {
  readonly question: string;
  readonly notes: string;
}

/** One row of the improvement plan: an area for improvement of the report and what was agreed at the hot wash. */
export interface PlanLine {
  readonly finding: string;
  readonly action: string;
  readonly owner: string;
  readonly due: string;
}

/** What a line of the improvement plan is about, as data: its finding, and its side in a two-team run (null otherwise). */
export interface PlanFinding {
  readonly side: Side | null;
  readonly finding: ReportFinding;
}

export interface RunReport {
  /** The report for the first side people played (the United States in a two-team run). */
  readonly report: AfterActionReport;
  /** The same run for the other side people played (China in a two-team run): its verdict, objectives and findings. */
  readonly others: readonly AfterActionReport[];
  readonly hotWash: readonly HotWashNote[];
  /** One line per area for improvement, in the report's order. */
  readonly plan: readonly PlanLine[];
  /**
   * Each reported side's strengths and areas for improvement as data, for the page to word in its
   * language (the reports' sentences are these findings in English, in the same order).
   */
  readonly findings: Readonly<Partial<Record<Side, FindingLists>>>;
  /** What each line of `plan` is about, as data, line for line. */
  readonly planFindings: readonly PlanFinding[];
}

/**
 * The report of a run, odds as the setting says: for the side people played, or in a two-team run for
 * both (the United States first, China in `others`). The improvement plan covers every side's areas for
 * improvement, each named with its side in a two-team run.
 */
export function reportOf(run: Run, revealOdds: boolean): RunReport {
  const sides: readonly Side[] = run.side === 'both' ? ['us', 'cn'] : [run.side];
  const [report, ...others] = sides.map((side) => afterActionReport(run.scenario, run.game, side, { revealOdds })) as [AfterActionReport, ...AfterActionReport[]];
  const extras = extrasOf(run);
  const notes = extras.notes;
  const findings = [report, ...others].flatMap((r) => r.improvements.map((t) => (others.length === 0 ? t : `${SIDE_NAMES[r.overview.side]}: ${t}`)));
  const plan = findings.map((finding, i) => ({ finding, ...(extras.plan?.[i] ?? EMPTY_ENTRY) }));
  const found = sides.map((side) => [side, afterActionFindings(run.scenario, run.game, side)] as const);
  const planFindings = found.flatMap(([side, f]) => f.improvements.map((finding) => ({ side: others.length === 0 ? null : side, finding })));
  return { report, others, hotWash: report.questions.map((question, i) => ({ question, notes: notes[i] ?? '' })), plan, findings: Object.fromEntries(found), planFindings };
}

/** How many areas for improvement the report of `run` lists, for every side played (the rows of its improvement plan). */
export const improvementCount = (run: Run): number => reportOf(run, false).plan.length;

/** Another side's verdict, objectives and findings, as a Markdown section. */
function otherSideMarkdown(o: AfterActionReport): string[] {
  const name = SIDE_NAMES[o.overview.side];
  const tone = o.overview.sides.find((s) => s.side === o.overview.side)?.tone;
  const lines = [`## The same run for ${name}`, '', `Outcome for ${name}: ${tone ?? 'not reached'}.`, ''];
  lines.push('| Objective | Met | Score |', '|---|---|---|');
  for (const b of o.objectives.filter((x) => x.side === o.overview.side)) lines.push(`| ${markdownText(b.label)} | ${b.met ? 'met' : 'not met'} | ${b.score} / 100 |`);
  lines.push('', '### Strengths', '', ...(o.strengths.length === 0 ? ['None stood out in the data.'] : o.strengths.map((t) => `- ${markdownText(t)}`)));
  lines.push('', '### Areas for improvement', '', ...(o.improvements.length === 0 ? ['None stood out in the data.'] : o.improvements.map((t) => `- ${markdownText(t)}`)), '');
  return lines;
}

/** The report as Markdown, with a hot-wash section (each question and its notes) at the end. */
export function reportMarkdown(r: RunReport): string {
  const lines = [afterActionMarkdown(r.report).replace(/\n+$/, ''), '', ...r.others.flatMap(otherSideMarkdown), '## Hot wash notes', ''];
  r.hotWash.forEach((n, i) => {
    lines.push(`${i + 1}. ${markdownText(n.question)}`, '');
    lines.push(
      n.notes.trim() === ''
        ? '   (no notes)'
        : n.notes
            .trim()
            .split(/\r?\n/)
            .map((l) => `   > ${markdownText(l)}`)
            .join('\n'),
      '',
    );
  });
  lines.push(...planMarkdown(r.plan));
  return `${lines.join('\n')}\n`;
}

/** The improvement plan as a Markdown section: a table of findings, corrective actions, owners and due dates. */
function planMarkdown(plan: readonly PlanLine[]): string[] {
  const lines = ['## Improvement plan', ''];
  if (plan.length === 0) return [...lines, 'No area for improvement stood out in the data.', ''];
  const cell = (t: string): string => (t.trim() === '' ? '(to be agreed)' : markdownText(t));
  lines.push('| # | Area for improvement | Corrective action | Owner | Due |', '|---|---|---|---|---|');
  const rows = plan.map((p, i) => `| ${i + 1} | ${markdownText(p.finding)} | ${cell(p.action)} | ${cell(p.owner)} | ${cell(p.due)} |`);
  return [...lines, ...rows, ''];
}

/** The report as JSON: the engine's report with a `hotWash` list and the `improvementPlan` added after its fields. */
export function reportJson(r: RunReport): string {
  const base = JSON.parse(afterActionJson(r.report)) as Record<string, unknown>;
  const otherSides = r.others.map((o) => ({ side: o.overview.side, sides: o.overview.sides, objectives: o.objectives, strengths: o.strengths, improvements: o.improvements }));
  return `${JSON.stringify({ ...base, ...(otherSides.length > 0 ? { otherSides } : {}), hotWash: r.hotWash, improvementPlan: r.plan }, null, 2)}\n`;
}

/**
 * The timeline as CSV (the engine's columns), then one `note` row per discussion question, then one
 * `plan` row per area for improvement: the finding in `label`, the corrective action in `text`, the
 * owner in `by` and the due date in `date`. Every text field is formula-neutralised (csvField).
 */
export function reportCsv(r: RunReport): string {
  const notes = r.hotWash.map((n, i) =>
    AFTER_ACTION_CSV_HEADER.map((col) => (col === 'kind' ? 'note' : col === 'id' ? `question-${i + 1}` : col === 'label' ? n.question : col === 'text' ? n.notes : null)),
  );
  const cells = (p: PlanLine, i: number): Partial<Record<(typeof AFTER_ACTION_CSV_HEADER)[number], string>> => ({
    kind: 'plan',
    id: `improvement-${i + 1}`,
    label: p.finding,
    text: p.action,
    by: p.owner,
    date: p.due,
  });
  const plan = r.plan.map((p, i) => AFTER_ACTION_CSV_HEADER.map((col) => cells(p, i)[col] ?? null));
  return afterActionCsv(r.report) + toCsv(notes) + toCsv(plan);
}

/** A file name for a download: scenario, seed (letters and digits only) and the extension. */
export function reportFileName(run: Run, ext: 'md' | 'json' | 'csv'): string {
  return `red-phone-report-${run.scenario.id}-${run.game.seed.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 24)}.${ext}`;
}
