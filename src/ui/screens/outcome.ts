/**
 * The outcome of a turn: what each side did and what came of it, the counterpart's response, the
 * indicator changes, ledger and hotline events, and (when shown) the chance and the draw.
 */
import type { LedgerEvent, Scenario } from '../../engine';
import { m as msg } from '../../i18n/lang';
import { causeWords } from '../../store/causes';
import { betterFor, indicatorLabel, type MoveView, offLadderWords, recordView, viewerOf } from '../../store/derive';
import { oddsKept, oddsShown } from '../../store/odds-kept';
import { reviewSteps, stepIndex } from '../../store/review';
import type { Run } from '../../store/run';
import { h, heading, paragraphs } from '../dom';
import { chanceText, deltaText, judgement, sideName } from '../format';
import { glossedParagraphs } from '../gloss';
import { continueButton, reviewBar, termTags } from '../parts';
import { runMenu } from '../run-menu';
import { answerWords, hotlineWords, statusPanel } from '../status';
import type { Ctx, View } from '../view';

function moveBlock(ctx: Ctx, scenario: Scenario, m: MoveView, showOdds: boolean, seen: Set<string>): HTMLElement {
  const who = m.by === 'model' ? msg.play_who_model({ side: sideName(m.side) }) : sideName(m.side);
  return h(
    'section',
    { class: `card move move-${m.side}`, 'data-side': m.side, 'aria-label': msg.play_who_label({ who, label: m.label }) },
    h('h2', {}, h('span', { class: 'who' }, msg.play_side_colon({ side: who })), m.label),
    m.optionText !== '' ? h('p', { class: 'help option-recap' }, m.optionText) : null,
    h('p', { class: 'rung' }, m.offLadder ? offLadderWords() : msg.play_rung({ label: m.rung })),
    termTags(ctx, scenario, m.uses, m.strains, m.why),
    glossedParagraphs(m.outcomeText, seen, { class: 'prose outcome-text' }),
    showOdds
      ? h('p', { class: 'odds' }, m.pick !== null ? msg.play_model_picked({ chance: chanceText(m.pick.chanceBp, m.pick.draw) }) : '', m.drawWords)
      : m.forced
        ? h('p', { class: 'odds forced' }, msg.play_forced())
        : null,
  );
}

function ledgerEventWords(e: LedgerEvent): string {
  const pair = msg.play_request_pair({ n: e.request, from: sideName(e.from), to: sideName(e.to) });
  switch (e.kind) {
    case 'sent':
      return msg.play_ev_sent({ pair });
    case 'answered':
      return (e.late ? msg.play_ev_answered_late : msg.play_ev_answered_on_time)({ pair, answer: answerWords(e.quality ?? null) });
    case 'overdue':
      return msg.play_ev_overdue({ pair });
    case 'expired':
      return msg.play_ev_expired({ pair });
  }
}

/** The continue button while watching a replay: to the next turn's choice, the debrief, or nowhere. */
function reviewContinue(ctx: Ctx, run: Run): HTMLElement {
  const steps = run.review === null ? [] : reviewSteps(run.review);
  const next = steps[stepIndex(run) + 1];
  const label = next === undefined ? msg.play_replay_ends() : next.place === 'debrief' ? msg.play_go_debrief() : next.place === 'turn' ? msg.play_next_turn() : msg.play_next_event();
  return continueButton(label, () => ctx.store.getState().continueFromOutcome(), next === undefined);
}

export function outcomeScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  const record = run?.lastRecord ?? null;
  if (run === null || record === null) return { el: h('div', { class: 'screen' }, heading(msg.play_nothing_yet())) };
  const scenario = run.scenario;
  const view = recordView(scenario, record);
  const showOdds = oddsShown(ctx.state);
  const seen = new Set<string>();
  const store = ctx.store;
  const order = [...view.moves].sort((a, b) => (a.by === b.by ? 0 : a.by === 'people' ? -1 : 1));
  const ending = view.ending !== null ? scenario.file.endings.find((e) => e.id === view.ending) : undefined;
  const odds = h('input', { type: 'checkbox', id: 'show-odds', checked: showOdds });
  odds.addEventListener('change', () => store.getState().setSettings({ showOdds: odds.checked }));
  const el = h(
    'div',
    { class: 'screen outcome-screen' },
    h(
      'div',
      { class: 'main-column' },
      reviewBar(ctx, run),
      runMenu(ctx, run),
      h('p', { class: 'kicker' }, view.date !== null ? msg.play_turn_kicker({ turn: view.turn, title: view.beatTitle ?? '' }) : msg.play_after_turn({ turn: view.turn })),
      heading(view.moves.length > 0 ? msg.play_what_happened() : msg.play_an_event()),
      h(
        'div',
        { id: 'outcome-text' },
        ...order.map((m) => moveBlock(ctx, scenario, m, showOdds, seen)),
        ...view.injects.map((i) =>
          h(
            'section',
            { class: 'card inject', 'data-inject': i.id },
            h('h2', {}, h('span', { class: 'who' }, i.by === 'facilitator' ? msg.play_inject_facilitator() : msg.play_inject_event()), i.title),
            paragraphs(i.text),
          ),
        ),
      ),
      h(
        'section',
        { class: 'card changes', 'aria-labelledby': 'changes-title' },
        h('h2', { id: 'changes-title' }, msg.play_what_changed()),
        view.changes.length === 0
          ? h('p', {}, msg.play_no_indicator_moved())
          : h(
              'ul',
              {},
              ...view.changes.map((c) => {
                const better = scenario.file.indicators.find((i) => i.id === c.id)?.better;
                const verdict0 = better === undefined ? 'higher' : betterFor(better, viewerOf(run.side));
                const verdict = judgement(c.to - c.from, verdict0);
                const cause = view.causes.find((x) => x.id === c.id);
                const forSide = sideName(viewerOf(run.side));
                return h(
                  'li',
                  { class: `delta ${verdict}` },
                  h('strong', {}, indicatorLabel(scenario, c.id)),
                  (verdict === 'better' ? msg.play_change_good : verdict === 'worse' ? msg.play_change_bad : msg.play_change)({
                    from: c.from,
                    to: c.to,
                    delta: deltaText(c.to - c.from),
                    side: forSide,
                  }),
                  cause !== undefined ? h('span', { class: 'cause' }, msg.play_caused_by({ causes: causeWords(cause) })) : null,
                );
              }),
            ),
        view.ledger.length > 0 ? h('ul', { class: 'ledger-events' }, ...view.ledger.map((e) => h('li', {}, ledgerEventWords(e)))) : null,
        view.hotline !== null && view.hotline !== 'idle' ? h('p', {}, msg.play_hotline_line({ words: hotlineWords(view.hotline) })) : null,
        ending !== undefined ? h('p', { class: 'ending-note' }, h('strong', {}, msg.play_crisis_end()), msg.play_ending_title({ title: ending.title })) : null,
      ),
      oddsKept(ctx.state) ? null : h('div', { class: 'setting' }, odds, h('label', { for: 'show-odds' }, msg.play_show_odds())),
      run.review === null
        ? h(
            'div',
            { class: 'actions sticky' },
            continueButton(run.game.ending !== null ? msg.play_go_debrief() : msg.play_next_turn(), () => store.getState().continueFromOutcome()),
          )
        : h('div', { class: 'actions sticky' }, reviewContinue(ctx, run)),
    ),
    statusPanel(scenario, run.game, run.lastRecord, viewerOf(run.side)),
  );
  return { el };
}
