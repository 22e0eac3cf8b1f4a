/** Decisions that matter: the decision-impact study, its arithmetic and its flags. */
import { describe, expect, it } from 'vitest';
import { type GameState, legalOptions, Rng, resolveTurn, type Scenario, type Side, scoreObjectives, seedState, start } from '../../src/engine';
import { decisionImpact, impactFlags, policySeed } from '../../src/sim';
import { tvDistance, varianceShares } from '../../src/sim/impact-stats';
import { randomPolicy } from '../../src/sim/policies';
import { MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);

describe('impact arithmetic', () => {
  it('total-variation distance: 0 for the same distribution, 1 for disjoint ones, half the summed gaps between', () => {
    const a = new Map([
      ['x', 50],
      ['y', 50],
    ]);
    expect(
      tvDistance(
        a,
        100,
        new Map([
          ['x', 5],
          ['y', 5],
        ]),
        10,
      ),
    ).toBe(0);
    expect(tvDistance(new Map([['x', 10]]), 10, new Map([['y', 10]]), 10)).toBe(1);
    expect(
      tvDistance(
        a,
        100,
        new Map([
          ['x', 80],
          ['y', 20],
        ]),
        100,
      ),
    ).toBe(0.3);
  });

  it('variance shares: rows that differ are the choices, columns the dice', () => {
    expect(
      varianceShares([
        [10, 10, 10],
        [20, 20, 20],
        [30, 30, 30],
      ]),
    ).toMatchObject({ choices: 100, dice: 0, interaction: 0 });
    expect(
      varianceShares([
        [10, 20, 30],
        [10, 20, 30],
      ]),
    ).toMatchObject({ choices: 0, dice: 100, interaction: 0 });
    const mixed = varianceShares([
      [10, 20],
      [20, 40],
    ]);
    expect(mixed.choices + mixed.dice + mixed.interaction).toBe(100);
    expect(mixed.interaction).toBeGreaterThan(0);
    expect(
      varianceShares([
        [5, 5],
        [5, 5],
      ]),
    ).toMatchObject({ choices: 0, dice: 0, interaction: 0 });
  });
});

describe('impact flags', () => {
  const none = { decisions: [], pivotal: { lastRollShare: 0, runs: 100 }, terms: [], policies: [] };
  const option = (o: string, score: number, runs = 100) => ({ option: o, runs, score, otherScore: 0, endings: [] });
  it.each([
    [
      'a decision whose options change nothing',
      { ...none, decisions: [{ beat: 'b', side: 'us' as const, options: [option('x', 50), option('y', 51)], endingSpread: 0.02, scoreSpread: 1 }] },
      ['no-impact:b'],
    ],
    ['a decision that moves the endings', { ...none, decisions: [{ beat: 'b', side: 'us' as const, options: [option('x', 50), option('y', 51)], endingSpread: 0.3, scoreSpread: 1 }] }, []],
    ['too few runs to judge', { ...none, decisions: [{ beat: 'b', side: 'us' as const, options: [option('x', 50, 10), option('y', 50)], endingSpread: 0, scoreSpread: 0 }] }, []],
    ['a term free to break', { ...none, terms: [{ term: 'T2' as const, runs: 100, runsBroken: 60, scoreCost: 1, successCost: 0 }] }, ['free-to-break:T2']],
    ['a term that costs', { ...none, terms: [{ term: 'T2' as const, runs: 100, runsBroken: 60, scoreCost: 40, successCost: 20 }] }, []],
    ['the last roll deciding most runs', { ...none, pivotal: { lastRollShare: 51, runs: 100 } }, ['last-roll']],
    [
      'a policy that beats every other',
      {
        ...none,
        policies: [
          { policy: 'cooperative' as const, meanScore: 300, successPercent: 60 },
          { policy: 'random' as const, meanScore: 200, successPercent: 10 },
        ],
      },
      ['dominant-policy:cooperative'],
    ],
    [
      'a best policy that does not lead on success',
      {
        ...none,
        policies: [
          { policy: 'cooperative' as const, meanScore: 300, successPercent: 12 },
          { policy: 'random' as const, meanScore: 200, successPercent: 10 },
        ],
      },
      [],
    ],
  ])('%s', (_name, input, keys) => {
    expect(impactFlags(input).map((f) => f.key)).toEqual(keys);
  });
});

