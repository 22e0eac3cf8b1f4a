import { describe, expect, it } from 'vitest';
import { actionsOf, type GameState, isCodeSeed, type ReplayFile, recordReplay, resolveTurn, type Scenario, start } from '../../src/engine';
import { LUCK_POLICY_STREAMS, LUCK_SEEDS, type LuckReport, luckSeeds, luckVersusChoice, spreadOf } from '../../src/sim';
import { applySteps, controllersFor, playSteps } from '../golden/policy';
import { allScenarios, MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);

const turn2 = (us: number, cn: number) => ({ kind: 'turn' as const, us, cn, forceUs: null, forceCn: null });

function must(r: ReturnType<typeof luckVersusChoice>): LuckReport {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function replayOf(scenario: Scenario, state: GameState): ReplayFile {
  const r = recordReplay(scenario, state);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const ipTheft = allScenarios().find((l) => l.scenario.id === 'ip-theft')?.scenario as Scenario;
const ipRun = replayOf(ipTheft, playSteps(ipTheft, start(ipTheft, 'K7Q3', controllersFor('us')), [], true));

describe('luck versus choice', () => {
  const report = must(luckVersusChoice(ipTheft, ipRun, 'us'));

  it('reruns the choices under 200 other code seeds and each policy under 50 streams on the same seed', () => {
    expect(report.withYourChoices.runs).toBe(LUCK_SEEDS);
    expect(report.seeds).toHaveLength(200);
    expect(new Set(report.seeds).size).toBe(200);
    expect(report.seeds).not.toContain('K7Q3');
    expect(report.seeds.every(isCodeSeed)).toBe(true);
    expect(report.onYourSeed.map((p) => [p.policy, p.streams, p.distribution.runs])).toEqual([
      ['random', LUCK_POLICY_STREAMS, 50],
      ['lowest-rung', LUCK_POLICY_STREAMS, 50],
      ['highest-rung', LUCK_POLICY_STREAMS, 50],
      ['cooperative', LUCK_POLICY_STREAMS, 50],
      ['defecting', LUCK_POLICY_STREAMS, 50],
    ]);
  });

  it('its distributions add up, and the percentile and ending share agree with them', () => {
    const d = report.withYourChoices;
    expect(d.endings.reduce((n, e) => n + e.runs, 0)).toBe(200);
    expect(d.endings.map((e) => e.id)).toEqual(ipTheft.file.endings.map((e) => e.id));
    expect(d.objectives.map((o) => o.id)).toEqual(ipTheft.file.objectives.filter((o) => o.side === 'us').map((o) => o.id));
    for (const o of d.objectives) expect(o.histogram.reduce((a, b) => a + b, 0)).toBe(200);
    const below = d.totals.filter((t) => t < report.actual.total).length;
    const ties = d.totals.filter((t) => t === report.actual.total).length;
    expect(report.percentile).toBe(Math.round(((below + ties / 2) * 100) / 200));
    expect(report.sameEnding).toBe(d.endings.find((e) => e.id === report.actual.ending)?.percent);
    expect(report.diceSpread).toBe(spreadOf(d.totals).spread);
    expect(report.diceShare).toBe(Math.round((100 * report.diceSpread) / (report.diceSpread + report.choiceSpread)));
  });

  it('says it in plain language', () => {
    expect(report.summary[0]).toBe(`With your choices, ${report.sameEnding}% of 200 other seeds reached "${report.actual.endingTitle}"; you got it on your seed.`);
    expect(report.summary.some((s) => s.startsWith('On your seed, the random policy reached'))).toBe(true);
    expect(report.summary[report.summary.length - 1]).toMatch(/^Dice or choices: .* About \d+% of the variation came from the dice\.$/);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(must(luckVersusChoice(ipTheft, ipRun, 'us')))).toBe(JSON.stringify(report));
  });

  it('200 + 150 runs take well under a second (measured)', () => {
    const t0 = performance.now();
    must(luckVersusChoice(ipTheft, ipRun, 'us'));
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
  });

  it('the strategy is the last option chosen at each beat met', () => {
    const looping = scenarioFromText(
      minimalText().replace(
        '    text: { us: Washington waits., cn: Beijing weighs its answer. }\n    next: stalemate',
        '    text: { us: Washington waits., cn: Beijing weighs its answer. }\n    next: response',
      ),
      'looping.yaml',
    );
    const state = applySteps(start(looping, 'K7Q3', controllersFor('us')), [
      (s) => resolveTurn(looping, s, { us: 'request_help', force: { us: 'ignored' } }),
      (s) => resolveTurn(looping, s, { us: 'call_hotline', force: { us: 'unanswered' } }),
      (s) => resolveTurn(looping, s, { us: 'wait' }),
      (s) => resolveTurn(looping, s, { us: 'wait' }),
    ]);
    const r = must(luckVersusChoice(looping, { seed: state.seed, controllers: state.controllers, actions: actionsOf(state) }, 'us', { seeds: 20, policyStreams: 5 }));
    expect(r.strategy).toEqual([
      { beat: 'opening', option: 'request_help' },
      { beat: 'response', option: 'wait' },
    ]);
    expect(r.withYourChoices.runs).toBe(20);
  });

  it('a scenario without chance gives no spread from the dice', () => {
    const certain = scenarioFromText(
      minimalText()
        .replace('weight: "40 + trust / 2"', 'weight: 1')
        .replace('weight: 30,', 'weight: 0,')
        .replace('ai: "10 + trust / 5"', 'ai: 0')
        .replace('weight: "trust"', 'weight: 1')
        .replace('weight: 50,', 'weight: 0,'),
      'certain.yaml',
    );
    const state = playSteps(certain, start(certain, 'K7Q3', controllersFor('us')), [], true);
    const r = must(luckVersusChoice(certain, replayOf(certain, state), 'us', { seeds: 30, policyStreams: 10 }));
    expect(r.diceSpread).toBe(0);
    expect(r.percentile).toBe(50);
    expect(r.sameEnding).toBe(100);
  });

  it('in a team game each side follows its own strategy, and either side can be reported', () => {
    const state = playSteps(minimal, start(minimal, 'K7Q3', controllersFor('teams')), [turn2(0, 1), turn2(0, 0)], true);
    const run = { seed: state.seed, controllers: state.controllers, actions: actionsOf(state) };
    const us = must(luckVersusChoice(minimal, run, 'us', { seeds: 40, policyStreams: 10 }));
    const cn = must(luckVersusChoice(minimal, run, 'cn', { seeds: 40, policyStreams: 10 }));
    expect(us.strategy[0]).toEqual({ beat: 'opening', option: 'request_help' });
    expect(cn.strategy[0]).toEqual({ beat: 'opening', option: 'deny' });
    expect(us.withYourChoices.endings.map((e) => e.runs)).toEqual(cn.withYourChoices.endings.map((e) => e.runs));
    expect(cn.withYourChoices.objectives.map((o) => o.id)).toEqual(['keep_face']);
    expect(us.withYourChoices.endings.map((e) => e.tone)).toEqual(['success', 'mixed', 'failure']);
    // Each side reads its own verdict as the scenario writes it (no mirror): the quiet deal is a success for both.
    expect(cn.withYourChoices.endings.map((e) => e.tone)).toEqual(['success', 'mixed', 'failure']);
  });

  it.each([
    ['an unfinished run', () => luckVersusChoice(minimal, { seed: 'K7Q3', controllers: controllersFor('us'), actions: [{ kind: 'turn', us: 'request_help' }] }, 'us'), 'luck/unfinished'],
    ['a side the model played', () => luckVersusChoice(ipTheft, ipRun, 'cn'), 'luck/not-played'],
    ['actions that do not play', () => luckVersusChoice(minimal, { seed: 'K7Q3', controllers: controllersFor('us'), actions: [{ kind: 'turn', us: 'sanction' }] }, 'us'), 'luck/illegal-action'],
  ] as const)('refuses %s', (_name, run, code) => {
    const r = run();
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });

  it('derives the same other seeds from the same seed, and different ones from another', () => {
    expect(luckSeeds('K7Q3', 5)).toEqual(luckSeeds('K7Q3', 5));
    expect(luckSeeds('K7Q3', 5)).not.toEqual(luckSeeds('M4RX', 5));
  });

  it.each([
    [[], { mean: 0, min: 0, max: 0, spread: 0 }],
    [[10], { mean: 10, min: 10, max: 10, spread: 0 }],
    [[0, 10], { mean: 5, min: 0, max: 10, spread: 5 }],
    [[1, 2, 3, 10], { mean: 4, min: 1, max: 10, spread: 3 }],
  ])('spreadOf(%j) is %j', (totals, want) => {
    expect(spreadOf(totals)).toEqual(want);
  });
});
