/**
 * What the situation room shows, computed from the session's run: plain data the widgets draw.
 * Pure (no Phaser, no DOM), so it is tested on its own and the scenes only lay it out.
 */
import type { CompiledOption, GameState, HotlineStatus, LogRecord, Scenario, Side } from '../engine';
import { addDays, betterFor, currentDate } from '../engine';
import { m, rungText } from '../i18n/lang';
import { viewerOf } from '../store/derive';
import { turnHeader } from '../store/pace';
import type { PlaySide, Run, Screen } from '../store/session';
import { dateText, qualityWord, routeOf, sideName, sideShort } from './words';

export { viewerOf };

export type Trend = 'better' | 'worse' | 'same';

export interface GaugeView {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Where the value sits in its range, 0 to 1. */
  readonly fraction: number;
  /** Where it sat before the last turn, 0 to 1. */
  readonly fromFraction: number;
  readonly delta: number;
  /** Judged from the United States' side, as the scenario's `better` says. */
  readonly trend: Trend;
  readonly better: 'higher' | 'lower';
}

export interface RungView {
  readonly index: number;
  readonly label: string;
}

export type LedgerTone = 'open' | 'overdue' | 'done' | 'late' | 'failed';

export interface LedgerRow {
  readonly id: number;
  readonly route: string;
  readonly topic: string;
  readonly status: string;
  readonly tone: LedgerTone;
}

export interface WireLine {
  readonly turn: number;
  readonly kind: 'news' | 'inject' | 'ledger' | 'move';
  readonly text: string;
}

export interface RoomView {
  readonly title: string;
  readonly date: string;
  readonly turnLabel: string;
  readonly sideLabel: string;
  readonly rungs: readonly RungView[];
  readonly rung: Readonly<Record<Side, number>>;
  readonly rungBefore: Readonly<Record<Side, number>>;
  readonly gauges: readonly GaugeView[];
  readonly ledger: readonly LedgerRow[];
  /** Requests not shown because the list is full. */
  readonly ledgerMore: number;
  readonly hotline: HotlineStatus;
  readonly hotlineTally: string;
  readonly wire: readonly WireLine[];
  /** True on the outcome screen: the changes of the last turn are highlighted. */
  readonly highlight: boolean;
}

/** Rows of the ledger the room has space for; older ones are counted, not drawn. */
export const LEDGER_ROWS = 3;
/** Lines of the news wire the room shows, newest first. */
export const WIRE_LINES = 2;

export function sideLabel(side: PlaySide): string {
  return side === 'both' ? m.stage_side_both() : m.stage_side_playing({ side: sideName(side) });
}

