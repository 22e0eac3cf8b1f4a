/**
 * The outcome of a turn: what each side did and what came of it, the counterpart's response, the
 * indicator changes, ledger and hotline events, and (when shown) the chance and the draw.
 */
import type { LedgerEvent, Scenario } from '../../engine';
import { causeWords } from '../../store/causes';
import { betterFor, indicatorLabel, type MoveView, OFF_LADDER_WORDS, recordView, viewerOf } from '../../store/derive';
import { oddsKept, oddsShown } from '../../store/odds-kept';
import { reviewSteps, stepIndex } from '../../store/review';
import type { Run } from '../../store/run';
import { h, heading, paragraphs } from '../dom';
import { chanceText, deltaText, judgement, sideName } from '../format';
import { glossedParagraphs } from '../gloss';
import { continueButton, reviewBar, termTags } from '../parts';
import { runMenu } from '../run-menu';
import { hotlineWords, statusPanel } from '../status';
import type { Ctx, View } from '../view';

function moveBlock(ctx: Ctx, scenario: Scenario, m: MoveView, showOdds: boolean, seen: Set<string>): HTMLElement {
  const who = m.by === 'model' ? `${sideName(m.side)} (counterpart model)` : sideName(m.side);
  return h(
    'section',
    { class: `card move move-${m.side}`, 'data-side': m.side, 'aria-label': `${who}: ${m.label}` },
    h('h2', {}, h('span', { class: 'who' }, `${who}: `), m.label),
    m.optionText !== '' ? h('p', { class: 'help option-recap' }, m.optionText) : null,
    h('p', { class: 'rung' }, m.offLadder ? OFF_LADDER_WORDS : `Rung: ${m.rung}`),
    termTags(ctx, scenario, m.uses, m.strains, m.why),
    glossedParagraphs(m.outcomeText, seen, { class: 'prose outcome-text' }),
    showOdds
      ? h('p', { class: 'odds' }, m.pick !== null ? `The model picked this option: ${chanceText(m.pick.chanceBp, m.pick.draw)}. ` : '', m.drawWords)
      : m.forced
        ? h('p', { class: 'odds forced' }, 'Forced by the facilitator, not drawn.')
        : null,
  );
}

function ledgerEventWords(e: LedgerEvent): string {
  const pair = `request #${e.request} from ${sideName(e.from)} to ${sideName(e.to)}`;
  switch (e.kind) {
    case 'sent':
      return `Sent: ${pair}.`;
    case 'answered':
      return `Answered ${e.late ? 'late' : 'on time'}: ${pair} (${e.quality ?? 'no'} answer)${e.late ? '' : ' ✓'}.`;
    case 'overdue':
      return `Overdue: ${pair} is due now and still open ⚠.`;
    case 'expired':
      return `Never answered: ${pair} ✗.`;
  }
}

/** The continue button while watching a replay: to the next turn's choice, the debrief, or nowhere. */
function reviewContinue(ctx: Ctx, run: Run): HTMLElement {
  const steps = run.review === null ? [] : reviewSteps(run.review);
  const next = steps[stepIndex(run) + 1];
  const label = next === undefined ? 'The replay ends here' : next.place === 'debrief' ? 'Go to the debrief' : next.place === 'turn' ? 'Next turn' : 'Next event';
  return continueButton(label, () => ctx.store.getState().continueFromOutcome(), next === undefined);
}

export function outcomeScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  const record = run?.lastRecord ?? null;
  if (run === null || record === null) return { el: h('div', { class: 'screen' }, heading('Nothing has happened yet')) };
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
      h('p', { class: 'kicker' }, view.date !== null ? `Turn ${view.turn} · ${view.beatTitle ?? ''}` : `After turn ${view.turn}`),
      heading(view.moves.length > 0 ? 'What happened' : 'An event'),
      h(
        'div',
        { id: 'outcome-text' },
        ...order.map((m) => moveBlock(ctx, scenario, m, showOdds, seen)),
        ...view.injects.map((i) =>
          h(
            'section',
            { class: 'card inject', 'data-inject': i.id },
            h('h2', {}, h('span', { class: 'who' }, i.by === 'facilitator' ? 'Facilitator inject: ' : 'Event: '), i.title),
            paragraphs(i.text),
          ),
        ),
      ),
      h(
        'section',
        { class: 'card changes', 'aria-labelledby': 'changes-title' },
        h('h2', { id: 'changes-title' }, 'What changed'),
        view.changes.length === 0
          ? h('p', {}, 'No indicator moved.')
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
                  `: ${c.from} → ${c.to}, ${deltaText(c.to - c.from)}${verdict === 'better' ? ` (good for ${forSide})` : verdict === 'worse' ? ` (bad for ${forSide})` : ''}`,
                  cause !== undefined ? h('span', { class: 'cause' }, `. Caused by: ${causeWords(cause)}`) : null,
                );
              }),
            ),
        view.ledger.length > 0 ? h('ul', { class: 'ledger-events' }, ...view.ledger.map((e) => h('li', {}, ledgerEventWords(e)))) : null,
        view.hotline !== null && view.hotline !== 'idle' ? h('p', {}, `Hotline: ${hotlineWords(view.hotline)}.`) : null,
        ending !== undefined ? h('p', { class: 'ending-note' }, h('strong', {}, 'The crisis has reached its end: '), ending.title, '.') : null,
      ),
      oddsKept(ctx.state) ? null : h('div', { class: 'setting' }, odds, h('label', { for: 'show-odds' }, 'Show odds (the chance of each outcome and the draw)')),
      run.review === null
        ? h(
            'div',
            { class: 'actions sticky' },
            continueButton(run.game.ending !== null ? 'Go to the debrief' : 'Next turn', () => store.getState().continueFromOutcome()),
          )
        : h('div', { class: 'actions sticky' }, reviewContinue(ctx, run)),
    ),
    statusPanel(scenario, run.game, run.lastRecord, viewerOf(run.side)),
  );
  return { el };
}
