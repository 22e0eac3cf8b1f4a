/**
 * A team's seat in a networked class (issue 9), phone first: the story and this side's options come
 * first, the situation (indicators, rungs, hotline) folds below them. Everything shown comes from the
 * server's view of this seat: it holds neither the seed nor the other team's pending choice.
 */
import { m } from '../../i18n/lang';
import type { OptionSeatView, SeatView, TurnSeatView } from '../../net/protocol';
import { type Child, h, heading, paragraphs } from '../dom';
import { sideName, toneWords } from '../format';
import { clockText } from './clock';
import { commitmentHolds } from './commitment';
import { hotlineWord, SLOT, serverDate, slotted } from './words';

export interface SeatHandlers {
  choose(option: string): void;
  /** The seat's own words (a refusal, a dropped connection), or null. */
  readonly notice: string | null;
  readonly connected: boolean;
  /** Milliseconds since the view arrived, for the clock. */
  readonly sinceMs: number;
  /** The commitment this tab saw first. */
  readonly firstCommitment: string;
}

function sideWord(side: 'us' | 'cn'): string {
  return sideName(side);
}

const TERM_WORDS = { uses: m.class_term_uses, strains: m.class_term_strains, breaks: m.class_term_breaks } as const;

function lockLine(view: SeatView): string {
  if (view.options === null) return '';
  const other = view.side === 'us' ? 'cn' : 'us';
  const mine = view.locked.mine;
  const theirs = view.teams[other] ? (view.locked[other] ? m.class_their_locked({ side: sideWord(other) }) : m.class_their_choosing({ side: sideWord(other) })) : '';
  const label = view.options.find((o) => o.id === mine)?.label ?? mine;
  const first = mine === null ? m.class_lock_choose({ side: sideWord(view.side) }) : m.class_lock_done({ label: label ?? '' });
  return theirs === '' ? first : m.class_sentences({ a: first, b: theirs });
}

function optionItem(view: SeatView, o: OptionSeatView, handlers: SeatHandlers): HTMLElement {
  const locked = view.locked.mine !== null;
  const textId = `seat-option-${o.id}-text`;
  const chosen = view.locked.mine === o.id;
  const button = h(
    'button',
    { type: 'button', class: `option${chosen ? ' chosen' : ''}`, 'data-option': o.id, 'aria-describedby': textId, 'aria-pressed': chosen ? 'true' : 'false', disabled: locked || !handlers.connected },
    h('span', { class: 'option-label' }, o.label),
  );
  button.addEventListener('click', () => handlers.choose(o.id));
  return h(
    'li',
    { class: 'option-card' },
    button,
    h('p', { id: textId, class: 'option-text' }, o.text),
    o.terms.length === 0
      ? null
      : h(
          'ul',
          { class: 'tags' },
          ...o.terms.map((t) => h('li', { class: `tag tag-${t.effect}`, title: t.why }, TERM_WORDS[t.effect]({ term: t.term }), h('span', { class: 'visually-hidden' }, `: ${t.why}`))),
        ),
    o.odds === null ? null : h('p', { class: 'odds' }, o.odds.map((x) => `${x.label} ${x.percent}%`).join(' · ')),
  );
}

function lastTurn(view: SeatView, last: TurnSeatView): HTMLElement {
  const order = [...last.moves].sort((a, b) => (a.side === view.side ? -1 : 0) - (b.side === view.side ? -1 : 0));
  return h(
    'section',
    { class: 'card seat-last', 'aria-labelledby': 'seat-last-h' },
    h('h2', { id: 'seat-last-h' }, m.class_last_turn({ turn: last.turn })),
    ...last.injects.map((i) => h('div', { class: 'inject' }, h('h3', {}, i.title), paragraphs(i.text))),
    ...order.map((mv) =>
      h(
        'div',
        { class: 'move', 'data-side': mv.side },
        h('h3', {}, mv.by === 'model' ? m.class_move_model({ side: sideWord(mv.side), option: mv.option }) : m.class_move({ side: sideWord(mv.side), option: mv.option })),
        paragraphs(mv.outcome),
        mv.forced ? h('p', { class: 'forced' }, m.class_forced()) : null,
        mv.draw === null ? null : h('p', { class: 'draw' }, mv.draw),
      ),
    ),
    last.changes.length === 0
      ? null
      : h(
          'ul',
          { class: 'changes' },
          ...last.changes.map((c) =>
            h(
              'li',
              { class: c.good ? 'good' : 'bad' },
              (c.good ? m.class_change_good : m.class_change_bad)({ label: c.label, delta: `${c.delta > 0 ? '▲ +' : '▼ '}${c.delta}`, side: sideWord(view.side) }),
            ),
          ),
        ),
  );
}