function fractionOf(value: number, min: number, max: number): number {
  if (max <= min) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

function trendOf(delta: number, better: 'higher' | 'lower'): Trend {
  if (delta === 0) return 'same';
  return delta > 0 === (better === 'higher') ? 'better' : 'worse';
}

/**
 * The gauges, each with its change over the last record (`last`), or since the start of the game
 * when `last` is 'start' (the debrief).
 */
export function gaugesOf(scenario: Scenario, game: GameState, last: LogRecord | null | 'start', viewer: Side = 'us'): GaugeView[] {
  const out: GaugeView[] = [];
  for (const ind of scenario.file.indicators) {
    const value = game.indicators[ind.id] ?? ind.start;
    let delta = value - ind.start;
    if (last !== 'start') {
      const change = last?.changes.find((c) => c.id === ind.id);
      delta = change === undefined ? 0 : change.to - change.from;
    }
    out.push({
      id: ind.id,
      label: ind.label,
      value,
      min: ind.min,
      max: ind.max,
      fraction: fractionOf(value, ind.min, ind.max),
      fromFraction: fractionOf(value - delta, ind.min, ind.max),
      delta,
      trend: trendOf(delta, betterFor(ind.better, viewer)),
      better: betterFor(ind.better, viewer),
    });
  }
  return out;
}

/** Each side's rung before the last resolved turn: the rung of its move the turn before, or the bottom. */
export function rungBefore(game: GameState): Record<Side, number> {
  const before: Record<Side, number> = { us: 0, cn: 0 };
  let seen = 0;
  for (let i = game.log.length - 1; i >= 0; i--) {
    const rec = game.log[i];
    if (rec === undefined || rec.kind !== 'turn') continue;
    seen++;
    if (seen === 2) {
      for (const mv of rec.moves) before[mv.side] = mv.rung;
      break;
    }
  }
  if (seen < 2) return { us: 0, cn: 0 };
  return before;
}

/** The newest requests first, each with its deadline as a turn and an in-game date. */
export function ledgerRows(scenario: Scenario, game: GameState): { rows: LedgerRow[]; more: number } {
  const cal = scenario.file.calendar;
  const rows: LedgerRow[] = [];
  for (let i = game.ledger.length - 1; i >= 0 && rows.length < LEDGER_ROWS; i--) {
    const e = game.ledger[i];
    if (e === undefined) continue;
    const route = routeOf(e.from, e.to);
    const quality = e.quality === null ? null : qualityWord(e.quality);
    let status: string;
    let tone: LedgerTone;
    if (e.status === 'open') {
      const overdue = game.turn >= e.dueTurn;
      const due = dateText(addDays(cal.start, (e.dueTurn - 1) * cal.turnDays));
      status = overdue ? m.stage_ledger_overdue({ turn: e.dueTurn }) : m.stage_ledger_open({ turn: e.dueTurn, due });
      tone = overdue ? 'overdue' : 'open';
    } else if (e.status === 'on_time') {
      status = quality === null ? m.stage_ledger_on_time() : m.stage_ledger_on_time_q({ quality });
      tone = 'done';
    } else if (e.status === 'late') {
      status = quality === null ? m.stage_ledger_late() : m.stage_ledger_late_q({ quality });
      tone = 'late';
    } else {
      status = m.stage_ledger_never();
      tone = 'failed';
    }
    rows.push({ id: e.id, route, topic: scenario.topicNames.get(e.topic) ?? e.topic, status, tone });
  }
  return { rows, more: Math.max(0, game.ledger.length - rows.length) };
}

function optionOf(scenario: Scenario, beatId: string, side: Side, optionId: string): CompiledOption | null {
  return scenario.beats.get(beatId)?.options[side].find((o) => o.id === optionId) ?? null;
}

const LEDGER_EVENT_TEXT = {
  sent: m.stage_wire_sent,
  answered: m.stage_wire_answered,
  late: m.stage_wire_answered_late,
  overdue: m.stage_wire_overdue,
  expired: m.stage_wire_expired,
} as const;

/**
 * The news wire, newest turn first; within a turn, injects, then the outcomes' news, then ledger
 * events, then both moves on one line (the option labels the page layer showed on the outcome).
 */
export function wireOf(scenario: Scenario, game: GameState, limit: number = WIRE_LINES): WireLine[] {
  const out: WireLine[] = [];
  for (let i = game.log.length - 1; i >= 0 && out.length < limit; i--) {
    const rec = game.log[i];
    if (rec === undefined) continue;
    const lines: WireLine[] = [];
    const injectIds = rec.kind === 'turn' ? rec.injects.map((r) => r.inject) : [rec.inject];
    for (const id of injectIds) {
      const inj = scenario.injects.find((x) => x.id === id);
      if (inj !== undefined) lines.push({ turn: rec.turn, kind: 'inject', text: inj.effects.news ?? inj.title });
    }
    if (rec.kind === 'turn') {
      for (const mv of rec.moves) {
        const news = optionOf(scenario, rec.beat, mv.side, mv.option)?.outcomes.find((o) => o.id === mv.outcome)?.effects.news;
        if (news !== undefined && news !== null) lines.push({ turn: rec.turn, kind: 'news', text: news });
      }
      for (const ev of rec.ledger) {
        const kind = ev.kind === 'answered' && ev.late ? 'late' : ev.kind;
        const quality = ev.quality === null ? '' : m.stage_wire_quality({ quality: qualityWord(ev.quality) });
        lines.push({ turn: rec.turn, kind: 'ledger', text: LEDGER_EVENT_TEXT[kind]({ route: routeOf(ev.from, ev.to), request: ev.request, quality }) });
      }
      const moves: string[] = [];
      for (const mv of rec.moves) {
        const option = optionOf(scenario, rec.beat, mv.side, mv.option);
        if (option !== null) moves.push(m.stage_wire_move({ side: sideShort(mv.side), option: option.file.label }));
      }
      if (moves.length > 0) lines.push({ turn: rec.turn, kind: 'move', text: moves.join(m.stage_wire_move_sep()) });
    }
    for (const line of lines) if (out.length < limit) out.push(line);
  }
  return out;
}

function tallyOf(game: GameState): string {
  const h = game.hotline;
  if (h.calls === 0 && h.answered === 0 && h.unanswered === 0) return m.stage_no_calls();
  return m.stage_tally({ answered: h.answered, unanswered: h.unanswered });
}

export function roomView(run: Run, screen: Screen): RoomView {
  const { scenario, game } = run;
  const highlight = screen === 'outcome' || screen === 'debrief';
  const last = run.lastRecord;
  const played = game.ending !== null || highlight ? game.turn : game.turn + 1;
  const turnLabel = highlight ? m.stage_turn_resolved({ header: turnHeader(scenario, played) }) : turnHeader(scenario, played);
  const ledger = ledgerRows(scenario, game);
  return {
    title: scenario.file.title,
    date: dateText(currentDate(scenario, game)),
    turnLabel,
    sideLabel: sideLabel(run.side),
    rungs: scenario.ladder.map((r, index) => ({ index, label: rungText(r) })),
    rung: { us: game.rung.us, cn: game.rung.cn },
    rungBefore: highlight ? rungBefore(game) : { us: game.rung.us, cn: game.rung.cn },
    gauges: gaugesOf(scenario, game, last, viewerOf(run.side)),
    ledger: ledger.rows,
    ledgerMore: ledger.more,
    hotline: game.hotline.status,
    hotlineTally: tallyOf(game),
    wire: wireOf(scenario, game),
    highlight,
  };
}

export interface DebriefView {
  readonly title: string;
  readonly ending: string;
  readonly tone: 'success' | 'mixed' | 'failure' | null;
  /** The side whose verdict `tone` is: the side played, the United States first on a two-team screen. */
  readonly viewer: Side;
  readonly span: string;
  readonly requests: string;
  readonly hotline: string;
}

/** The closing summary: how it ended, over what span of time, and the record of requests and calls. */
export function debriefView(run: Run): DebriefView {
  const { scenario, game } = run;
  const ending = scenario.file.endings.find((e) => e.id === game.ending) ?? null;
  const first = dateText(scenario.file.calendar.start);
  const last = dateText(currentDate(scenario, game));
  let onTime = 0;
  let late = 0;
  let never = 0;
  let open = 0;
  for (const e of game.ledger) {
    if (e.status === 'on_time') onTime++;
    else if (e.status === 'late') late++;
    else if (e.status === 'never') never++;
    else open++;
  }
  const counts = { sent: game.ledger.length, onTime, late, never };
  return {
    title: scenario.file.title,
    ending: ending?.title ?? m.stage_not_finished(),
    tone: ending === null ? null : ending.tone[viewerOf(run.side)],
    viewer: viewerOf(run.side),
    span: m.stage_debrief_span({ first, last, count: game.turn }),
    requests: open > 0 ? m.stage_debrief_requests_open({ ...counts, open }) : m.stage_debrief_requests(counts),
    hotline: m.stage_debrief_hotline({ count: game.hotline.calls, tally: tallyOf(game) }),
  };
}
