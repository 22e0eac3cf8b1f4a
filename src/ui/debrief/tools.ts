/**
 * The debrief's trainee and facilitator tools: the replay code to hand a run in, the hot wash and
 * report, rewinding to a turn to branch, the branches side by side, and luck versus choice.
 */
import type { Side } from '../../engine';
import { oddsByTurn, oddsShift, turnOddsWords } from '../../store/causes';
import { SIDES } from '../../store/derive';
import type { Run } from '../../store/run';
import { extrasOf, luckOf, type PathView, pathsOf, replayCodeOf, turnsPlayed } from '../../store/trainee';
import { actionButton, h } from '../dom';
import { sideName } from '../format';
import { peopleSides } from '../parts';
import type { Ctx } from '../view';
import { luckView } from './luck-view';

/** The address that opens a replay code in this build. */
export function replayLink(code: string): string {
  return `${location.origin}${location.pathname}?replay=${code}`;
}

function handIn(run: Run): HTMLElement {
  const made = replayCodeOf(run);
  if (!made.ok) return h('section', { class: 'card', 'aria-labelledby': 'hand-in-title' }, h('h2', { id: 'hand-in-title' }, 'Hand in this run'), h('p', {}, `No replay code: ${made.reason}.`));
  const link = replayLink(made.code);
  const status = h('p', { id: 'copy-status', class: 'help', role: 'status' });
  const copy = (): void => {
    const done = (): void => {
      status.textContent = 'Copied the replay code and its link.';
    };
    const text = `${made.code}\n${link}`;
    if (navigator.clipboard === undefined) {
      status.textContent = 'Copying is not allowed here: select the code and copy it by hand.';
      return;
    }
    navigator.clipboard.writeText(text).then(done, () => {
      status.textContent = 'Copying is not allowed here: select the code and copy it by hand.';
    });
  };
  return h(
    'section',
    { class: 'card hand-in', 'aria-labelledby': 'hand-in-title' },
    h('h2', { id: 'hand-in-title' }, 'Hand in this run'),
    h(
      'p',
      { class: 'help' },
      'This replay code carries the scenario, its version, the seed and every choice, with a checksum: opened on any copy of Red Phone it replays this run exactly, and an altered code is refused.',
    ),
    h('p', {}, h('span', { class: 'label' }, 'Replay code: '), h('code', { id: 'replay-code', class: 'replay-code' }, made.code)),
    h('p', {}, h('span', { class: 'label' }, 'Link: '), h('a', { id: 'replay-link', href: link, class: 'replay-code' }, link)),
    h('div', { class: 'actions' }, actionButton('copy-replay-code', 'Copy the code and link', copy)),
    status,
  );
}

function rewindForm(ctx: Ctx, run: Run): HTMLElement | null {
  if (run.review !== null) return null;
  const played = turnsPlayed(run.game);
  if (played === 0) return null;
  const select = h(
    'select',
    { id: 'rewind-turn' },
    ...Array.from({ length: played }, (_, k) => h('option', { value: String(k) }, k === 0 ? 'The briefing: choose again from turn 1' : `After turn ${k}: choose again from turn ${k + 1}`)),
  );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'rewind-title' },
    h('h2', { id: 'rewind-title' }, 'Rewind and choose differently'),
    h('p', { class: 'help' }, 'Go back to a turn of this run with the same dice and choose again: a branch. The path you leave is kept under its name, and the debrief compares the paths.'),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'rewind-turn' }, 'Rewind to'),
      select,
      actionButton('rewind', 'Rewind and branch', () => ctx.store.getState().rewindTo(Number(select.value))),
    ),
  );
}

/** How each branch's choices moved the odds, turn by turn, against this run. */
function shiftList(run: Run, paths: readonly PathView[], sides: readonly Side[]): HTMLElement | null {
  const here = oddsByTurn(run.scenario, run.game.log, sides);
  const lines: string[] = [];
  for (const p of paths) {
    if (p.current) continue;
    for (const theirs of oddsByTurn(run.scenario, p.game.log, sides)) {
      const mine = here.find((m) => m.turn === theirs.turn && m.side === theirs.side);
      const shift = mine === undefined ? null : oddsShift(mine, theirs);
      if (shift !== null) lines.push(`${p.label}, ${shift}`);
    }
  }
  return lines.length === 0 ? null : h('ul', { class: 'odds-shifts', 'aria-label': 'How the branches moved the odds' }, ...lines.map((l) => h('li', {}, l)));
}

