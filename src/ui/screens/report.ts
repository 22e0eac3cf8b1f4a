/**
 * The after-action report laid out as exercise planners expect (overview, objectives and how each
 * was met, timeline of decisions with the terms used and strained, strengths, areas for improvement,
 * hot-wash notes, what actually happened), printable alone and downloadable as Markdown, JSON, CSV.
 */
import type { TimelineEntry } from '../../engine';
import { SIDE_NAMES } from '../../store/derive';
import { percentOfBp, reportCsv, reportFileName, reportJson, reportMarkdown, reportOf } from '../../store/report-export';
import { actionButton, h, heading, paragraphs } from '../dom';
import type { Ctx, View } from '../view';
import '../trainee.css';

const section = (id: string, title: string, ...body: (Node | null)[]): HTMLElement =>
  h('section', { class: 'card report-section', 'aria-labelledby': id, 'data-report-section': id }, h('h2', { id }, title), ...body);

function who(e: TimelineEntry): string {
  if (e.kind === 'inject') return e.facilitator ? 'Facilitator' : 'Event';
  const side = e.side === null ? '' : SIDE_NAMES[e.side];
  return e.by === 'model' ? `${side} (model)` : side;
}

export function reportScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  if (run === null) return { el: h('div', { class: 'screen' }, heading('No run')) };
  const r = reportOf(run, ctx.state.settings.showOdds);
  const o = r.report.overview;
  const store = ctx.store;
  const dl = (ext: 'md' | 'json' | 'csv'): void => {
    const text = ext === 'md' ? reportMarkdown(r) : ext === 'json' ? reportJson(r) : reportCsv(r);
    ctx.download(reportFileName(run, ext), text, ext === 'md' ? 'text/markdown' : ext === 'json' ? 'application/json' : 'text/csv');
  };
  const list = (items: readonly string[]): HTMLElement => h('ul', {}, ...(items.length === 0 ? [h('li', {}, 'None stood out in the data.')] : items.map((t) => h('li', {}, t))));
  const el = h(
    'div',
    { id: 'report', class: 'screen report-screen' },
    h('p', { class: 'kicker' }, `After-action report · ${o.scenarioTitle}`),
    heading(`After-action report: ${o.scenarioTitle}`),
    section(
      'report-overview',
      'Exercise overview',
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Scenario'),
        h('dd', {}, `${o.scenarioTitle} (${o.scenarioId} ${o.scenarioVersion})`),
        h('dt', {}, 'Seed'),
        h('dd', {}, `${o.seed}${o.exerciseCode === null ? '' : ` (exercise code ${o.exerciseCode})`}`),
        h('dt', {}, 'In-game dates'),
        h('dd', {}, `${o.startDate} to ${o.endDate}, ${o.turns} of at most ${o.maxTurns} turns`),
        ...o.sides.flatMap((s) => [h('dt', {}, s.name), h('dd', {}, `played by ${s.players}${s.tone === null ? '' : `; outcome for this side: ${s.tone}`}`)]),
        h('dt', {}, 'Ending'),
        h('dd', {}, o.ending === null ? 'not reached' : o.ending.title),
      ),
      o.ending === null ? null : paragraphs(o.ending.text),
    ),
    section(
      'report-objectives',
      'Objectives and how each was met',
      h(
        'table',
        { class: 'data-table' },
        h('caption', {}, 'Objectives scored on the final state'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Side'), h('th', { scope: 'col' }, 'Objective'), h('th', { scope: 'col' }, 'Met'), h('th', { scope: 'col' }, 'Score'))),
        h(
          'tbody',
          {},
          ...r.report.objectives.map((b) =>
            h(
              'tr',
              {},
              h('td', {}, SIDE_NAMES[b.side]),
              h('th', { scope: 'row' }, `${b.label}: ${b.description}`),
              h('td', {}, b.met ? '✓ met' : '✗ not met'),
              h('td', { class: 'num' }, `${b.score} / 100`),
            ),
          ),
        ),
      ),
    ),
    section(
      'report-timeline',
      'Timeline of decisions',
      h(
        'table',
        { class: 'data-table timeline-table' },
        h('caption', {}, 'Each decision, the terms it invoked or strained, and what happened'),
        h(
          'thead',
          {},
          h('tr', {}, ...['Turn', 'Date', 'Who', 'Decision', 'Terms invoked', 'Terms strained', 'What happened', ...(o.oddsRevealed ? ['Chance'] : [])].map((c) => h('th', { scope: 'col' }, c))),
        ),
        h(
          'tbody',
          {},
          ...r.report.timeline.map((e) =>
            h(
              'tr',
              {},
              h('td', { class: 'num' }, String(e.turn)),
              h('td', {}, e.date),
              h('td', {}, who(e)),
              h('th', { scope: 'row' }, `${e.label}${e.rung === null ? '' : ` (${e.rung})`}`),
              h('td', {}, e.uses.join(' ')),
              h('td', {}, e.strains.join(' ')),
              h('td', {}, e.text),
              o.oddsRevealed
                ? h(
                    'td',
                    { class: 'num' },
                    e.kind === 'move' && e.facilitator ? 'forced by the facilitator, not drawn' : e.chanceBp === null ? '' : `${percentOfBp(e.chanceBp)}% (draw ${e.draw ?? ''})`,
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
    section('report-strengths', r.others.length > 0 ? `Strengths of ${SIDE_NAMES[o.side]}` : 'Strengths', list(r.report.strengths)),
    section('report-improvements', r.others.length > 0 ? `Areas for improvement for ${SIDE_NAMES[o.side]}` : 'Areas for improvement', list(r.report.improvements)),
    ...r.others.flatMap((other) => {
      const name = SIDE_NAMES[other.overview.side];
      return [
        section(`report-strengths-${other.overview.side}`, `Strengths of ${name}`, list(other.strengths)),
        section(`report-improvements-${other.overview.side}`, `Areas for improvement for ${name}`, list(other.improvements)),
      ];
    }),
    section(
      'report-plan',
      'Improvement plan',
      r.plan.length === 0
        ? h('p', {}, 'No area for improvement stood out in the data.')
        : h(
            'table',
            { class: 'data-table' },
            h('caption', {}, 'Each area for improvement with its corrective action, owner and due date, agreed at the hot wash'),
            h('thead', {}, h('tr', {}, ...['#', 'Area for improvement', 'Corrective action', 'Owner', 'Due'].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              {},
              ...r.plan.map((p, i) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'num' }, String(i + 1)),
                  h('th', { scope: 'row' }, p.finding),
                  ...[p.action, p.owner, p.due].map((t) => h('td', {}, t.trim() === '' ? '(to be agreed)' : t)),
                ),
              ),
            ),
          ),
    ),
    section(
      'report-hot-wash',
      'Hot wash: discussion and notes',
      h(
        'ol',
        {},
        ...r.hotWash.map((n) => h('li', {}, h('p', { class: 'question' }, n.question), n.notes.trim() === '' ? h('p', { class: 'help' }, '(no notes)') : paragraphs(n.notes, { class: 'prose note' }))),
      ),
    ),
    section(
      'report-history',
      'What actually happened',
      paragraphs(r.report.history.text),
      r.report.history.endingNote === null ? null : h('p', {}, `On this ending: ${r.report.history.endingNote}`),
      h('ul', { class: 'sources' }, ...r.report.history.sources.map((s) => h('li', {}, `${s.key}: ${s.title}${s.url === null ? '' : ` (${s.url})`}`))),
    ),
    h(
      'div',
      { class: 'actions report-actions' },
      actionButton('print-report', 'Print or save as PDF', () => window.print(), { class: 'primary' }),
      actionButton('download-report-md', 'Download Markdown', () => dl('md')),
      actionButton('download-report-json', 'Download JSON', () => dl('json')),
      actionButton('download-report-csv', 'Download CSV (timeline, notes and plan)', () => dl('csv')),
      actionButton('hot-wash', 'Back to the hot wash', () => store.getState().showPanel('hot-wash')),
      actionButton('back-to-debrief', 'Back to the debrief', () => store.getState().showPanel('debrief')),
    ),
  );
  return { el };
}
