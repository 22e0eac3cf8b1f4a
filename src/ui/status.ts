/**
 * The compact text summary of the state beside every turn and outcome: both sides' rungs, the
 * indicators with this turn's change, the ledger of requests, the hotline, the intel and news feed.
 */
import type { GameState, LedgerEntry, LogRecord, Scenario, Side } from '../engine';
import { m } from '../i18n/lang';
import { betterFor, feedOf, rungLabel } from '../store/derive';
import { h } from './dom';
import { deltaText, judgement, sideName } from './format';

const HOTLINE_WORDS: Readonly<Record<string, () => string>> = {
  idle: m.play_hotline_idle,
  ringing: m.play_hotline_ringing,
  answered: m.play_hotline_answered,
  unanswered: m.play_hotline_unanswered,
};

export function hotlineWords(status: string): string {
  return HOTLINE_WORDS[status]?.() ?? status;
}

/** An answer's quality in words: "full answer", "partial answer", "token answer", "no answer". */
export function answerWords(quality: LedgerEntry['quality']): string {
  return quality === 'full' ? m.play_answer_full() : quality === 'partial' ? m.play_answer_partial() : quality === 'token' ? m.play_answer_token() : m.play_answer_none();
}

/** A request of the ledger in words; `topic` shows its topic in the page's language (the scenario's translation). */
export function ledgerWords(e: LedgerEntry, topic: (t: string) => string = (t) => t): string {
  const head = `#${e.id} ${sideName(e.from)} → ${sideName(e.to)}: ${topic(e.topic)}`;
  switch (e.status) {
    case 'open':
      return m.play_ledger_open({ head, sent: e.sentTurn, due: e.dueTurn });
    case 'on_time':
      return e.quality === 'token' ? m.play_ledger_token({ head, turn: e.answeredTurn ?? '?' }) : m.play_ledger_on_time({ head, turn: e.answeredTurn ?? '?', answer: answerWords(e.quality) });
    case 'late':
      return m.play_ledger_late({ head, turn: e.answeredTurn ?? '?', answer: answerWords(e.quality), due: e.dueTurn });
    case 'never':
      return m.play_ledger_never({ head, due: e.dueTurn });
  }
}

/** A bar for the eye only: the number beside it carries the value. */
function meter(share: number): HTMLElement {
  const fill = h('span', { class: 'meter-fill' });
  fill.style.width = `${Math.max(0, Math.min(100, share))}%`;
  return h('span', { class: 'meter', 'aria-hidden': 'true' }, fill);
}

const SHORT: Readonly<Record<Side, () => string>> = { us: m.play_short_us, cn: m.play_short_cn };

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
      h('td', { class: `delta ${verdict}` }, deltaText(delta), verdict === 'same' ? '' : verdict === 'better' ? m.play_good_for({ who: SHORT[viewer]() }) : m.play_bad_for({ who: SHORT[viewer]() })),
    );
  });
  return h(
    'table',
    { class: 'indicators' },
    h('caption', {}, viewer === 'us' ? m.play_indicators_caption_us() : m.play_indicators_caption_cn()),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, m.play_indicator()), h('th', { scope: 'col' }, m.play_now()), h('th', { scope: 'col' }, m.play_last_turn()))),
    h('tbody', {}, ...rows),
    h(
      'tfoot',
      {},
      h(
        'tr',
        {},
        h(
          'td',
          { colspan: 3, class: 'help' },
          scenario.file.indicators.map((i) => (betterFor(i.better, viewer) === 'higher' ? m.play_range_higher : m.play_range_lower)({ label: i.label, min: i.min, max: i.max })).join(m.list_sep()),
        ),
      ),
    ),
  );
}

/** The state summary, as an aside with its own headings. */
export function statusPanel(scenario: Scenario, game: GameState, last: LogRecord | null, viewer: Side = 'us'): HTMLElement {
  const feed = feedOf(scenario, game).slice(0, 6);
  const ladderSize = scenario.ladder.length;
  return h(
    'aside',
    { class: 'status', 'aria-labelledby': 'status-title' },
    h('h2', { id: 'status-title' }, m.play_the_situation()),
    h(
      'section',
      { 'aria-labelledby': 'rungs-title' },
      h('h3', { id: 'rungs-title' }, m.play_escalation_ladder()),
      h(
        'ul',
        { class: 'rungs' },
        ...(['us', 'cn'] as const).map((side) =>
          h(
            'li',
            { 'data-side': side },
            h('strong', {}, m.play_side_colon({ side: sideName(side) })),
            m.play_rung_of({ label: rungLabel(scenario, game.rung[side]), n: game.rung[side] + 1, of: ladderSize }),
          ),
        ),
      ),
    ),
    h('section', { 'aria-labelledby': 'indicators-title' }, h('h3', { id: 'indicators-title', class: 'visually-hidden' }, m.play_indicators()), indicators(scenario, game, last, viewer)),
    h(
      'section',
      { 'aria-labelledby': 'hotline-title' },
      h('h3', { id: 'hotline-title' }, m.play_hotline()),
      h(
        'p',
        { 'data-hotline': game.hotline.status },
        m.play_hotline_status({ words: hotlineWords(game.hotline.status), calls: game.hotline.calls, answered: game.hotline.answered, unanswered: game.hotline.unanswered }),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'ledger-title' },
      h('h3', { id: 'ledger-title' }, m.play_ledger_title()),
      game.ledger.length === 0
        ? h('p', { class: 'help' }, m.play_ledger_empty())
        : h(
            'ul',
            { class: 'ledger' },
            ...game.ledger.map((e) =>
              h(
                'li',
                { 'data-status': e.status },
                ledgerWords(e, (t) => scenario.topicNames.get(t) ?? t),
              ),
            ),
          ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'feed-title' },
      h('h3', { id: 'feed-title' }, m.play_feed_title()),
      feed.length === 0
        ? h('p', { class: 'help' }, m.play_feed_empty())
        : h(
            'ul',
            { class: 'feed' },
            ...feed.map((i) => h('li', {}, h('span', { class: 'turn-tag' }, `T${i.turn}`), ' ', i.title !== null ? h('strong', {}, m.play_title_colon({ title: i.title })) : null, i.text)),
          ),
    ),
  );
}
