/**
 * Parts of the views, told from one side: its options (with odds only when they are shown), the last
 * record of the log in words, the indicators with which way is better for that side. Texts come from
 * the engine's own helpers and the store's record words, as the one-screen game shows them.
 */
import { betterFor, chancesBp, contextOf, fallbackText, formatLongDate, type GameState, type LogRecord, legalOptions, moveLabelOf, outcomeTextOf, type Scenario, type Side } from '../engine';
import type { ChangeSeatView, IndicatorSeatView, OptionSeatView, TermTagView, TurnSeatView } from '../net/protocol';
import { drawWords, oddsOf } from '../store/causes';
import { indicatorLabel } from '../store/derive';

/** The indicators as `side` reads them. */
export function indicatorViews(scenario: Scenario, state: GameState, side: Side): IndicatorSeatView[] {
  return scenario.file.indicators.map((i) => ({ id: i.id, label: i.label, value: state.indicators[i.id] ?? i.start, min: i.min, max: i.max, better: betterFor(i.better, side) }));
}

/** `side`'s options now; each option's odds (given the other side's last move) only when `oddsShown`. */
export function optionViews(scenario: Scenario, state: GameState, side: Side, oddsShown: boolean): OptionSeatView[] {
  const beat = scenario.beats.get(state.beat);
  return legalOptions(scenario, state, side).map((o) => {
    const terms: TermTagView[] = [
      ...o.uses.map((term) => ({ term, effect: 'uses' as const, why: o.why[term] ?? '' })),
      ...o.strains.map((term) => ({ term, effect: 'strains' as const, why: o.why[term] ?? '' })),
    ];
    let odds: OptionSeatView['odds'] = null;
    const compiled = beat?.options[side].find((c) => c.id === o.id);
    if (oddsShown && compiled !== undefined) {
      const ctx = { ...contextOf(state, { ...state.last, [side]: o.id }), outcome: { us: null, cn: null } };
      const bp = chancesBp(compiled.outcomes.map((x) => Math.max(0, x.weight(ctx))));
      odds = compiled.outcomes.map((x, i) => ({ label: fallbackText(x.file.text), percent: (bp[i] ?? 0) / 100 }));
    }
    return { id: o.id, label: o.label, text: o.text, terms, odds };
  });
}

function changeViews(scenario: Scenario, record: LogRecord, side: Side): ChangeSeatView[] {
  return record.changes.map((c) => {
    const ind = scenario.file.indicators.find((i) => i.id === c.id);
    const delta = c.to - c.from;
    const higher = ind === undefined || betterFor(ind.better, side) === 'higher';
    return { label: indicatorLabel(scenario, c.id), delta, good: delta === 0 ? true : delta > 0 === higher };
  });
}

function injectText(scenario: Scenario, id: string): { title: string; text: string } {
  const file = scenario.file.injects.find((i) => i.id === id);
  return { title: file?.title ?? id, text: file?.text ?? '' };
}

/** A record of the log told to `side`; the draw in words only when the odds are shown. */
export function turnView(scenario: Scenario, record: LogRecord, side: Side, oddsShown: boolean, date: string): TurnSeatView {
  const locale = scenario.lang;
  if (record.kind === 'inject') {
    return { turn: record.turn, date, moves: [], injects: [injectText(scenario, record.inject)], changes: changeViews(scenario, record, side) };
  }
  return {
    turn: record.turn,
    date: formatLongDate(record.date),
    moves: record.moves.map((m) => ({
      side: m.side,
      by: m.by === 'people' ? 'team' : 'model',
      option: moveLabelOf(scenario, record.beat, m),
      outcome: outcomeTextOf(scenario, record.beat, m),
      forced: m.forced,
      draw: oddsShown ? drawWords(oddsOf(scenario, record.beat, m), m, locale) : null,
    })),
    injects: record.injects.map((i) => injectText(scenario, i.inject)),
    changes: changeViews(scenario, record, side),
  };
}
