/**
 * Class comparison: the facilitator imports several groups' replay files (file input or drag and
 * drop) of one scenario and seed; the screen lays them side by side turn by turn, marks in words
 * where they diverged, shows each path's ending and scores, charts every indicator with one line per
 * group, and downloads the table as CSV. The files chosen live in this view only.
 */

import { addFiles, type ClassComparison, compareCsv, compareFiles, describeDecisions, describeResults, filesFromCodes, type GroupFile, groupName } from '../../store/compare-files';
import { SIDE_NAMES, SIDES } from '../../store/derive';
import { REPLAY_READ_BYTES } from '../../store/review';
import { actionButton, h, heading } from '../dom';
import type { Ctx, View } from '../view';
import { groupCharts } from './compare-chart';
import '../trainee.css';
import { toneWords } from '../../store/derive';

type PathNode = ClassComparison['tree'];

/** Every fork of the decision tree in words: at which turn which groups parted, and what each chose. */
function forks(node: PathNode, out: HTMLElement[] = []): HTMLElement[] {
  if (node.children.length > 1) {
    const turn = node.children[0]?.turn ?? node.turn + 1;
    out.push(h('li', { 'data-fork-turn': turn }, h('strong', {}, `Turn ${turn}: `), node.children.map((c) => `${c.groups.join(', ')} chose “${c.decisions}”`).join('; '), '.'));
  }
  for (const c of node.children) forks(c, out);
  return out;
}

function summary(model: ClassComparison): HTMLElement {
  const div = model.firstDivergence;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'compare-summary-title', id: 'compare-summary' },
    h('h2', { id: 'compare-summary-title' }, 'What each group’s path produced'),
    h('p', { id: 'compare-divergence' }, div === null ? 'All groups made the same decisions on every turn.' : `The groups first diverged at turn ${div}.`),
    div === null ? null : h('ul', { class: 'forks', 'aria-label': 'Where the groups parted' }, ...forks(model.tree)),
    h(
      'table',
      { class: 'data-table' },
      h('caption', {}, `${model.scenarioTitle} (version ${model.scenarioVersion}), seed ${model.seed}: each group’s ending and objective scores`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Group'),
          h('th', { scope: 'col' }, 'Turns'),
          h('th', { scope: 'col' }, 'Ending'),
          ...SIDES.map((s) => h('th', { scope: 'col' }, `${SIDE_NAMES[s]}: total score`)),
          h('th', { scope: 'col' }, 'Objectives met'),
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
            h('td', { class: 'ending' }, g.ending === null ? 'not reached' : `${g.ending.title} (${toneWords(g.ending.tone)})`),
            ...SIDES.map((s) => h('td', { class: 'num' }, String(g.totals[s]))),
            h(
              'td',
              {},
              g.objectives
                .filter((o) => o.met)
                .map((o) => `${SIDE_NAMES[o.side]}: ${o.label}`)
                .join('; ') || 'none',
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
    h('h2', { id: 'compare-turns-title' }, 'Turn by turn'),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Turn by turn comparison, scrollable' },
      h(
        'table',
        { class: 'data-table compare-table' },
        h('caption', {}, 'What each group chose and what followed; “diverged here” marks a turn where groups that had decided alike chose differently'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Turn'), ...model.groups.map((g) => h('th', { scope: 'col' }, g.name)))),
        h(
          'tbody',
          {},
          ...model.turns.map((row) =>
            h(
              'tr',
              { class: row.diverges ? 'diverges' : '', 'data-turn': row.turn, 'data-diverges': row.diverges ? 'true' : 'false' },
              h('th', { scope: 'row' }, `Turn ${row.turn}`, h('br'), row.date, row.diverges ? h('strong', { class: 'divergence-mark' }, h('br'), '⑂ diverged here') : null),
              ...row.groups.map((cell) => h('td', {}, cell === null ? '(game over)' : h('span', {}, h('strong', {}, describeDecisions(cell)), ' ', describeResults(cell)))),
            ),
          ),
        ),
      ),
    ),
  );
}

export function compareScreen(ctx: Ctx): View {
  let files: GroupFile[] = [];
  const fileList = h('ul', { id: 'compare-files', 'aria-label': 'Replay files chosen' });
  const status = h('p', { id: 'compare-status', role: 'status', class: 'help' }, 'No files chosen yet.');
  const results = h('div', { id: 'compare-results' });
  let model: ClassComparison | null = null;

  const refresh = (): void => {
    fileList.replaceChildren(...files.map((f) => h('li', {}, groupName(f.fileName))));
    model = null;
    if (files.length === 0) {
      status.textContent = 'No files chosen yet.';
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
    status.textContent = `Comparing ${model.groups.length} groups on seed ${model.seed}.`;
    results.replaceChildren(...comparisonParts(model), h('div', { class: 'actions' }, actionButton('download-compare-csv', 'Download the comparison as CSV', downloadCsv)));
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
    'aria-label': 'Replay files of the groups',
  });
  input.addEventListener('change', () => {
    take(input.files);
    input.value = '';
  });
  const drop = h(
    'div',
    { class: 'compare-drop', id: 'compare-drop' },
    h('p', {}, 'Drop the groups’ replay files here, or choose them:'),
    h(
      'div',
      { class: 'actions' },
      actionButton('choose-compare-files', 'Choose replay files…', () => input.click(), { class: 'primary' }),
      actionButton('clear-compare-files', 'Clear the files', () => {
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
    h('label', { for: 'compare-codes' }, 'Or paste the groups’ replay codes or links, one a line:'),
    codes,
    h('p', { id: 'compare-codes-help', class: 'help' }, 'Put a group’s name before its code to show it by name (North: RP1.…); a line without a name is Group 1, Group 2… by its place.'),
    actionButton('compare-codes', 'Compare these codes', () => {
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
    h('p', { class: 'kicker' }, 'Class comparison'),
    heading('Compare the groups'),
    h(
      'p',
      { class: 'help' },
      'Each group downloads its replay file from the debrief (or copies its replay code). Import the files or paste the codes of groups that played the same scenario on the same seed: the comparison shows, turn by turn, what each chose and where they parted.',
    ),
    drop,
    paste,
    fileList,
    status,
    results,
    h(
      'div',
      { class: 'actions' },
      actionButton('to-title', 'Back to the title screen', () => ctx.store.getState().toTitle()),
    ),
  );
  return { el };
}
