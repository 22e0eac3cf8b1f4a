/**
 * A team's seat in a networked class (issue 9), phone first: the story and this side's options come
 * first, the situation (indicators, rungs, hotline) folds below them. Everything shown comes from the
 * server's view of this seat: it holds neither the seed nor the other team's pending choice.
 */
import type { OptionSeatView, SeatView, TurnSeatView } from '../../net/protocol';
import { type Child, h, heading, paragraphs } from '../dom';
import { toneWords } from '../format';
import { clockText } from './clock';
import { commitmentHolds } from './commitment';

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

function sideWord(view: SeatView, side: 'us' | 'cn'): string {
  return side === view.side ? view.scenario.sideName : view.scenario.otherName;
}

function lockLine(view: SeatView): string {
  if (view.options === null) return '';
  const other = view.side === 'us' ? 'cn' : 'us';
  const mine = view.locked.mine;
  const theirs = view.teams[other] ? (view.locked[other] ? `${sideWord(view, other)}'s team has locked in.` : `${sideWord(view, other)}'s team is still choosing.`) : '';
  if (mine === null) return `Choose one option for ${view.scenario.sideName}; your choice is sealed until both teams have chosen. ${theirs}`.trim();
  const label = view.options.find((o) => o.id === mine)?.label ?? mine;
  return `Locked in: ${label}. ${theirs}`.trim();
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
      : h('ul', { class: 'tags' }, ...o.terms.map((t) => h('li', { class: `tag tag-${t.effect}`, title: t.why }, `${t.effect} ${t.term}`, h('span', { class: 'visually-hidden' }, `: ${t.why}`)))),
    o.odds === null ? null : h('p', { class: 'odds' }, o.odds.map((x) => `${x.label} ${x.percent}%`).join(' · ')),
  );
}

function lastTurn(view: SeatView, last: TurnSeatView): HTMLElement {
  const order = [...last.moves].sort((a, b) => (a.side === view.side ? -1 : 0) - (b.side === view.side ? -1 : 0));
  return h(
    'section',
    { class: 'card seat-last', 'aria-labelledby': 'seat-last-h' },
    h('h2', { id: 'seat-last-h' }, `What happened in turn ${last.turn}`),
    ...last.injects.map((i) => h('div', { class: 'inject' }, h('h3', {}, i.title), paragraphs(i.text))),
    ...order.map((m) =>
      h(
        'div',
        { class: 'move', 'data-side': m.side },
        h('h3', {}, `${sideWord(view, m.side)}${m.by === 'model' ? ' (counterpart model)' : ''}: ${m.option}`),
        paragraphs(m.outcome),
        m.forced ? h('p', { class: 'forced' }, 'Forced by the facilitator, not drawn.') : null,
        m.draw === null ? null : h('p', { class: 'draw' }, m.draw),
      ),
    ),
    last.changes.length === 0
      ? null
      : h(
          'ul',
          { class: 'changes' },
          ...last.changes.map((c) => h('li', { class: c.good ? 'good' : 'bad' }, `${c.label} ${c.delta > 0 ? '▲ +' : '▼ '}${c.delta} (${c.good ? 'good' : 'bad'} for ${view.scenario.sideName})`)),
        ),
  );
}

function situation(view: SeatView): HTMLElement {
  return h(
    'details',
    { class: 'card seat-situation' },
    h('summary', {}, 'The situation: indicators, ladder, hotline'),
    h('ul', { class: 'indicators' }, ...view.indicators.map((i) => h('li', {}, `${i.label}: ${i.value} (${i.min} to ${i.max}, ${i.better} is better for ${view.scenario.sideName})`))),
    h('p', {}, `Ladder: ${view.scenario.sideName} at “${view.rungs[view.side]}”; ${view.scenario.otherName} at “${view.rungs[view.side === 'us' ? 'cn' : 'us']}”.`),
    h('p', {}, `Hotline: ${view.hotline}.`),
  );
}

function commitmentCard(view: SeatView, handlers: SeatHandlers): HTMLElement {
  const shown: Child[] = [h('p', {}, 'Commitment to the dice (shown before the first choice): ', h('code', { class: 'commitment' }, view.commitment))];
  if (view.commitment !== handlers.firstCommitment) shown.push(h('p', { class: 'warning', role: 'alert' }, `This is not the commitment this tab saw first (${handlers.firstCommitment}).`));
  const reveal = view.reveal;
  if (reveal !== null) {
    const holds = commitmentHolds(reveal.seed, reveal.salt, handlers.firstCommitment);
    shown.push(
      h(
        'p',
        { 'data-commitment': holds ? 'holds' : 'broken' },
        `Seed ${reveal.seed}, salt ${reveal.salt}: `,
        holds ? 'sha-256 of “seed:salt” equals the commitment, so the dice were fixed before anyone chose.' : 'sha-256 of “seed:salt” does NOT equal the commitment.',
      ),
      h('p', {}, h('a', { href: `./?replay=${encodeURIComponent(reveal.code)}`, 'data-action': 'class-debrief' }, 'Open the debrief of this run')),
    );
  }
  return h('section', { class: 'card seat-commitment', 'aria-label': 'Commitment to the dice' }, ...shown);
}

/** The seat's screen for one view of the server. */
export function seatScreen(view: SeatView, handlers: SeatHandlers): HTMLElement {
  const clock = view.clock === null || view.ending !== null ? null : clockText(view.clock, handlers.sinceMs);
  const kicker = `Group ${view.group} · ${view.scenario.sideName} · Turn ${view.turn + (view.ending === null ? 1 : 0)} of at most ${view.maxTurns} · ${view.date}`;
  const body: Child[] = [
    h('p', { class: 'kicker' }, kicker),
    clock === null ? null : h('p', { class: 'clock', 'data-clock': view.clock?.paused ? 'paused' : 'running' }, clock),
    handlers.connected ? null : h('p', { class: 'warning', role: 'status' }, 'Connection lost: reconnecting on its own. Nothing your team chose is lost.'),
    handlers.notice === null ? null : h('p', { class: 'warning', role: 'status' }, handlers.notice),
  ];
  if (view.ending !== null) {
    body.push(
      heading(view.ending.title, 1),
      h('p', { class: `tone tone-${view.ending.tone}` }, `Outcome for ${view.scenario.sideName}: ${toneWords(view.ending.tone)}`),
      paragraphs(view.ending.text),
      view.last === null ? null : lastTurn(view, view.last),
      view.reveal === null ? h('p', {}, 'The facilitator will reveal the seed for the debrief.') : null,
    );
  } else {
    body.push(heading(view.beatTitle, 1), view.last === null ? null : lastTurn(view, view.last), paragraphs(view.text, { class: 'story' }));
    if (view.options === null) body.push(h('p', {}, `${view.scenario.sideName} is played by the counterpart model this run.`));
    else {
      body.push(
        h('p', { class: 'lock-line', role: 'status' }, lockLine(view)),
        h('ol', { class: 'options', 'aria-label': `Options for ${view.scenario.sideName}` }, ...view.options.map((o) => optionItem(view, o, handlers))),
      );
    }
  }
  body.push(situation(view), commitmentCard(view, handlers));
  return h('div', { class: 'screen class-seat', 'data-class-screen': 'seat', 'data-turn': view.turn, 'data-ended': view.ending !== null ? 'true' : 'false' }, ...body);
}
