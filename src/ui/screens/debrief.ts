/**
 * The debrief: the ending for each side, objectives and scores, the timeline of decisions with the
 * terms used and strained, indicators over time, term counts, discussion questions, what actually
 * happened with its sources, and the replay file to download.
 */
import type { GameState, Scenario } from '../../engine';
import { m as msg, termName } from '../../i18n/lang';
import { causeWords } from '../../store/causes';
import { codeFor, endingTextOf, indicatorLabel, objectiveResults, recordView, SIDES, seriesOf, TERM_IDS, termCountsOf, viewerOf } from '../../store/derive';
import type { Run } from '../../store/run';
import { indicatorChart, indicatorTable } from '../chart';
import { debriefTools } from '../debrief/tools';
import { mapButton } from '../designer/title-designer';
import { actionButton, h, heading, paragraphs } from '../dom';
import { dateText, playSideName, sideName, toneWords } from '../format';
import { peopleSides, reviewBar } from '../parts';
import type { Ctx, View } from '../view';

/** " (rung; uses T1, T2; strains T3). " after a move's label. */
function rungNote(rung: string, uses: readonly string[], strains: readonly string[]): string {
  const u = uses.join(msg.comma_sep());
  const s = strains.join(msg.comma_sep());
  if (uses.length > 0 && strains.length > 0) return msg.debrief_move_rung_both({ rung, uses: u, strains: s });
  if (uses.length > 0) return msg.debrief_move_rung_uses({ rung, uses: u });
  if (strains.length > 0) return msg.debrief_move_rung_strains({ rung, strains: s });
  return msg.debrief_move_rung({ rung });
}

function timeline(scenario: Scenario, game: GameState, showOdds: boolean): HTMLElement {
  return h(
    'ol',
    { class: 'timeline' },
    ...game.log.map((record) => {
      const v = recordView(scenario, record);
      return h(
        'li',
        {},
        h('h3', {}, v.date !== null ? msg.debrief_timeline_turn({ turn: v.turn, date: dateText(v.date), title: v.beatTitle ?? '' }) : msg.debrief_timeline_inject({ turn: v.turn })),
        h(
          'ul',
          {},
          ...v.moves.map((m) =>
            h(
              'li',
              { 'data-side': m.side },
              h('strong', {}, (m.by === 'model' ? msg.debrief_move_head_model : msg.debrief_move_head)({ side: sideName(m.side), label: m.label })),
              rungNote(m.rung, m.uses, m.strains),
              m.outcomeText,
              showOdds ? h('span', { class: 'odds' }, ` ${m.drawWords}`) : m.forced ? h('span', { class: 'odds forced' }, msg.debrief_forced()) : null,
            ),
          ),
          ...v.injects.map((i) => h('li', {}, h('strong', {}, msg.debrief_event_title({ title: i.title })), i.text)),
        ),
        v.causes.length > 0
          ? h(
              'p',
              { class: 'causes' },
              h('strong', {}, msg.debrief_what_changed()),
              v.causes.map((c) => msg.debrief_cause_item({ label: indicatorLabel(scenario, c.id), from: c.from, to: c.to, causes: causeWords(c) })).join(msg.list_sep()),
              msg.debrief_full_stop(),
            )
          : null,
      );
    }),
  );
}

/** A wide table scrolls inside its box, never past the page's edge. */
function scrolling(label: string, table: HTMLElement): HTMLElement {
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': msg.debrief_scrollable({ label }) }, table);
}

function termTable(scenario: Scenario, game: GameState): HTMLElement {
  const counts = termCountsOf(scenario, game);
  return h(
    'table',
    { class: 'data-table terms-table' },
    h('caption', {}, msg.debrief_terms_caption()),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, msg.debrief_term()),
        ...SIDES.flatMap((side) => [h('th', { scope: 'col' }, msg.debrief_side_used({ side: sideName(side) })), h('th', { scope: 'col' }, msg.debrief_side_strained({ side: sideName(side) }))]),
      ),
    ),
    h(
      'tbody',
      {},
      ...TERM_IDS.map((t) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `${t} ${termName(scenario.terms.find((x) => x.id === t) ?? { id: t, name: '' })}`),
          ...SIDES.flatMap((side) => [h('td', { class: 'num' }, String(counts[side][t].used)), h('td', { class: 'num' }, String(counts[side][t].strained))]),
        ),
      ),
    ),
  );
}

