/**
 * Class comparison: the facilitator imports several groups' replay files (file input or drag and
 * drop) of one scenario and seed; the screen lays them side by side turn by turn, marks in words
 * where they diverged, shows each path's ending and scores, charts every indicator with one line per
 * group, and downloads the table as CSV. The files chosen live in this view only.
 */

import { m } from '../../i18n/lang';
import { addFiles, type ClassComparison, compareCsv, compareFiles, describeDecisions, describeResults, filesFromCodes, type GroupFile, groupName } from '../../store/compare-files';
import { SIDES } from '../../store/derive';
import { REPLAY_READ_BYTES } from '../../store/review';
import { actionButton, h, heading } from '../dom';
import { sideName } from '../format';
import type { Ctx, View } from '../view';
import { groupCharts } from './compare-chart';
import '../trainee.css';

type PathNode = ClassComparison['tree'];

const TONE = { success: m.debrief_rep_tone_success, mixed: m.debrief_rep_tone_mixed, failure: m.debrief_rep_tone_failure } as const;

/** "success for both", "success for the US, failure for China". */
function toneWords(tone: Readonly<Record<'us' | 'cn', keyof typeof TONE>>): string {
  return tone.us === tone.cn ? m.debrief_cmp_tone_both({ tone: TONE[tone.us]() }) : m.debrief_cmp_tone_each({ us: TONE[tone.us](), cn: TONE[tone.cn]() });
}

/** Every fork of the decision tree in words: at which turn which groups parted, and what each chose. */
function forks(node: PathNode, out: HTMLElement[] = []): HTMLElement[] {
  if (node.children.length > 1) {
    const turn = node.children[0]?.turn ?? node.turn + 1;
    out.push(
      h(
        'li',
        { 'data-fork-turn': turn },
        h('strong', {}, m.debrief_cmp_fork_turn({ turn })),
        node.children.map((c) => m.debrief_cmp_fork_chose({ groups: c.groups.join(m.comma_sep()), decisions: c.decisions })).join(m.list_sep()),
        m.debrief_full_stop(),
      ),
    );
  }
  for (const c of node.children) forks(c, out);
  return out;
}

function summary(model: ClassComparison): HTMLElement {
  const div = model.firstDivergence;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'compare-summary-title', id: 'compare-summary' },
    h('h2', { id: 'compare-summary-title' }, m.debrief_cmp_summary_title()),
    h('p', { id: 'compare-divergence' }, div === null ? m.debrief_cmp_all_same() : m.debrief_cmp_first_diverged({ turn: div })),
    div === null ? null : h('ul', { class: 'forks', 'aria-label': m.debrief_cmp_parted() }, ...forks(model.tree)),
    h(
      'table',
      { class: 'data-table' },
      h('caption', {}, m.debrief_cmp_caption({ title: model.scenarioTitle, version: model.scenarioVersion, seed: model.seed })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, m.debrief_cmp_group()),
          h('th', { scope: 'col' }, m.debrief_cmp_turns()),
          h('th', { scope: 'col' }, m.debrief_ending()),
          ...SIDES.map((s) => h('th', { scope: 'col' }, m.debrief_total_score({ side: sideName(s) }))),
          h('th', { scope: 'col' }, m.debrief_cmp_objectives_met()),
        ),
      ),
      h(
        'tbody',
        {},
        ...model.groups.map((g) =>
          h(
            'tr',
            { 'data-group': g.name },
            h('th', { scope: 'row' }, g.name),
            h('td', { class: 'num' }, String(g.turns)),
            h('td', { class: 'ending' }, g.ending === null ? m.debrief_not_reached() : m.debrief_cmp_ending_tone({ title: g.ending.title, tone: toneWords(g.ending.tone) })),
            ...SIDES.map((s) => h('td', { class: 'num' }, String(g.totals[s]))),
            h(
              'td',
              {},
              g.objectives
                .filter((o) => o.met)
                .map((o) => m.debrief_move_head({ side: sideName(o.side), label: o.label }))
                .join(m.list_sep()) || m.debrief_cmp_none(),
            ),
          ),
        ),
      ),
    ),
  );
}

/** The comparison itself: each path's ending, the turn-by-turn table and the charts (also the live class console's). */
export function comparisonParts(model: ClassComparison): HTMLElement[] {
  return [summary(model), turnTable(model), groupCharts(model)];
}

