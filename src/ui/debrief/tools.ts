/**
 * The debrief's trainee and facilitator tools: the replay code to hand a run in, the hot wash and
 * report, rewinding to a turn to branch, the branches side by side, and luck versus choice.
 */
import type { Side } from '../../engine';
import { m } from '../../i18n/lang';
import { sourceOf } from '../../store/analysis';
import { oddsByTurn, oddsShift, turnOddsWords } from '../../store/causes';
import { SIDES } from '../../store/derive';
import type { Run } from '../../store/run';
import { extrasOf, type LuckResult, luckInput, luckOf, type PathView, pathsOf, replayCodeOf, turnsPlayed } from '../../store/trainee';
import { runAnalysis } from '../analysis/client';
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
  if (!made.ok)
    return h('section', { class: 'card', 'aria-labelledby': 'hand-in-title' }, h('h2', { id: 'hand-in-title' }, m.debrief_hand_in()), h('p', {}, m.debrief_no_replay_code({ reason: made.reason })));
  const link = replayLink(made.code);
  const status = h('p', { id: 'copy-status', class: 'help', role: 'status' });
  const copy = (): void => {
    const done = (): void => {
      status.textContent = m.debrief_copied();
    };
    const text = `${made.code}\n${link}`;
    if (navigator.clipboard === undefined) {
      status.textContent = m.debrief_copy_blocked();
      return;
    }
    navigator.clipboard.writeText(text).then(done, () => {
      status.textContent = m.debrief_copy_blocked();
    });
  };
  return h(
    'section',
    { class: 'card hand-in', 'aria-labelledby': 'hand-in-title' },
    h('h2', { id: 'hand-in-title' }, m.debrief_hand_in()),
    h('p', { class: 'help' }, m.debrief_hand_in_help()),
    h('p', {}, h('span', { class: 'label' }, m.debrief_replay_code_label()), h('code', { id: 'replay-code', class: 'replay-code' }, made.code)),
    h('p', {}, h('span', { class: 'label' }, m.debrief_link_label()), h('a', { id: 'replay-link', href: link, class: 'replay-code' }, link)),
    h('div', { class: 'actions' }, actionButton('copy-replay-code', m.debrief_copy_button(), copy)),
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
    ...Array.from({ length: played }, (_, k) => h('option', { value: String(k) }, k === 0 ? m.debrief_rewind_briefing() : m.debrief_rewind_after({ turn: k, next: k + 1 }))),
  );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'rewind-title' },
    h('h2', { id: 'rewind-title' }, m.debrief_rewind_title()),
    h('p', { class: 'help' }, m.debrief_rewind_help()),
    h(
      'div',
      { class: 'row' },
      h('label', { for: 'rewind-turn' }, m.debrief_rewind_to()),
      select,
      actionButton('rewind', m.debrief_rewind_button(), () => ctx.store.getState().rewindTo(Number(select.value))),
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
      const mine = here.find((x) => x.turn === theirs.turn && x.side === theirs.side);
      const shift = mine === undefined ? null : oddsShift(mine, theirs);
      if (shift !== null) lines.push(m.debrief_shift_line({ branch: p.label, shift }));
    }
  }
  return lines.length === 0 ? null : h('ul', { class: 'odds-shifts', 'aria-label': m.debrief_shifts_label() }, ...lines.map((l) => h('li', {}, l)));
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
    h('h2', { id: 'branches-title' }, m.debrief_branches_title()),
    h(
      'ul',
      {},
      ...paths.map((p) =>
        h(
          'li',
          { 'data-branch': p.label },
          h('strong', {}, m.play_title_colon({ title: p.label })),
          p.current ? m.debrief_branch_current() : p.splitTurn === null ? m.debrief_branch_same() : m.debrief_branch_parts({ turn: p.splitTurn }),
          m.debrief_branch_ending({ ending: p.endingTitle ?? m.debrief_not_reached() }),
        ),
      ),
    ),
    shiftList(run, paths, sides),
    h(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': m.debrief_branch_scroll() },
      h(
        'table',
        { class: 'data-table' },
        h('caption', {}, m.debrief_branch_caption()),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, m.debrief_row()), ...paths.map((p) => h('th', { scope: 'col' }, p.label)))),
        h(
          'tbody',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, m.debrief_split_at()),
            ...paths.map((p) => h('td', {}, p.current ? '—' : p.splitTurn === null ? m.debrief_no_split() : m.debrief_turn_n_lower({ turn: p.splitTurn }))),
          ),
          ...Array.from({ length: maxTurns }, (_, t) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, m.debrief_turn_n({ turn: t + 1 })),
              ...paths.map((p) =>
                h(
                  'td',
                  {},
                  p.splitTurn !== null && t + 1 >= p.splitTurn ? (t + 1 === p.splitTurn ? m.debrief_split_here({ choice: p.choices[t] ?? '—' }) : (p.choices[t] ?? '—')) : (p.choices[t] ?? '—'),
                ),
              ),
            ),
          ),
          ...Array.from({ length: maxTurns }, (_, t) =>
            h(
              'tr',
              { class: 'odds-row' },
              h('th', { scope: 'row' }, m.debrief_turn_odds_row({ turn: t + 1 })),
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
          h('tr', {}, h('th', { scope: 'row' }, m.debrief_ending()), ...paths.map((p) => h('td', {}, p.endingTitle ?? m.debrief_not_reached()))),
          ...objectives.map((o) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, sides.length > 1 ? m.debrief_move_head({ side: sideName(o.side), label: o.label }) : o.label),
              ...paths.map((p) => {
                const r = p.objectives.find((x) => x.id === o.id);
                return h('td', { class: 'num' }, r === undefined ? '—' : (r.met ? m.debrief_score_met : m.debrief_score_not_met)({ score: r.score }));
              }),
            ),
          ),
          ...SIDES.filter((s) => sides.includes(s)).map((s) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, m.debrief_total_score({ side: sideName(s) })),
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
    const label = sides.length > 1 ? m.debrief_luck_for({ side: sideName(side) }) : m.debrief_luck();
    const button = actionButton(sides.length > 1 ? `luck-${side}` : 'luck', label, () => {
      for (const b of buttons) b.disabled = true;
      out.replaceChildren(h('p', {}, m.debrief_luck_running({ side: sideName(side) })));
      // Hundreds of replays: in the analysis worker, so the page stays responsive meanwhile.
      const done = (result: LuckResult): void => {
        out.replaceChildren(result.ok ? luckView(result.value) : h('p', {}, m.debrief_luck_failed({ reason: result.error.message })));
        for (const b of buttons) b.disabled = false;
      };
      runAnalysis({ kind: 'luck', scenario: sourceOf(run.scenario), run: luckInput(run), side }).then(
        (answer) => done(answer.kind === 'luck' ? answer.value : luckOf(run, side)),
        () => done(luckOf(run, side)),
      );
    });
    return button;
  });
  const who = sides.map((s) => m.debrief_luck_who({ side: sideName(s) })).join(m.debrief_luck_or());
  return h(
    'section',
    { class: 'card luck', 'aria-labelledby': 'luck-title' },
    h('h2', { id: 'luck-title' }, m.debrief_luck()),
    h('p', { class: 'help' }, m.debrief_luck_help({ who })),
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
      h('h2', { id: 'hot-wash-title' }, m.debrief_hot_wash_title()),
      h('p', { class: 'help' }, m.debrief_hot_wash_help()),
      h(
        'div',
        { class: 'actions' },
        actionButton('hot-wash', m.debrief_hot_wash_button(), () => ctx.store.getState().showPanel('hot-wash'), { class: 'primary' }),
      ),
    ),
    branchesView(run),
    rewindForm(ctx, run),
    luckSection(run),
    handIn(run),
  );
}
