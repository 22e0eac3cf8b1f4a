import { describe, expect, it } from 'vitest';
import { fireInject } from '../../src/engine';
import { feedOf, recordView, seriesOf, termCountsOf } from '../../src/store/derive';
import { session } from './helpers';

function playedRun() {
  const store = session();
  store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
  store.getState().continueFromBriefing();
  store.getState().choose('us', 'go_public');
  store.getState().continueFromOutcome();
  store.getState().choose('us', 'sanction');
  const run = store.getState().run;
  if (run === null) throw new Error('no run');
  return run;
}

describe('what the screens show', () => {
  it('reads a turn record with labels, texts, terms and the draw', () => {
    const run = playedRun();
    const first = run.game.log[0];
    if (first === undefined) throw new Error('no record');
    const view = recordView(run.scenario, first);
    expect(view.beatTitle).toBe('The breach');
    const us = view.moves.find((m) => m.side === 'us');
    expect(us).toMatchObject({ label: 'Name them', outcomeText: 'The story leads the news.', uses: ['T3'], strains: ['T4'], by: 'people', rung: 'Public attribution' });
    expect(us?.chanceBp).toBe(10_000);
    expect(view.moves.find((m) => m.side === 'cn')?.by).toBe('model');
  });

  it('gives each indicator a value at the start and after every record', () => {
    const run = playedRun();
    const series = seriesOf(run.scenario, run.game);
    expect(series.map((s) => s.id)).toEqual(['trust', 'escalation']);
    for (const s of series) expect(s.values).toHaveLength(run.game.log.length + 1);
    const escalation = series.find((s) => s.id === 'escalation');
    expect(escalation?.values[0]).toBe(20);
    expect(escalation?.values.at(-1)).toBe(run.game.indicators.escalation);
  });

  it('counts the terms each side used and strained', () => {
    const run = playedRun();
    const counts = termCountsOf(run.scenario, run.game);
    expect(counts.us.T3.used).toBe(1);
    expect(counts.us.T4.strained).toBe(2);
    expect(counts.us.T1).toEqual({ used: 0, strained: 0 });
    const cnMoves = run.game.log.flatMap((r) => (r.kind === 'turn' ? r.moves.filter((m) => m.side === 'cn') : []));
    expect(cnMoves).toHaveLength(2);
  });

  it('lists injects in the feed, newest first', () => {
    const store = session();
    store.getState().openLink('?scenario=minimal&seed=K7Q3&side=us');
    store.getState().continueFromBriefing();
    store.getState().choose('us', 'request_help');
    const run = store.getState().run;
    if (run === null) throw new Error('no run');
    const fired = fireInject(run.scenario, run.game, 'summit');
    if (!fired.ok) throw new Error(fired.error.message);
    const feed = feedOf(run.scenario, fired.state);
    expect(feed[0]).toEqual({ turn: 1, title: 'A summit is called', text: 'Leaders agree to meet.' });
    expect(recordView(run.scenario, fired.record).injects).toEqual([{ id: 'summit', title: 'A summit is called', text: 'Leaders agree to meet.', by: 'facilitator' }]);
  });
});
