/**
 * The debrief: the ending for each side, objectives and scores, the timeline of decisions with the
 * terms used and strained, indicators over time, term counts, discussion questions, what actually
 * happened with its sources, and the replay file to download.
 */
import type { GameState, Scenario } from '../../engine';
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

function timeline(scenario: Scenario, game: GameState, showOdds: boolean): HTMLElement {
  return h(
    'ol',
    { class: 'timeline' },
    ...game.log.map((record) => {
      const v = recordView(scenario, record);
      return h(
        'li',
        {},
        h('h3', {}, v.date !== null ? `Turn ${v.turn} · ${dateText(v.date)} · ${v.beatTitle ?? ''}` : `After turn ${v.turn}: an inject`),
        h(
          'ul',
          {},
          ...v.moves.map((m) =>
            h(
              'li',
              { 'data-side': m.side },
              h('strong', {}, `${sideName(m.side)}${m.by === 'model' ? ' (model)' : ''}: ${m.label}`),
              ` (${m.rung}${m.uses.length > 0 ? `; uses ${m.uses.join(', ')}` : ''}${m.strains.length > 0 ? `; strains ${m.strains.join(', ')}` : ''}). `,
              m.outcomeText,
              showOdds ? h('span', { class: 'odds' }, ` ${m.drawWords}`) : m.forced ? h('span', { class: 'odds forced' }, ' Forced by the facilitator, not drawn.') : null,
            ),
          ),
          ...v.injects.map((i) => h('li', {}, h('strong', {}, `Event: ${i.title}. `), i.text)),
        ),
        v.causes.length > 0
          ? h('p', { class: 'causes' }, h('strong', {}, 'What changed: '), v.causes.map((c) => `${indicatorLabel(scenario, c.id)} ${c.from} → ${c.to} (${causeWords(c)})`).join('; '), '.')
          : null,
      );
    }),
  );
}

/** A wide table scrolls inside its box, never past the page's edge. */
function scrolling(label: string, table: HTMLElement): HTMLElement {
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': `${label}, scrollable` }, table);
}

