/**
 * The after-action report of a run with the facilitator's hot-wash notes, and its three downloads:
 * Markdown, JSON and CSV. The report itself is the engine's (src/engine/report/after-action.ts); this file
 * adds the notes, which live with the run, not in the game.
 */
import { AFTER_ACTION_CSV_HEADER, type AfterActionReport, afterActionCsv, afterActionJson, afterActionMarkdown, afterActionReport, markdownText, toCsv } from '../engine';
import type { Run } from './run';

export { percentOfBp } from '../engine';

import { extrasOf } from './trainee';

export interface HotWashNote {
  readonly question: string;
  readonly notes: string;
}

export interface RunReport {
  readonly report: AfterActionReport;
  readonly hotWash: readonly HotWashNote[];
}

/** The report for the first side people played (the United States in a two-team run), odds as the setting says. */
export function reportOf(run: Run, revealOdds: boolean): RunReport {
  const side = run.side === 'both' ? 'us' : run.side;
  const report = afterActionReport(run.scenario, run.game, side, { revealOdds });
  const notes = extrasOf(run).notes;
  return { report, hotWash: report.questions.map((question, i) => ({ question, notes: notes[i] ?? '' })) };
}

/** The report as Markdown, with a hot-wash section (each question and its notes) at the end. */
export function reportMarkdown(r: RunReport): string {
  const lines = [afterActionMarkdown(r.report).replace(/\n+$/, ''), '', '## Hot wash notes', ''];
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
  return `${lines.join('\n')}\n`;
}

/** The report as JSON: the engine's report with a `hotWash` list added after its fields. */
export function reportJson(r: RunReport): string {
  const base = JSON.parse(afterActionJson(r.report)) as Record<string, unknown>;
  return `${JSON.stringify({ ...base, hotWash: r.hotWash }, null, 2)}\n`;
}

/** The timeline as CSV (the engine's columns), then one `note` row per discussion question. */
export function reportCsv(r: RunReport): string {
  const notes = r.hotWash.map((n, i) =>
    AFTER_ACTION_CSV_HEADER.map((col) => (col === 'kind' ? 'note' : col === 'id' ? `question-${i + 1}` : col === 'label' ? n.question : col === 'text' ? n.notes : null)),
  );
  return afterActionCsv(r.report) + toCsv(notes);
}

/** A file name for a download: scenario, seed (letters and digits only) and the extension. */
export function reportFileName(run: Run, ext: 'md' | 'json' | 'csv'): string {
  return `red-phone-report-${run.scenario.id}-${run.game.seed.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 24)}.${ext}`;
}