/** How an objective is scored and when it counts as met, as the scenario writes it. */
function scoringWords(run: Run, id: string): HTMLElement {
  const o = run.scenario.file.objectives.find((x) => x.id === id);
  if (o === undefined) return h('span', {}, '');
  return h('span', {}, msg.debrief_score(), h('code', {}, String(o.score)), msg.debrief_met_when(), h('code', {}, String(o.met)));
}

function objectivesTable(run: Run): HTMLElement {
  const results = objectiveResults(run);
  return h(
    'div',
    { class: 'objective-results' },
    ...SIDES.map((side) => {
      const mine = results.filter((r) => r.side === side);
      const total = mine.length === 0 ? 0 : Math.round(mine.reduce((a, r) => a + r.score, 0) / mine.length);
      return scrolling(
        msg.debrief_side_objectives({ side: sideName(side) }),
        h(
          'table',
          { class: 'data-table' },
          h('caption', {}, msg.debrief_objectives_caption({ side: sideName(side), met: mine.filter((r) => r.met).length, count: mine.length, score: total })),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, msg.debrief_objective()),
              h('th', { scope: 'col' }, msg.debrief_met()),
              h('th', { scope: 'col' }, msg.debrief_score_col()),
              h('th', { scope: 'col' }, msg.debrief_how_scored()),
            ),
          ),
          h(
            'tbody',
            {},
            ...mine.map((r) =>
              h(
                'tr',
                { 'data-objective': r.id },
                h('th', { scope: 'row' }, r.label),
                h('td', { class: r.met ? 'better' : 'worse' }, r.met ? msg.debrief_met_yes() : msg.debrief_met_no()),
                h('td', { class: 'num' }, `${r.score} / 100`),
                h('td', { class: 'scoring' }, scoringWords(run, r.id)),
              ),
            ),
          ),
        ),
      );
    }),
  );
}

