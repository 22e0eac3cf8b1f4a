/**
 * The after-action report laid out as exercise planners expect (overview, objectives and how each
 * was met, timeline of decisions with the terms used and strained, strengths, areas for improvement,
 * hot-wash notes, what actually happened), printable alone and downloadable as Markdown, JSON, CSV.
 */
import type { ReportFinding, TimelineEntry } from '../../engine';
import { m } from '../../i18n/lang';
import { percentOfBp, reportCsv, reportFileName, reportJson, reportMarkdown, reportOf } from '../../store/report-export';
import { actionButton, h, heading, paragraphs } from '../dom';
import { findingLine, findingsFor, planFindingLines } from '../findings';
import { sideName } from '../format';
import type { Ctx, View } from '../view';
import '../trainee.css';

const section = (id: string, title: string, ...body: (Node | null)[]): HTMLElement =>
  h('section', { class: 'card report-section', 'aria-labelledby': id, 'data-report-section': id }, h('h2', { id }, title), ...body);

function who(e: TimelineEntry): string {
  if (e.kind === 'inject') return e.facilitator ? m.debrief_rep_facilitator() : m.debrief_rep_event();
  const side = e.side === null ? '' : sideName(e.side);
  return e.by === 'model' ? m.debrief_rep_model({ side }) : side;
}

/** Who played a side: a name from the options, or "people" or "the counterpart model" in the page's language. */
function players(text: string): string {
  return text === 'people' ? m.debrief_rep_people() : text === 'the counterpart model' ? m.debrief_rep_counterpart() : text;
}

const TONE = { success: m.debrief_rep_tone_success, mixed: m.debrief_rep_tone_mixed, failure: m.debrief_rep_tone_failure } as const;