describe('the study on the minimal fixture', () => {
  const report = decisionImpact(minimal, 'us', { seed: 'impact', runs: 120, grid: 8 });

  it('measures every decision point of the side with more than one option, on the same seeds', () => {
    expect(report.decisions.map((d) => d.beat)).toEqual(['opening', 'response']);
    const opening = report.decisions[0];
    expect(opening?.options.map((o) => o.option)).toEqual(['request_help', 'go_public']);
    for (const o of opening?.options ?? []) expect(o.runs).toBe(120);
    expect(opening?.endingSpread).toBeGreaterThan(0.2);
  });

  it('is deterministic: the same seed gives the same report', () => {
    expect(decisionImpact(minimal, 'us', { seed: 'impact', runs: 120, grid: 8 })).toEqual(report);
  });

  it('counts what breaking a term costs, and the policies side by side', () => {
    expect(report.terms.map((t) => t.term)).toEqual(['T4']);
    expect(report.policies.map((p) => p.policy)).toEqual(['random', 'lowest-rung', 'highest-rung', 'cooperative', 'defecting']);
    expect(report.variance.choices + report.variance.dice + report.variance.interaction).toBe(100);
  });

  it('flags a decision that changes nothing', () => {
    // Both opening options of the United States now do exactly the same thing.
    const same = scenarioFromText(
      minimalText().replace(
        '            - { id: named, weight: 1, text: The story leads the news., effects: { escalation: 15 }, set: [evidence_public], next: showdown }',
        '            - { id: named, weight: 0, text: The story leads the news., next: showdown }\n            - { id: helped, weight: "40 + trust / 2", text: Beijing opens a case at last., effects: { trust: 10 }, request: { topic: Intrusion logs, due: 2 } }\n            - { id: ignored, weight: 30, text: Still no answer., effects: { trust: -5 } }',
      ),
      'same.yaml',
    );
    const flags = decisionImpact(same, 'us', { seed: 'impact', runs: 120, grid: 8 }).flags.map((f) => f.key);
    expect(flags).toContain('no-impact:opening');
  });
});

/**
 * The decision rows as the study first made them, and as its doc describes them: for each option at
 * each decision point, every run played in full, the option taken at the point's first visit and
 * random play elsewhere. The study now branches each option from its seed's random run; both must
 * give the same rows.
 */
function decisionsInFull(scenario: Scenario, side: Side, seed: string, runs: number) {
  const controllers = side === 'us' ? ({ us: 'people', cn: 'model' } as const) : ({ us: 'model', cn: 'people' } as const);
  const total = (state: GameState, who: Side) => scoreObjectives(scenario, state).reduce((n, o) => (o.side === who ? n + o.score : n), 0);
  return [...scenario.beats.values()]
    .filter((beat) => beat.options[side].length >= 2)
    .map((beat) => ({
      beat: beat.id,
      options: beat.options[side].map((opt) => {
        const endings = new Map<string, number>();
        let played = 0;
        let mine = 0;
        let theirs = 0;
        for (let i = 0; i < runs; i++) {
          let state = start(scenario, `${seed}-${i}`, controllers);
          const rng = new Rng(seedState(policySeed(`${seed}-${i}`)));
          let used = false;
          let reached = false;
          let ok = true;
          for (let turn = 0; ok && state.ending === null && turn < 200; turn++) {
            const offered = legalOptions(scenario, state, side);
            if (offered.length === 0) ok = false;
            else {
              // The option is taken at the point's first visit (no draw); everywhere else a random pick.
              const forced = !used && state.beat === beat.id ? offered.find((x) => x.id === opt.id) : undefined;
              if (state.beat === beat.id) used = true;
              if (forced !== undefined) reached = true;
              const pick = forced ?? offered[randomPolicy(offered, rng)];
              const r = resolveTurn(scenario, state, side === 'us' ? { us: pick?.id ?? '' } : { cn: pick?.id ?? '' });
              if (r.ok) state = r.state;
              else ok = false;
            }
          }
          if (!ok || !reached || state.ending === null) continue;
          played++;
          endings.set(state.ending, (endings.get(state.ending) ?? 0) + 1);
          mine += total(state, side);
          theirs += total(state, side === 'us' ? 'cn' : 'us');
        }
        return {
          option: opt.id,
          runs: played,
          score: played === 0 ? 0 : Math.round(mine / played),
          otherScore: played === 0 ? 0 : Math.round(theirs / played),
          endings: [...endings].map(([ending, n]) => ({ ending, runs: n })),
        };
      }),
    }))
    .filter((d) => d.options.filter((o) => o.runs > 0).length >= 2);
}

describe('the decision rows', () => {
  it.each([
    [MINIMAL_PATH, 'us', 40],
    [MINIMAL_PATH, 'cn', 40],
    ['scenarios/ip-theft.yaml', 'cn', 16],
    ['scenarios/hotline-unanswered.yaml', 'us', 16],
  ] as const)('%s as %s: the same as playing every option’s runs in full', (path, side, runs) => {
    const scenario = scenarioAt(path);
    const study = decisionImpact(scenario, side, { seed: 'rows', runs, grid: 2 });
    expect(study.decisions.map(({ beat, options }) => ({ beat, options }))).toEqual(decisionsInFull(scenario, side, 'rows', runs));
  });
});