/** A source's address: a link when it is an https address (opened in a new tab), else plain text. */
function sourceLink(url: string | undefined): HTMLElement | null {
  if (url === undefined) return null;
  if (!/^https:\/\/[^\s"'<>]+$/.test(url)) return h('span', { class: 'url' }, ` ${url}`);
  return h('span', { class: 'url' }, ' ', h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url));
}

function history(scenario: Scenario, endingId: string | null): HTMLElement {
  const f = scenario.file;
  const sources = [...scenario.sources.values()];
  const endings = [...f.endings].sort((a, b) => (a.id === endingId ? -1 : b.id === endingId ? 1 : 0));
  return h(
    'section',
    { class: 'card history', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, msg.debrief_history()),
    paragraphs(f.history.text),
    scenario.facts.length > 0
      ? h(
          'ol',
          { class: 'facts-timeline', 'aria-label': msg.debrief_history_dated() },
          ...scenario.facts.map((fact) => h('li', {}, h('strong', {}, dateText(fact.date)), ` ${fact.text} `, h('span', { class: 'cite' }, `[${fact.sources.join(msg.comma_sep())}]`))),
        )
      : null,
    h('h3', {}, msg.debrief_sources()),
    h('ul', { class: 'sources' }, ...sources.map((src) => h('li', {}, h('span', { class: 'term-id' }, src.key), ` ${src.title}`, sourceLink(src.url)))),
    h('h3', {}, msg.debrief_endings_history()),
    h(
      'dl',
      { class: 'endings' },
      ...endings.flatMap((e) => [h('dt', {}, e.title, e.id === endingId ? msg.debrief_this_run() : ''), h('dd', {}, typeof e.history === 'string' ? e.history : e.history.text)]),
    ),
  );
}

/** What was chosen in each record of the log, for the chart's turn marks. */
function choiceNotes(scenario: Scenario, game: GameState): string[] {
  return game.log.map((record) => {
    const v = recordView(scenario, record);
    return v.moves.length > 0
      ? v.moves.map((m) => msg.debrief_move_head({ side: sideName(m.side), label: m.label })).join(msg.list_sep())
      : v.injects.map((i) => msg.debrief_note_event({ title: i.title })).join(msg.list_sep());
  });
}

export function debriefScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  if (run === null) return { el: h('div', { class: 'screen' }, heading(msg.debrief_no_run())) };
  const scenario = run.scenario;
  const f = scenario.file;
  const game = run.game;
  const ending = f.endings.find((e) => e.id === game.ending);
  const sides = peopleSides(run);
  const series = seriesOf(scenario, game);
  const labels = [msg.debrief_start(), ...game.log.map((r) => (r.kind === 'turn' ? `T${r.turn}` : `T${r.turn}+`))];
  const code = codeFor(scenario.id, game.seed);
  const store = ctx.store;
  const download = (): void => {
    const text = store.getState().exportReplay();
    if (text === null) return;
    const safeSeed = game.seed.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 24);
    const group = groupInput.value
      .trim()
      .replace(/[\\/:*?"<>|\s]+/g, '_')
      .slice(0, 40);
    ctx.download(`${group === '' ? '' : `${group}--`}red-phone-${scenario.id}-${safeSeed}.json`, text);
  };
  const groupInput = h('input', { id: 'replay-group-name', maxlength: 40, autocomplete: 'off', 'aria-describedby': 'replay-group-help' });
  const groupField = h(
    'p',
    { class: 'group-name-field' },
    h('label', { for: 'replay-group-name' }, msg.debrief_group_name()),
    groupInput,
    h('span', { id: 'replay-group-help', class: 'help' }, msg.debrief_group_help()),
  );
  const el = h(
    'div',
    { id: 'debrief', class: 'screen debrief-screen' },
    reviewBar(ctx, run),
    h(
      'p',
      { class: 'kicker' },
      code !== null
        ? msg.debrief_kicker_code({ title: f.title, side: playSideName(run.side), seed: game.seed, code, turns: game.turn })
        : msg.debrief_kicker({ title: f.title, side: playSideName(run.side), seed: game.seed, turns: game.turn }),
    ),
    heading(ending?.title ?? msg.debrief_the_end()),
    ending !== undefined
      ? h(
          'section',
          { class: 'card ending', 'aria-label': msg.debrief_the_ending() },
          ...sides.map((side) =>
            h('div', { class: 'ending-side' }, sides.length > 1 ? h('h2', {}, msg.debrief_for_side({ side: sideName(side) })) : null, paragraphs(endingTextOf(scenario, game, side))),
          ),
          h('p', { class: 'tones' }, ...SIDES.map((side) => h('span', { class: `tone tone-${ending.tone[side]}` }, msg.debrief_tone({ side: sideName(side), tone: toneWords(ending.tone[side]) })))),
        )
      : null,
    h('p', { class: 'skip' }, h('a', { class: 'skip-link', href: '#debrief-tools' }, msg.debrief_skip_tools())),
    h('section', { class: 'card', 'aria-labelledby': 'scores-title' }, h('h2', { id: 'scores-title' }, msg.debrief_scores_title()), objectivesTable(run)),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'timeline-title' },
      h('h2', { id: 'timeline-title' }, msg.debrief_timeline_title()),
      timeline(scenario, game, ctx.state.settings.showOdds || ctx.state.facilitation?.secret === true),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'chart-section-title' },
      h('h2', { id: 'chart-section-title' }, msg.debrief_chart_title()),
      indicatorChart(series, labels, viewerOf(run.side), choiceNotes(scenario, game)),
      h('details', {}, h('summary', {}, msg.debrief_data_table()), indicatorTable(series, labels, viewerOf(run.side))),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'terms-used-title' },
      h('h2', { id: 'terms-used-title' }, msg.debrief_terms_title()),
      scrolling(msg.debrief_terms_table(), termTable(scenario, game)),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'questions-title' },
      h('h2', { id: 'questions-title' }, msg.debrief_questions()),
      h('ol', { class: 'questions' }, ...f.questions.map((q) => h('li', {}, q))),
    ),
    history(scenario, game.ending),
    debriefTools(ctx, run),
    groupField,
    h(
      'div',
      { class: 'actions' },
      actionButton('download-replay', msg.debrief_download_replay(), download, { class: 'primary' }),
      actionButton('print', msg.debrief_print(), () => window.print()),
      mapButton(ctx, run.scenario),
      run.review === null ? actionButton('new-run', msg.debrief_new_run(), () => store.getState().newRun()) : null,
      actionButton('to-title', msg.debrief_to_title(), () => store.getState().toTitle()),
    ),
  );
  return { el };
}