function branchesView(run: Run): HTMLElement | null {
  if (extrasOf(run).branches.length === 0) return null;
  const paths = pathsOf(run);
  const sides = peopleSides(run);
  const maxTurns = Math.max(...paths.map((p) => p.choices.length));
  const objectives = run.scenario.file.objectives.filter((o) => sides.includes(o.side));
  return h(
    'section',
    { class: 'card branches', 'aria-labelledby': 'branches-title', id: 'branches' },
    h('h2', { id: 'branches-title' }, 'Your branches, side by side'),
    h(
      'ul',
      {},
      ...paths.map((p) =>
        h(
          'li',
          { 'data-branch': p.label },
          h('strong', {}, `${p.label}: `),
          p.current ? 'the path you are looking at' : p.splitTurn === null ? 'made the same choices as this path as far as it went' : `parts from this path at turn ${p.splitTurn}`,
          `; ending: ${p.endingTitle ?? 'not reached'}.`,
        ),
      ),
    ),
    shiftList(run, paths, sides),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Branch comparison, scrollable' },
      h(
        'table',
        { class: 'data-table' },
        h('caption', {}, 'Each branch: where it split, its choices, its ending and objective scores'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'), ...paths.map((p) => h('th', { scope: 'col' }, p.label)))),
        h(
          'tbody',
          {},
          h('tr', {}, h('th', { scope: 'row' }, 'Split at'), ...paths.map((p) => h('td', {}, p.current ? '—' : p.splitTurn === null ? 'no split' : `turn ${p.splitTurn}`))),
          ...Array.from({ length: maxTurns }, (_, t) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, `Turn ${t + 1}`),
              ...paths.map((p) => h('td', {}, p.splitTurn !== null && t + 1 >= p.splitTurn ? `${p.choices[t] ?? '—'}${t + 1 === p.splitTurn ? ' (split here)' : ''}` : (p.choices[t] ?? '—'))),
            ),
          ),
          ...Array.from({ length: maxTurns }, (_, t) =>
            h(
              'tr',
              { class: 'odds-row' },
              h('th', { scope: 'row' }, `Turn ${t + 1}: what happened, its chance and the die`),
              ...paths.map((p) =>
                h(
                  'td',
                  {},
                  oddsByTurn(run.scenario, p.game.log, sides)
                    .filter((o) => o.turn === t + 1)
                    .map(turnOddsWords)
                    .join(' / ') || '—',
                ),
              ),
            ),
          ),
          h('tr', {}, h('th', { scope: 'row' }, 'Ending'), ...paths.map((p) => h('td', {}, p.endingTitle ?? 'not reached'))),
          ...objectives.map((o) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, `${sides.length > 1 ? `${sideName(o.side)}: ` : ''}${o.label}`),
              ...paths.map((p) => {
                const r = p.objectives.find((x) => x.id === o.id);
                return h('td', { class: 'num' }, r === undefined ? '—' : `${r.score} / 100 ${r.met ? '✓ met' : '✗ not met'}`);
              }),
            ),
          ),
          ...SIDES.filter((s) => sides.includes(s)).map((s) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, `${sideName(s)}: total score`),
              ...paths.map((p) => h('td', { class: 'num' }, String(p.objectives.filter((o) => o.side === s).reduce((a, o) => a + o.score, 0)))),
            ),
          ),
        ),
      ),
    ),
  );
}

function luckSection(run: Run): HTMLElement {
  const sides = peopleSides(run);
  const out = h('div', { id: 'luck-result', 'aria-live': 'polite' });
  // One button per side people played: in a two-team run each team asks about its own result.
  const buttons = sides.map((side) => {
    const label = sides.length > 1 ? `Luck versus choice for ${sideName(side)}` : 'Luck versus choice';
    const button = actionButton(sides.length > 1 ? `luck-${side}` : 'luck', label, () => {
      for (const b of buttons) b.disabled = true;
      out.replaceChildren(h('p', {}, `Replaying ${sideName(side)}’s choices under 200 other seeds…`));
      setTimeout(() => {
        const result = luckOf(run, side);
        out.replaceChildren(result.ok ? luckView(result.value) : h('p', {}, `Luck versus choice could not run: ${result.error.message}.`));
        for (const b of buttons) b.disabled = false;
      }, 30);
    });
    return button;
  });
  const who = sides.map((s) => `${sideName(s)}’s`).join(' or ');
  return h(
    'section',
    { class: 'card luck', 'aria-labelledby': 'luck-title' },
    h('h2', { id: 'luck-title' }, 'Luck versus choice'),
    h('p', { class: 'help' }, `How much of ${who} result came from the dice? The choices are replayed under 200 other seeds, and the simulator’s policies play this seed.`),
    h('div', { class: 'actions' }, ...buttons),
    out,
  );
}

/** The tools, in the order a class uses them after a run. */
export function debriefTools(ctx: Ctx, run: Run): HTMLElement {
  return h(
    'div',
    { class: 'debrief-tools', id: 'debrief-tools', tabindex: -1 },
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'hot-wash-title' },
      h('h2', { id: 'hot-wash-title' }, 'Hot wash and after-action report'),
      h('p', { class: 'help' }, 'Discuss the questions, keep the group’s notes, then print or download the after-action report.'),
      h(
        'div',
        { class: 'actions' },
        actionButton('hot-wash', 'Hot wash: discussion and notes', () => ctx.store.getState().showPanel('hot-wash'), { class: 'primary' }),
      ),
    ),
    branchesView(run),
    rewindForm(ctx, run),
    luckSection(run),
    handIn(run),
  );
}