function termTable(scenario: Scenario, game: GameState): HTMLElement {
  const counts = termCountsOf(scenario, game);
  return h(
    'table',
    { class: 'data-table terms-table' },
    h('caption', {}, 'How often each side’s choices used and strained each term'),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'Term'), ...SIDES.flatMap((side) => [h('th', { scope: 'col' }, `${sideName(side)}: used`), h('th', { scope: 'col' }, `${sideName(side)}: strained`)])),
    ),
    h(
      'tbody',
      {},
      ...TERM_IDS.map((t) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `${t} ${scenario.terms.find((x) => x.id === t)?.name ?? ''}`),
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
  return h('span', {}, 'score: ', h('code', {}, String(o.score)), '; met when ', h('code', {}, String(o.met)));
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
        `${sideName(side)}: objectives`,
        h(
          'table',
          { class: 'data-table' },
          h('caption', {}, `${sideName(side)}: ${mine.filter((r) => r.met).length} of ${mine.length} objectives met, average score ${total} of 100`),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Objective'), h('th', { scope: 'col' }, 'Met'), h('th', { scope: 'col' }, 'Score'), h('th', { scope: 'col' }, 'How it is scored'))),
          h(
            'tbody',
            {},
            ...mine.map((r) =>
              h(
                'tr',
                { 'data-objective': r.id },
                h('th', { scope: 'row' }, r.label),
                h('td', { class: r.met ? 'better' : 'worse' }, r.met ? '✓ met' : '✗ not met'),
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
    h('h2', { id: 'history-title' }, 'What actually happened'),
    paragraphs(f.history.text),
    scenario.facts.length > 0
      ? h(
          'ol',
          { class: 'facts-timeline', 'aria-label': 'What actually happened, dated' },
          ...scenario.facts.map((fact) => h('li', {}, h('strong', {}, dateText(fact.date)), ` ${fact.text} `, h('span', { class: 'cite' }, `[${fact.sources.join(', ')}]`))),
        )
      : null,
    h('h3', {}, 'Sources'),
    h('ul', { class: 'sources' }, ...sources.map((src) => h('li', {}, h('span', { class: 'term-id' }, src.key), ` ${src.title}`, sourceLink(src.url)))),
    h('h3', {}, 'The endings, and history'),
    h('dl', { class: 'endings' }, ...endings.flatMap((e) => [h('dt', {}, e.title, e.id === endingId ? ' (this run)' : ''), h('dd', {}, typeof e.history === 'string' ? e.history : e.history.text)])),
  );
}

/** What was chosen in each record of the log, for the chart's turn marks. */
function choiceNotes(scenario: Scenario, game: GameState): string[] {
  return game.log.map((record) => {
    const v = recordView(scenario, record);
    return v.moves.length > 0 ? v.moves.map((m) => `${sideName(m.side)}: ${m.label}`).join('; ') : v.injects.map((i) => `event: ${i.title}`).join('; ');
  });
}

export function debriefScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  if (run === null) return { el: h('div', { class: 'screen' }, heading('No run')) };
  const scenario = run.scenario;
  const f = scenario.file;
  const game = run.game;
  const ending = f.endings.find((e) => e.id === game.ending);
  const sides = peopleSides(run);
  const series = seriesOf(scenario, game);
  const labels = ['start', ...game.log.map((r) => (r.kind === 'turn' ? `T${r.turn}` : `T${r.turn}+`))];
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
    h('label', { for: 'replay-group-name' }, 'Your group’s name (optional) '),
    groupInput,
    h('span', { id: 'replay-group-help', class: 'help' }, ' The replay file carries it, so the class comparison shows your group by name.'),
  );
  const el = h(
    'div',
    { id: 'debrief', class: 'screen debrief-screen' },
    reviewBar(ctx, run),
    h('p', { class: 'kicker' }, `${f.title} · ${playSideName(run.side)} · seed ${game.seed}${code !== null ? ` · code ${code}` : ''} · ${game.turn} turns`),
    heading(ending?.title ?? 'The end'),
    ending !== undefined
      ? h(
          'section',
          { class: 'card ending', 'aria-label': 'The ending' },
          ...sides.map((side) => h('div', { class: 'ending-side' }, sides.length > 1 ? h('h2', {}, `For ${sideName(side)}`) : null, paragraphs(endingTextOf(scenario, game, side)))),
          h('p', { class: 'tones' }, ...SIDES.map((side) => h('span', { class: `tone tone-${ending.tone[side]}` }, `${sideName(side)}: ${toneWords(ending.tone[side])}`))),
        )
      : null,
    h('p', { class: 'skip' }, h('a', { class: 'skip-link', href: '#debrief-tools' }, 'Skip to the debrief tools')),
    h('section', { class: 'card', 'aria-labelledby': 'scores-title' }, h('h2', { id: 'scores-title' }, 'Objectives and scores'), objectivesTable(run)),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'timeline-title' },
      h('h2', { id: 'timeline-title' }, 'Timeline of decisions'),
      timeline(scenario, game, ctx.state.settings.showOdds || ctx.state.facilitation?.secret === true),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'chart-section-title' },
      h('h2', { id: 'chart-section-title' }, 'Indicators over time'),
      indicatorChart(series, labels, viewerOf(run.side), choiceNotes(scenario, game)),
      h('details', {}, h('summary', {}, 'The data as a table'), indicatorTable(series, labels, viewerOf(run.side))),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'terms-used-title' },
      h('h2', { id: 'terms-used-title' }, 'The agreement’s terms, used and strained'),
      scrolling('Terms used and strained', termTable(scenario, game)),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'questions-title' },
      h('h2', { id: 'questions-title' }, 'Questions for discussion'),
      h('ol', { class: 'questions' }, ...f.questions.map((q) => h('li', {}, q))),
    ),
    history(scenario, game.ending),
    debriefTools(ctx, run),
    groupField,
    h(
      'div',
      { class: 'actions' },
      actionButton('download-replay', 'Download the replay file', download, { class: 'primary' }),
      actionButton('print', 'Print the report', () => window.print()),
      mapButton(ctx, run.scenario),
      run.review === null ? actionButton('new-run', 'New run of this scenario', () => store.getState().newRun()) : null,
      actionButton('to-title', 'Back to the title screen', () => store.getState().toTitle()),
    ),
  );
  return { el };
}
