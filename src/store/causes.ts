/**
 * Why a turn went as it did, in words a class can read: each draw (the chance of what happened, the
 * die, what else could have happened and how likely it was, or that a facilitator forced it), and
 * which side's move (or which event) moved each indicator. Pure functions of the scenario and the log.
 */
import { type CompiledOutcome, fallbackText, type IndicatorChange, type LogRecord, type MoveRecord, moveLabelOf, type Scenario, type Side, variantText } from '../engine';
import { m as msg } from '../i18n/lang';

/** One outcome a move could have had: its text, its chance in basis points, the die's range for it. */
export interface OutcomeOdds {
  readonly id: string;
  readonly text: string;
  readonly chanceBp: number;
  /** The die values (0 to 9999) that give this outcome: from `lo` up to, not including, `hi`. */
  readonly lo: number;
  readonly hi: number;
  /** True for the outcome that happened. */
  readonly happened: boolean;
}

/** Every outcome of a logged move with its chance, in the option's order. */
export function oddsOf(scenario: Scenario, beatId: string, move: MoveRecord): OutcomeOdds[] {
  const option = scenario.beats.get(beatId)?.options[move.side].find((o) => o.id === move.option);
  if (option === undefined) return [];
  let lo = 0;
  return option.outcomes.map((o: CompiledOutcome, i) => {
    const chanceBp = move.chances[i] ?? 0;
    const happened = o.id === move.outcome;
    const row = { id: o.id, text: happened ? variantText(o.text, move.text) : fallbackText(o.file.text), chanceBp, lo, hi: lo + chanceBp, happened };
    lo += chanceBp;
    return row;
  });
}

const pct = (bp: number): string => `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 1)}%`;
const quote = (text: string): string => {
  const first = text.split(/(?<=[.!?])\s|(?<=[。！？])/)[0] ?? text;
  return `“${first.length > 90 ? `${first.slice(0, 89)}…` : first}”`;
};

/**
 * The draw in words. A forced outcome says so and never reads as luck: it tells what the die would
 * have given instead.
 */
export function drawWords(odds: readonly OutcomeOdds[], move: MoveRecord, locale?: 'en' | 'zh-Hans'): string {
  // The page speaks its own language; the class server names each seat's (it has no page language).
  const o = locale === undefined ? undefined : { locale };
  const happened = odds.find((x) => x.happened);
  if (happened === undefined) return '';
  const others = odds.filter((x) => !x.happened && x.chanceBp > 0);
  const alternatives = others.length === 0 ? msg.play_nothing_else({}, o) : msg.play_could_also({ list: others.map((x) => `${quote(x.text)} ${pct(x.chanceBp)}`).join(msg.list_sep({}, o)) }, o);
  const fell = odds.find((x) => move.draw >= x.lo && move.draw < x.hi);
  if (move.forced) {
    const would = fell === undefined || fell.happened ? msg.play_same_outcome({}, o) : quote(fell.text);
    return msg.play_draw_forced({ pct: pct(happened.chanceBp), draw: move.draw, would, alternatives }, o);
  }
  if (happened.chanceBp >= 10_000) return msg.play_draw_certain({}, o);
  return msg.play_draw_words({ pct: pct(happened.chanceBp), draw: move.draw, lo: happened.lo, hi: happened.hi - 1, alternatives }, o);
}

/** One part of an indicator's change: a side's move, or an event. */
export interface ChangePart {
  readonly who: string;
  readonly side: Side | null;
  readonly delta: number;
}

/** An indicator's change in a record, split by what caused it. */
export interface ChangeCause extends IndicatorChange {
  readonly parts: readonly ChangePart[];
  /** The parts add up to more than the range allows: the value stopped at its limit. */
  readonly clamped: boolean;
}

const SIDE_WORD: Readonly<Record<Side, () => string>> = { us: msg.side_us, cn: msg.side_cn };

