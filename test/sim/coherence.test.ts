/**
 * One turn, one story: the simulator finds every kind of contradiction a player could see, and the
 * shipped scenarios show none, whichever side plays and whatever the policy.
 */
import { describe, expect, it } from 'vitest';
import { type GameState, loadScenario, resolveTurn, type Scenario, start, type TurnRecord } from '../../src/engine';
import { POLICY_KINDS, simulate, turnContradictions } from '../../src/sim';
import { allScenarios, library, MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);

/** Plays the given turns (both sides chosen) and returns every contradiction found on the way. */
function contradictionsOf(scenario: Scenario, turns: readonly { us: string; cn: string; force?: { us?: string; cn?: string } }[]) {
  let state: GameState = start(scenario, 'K7Q3', { us: 'people', cn: 'people' });
  const found = [];
  for (const t of turns) {
    const r = resolveTurn(scenario, state, t);
    if (!r.ok) throw new Error(r.error.message);
    found.push(...turnContradictions(scenario, state, r.record as TurnRecord, r.state));
    state = r.state;
  }
  return found;
}

describe('coherence: what counts as a contradiction', () => {
  it('the minimal fixture tells one story', () => {
    expect(
      contradictionsOf(minimal, [
        { us: 'request_help', cn: 'cooperate' },
        { us: 'call_hotline', cn: 'stall', force: { us: 'unanswered' } },
      ]),
    ).toEqual([]);
  });

  it('two outcomes that leave the hotline in two states (a weight that reads the first result and still lets them meet)', () => {
    const text = minimalText().replace('- { id: stalled, weight: 1, text: Silence. }', '- { id: stalled, weight: "if outcome.us.answered then 1 else 2", text: Silence., hotline: unanswered }');
    const scenario = scenarioFromText(text, 'two-hotlines.yaml');
    const found = contradictionsOf(scenario, [
      { us: 'request_help', cn: 'cooperate' },
      { us: 'call_hotline', cn: 'stall', force: { us: 'answered' } },
    ]);
    expect(found.map((c) => [c.kind, c.turn, c.message])).toEqual([['hotline', 2, 'one outcome leaves the hotline answered, the other unanswered']]);
    // The same pair agreeing (both unanswered) is one story.
    expect(
      contradictionsOf(scenario, [
        { us: 'request_help', cn: 'cooperate' },
        { us: 'call_hotline', cn: 'stall', force: { us: 'unanswered' } },
      ]),
    ).toEqual([]);
  });

  it('one outcome setting a flag the other clears (past a weight that reads the first result but does not rule it out)', () => {
    const text = minimalText()
      .replace(
        'outcomes: [ { id: imposed, weight: 1, text: Sanctions bite., effects: { escalation: 30 } } ]',
        'outcomes: [ { id: imposed, weight: 1, text: Sanctions bite., effects: { escalation: 30 }, set: [evidence_public] } ]',
      )
      .replace(
        'outcomes: [ { id: hit, weight: 1, text: Firms are fined., effects: { escalation: 20 } } ]',
        'outcomes: [ { id: hit, weight: "if outcome.us.imposed then 1 else 1", text: Firms are fined., effects: { escalation: 20 }, clear: [evidence_public] } ]',
      );
    const scenario = scenarioFromText(text, 'flag-fight.yaml');
    const found = contradictionsOf(scenario, [
      { us: 'go_public', cn: 'deny' },
      { us: 'sanction', cn: 'retaliate' },
    ]);
    expect(found.map((c) => [c.kind, c.where])).toEqual([['flag', 'showdown/sanction/imposed + retaliate/hit']]);
  });

  it('a text shown whose presumption is false: "again" before any call', () => {
    const text = minimalText().replace(
      '          label: Wait\n',
      '          label:\n            - { when: "hotline.calls > 0", text: Wait for a call back }\n            - { presumes: "hotline.calls > 0", text: Wait again }\n',
    );
    const scenario = scenarioFromText(text, 'again.yaml');
    const found = contradictionsOf(scenario, [
      { us: 'request_help', cn: 'cooperate' },
      { us: 'wait', cn: 'stall' },
    ]);
    expect(found.map((c) => [c.kind, c.turn, c.where])).toEqual([['presumes', 2, 'response/us/wait']]);
  });

  it('a guarded variant is never a contradiction: "again" only after a call', () => {
    const text = minimalText().replace(
      '          label: Wait\n',
      '          label:\n            - { when: "hotline.calls > 0", presumes: "hotline.calls > 0", text: Wait again }\n            - { text: Wait }\n',
    );
    const scenario = scenarioFromText(text, 'guarded.yaml');
    expect(
      contradictionsOf(scenario, [
        { us: 'request_help', cn: 'cooperate' },
        { us: 'wait', cn: 'stall' },
      ]),
    ).toEqual([]);
  });

  it('the simulator counts them and names the first, with its seed', () => {
    const text = minimalText().replace('- { id: stalled, weight: 1, text: Silence. }', '- { id: stalled, weight: "if outcome.us.answered then 1 else 2", text: Silence., hotline: unanswered }');
    const report = simulate(scenarioFromText(text, 'two-hotlines.yaml'), { runs: 300, seed: 'c', policy: 'random', side: 'cn' });
    expect(report.contradictions.count).toBeGreaterThan(0);
    expect(report.contradictions.first[0]).toMatchObject({ kind: 'hotline', beat: 'response' });
    expect(report.contradictions.first[0]?.seed).toMatch(/^c-\d+$/);
  });
});

describe('coherence: the checker refuses a pair of outcomes that would contradict, unless one reads the other', () => {
  const twoStates = minimalText().replace('- { id: stalled, weight: 1, text: Silence. }', '- { id: stalled, weight: 1, text: Silence., hotline: unanswered }');
  it('two hotline states in one turn, unguarded: scenario/contradictory-outcomes at the second weight', () => {
    const codes = loadScenario(twoStates, 'pair.yaml', library()).diagnostics.map((d) => `${d.code} ${d.path}`);
    expect(codes).toContain('scenario/contradictory-outcomes beats[1].options.cn[0].outcomes[0].weight');
  });
  it('the same pair guarded by the first result loads', () => {
    const guarded = twoStates.replace(
      '- { id: stalled, weight: 1, text: Silence., hotline: unanswered }',
      '- { id: stalled, weight: "if outcome.us.answered then 0 else 1", text: Silence., hotline: unanswered }\n            - { id: picked_up, weight: "if outcome.us.answered then 1 else 0", text: Beijing picks up. }',
    );
    expect(loadScenario(guarded, 'guarded.yaml', library()).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('coherence: the shipped scenarios tell one story per turn', () => {
  for (const { path, scenario } of allScenarios()) {
    for (const side of scenario.file.sides) {
      it(`${path} as ${side}: no contradiction in 300 runs under each policy`, () => {
        for (const policy of POLICY_KINDS) {
          const r = simulate(scenario, { runs: 300, seed: 'coherence', policy, side });
          expect(r.failures, `${policy}: runs stopped on an error`).toEqual([]);
          expect(r.contradictions, `${policy}`).toEqual({ count: 0, first: [] });
        }
      });
    }
  }
});
