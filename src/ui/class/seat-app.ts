/**
 * A student's page in a networked class: join, then the seat. The tab keeps its seat token, so a
 * reload, a closed lid or a dropped Wi-Fi rejoins the same seat (socket.io reconnects; on every
 * connect the page asks for its seat again) and nothing the team chose is lost: the server has it.
 */
import { lang, m } from '../../i18n/lang';
import { C2S, type Joined, type SeatView } from '../../net/protocol';
import { clockText } from './clock';
import { joinScreen } from './join';
import { answerText, type ClassLink, connectClass, recall, remember, type SeatMemory } from './link';
import { type Painter, painter } from './paint';
import { seatScreen } from './seat';

export function mountSeat(ui: HTMLElement, announcer: HTMLElement, prefill: string, storage: Storage | null): ClassLink {
  const link = connectClass();
  const paint: Painter = painter(ui, announcer);
  let memory: SeatMemory | null = (() => {
    const r = recall(storage);
    return r?.kind === 'seat' ? r : null;
  })();
  let view: SeatView | null = null;
  let receivedAt = 0;
  let notice: string | null = null;
  let connected = false;
  let busy = false;

  const render = (): void => {
    if (memory === null || view === null) {
      paint.show(`join:${notice ?? ''}:${busy}`, () => joinScreen(prefill, notice, busy, join), m.class_announce_join());
      return;
    }
    const v = view;
    const mem = memory;
    paint.show(
      `seat:${v.turn}:${v.ending !== null}`,
      () =>
        seatScreen(v, {
          choose,
          notice,
          connected,
          sinceMs: performance.now() - receivedAt,
          firstCommitment: mem.commitment,
        }),
      v.ending !== null ? m.class_announce_ended({ title: v.ending.title }) : m.class_announce_turn({ turn: v.turn + 1, title: v.beatTitle }),
    );
  };

  const accept = (next: SeatView): void => {
    if (memory === null || next.session !== memory.session || next.group !== memory.group || next.side !== memory.side) return;
    view = next;
    receivedAt = performance.now();
    render();
  };

  async function join(req: { code: string; group: number; side: 'us' | 'cn' }): Promise<void> {
    busy = true;
    notice = null;
    render();
    const answer = await link.send<Joined>(C2S.join, { ...req, lang: lang() });
    busy = false;
    if (!answer.ok) {
      notice = answerText(answer);
      render();
      return;
    }
    const { seatToken, view: first } = answer.value;
    memory = { kind: 'seat', seatToken, session: first.session, group: first.group, side: first.side, commitment: first.commitment };
    remember(storage, memory);
    accept(first);
  }

  async function choose(option: string): Promise<void> {
    if (view === null) return;
    notice = null;
    // The lock's answer carries nothing: the new view comes to both seats of the group together.
    const answer = await link.send<null>(C2S.choose, { turn: view.turn, option });
    notice = answer.ok ? null : answerText(answer);
    render();
  }

  async function resume(): Promise<void> {
    if (memory === null) return;
    const answer = await link.send<SeatView>(C2S.resume, { seatToken: memory.seatToken, seen: view?.seen ?? 0, lang: lang() });
    if (answer.ok) {
      notice = null;
      accept(answer.value);
    } else if (answer.code === 'bad-token') {
      // The class is gone (the server's data was cleared): join afresh.
      memory = null;
      view = null;
      remember(storage, null);
      notice = answerText(answer);
      render();
    } else {
      notice = answerText(answer);
      render();
    }
  }

  link.onSeatView(accept);
  link.onConnection((up) => {
    connected = up;
    if (up) void resume();
    render();
  });
  paint.tick(() => {
    const el = ui.querySelector('[data-clock]');
    if (el !== null && view?.clock != null && view.ending === null) el.textContent = clockText(view.clock, performance.now() - receivedAt);
  });
  render();
  return link;
}
