/**
 * The compact text summary of the state beside every turn and outcome: both sides' rungs, the
 * indicators with this turn's change, the ledger of requests, the hotline, the intel and news feed.
 */
import type { GameState, LedgerEntry, LogRecord, Scenario, Side } from '../engine';
import { betterFor, feedOf, rungLabel } from '../store/derive';
import { h } from './dom';
import { deltaText, judgement, sideName } from './format';

const HOTLINE_WORDS: Readonly<Record<string, string>> = {
  idle: 'quiet: no call placed',
  ringing: 'ringing: no answer yet',
  answered: 'answered ✓',
  unanswered: 'unanswered ✗',
};

export function hotlineWords(status: string): string {
  return HOTLINE_WORDS[status] ?? status;
}

export function ledgerWords(e: LedgerEntry): string {
  const head = `#${e.id} ${sideName(e.from)} → ${sideName(e.to)}: ${e.topic}`;
  switch (e.status) {
    case 'open':
      return `${head}. Sent turn ${e.sentTurn}, due turn ${e.dueTurn}: open.`;
    case 'on_time':
      return e.quality === 'token'
        ? `${head}. Only a token acknowledgement, turn ${e.answeredTurn ?? '?'}: in time, not an answer ⚠.`
        : `${head}. Answered on time, turn ${e.answeredTurn ?? '?'} (${e.quality ?? 'no'} answer) ✓.`;
    case 'late':
      return `${head}. Answered late, turn ${e.answeredTurn ?? '?'} (${e.quality ?? 'no'} answer; due turn ${e.dueTurn}).`;
    case 'never':
      return `${head}. Never answered (due turn ${e.dueTurn}) ✗.`;
  }
}

/** A bar for the eye only: the number beside it carries the value. */
function meter(share: number): HTMLElement {
  const fill = h('span', { class: 'meter-fill' });
  fill.style.width = `${Math.max(0, Math.min(100, share))}%`;
  return h('span', { class: 'meter', 'aria-hidden': 'true' }, fill);
}

const SHORT: Readonly<Record<Side, string>> = { us: 'the US', cn: 'China' };

function indicators(scenario: Scenario, game: GameState, last: LogRecord | null, viewer: Side): HTMLElement {
  const rows = scenario.file.indicators.map((ind) => {
    const value = game.indicators[ind.id] ?? ind.start;
    const change = last?.changes.find((c) => c.id === ind.id);
    const delta = change === undefined ? 0 : change.to - change.from;
    const verdict = judgement(delta, betterFor(ind.better, viewer));
    const share = ind.max === ind.min ? 0 : Math.round(((value - ind.min) * 100) / (ind.max - ind.min));
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, ind.label),
      h('td', { class: 'num' }, meter(share), String(value)),
      h('td', { class: `delta ${verdict}` }, deltaText(delta), verdict === 'same' ? '' : verdict === 'better' ? ` (good for ${SHORT[viewer]})` : ` (bad for ${SHORT[viewer]})`),
    );
  });
  return h(
    'table',
    { class: 'indicators' },
    h('caption', {}, `Indicators (range, and which way is better for ${viewer === 'us' ? 'the United States' : 'China'})`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Indicator'), h('th', { scope: 'col' }, 'Now'), h('th', { scope: 'col' }, 'Last turn'))),
    h('tbody', {}, ...rows),
    h('tfoot', {}, h('tr', {}, h('td', { colspan: 3, class: 'help' }, scenario.file.indicators.map((i) => `${i.label} ${i.min}–${i.max}, ${betterFor(i.better, viewer)} is better`).join('; ')))),
  );
}

/** The state summary, as an aside with its own headings. */
export function statusPanel(scenario: Scenario, game: GameState, last: LogRecord | null, viewer: Side = 'us'): HTMLElement {
  const feed = feedOf(scenario, game).slice(0, 6);
  const ladderSize = scenario.ladder.length;
  return h(
    'aside',
    { class: 'status', 'aria-labelledby': 'status-title' },
    h('h2', { id: 'status-title' }, 'The situation'),
    h(
      'section',
      { 'aria-labelledby': 'rungs-title' },
      h('h3', { id: 'rungs-title' }, 'Escalation ladder'),
      h(
        'ul',
        { class: 'rungs' },
        ...(['us', 'cn'] as const).map((side) =>
          h('li', { 'data-side': side }, h('strong', {}, `${sideName(side)}: `), `${rungLabel(scenario, game.rung[side])} (rung ${game.rung[side] + 1} of ${ladderSize})`),
        ),
      ),
    ),
    h('section', { 'aria-labelledby': 'indicators-title' }, h('h3', { id: 'indicators-title', class: 'visually-hidden' }, 'Indicators'), indicators(scenario, game, last, viewer)),
    h(
      'section',
      { 'aria-labelledby': 'hotline-title' },
      h('h3', { id: 'hotline-title' }, 'Hotline'),
      h('p', { 'data-hotline': game.hotline.status }, `${hotlineWords(game.hotline.status)}. Calls ${game.hotline.calls}, answered ${game.hotline.answered}, unanswered ${game.hotline.unanswered}.`),
    ),
    h(
      'section',
      { 'aria-labelledby': 'ledger-title' },
      h('h3', { id: 'ledger-title' }, 'Ledger of assistance requests'),
      game.ledger.length === 0
        ? h('p', { class: 'help' }, 'No request for assistance has been sent.')
        : h('ul', { class: 'ledger' }, ...game.ledger.map((e) => h('li', { 'data-status': e.status }, ledgerWords(e)))),
    ),
    h(
      'section',
      { 'aria-labelledby': 'feed-title' },
      h('h3', { id: 'feed-title' }, 'Intel and news'),
      feed.length === 0
        ? h('p', { class: 'help' }, 'Nothing reported yet.')
        : h('ul', { class: 'feed' }, ...feed.map((i) => h('li', {}, h('span', { class: 'turn-tag' }, `T${i.turn}`), ' ', i.title !== null ? h('strong', {}, `${i.title}: `) : null, i.text))),
    ),
  );
}
