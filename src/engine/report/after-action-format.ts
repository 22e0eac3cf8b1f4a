/**
 * The after-action report as Markdown (to print or paste into a course page) and as JSON (stable,
 * with a format tag, for other tools). Text from the scenario is escaped so that a Markdown viewer
 * shows it literally: it can never become a link, an image or HTML. No locale is used for numbers.
 */

import { SIDE_NAMES } from '../format';
import type { AfterActionReport, TimelineEntry } from './after-action';

/** Basis points as a percentage with two decimals and no locale: 3750 gives `37.50`. */
export function percentOfBp(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

/** Inline Markdown text: white space folded to single spaces, every character with a meaning escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
}

const cell = markdownText;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function who(e: TimelineEntry): string {
  if (e.kind === 'inject') return e.by === 'facilitator' ? 'Facilitator inject' : 'Inject';
  return `${SIDE_NAMES[e.side ?? 'us']}${e.by === 'model' ? ' (model)' : ''}`;
}

function odds(e: TimelineEntry): string {
  // A forced outcome is the facilitator's decision, never luck.
  if (e.kind === 'move' && e.facilitator) return 'forced by the facilitator, not drawn';
  if (e.chanceBp === null) return '';
  return `${percentOfBp(e.chanceBp)}% (draw ${e.draw ?? ''})`;
}

/** The report as a Markdown document: headings, lists and tables, sections in the HSEEP order. */
export function afterActionMarkdown(report: AfterActionReport): string {
  const o = report.overview;
  const lines: string[] = [];
  lines.push(`# After-action report: ${markdownText(o.scenarioTitle)}`, '');
  lines.push('## Exercise overview', '');
  lines.push(`- Scenario: ${markdownText(o.scenarioTitle)} (${o.scenarioId} ${o.scenarioVersion}, content ${o.scenarioHash})`);
  lines.push(`- Seed: ${markdownText(o.seed)}${o.exerciseCode === null ? '' : ` (exercise code ${o.exerciseCode})`}`);
  if (o.heldOn !== null) lines.push(`- Held on: ${markdownText(o.heldOn)}`);
  lines.push(`- In-game dates: ${o.startDate} to ${o.endDate}, ${o.turns} of at most ${o.maxTurns} turns`);
  for (const s of o.sides) lines.push(`- ${s.name}: played by ${markdownText(s.players)}${s.tone === null ? '' : `; outcome for this side: ${s.tone}`}`);
  lines.push(`- Ending: ${o.ending === null ? 'not reached (the run is unfinished)' : `${markdownText(o.ending.title)}. ${markdownText(o.ending.text)}`}`);
  lines.push(`- Report written for: ${SIDE_NAMES[o.side]}; odds ${o.oddsRevealed ? 'shown' : 'hidden'}`, '');

  lines.push('## Objectives', '');
  lines.push(
    ...table(
      ['Side', 'Objective', 'Met', 'Score'],
      report.objectives.map((b) => [SIDE_NAMES[b.side], `${cell(b.label)}: ${cell(b.description)}`, b.met ? 'yes' : 'no', String(b.score)]),
    ),
    '',
  );

  lines.push('## Timeline of decisions', '');
  lines.push(
    ...table(
      ['Turn', 'Date', 'Who', 'Decision', 'Rung', 'Terms used', 'Terms strained', 'What happened', 'Chance', 'Facilitator'],
      report.timeline.map((e) => [
        String(e.turn),
        e.date,
        who(e),
        cell(e.label),
        cell(e.rung ?? ''),
        e.uses.join(' '),
        e.strains.join(' '),
        cell(e.text),
        odds(e),
        e.facilitator ? (e.kind === 'move' ? 'forced' : 'fired') : '',
      ]),
    ),
    '',
  );
  lines.push('## Indicators', '');
  lines.push(
    ...table(
      ['Indicator', 'Better', 'Start', 'End', 'Worst', 'Worst on turn'],
      report.indicators.map((i) => [cell(i.label), i.better[report.overview.side], String(i.start), String(i.end), String(i.worst), i.worstTurn === 0 ? 'at the start' : String(i.worstTurn)]),
    ),
    '',
  );
  if (report.ledger.length > 0) {
    lines.push('## Requests for assistance (T1 ledger)', '');
    lines.push(
      ...table(
        ['#', 'From', 'To', 'Topic', 'Sent', 'Due', 'Status', 'Answered', 'Quality'],
        report.ledger.map((e) => [
          String(e.id),
          SIDE_NAMES[e.from],
          SIDE_NAMES[e.to],
          cell(e.topic),
          `turn ${e.sentTurn}`,
          `turn ${e.dueTurn}`,
          e.status.replace('_', ' '),
          e.answeredTurn === null ? '' : `turn ${e.answeredTurn}`,
          e.quality ?? '',
        ]),
      ),
      '',
    );
  }
  lines.push('## Strengths', '', ...(report.strengths.length === 0 ? ['- None stood out in the data.'] : report.strengths.map((s) => `- ${markdownText(s)}`)), '');
  lines.push('## Areas for improvement', '', ...(report.improvements.length === 0 ? ['- None stood out in the data.'] : report.improvements.map((s) => `- ${markdownText(s)}`)), '');
  lines.push('## What actually happened', '', markdownText(report.history.text), '');
  if (report.history.endingNote !== null) lines.push(`On this ending: ${markdownText(report.history.endingNote)}`, '');
  lines.push('Sources:', '', ...report.history.sources.map((s) => `- ${s.key}: ${markdownText(s.title)}${s.url === null ? '' : ` (\`${s.url.replace(/[`\s]/g, '')}\`)`}`), '');
  lines.push('## Questions for discussion', '', ...report.questions.map((q, i) => `${i + 1}. ${markdownText(q)}`), '');
  return lines.join('\n');
}

/** The report as JSON text: its `format` tag first, keys in a fixed order, two-space indented. */
export function afterActionJson(report: AfterActionReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
