/** The debrief's causes: each draw in words, forced outcomes never shown as luck, and who moved each indicator. */
import { describe, expect, it } from 'vitest';
import { fireInject, resolveTurn, start, type TurnRecord } from '../../src/engine';
import { causesOf, causeWords, drawWords, oddsByTurn, oddsOf, oddsShift, turnOddsWords } from '../../src/store/causes';
import { recordView } from '../../src/store/derive';
import { MINIMAL_PATH, scenarioAt } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);
const begin = () => start(minimal, 'K7Q3', { us: 'people', cn: 'people' });

function turn(us: string, cn: string, force?: { us?: string; cn?: string }) {
  const r = resolveTurn(minimal, begin(), { us, cn, ...(force !== undefined ? { force } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.record as TurnRecord;
}

describe('causes: the draw in words', () => {
  it('lists every outcome with its chance; the ranges cover the die exactly once', () => {
    const record = turn('request_help', 'cooperate');
    const us = record.moves.find((m) => m.side === 'us');
    if (us === undefined) throw new Error('no US move');
    const odds = oddsOf(minimal, record.beat, us);
    expect(odds.map((o) => o.id)).toEqual(['helped', 'ignored']);
    expect(odds.reduce((n, o) => n + o.chanceBp, 0)).toBe(10_000);
    expect(odds[0]?.lo).toBe(0);
    expect(odds[1]?.lo).toBe(odds[0]?.hi);
    expect(odds[1]?.hi).toBe(10_000);
    expect(odds.filter((o) => o.happened).map((o) => o.id)).toEqual([us.outcome]);
    const words = drawWords(odds, us);
    expect(words).toMatch(/^This outcome had a \d+(\.\d)?% chance: the die came up \d+ of 0–9,999, inside its range \d+–\d+\. It could also have gone: “/);
    const other = odds.find((o) => !o.happened);
    expect(words).toContain(other?.text.split('.')[0]);
  });

  it('a forced outcome says so, never reads as luck, and tells what the die would have given', () => {
    const record = turn('request_help', 'cooperate', { us: 'ignored' });
    const us = record.moves.find((m) => m.side === 'us');
    if (us === undefined) throw new Error('no US move');
    const words = drawWords(oddsOf(minimal, record.beat, us), us);
    expect(words).toMatch(/^Forced by the facilitator, not drawn: by the dice this outcome had a /);
    expect(words).toMatch(/the die \(\d+ of 0–9,999\) would have given /);
    expect(words).not.toMatch(/^This outcome had/);
    expect(recordView(minimal, record).moves.find((m) => m.side === 'us')?.drawWords).toBe(words);
  });
});

describe('causes: who moved each indicator', () => {
  it("splits a turn's change between the two sides' moves", () => {
    const record = turn('request_help', 'cooperate', { us: 'helped' });
    const trust = causesOf(minimal, record).find((c) => c.id === 'trust');
    expect(trust?.parts).toEqual([
      { who: "United States's move", side: 'us', delta: 10 },
      { who: "China's move", side: 'cn', delta: 5 },
    ]);
    expect(trust?.clamped).toBe(false);
    expect(causeWords(trust ?? { id: '', from: 0, to: 0, parts: [], clamped: false })).toBe("United States's move +10, China's move +5");
  });

  it('names a facilitator inject as the cause of its changes', () => {
    const inject = minimal.injects[0];
    if (inject === undefined) throw new Error('the fixture has an inject');
    const r = fireInject(minimal, begin(), inject.id);
    if (!r.ok) throw new Error(r.error.message);
    const causes = causesOf(minimal, r.record);
    expect(causes.length).toBeGreaterThan(0);
    for (const c of causes) expect(c.parts.map((p) => p.who)).toEqual(['facilitator inject']);
  });
});

describe('causes: a branch against this run, turn by turn', () => {
  it('says how the other choice moved the odds, and that the die was the same under both', () => {
    const a = turn('request_help', 'cooperate');
    const b = turn('go_public', 'cooperate');
    const mine = oddsByTurn(minimal, [a], ['us'])[0];
    const theirs = oddsByTurn(minimal, [b], ['us'])[0];
    if (mine === undefined || theirs === undefined) throw new Error('no turn');
    expect(mine.draw).toBe(theirs.draw);
    expect(turnOddsWords(theirs)).toMatch(/^Name them: “The story leads the news\.” at 100% \(die \d+\)$/);
    expect(oddsShift(mine, theirs)).toMatch(/^Turn 1: “Ask for assistance” gave “.+” at \d+(\.\d)?%; “Name them” gave “The story leads the news\.” at 100%; the die was \d+ under both\.$/);
    expect(oddsShift(mine, mine)).toBeNull();
  });
});