export function reportScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  if (run === null) return { el: h('div', { class: 'screen' }, heading(m.debrief_no_run())) };
  const r = reportOf(run, ctx.state.settings.showOdds);
  const o = r.report.overview;
  const store = ctx.store;
  const dl = (ext: 'md' | 'json' | 'csv'): void => {
    const text = ext === 'md' ? reportMarkdown(r) : ext === 'json' ? reportJson(r) : reportCsv(r);
    ctx.download(reportFileName(run, ext), text, ext === 'md' ? 'text/markdown' : ext === 'json' ? 'application/json' : 'text/csv');
  };
  const list = (items: readonly ReportFinding[]): HTMLElement => h('ul', {}, ...(items.length === 0 ? [h('li', {}, m.debrief_rep_none())] : items.map((f) => h('li', {}, findingLine(f)))));
  const own = findingsFor(r, o.side);
  const areas = planFindingLines(r);
  const el = h(
    'div',
    { id: 'report', class: 'screen report-screen' },
    h('p', { class: 'kicker' }, m.debrief_rep_kicker({ title: o.scenarioTitle })),
    heading(m.debrief_rep_heading({ title: o.scenarioTitle })),
    section(
      'report-overview',
      m.debrief_rep_overview(),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, m.debrief_rep_scenario()),
        h('dd', {}, m.debrief_rep_scenario_dd({ title: o.scenarioTitle, id: o.scenarioId, version: o.scenarioVersion })),
        h('dt', {}, m.debrief_rep_seed()),
        h('dd', {}, o.exerciseCode === null ? o.seed : m.debrief_rep_seed_code({ seed: o.seed, code: o.exerciseCode })),
        h('dt', {}, m.debrief_rep_dates()),
        h('dd', {}, m.debrief_rep_dates_dd({ start: o.startDate, end: o.endDate, turns: o.turns, max: o.maxTurns })),
        ...o.sides.flatMap((s) => [
          h('dt', {}, s.name),
          h('dd', {}, s.tone === null ? m.debrief_rep_played_by({ players: players(s.players) }) : m.debrief_rep_played_by_tone({ players: players(s.players), tone: TONE[s.tone]() })),
        ]),
        h('dt', {}, m.debrief_ending()),
        h('dd', {}, o.ending === null ? m.debrief_not_reached() : o.ending.title),
      ),
      o.ending === null ? null : paragraphs(o.ending.text),
    ),
    section(
      'report-objectives',
      m.debrief_rep_objectives(),
      h(
        'table',
        { class: 'data-table' },
        h('caption', {}, m.debrief_rep_objectives_caption()),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, m.debrief_rep_side()),
            h('th', { scope: 'col' }, m.debrief_objective()),
            h('th', { scope: 'col' }, m.debrief_met()),
            h('th', { scope: 'col' }, m.debrief_score_col()),
          ),
        ),
        h(
          'tbody',
          {},
          ...r.report.objectives.map((b) =>
            h(
              'tr',
              {},
              h('td', {}, sideName(b.side)),
              h('th', { scope: 'row' }, m.debrief_rep_label_desc({ label: b.label, description: b.description })),
              h('td', {}, b.met ? m.debrief_met_yes() : m.debrief_met_no()),
              h('td', { class: 'num' }, `${b.score} / 100`),
            ),
          ),
        ),
      ),
    ),
    section(
      'report-timeline',
      m.debrief_timeline_title(),
      h(
        'table',
        { class: 'data-table timeline-table' },
        h('caption', {}, m.debrief_rep_timeline_caption()),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              m.debrief_rep_col_turn(),
              m.debrief_rep_col_date(),
              m.debrief_rep_col_who(),
              m.debrief_rep_col_decision(),
              m.debrief_rep_col_invoked(),
              m.debrief_rep_col_strained(),
              m.debrief_rep_col_what(),
              ...(o.oddsRevealed ? [m.debrief_rep_col_chance()] : []),
            ].map((c) => h('th', { scope: 'col' }, c)),
          ),
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
              h('th', { scope: 'row' }, e.rung === null ? e.label : m.debrief_rep_decision_rung({ label: e.label, rung: e.rung })),
              h('td', {}, e.uses.join(' ')),
              h('td', {}, e.strains.join(' ')),
              h('td', {}, e.text),
              o.oddsRevealed
                ? h(
                    'td',
                    { class: 'num' },
                    e.kind === 'move' && e.facilitator ? m.debrief_rep_forced() : e.chanceBp === null ? '' : m.debrief_rep_chance({ pct: percentOfBp(e.chanceBp), draw: e.draw ?? '' }),
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
    section('report-strengths', r.others.length > 0 ? m.debrief_rep_strengths_of({ side: sideName(o.side) }) : m.debrief_rep_strengths(), list(own.strengths)),
    section('report-improvements', r.others.length > 0 ? m.debrief_rep_improve_for({ side: sideName(o.side) }) : m.debrief_rep_improve(), list(own.improvements)),
    ...r.others.flatMap((other) => {
      const name = sideName(other.overview.side);
      return [
        section(`report-strengths-${other.overview.side}`, m.debrief_rep_strengths_of({ side: name }), list(findingsFor(r, other.overview.side).strengths)),
        section(`report-improvements-${other.overview.side}`, m.debrief_rep_improve_for({ side: name }), list(findingsFor(r, other.overview.side).improvements)),
      ];
    }),
    section(
      'report-plan',
      m.debrief_plan_title(),
      r.plan.length === 0
        ? h('p', {}, m.debrief_rep_plan_none())
        : h(
            'table',
            { class: 'data-table' },
            h('caption', {}, m.debrief_rep_plan_caption()),
            h('thead', {}, h('tr', {}, ...['#', m.debrief_rep_col_area(), m.debrief_plan_action(), m.debrief_plan_owner(), m.debrief_rep_col_due()].map((c) => h('th', { scope: 'col' }, c)))),
            h(
              'tbody',
              {},
              ...r.plan.map((p, i) =>
                h(
                  'tr',
                  {},
                  h('td', { class: 'num' }, String(i + 1)),
                  h('th', { scope: 'row' }, areas[i] ?? p.finding),
                  ...[p.action, p.owner, p.due].map((t) => h('td', {}, t.trim() === '' ? m.debrief_rep_to_agree() : t)),
                ),
              ),
            ),
          ),
    ),
    section(
      'report-hot-wash',
      m.debrief_hot_wash_button(),
      h(
        'ol',
        {},
        ...r.hotWash.map((n) =>
          h('li', {}, h('p', { class: 'question' }, n.question), n.notes.trim() === '' ? h('p', { class: 'help' }, m.debrief_rep_no_notes()) : paragraphs(n.notes, { class: 'prose note' })),
        ),
      ),
    ),
    section(
      'report-history',
      m.debrief_history(),
      paragraphs(r.report.history.text),
      r.report.history.endingNote === null ? null : h('p', {}, m.debrief_rep_ending_note({ note: r.report.history.endingNote })),
      h(
        'ul',
        { class: 'sources' },
        ...r.report.history.sources.map((s) =>
          h('li', {}, s.url === null ? m.debrief_rep_source({ key: s.key, title: s.title }) : m.debrief_rep_source_url({ key: s.key, title: s.title, url: s.url })),
        ),
      ),
    ),
    h(
      'div',
      { class: 'actions report-actions' },
      actionButton('print-report', m.debrief_rep_print(), () => window.print(), { class: 'primary' }),
      actionButton('download-report-md', m.debrief_rep_md(), () => dl('md')),
      actionButton('download-report-json', m.debrief_rep_json(), () => dl('json')),
      actionButton('download-report-csv', m.debrief_rep_csv(), () => dl('csv')),
      actionButton('hot-wash', m.debrief_rep_back_hot_wash(), () => store.getState().showPanel('hot-wash')),
      actionButton('back-to-debrief', m.debrief_back_to_debrief(), () => store.getState().showPanel('debrief')),
    ),
  );
  return { el };
}