function situation(view: SeatView): HTMLElement {
  return h(
    'details',
    { class: 'card seat-situation' },
    h('summary', {}, m.class_situation()),
    h(
      'ul',
      { class: 'indicators' },
      ...view.indicators.map((i) =>
        h('li', {}, (i.better === 'higher' ? m.class_indicator_higher : m.class_indicator_lower)({ label: i.label, value: i.value, min: i.min, max: i.max, side: sideWord(view.side) })),
      ),
    ),
    h(
      'p',
      {},
      m.class_seat_ladder({ side: sideWord(view.side), rung: view.rungs[view.side], other: sideWord(view.side === 'us' ? 'cn' : 'us'), otherRung: view.rungs[view.side === 'us' ? 'cn' : 'us'] }),
    ),
    h('p', {}, m.class_seat_hotline({ status: hotlineWord(view.hotline) })),
  );
}

function commitmentCard(view: SeatView, handlers: SeatHandlers): HTMLElement {
  const shown: Child[] = [h('p', {}, ...slotted(m.class_commitment_first({ code: SLOT }), h('code', { class: 'commitment' }, view.commitment)))];
  if (view.commitment !== handlers.firstCommitment) shown.push(h('p', { class: 'warning', role: 'alert' }, m.class_commitment_changed({ first: handlers.firstCommitment })));
  const reveal = view.reveal;
  if (reveal !== null) {
    const holds = commitmentHolds(reveal.seed, reveal.salt, handlers.firstCommitment);
    shown.push(
      h('p', { 'data-commitment': holds ? 'holds' : 'broken' }, (holds ? m.class_commitment_holds : m.class_commitment_broken)({ seed: reveal.seed, salt: reveal.salt })),
      h('p', {}, h('a', { href: `./?replay=${encodeURIComponent(reveal.code)}`, 'data-action': 'class-debrief' }, m.class_open_debrief())),
    );
  }
  return h('section', { class: 'card seat-commitment', 'aria-label': m.class_commitment() }, ...shown);
}

/** The seat's screen for one view of the server. */
export function seatScreen(view: SeatView, handlers: SeatHandlers): HTMLElement {
  const clock = view.clock === null || view.ending !== null ? null : clockText(view.clock, handlers.sinceMs);
  const kicker = m.class_seat_kicker({ group: view.group, side: sideWord(view.side), turn: view.turn + (view.ending === null ? 1 : 0), of: view.maxTurns, date: serverDate(view.date) });
  const body: Child[] = [
    h('p', { class: 'kicker' }, kicker),
    clock === null ? null : h('p', { class: 'clock', 'data-clock': view.clock?.paused ? 'paused' : 'running' }, clock),
    handlers.connected ? null : h('p', { class: 'warning', role: 'status' }, m.class_seat_lost()),
    handlers.notice === null ? null : h('p', { class: 'warning', role: 'status' }, handlers.notice),
  ];
  if (view.ending !== null) {
    body.push(
      heading(view.ending.title, 1),
      h('p', { class: `tone tone-${view.ending.tone}` }, m.class_outcome_for({ side: sideWord(view.side), tone: toneWords(view.ending.tone) })),
      paragraphs(view.ending.text),
      view.last === null ? null : lastTurn(view, view.last),
      view.reveal === null ? h('p', {}, m.class_reveal_later()) : null,
    );
  } else {
    body.push(heading(view.beatTitle, 1), view.last === null ? null : lastTurn(view, view.last), paragraphs(view.text, { class: 'story' }));
    if (view.options === null) body.push(h('p', {}, m.class_side_model({ side: sideWord(view.side) })));
    else {
      body.push(
        h('p', { class: 'lock-line', role: 'status', 'data-other-locked': String(view.locked[view.side === 'us' ? 'cn' : 'us']) }, lockLine(view)),
        h('ol', { class: 'options', 'aria-label': m.class_options_for({ side: sideWord(view.side) }) }, ...view.options.map((o) => optionItem(view, o, handlers))),
      );
    }
  }
  body.push(situation(view), commitmentCard(view, handlers));
  return h('div', { class: 'screen class-seat', 'data-class-screen': 'seat', 'data-turn': view.turn, 'data-ended': view.ending !== null ? 'true' : 'false' }, ...body);
}