/** Each indicator change of a record, with the moves and events that made it. */
export function causesOf(scenario: Scenario, record: LogRecord): ChangeCause[] {
  const parts = new Map<string, ChangePart[]>();
  const add = (id: string, part: ChangePart): void => {
    if (part.delta === 0) return;
    const list = parts.get(id) ?? [];
    list.push(part);
    parts.set(id, list);
  };
  const injectParts = (injectId: string, who: string): void => {
    const inj = scenario.injects.find((i) => i.id === injectId);
    for (const [id, delta] of inj?.effects.deltas ?? []) add(id, { who, side: null, delta });
  };
  if (record.kind === 'turn') {
    for (const m of record.moves) for (const e of m.effects) add(e.id, { who: msg.play_side_move({ side: SIDE_WORD[m.side]() }), side: m.side, delta: e.delta });
    for (const i of record.injects) injectParts(i.inject, i.by === 'facilitator' ? msg.play_cause_inject() : msg.play_cause_event());
  } else injectParts(record.inject, msg.play_cause_inject());
  return record.changes.map((c) => {
    const list = parts.get(c.id) ?? [];
    const sum = list.reduce((n, p) => n + p.delta, 0);
    return { ...c, parts: list, clamped: sum !== c.to - c.from };
  });
}

/** A change's causes in words: "United States's move +10, China's move −5 (stopped at 100)". */
export function causeWords(cause: ChangeCause): string {
  const signed = (n: number): string => (n > 0 ? `+${n}` : `−${-n}`);
  const listed = cause.parts.map((p) => `${p.who} ${signed(p.delta)}`).join(msg.comma_sep());
  const parts = listed === '' ? msg.play_cause_none() : listed;
  return cause.clamped ? msg.play_cause_clamped({ parts, to: cause.to }) : parts;
}

/** One side's move on one turn of a path, for the branch comparison: the choice, what happened, its chance and the die. */
export interface TurnOdds {
  readonly turn: number;
  readonly side: Side;
  readonly label: string;
  readonly outcome: string;
  readonly chanceBp: number;
  readonly draw: number;
  readonly forced: boolean;
}

/** The moves of the sides people played, turn by turn, with the odds of what happened under that path's choice. */
export function oddsByTurn(scenario: Scenario, log: readonly LogRecord[], sides: readonly Side[]): TurnOdds[] {
  const out: TurnOdds[] = [];
  for (const record of log) {
    if (record.kind !== 'turn') continue;
    for (const m of record.moves) {
      if (!sides.includes(m.side)) continue;
      const odds = oddsOf(scenario, record.beat, m);
      const happened = odds.find((o) => o.happened);
      out.push({ turn: record.turn, side: m.side, label: moveLabelOf(scenario, record.beat, m), outcome: happened?.text ?? m.outcome, chanceBp: m.chanceBp, draw: m.draw, forced: m.forced });
    }
  }
  return out;
}

/** A turn of a path in words: "Ask for assistance: “Beijing opens a case.” at 65% (die 1865)". */
export function turnOddsWords(t: TurnOdds): string {
  const said = { label: t.label, outcome: quote(t.outcome), draw: t.draw };
  return t.forced ? msg.debrief_turn_odds_forced(said) : msg.debrief_turn_odds({ ...said, pct: pct(t.chanceBp) });
}

/** How a branch's choice on a turn moved the odds, against this run: one sentence, or null when both chose alike. */
export function oddsShift(mine: TurnOdds, theirs: TurnOdds): string | null {
  if (mine.label === theirs.label && mine.outcome === theirs.outcome) return null;
  const die = mine.draw === theirs.draw ? msg.debrief_die_both({ draw: mine.draw }) : msg.debrief_die_each({ mine: mine.draw, theirs: theirs.draw });
  return msg.debrief_odds_shift({
    turn: mine.turn,
    mine: mine.label,
    mineOutcome: quote(mine.outcome),
    minePct: pct(mine.chanceBp),
    theirs: theirs.label,
    theirsOutcome: quote(theirs.outcome),
    theirsPct: pct(theirs.chanceBp),
    die,
  });
}
