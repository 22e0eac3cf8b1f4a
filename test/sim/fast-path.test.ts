/**
 * The simulator's fast path (the engine's Playout, played in place) reports exactly what the plain
 * path (`resolveTurn`, state after state) reports: byte for byte the same JSON, for every scenario,
 * both sides, every policy and many seeds, and for scenarios made to contradict themselves or to stop
 * on an error.
 */
import { describe, expect, it } from 'vitest';
import type { CompiledBeat, Scenario, Side } from '../../src/engine';
import { POLICY_KINDS, type PolicyKind, simulate } from '../../src/sim';
import { presumingAt } from '../../src/sim/coherence';
import { allScenarios, minimalText, scenarioFromText } from '../golden/scenarios';

function same(scenario: Scenario, side: Side, policy: PolicyKind, seed: string, runs: number): void {
  const fast = JSON.stringify(simulate(scenario, { runs, seed, policy, side }));
  const plain = JSON.stringify(simulate(scenario, { runs, seed, policy, side, path: 'plain' }));
  expect(fast).toBe(plain);
}

describe('the fast path against the plain path', () => {
  for (const { path, scenario } of allScenarios()) {
    it(`${path}: the same report, both sides, every policy, several seeds`, () => {
      for (const side of ['us', 'cn'] as const) {
        for (const policy of POLICY_KINDS) same(scenario, side, policy, `fp-${policy}`, policy === 'random' ? 400 : 60);
        for (const seed of ['a', 'b', 'K7Q3']) same(scenario, side, 'random', seed, 150);
      }
    });
  }

  it('a scenario whose outcomes contradict each other and whose texts presume what is false: the same counts and first contradictions', () => {
    const text = minimalText()
      .replace('- { id: stalled, weight: 1, text: Silence. }', '- { id: stalled, weight: "if outcome.us.answered then 1 else 2", text: Silence., hotline: unanswered }')
      .replace(
        '          label: Wait\n',
        '          label:\n            - { when: "hotline.calls > 0", text: Wait for a call back }\n            - { presumes: "hotline.calls > 0", text: Wait again }\n',
      )
      .replace(
        'outcomes: [ { id: imposed, weight: 1, text: Sanctions bite., effects: { escalation: 30 } } ]',
        'outcomes: [ { id: imposed, weight: 1, text: Sanctions bite., effects: { escalation: 30 }, set: [evidence_public] } ]',
      )
      .replace(
        'outcomes: [ { id: hit, weight: 1, text: Firms are fined., effects: { escalation: 20 } } ]',
        'outcomes: [ { id: hit, weight: "if outcome.us.imposed then 1 else 1", text: Firms are fined., effects: { escalation: 20 }, clear: [evidence_public] } ]',
      );
    const scenario = scenarioFromText(text, 'contradictions.yaml');
    for (const side of ['us', 'cn'] as const) {
      const report = simulate(scenario, { runs: 300, seed: 'c', policy: 'random', side });
      expect(report.contradictions.count).toBeGreaterThan(0);
      for (const policy of POLICY_KINDS) same(scenario, side, policy, 'c', 300);
    }
  });

  it('texts and options that presume their own condition are not checked, and the others still are: the same counts and first contradictions', () => {
    const text = minimalText()
      .replace(
        '    text: { us: Washington waits., cn: Beijing weighs its answer. }\n',
        '    text:\n      - { when: "hotline.calls > 0", presumes: "hotline.calls > 0", text: The line has rung. }\n      - { text: Both wait. }\n',
      )
      .replace('          when: not evidence_public\n', '          when: not evidence_public\n          presumes: not evidence_public\n')
      .replace(
        '          label: Wait\n',
        '          label:\n            - { when: "trust > 60", presumes: "trust > 60", text: Wait in trust }\n            - { when: "hotline.calls > 0", text: Wait for a call back }\n            - { presumes: "hotline.calls > 0", text: Wait again }\n',
      );
    const scenario = scenarioFromText(text, 'guarded-and-not.yaml');
    const response = presumingAt(scenario.beats.get('response') as CompiledBeat);
    expect(response).toEqual({ text: [false, false], options: [[true, false], [false]] });
    for (const side of ['us', 'cn'] as const) {
      const report = simulate(scenario, { runs: 300, seed: 'g', policy: 'random', side });
      expect(report.contradictions.count).toBeGreaterThan(0);
      for (const policy of POLICY_KINDS) same(scenario, side, policy, 'g', 300);
    }
  });

  it('an outcome text picked by the ledger on the turn that ends the game: picked before the ledger closes, on both paths', () => {
    // The request sent in the opening may still be open to China when the last turn is played; the
    // game's end closes it (never answered), and the text must be the one the open request picked.
    const text = minimalText().replace(
      '- { id: waited, weight: 1, text: Time passes. }',
      '- { id: waited, weight: 1, text: [ { when: "ledger.open.cn > 0", presumes: "escalation > 90", text: The request is still open. }, { text: Time passes. } ] }',
    );
    expect(text).not.toBe(minimalText());
    const scenario = scenarioFromText(text, 'ledger-text.yaml');
    const report = simulate(scenario, { runs: 300, seed: 'l', policy: 'random', side: 'us' });
    expect(report.contradictions.first.some((c) => c.where === 'response/us/wait/waited' && c.turn === 2)).toBe(true);
    for (const side of ['us', 'cn'] as const) for (const policy of POLICY_KINDS) same(scenario, side, policy, 'l', 300);
  });

  it('a scenario whose runs stop on an error: the same failures', () => {
    const text = minimalText().replace('weight: "40 + trust / 2"', 'weight: "trust - trust"').replace('{ id: ignored, weight: 30,', '{ id: ignored, weight: "escalation - 20",');
    const scenario = scenarioFromText(text, 'zero-weights.yaml');
    for (const side of ['us', 'cn'] as const) for (const policy of POLICY_KINDS) same(scenario, side, policy, 'z', 200);
  });
});