function turnTable(model: ClassComparison): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'compare-turns-title' },
    h('h2', { id: 'compare-turns-title' }, m.debrief_cmp_turn_by_turn()),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': m.debrief_cmp_turn_scroll() },
      h(
        'table',
        { class: 'data-table compare-table' },
        h('caption', {}, m.debrief_cmp_turn_caption()),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, m.debrief_rep_col_turn()), ...model.groups.map((g) => h('th', { scope: 'col' }, g.name)))),
        h(
          'tbody',
          {},
          ...model.turns.map((row) =>
            h(
              'tr',
              { class: row.diverges ? 'diverges' : '', 'data-turn': row.turn, 'data-diverges': row.diverges ? 'true' : 'false' },
              h(
                'th',
                { scope: 'row' },
                m.debrief_turn_n({ turn: row.turn }),
                h('br'),
                row.date,
                row.diverges ? h('strong', { class: 'divergence-mark' }, h('br'), m.debrief_cmp_diverged_here()) : null,
              ),
              ...row.groups.map((cell) => h('td', {}, cell === null ? m.debrief_cmp_game_over() : h('span', {}, h('strong', {}, describeDecisions(cell)), ' ', describeResults(cell)))),
            ),
          ),
        ),
      ),
    ),
  );
}

export function compareScreen(ctx: Ctx): View {
  let files: GroupFile[] = [];
  const fileList = h('ul', { id: 'compare-files', 'aria-label': m.debrief_cmp_files_label() });
  const status = h('p', { id: 'compare-status', role: 'status', class: 'help' }, m.debrief_cmp_no_files());
  const results = h('div', { id: 'compare-results' });
  let model: ClassComparison | null = null;

  const refresh = (): void => {
    fileList.replaceChildren(...files.map((f) => h('li', {}, groupName(f.fileName))));
    model = null;
    if (files.length === 0) {
      status.textContent = m.debrief_cmp_no_files();
      results.replaceChildren();
      return;
    }
    const result = compareFiles(files, ctx.state.catalog);
    if (!result.ok) {
      status.textContent = result.message;
      status.setAttribute('data-refused', 'true');
      results.replaceChildren();
      return;
    }
    status.removeAttribute('data-refused');
    model = result.value;
    status.textContent = m.debrief_cmp_comparing({ count: model.groups.length, seed: model.seed });
    results.replaceChildren(...comparisonParts(model), h('div', { class: 'actions' }, actionButton('download-compare-csv', m.debrief_cmp_download_csv(), downloadCsv)));
  };
  const downloadCsv = (): void => {
    if (model !== null) ctx.download(`red-phone-compare-${model.scenarioId}-${model.seed.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 24)}.csv`, compareCsv(model), 'text/csv');
  };
  const take = (list: FileList | null | undefined): void => {
    if (list === null || list === undefined || list.length === 0) return;
    const chosen = Array.from(list);
    Promise.all(
      chosen.map((f) =>
        f
          .slice(0, REPLAY_READ_BYTES)
          .text()
          .then(
            (text) => ({ fileName: f.name, text }),
            () => ({ fileName: f.name, text: '' }),
          ),
      ),
    ).then((read) => {
      files = addFiles(files, read);
      refresh();
    }, refresh);
  };

  const input = h('input', {
    id: 'compare-files-input',
    type: 'file',
    multiple: true,
    accept: '.json,application/json',
    class: 'visually-hidden',
    tabindex: -1,
    'aria-label': m.debrief_cmp_files_input(),
  });
  input.addEventListener('change', () => {
    take(input.files);
    input.value = '';
  });
  const drop = h(
    'div',
    { class: 'compare-drop', id: 'compare-drop' },
    h('p', {}, m.debrief_cmp_drop()),
    h(
      'div',
      { class: 'actions' },
      actionButton('choose-compare-files', m.debrief_cmp_choose(), () => input.click(), { class: 'primary' }),
      actionButton('clear-compare-files', m.debrief_cmp_clear(), () => {
        files = [];
        refresh();
      }),
    ),
    input,
  );
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    take(e.dataTransfer?.files);
  });

  const codes = h('textarea', {
    id: 'compare-codes',
    rows: 4,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': 'compare-codes-help',
  });
  const paste = h(
    'div',
    { class: 'compare-paste' },
    h('label', { for: 'compare-codes' }, m.debrief_cmp_paste()),
    codes,
    h('p', { id: 'compare-codes-help', class: 'help' }, m.debrief_cmp_paste_help()),
    actionButton('compare-codes', m.debrief_cmp_compare_codes(), () => {
      const read = filesFromCodes(codes.value, ctx.state.catalog);
      files = addFiles(files, read.files);
      refresh();
      if (read.problems.length > 0) {
        status.textContent = `${read.problems.join(' ')} ${status.textContent ?? ''}`.trim();
        status.setAttribute('data-refused', 'true');
      }
    }),
  );

  const el = h(
    'div',
    { id: 'compare', class: 'screen compare-screen' },
    h('p', { class: 'kicker' }, m.debrief_cmp_kicker()),
    heading(m.debrief_cmp_heading()),
    h('p', { class: 'help' }, m.debrief_cmp_intro()),
    drop,
    paste,
    fileList,
    status,
    results,
    h(
      'div',
      { class: 'actions' },
      actionButton('to-title', m.debrief_to_title(), () => ctx.store.getState().toTitle()),
    ),
  );
  return { el };
}
