/**
 * Luck versus choice: how much of a finished run's result came from the dice, and how much from the
 * decisions. Two experiments, both deterministic:
 *
 * (a) **Your choices, other dice.** The player's decisions are replayed under {@link LUCK_SEEDS}
 * other seeds. The player's strategy is, for each beat, the option they chose there (the last time,
 * when they met the beat more than once). On another seed, at a beat they met, that option is taken
 * if it is offered; otherwise, and at beats they never met, the fallback is the random policy drawing
 * from its own stream seeded `${runSeed}/policy` (as the simulator does), so the fallback never uses
 * the game's dice. Facilitator actions (forced outcomes, fired injects) are not part of a strategy
 * and are not replayed. The other seeds are 4-character code seeds derived from the run's seed
 * (sha-256 of `${seed}/luck/${i}`), skipping repeats and the run's own seed, so the view can offer
 * "play this seed" for any of them.
 *
 * (b) **Your dice, other choices.** The run's own seed under each simulator policy (random,
 * lowest-rung, highest-rung, cooperative, defecting), each with {@link LUCK_POLICY_STREAMS} policy
 * streams seeded `${seed}/luck/<policy>/${i}`: for random they give a distribution of choices; the
 * others draw from theirs only to break ties between options that score the same.
 *
 * In both, a side the model played is played by the model again, and in a team game the other side
 * played by people follows its own recorded strategy with the same fallback. Only the player's side
 * is reported. The **dice share** compares two spreads of the side's total score (the sum of its
 * objectives' scores): the mean absolute deviation across (a), where only the dice vary, and across
 * all runs of (b), where only the choices vary; it is dice / (dice + choices), in percent, or null
 * when neither varies. It is a rough, honest measure for a debrief, not a variance decomposition.
 */

import type { Controller, GameState, Scenario, Side } from '../engine';
import { ENGINE_VERSION, legalOptions, playActions, Rng, randomSeedFrom, resolveTurn, SIDES, scoreObjectives, seedState, shortHash, start } from '../engine';
import { Collector, percentOf, spreadOf } from './luck-stats';
import { luckSummary } from './luck-summary';
import type { LuckOptions, LuckReport, LuckResult, PolicyOnSeed, RunInput } from './luck-types';

export type * from './luck-types';

type Strategy = ReadonlyMap<string, string>;

import { POLICY_KINDS, type Policy, policyOf, policySeed, randomPolicy } from './policies';

/** Other seeds tried with the player's choices: 200 gives a percentage to within a few points. */
export const LUCK_SEEDS = 200;
/** Policy streams per policy on the player's seed: 3 × 50 runs give distributions and keep the whole well under a second. */
export const LUCK_POLICY_STREAMS = 50;

function strategyOf(state: GameState, side: Side): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of state.log) {
    if (r.kind !== 'turn') continue;
    for (const m of r.moves) if (m.side === side && m.by === 'people') out.set(r.beat, m.option);
  }
  return out;
}

/** How a side played by people picks in a rerun: its strategy, else its policy on its own stream. */
interface Chooser {
  readonly strategy: Strategy | null;
  readonly policy: Policy;
  readonly rng: Rng;
}

/** Plays one game to its end. Returns null if the engine refuses a move (listed by the caller as a failure). */
function playOut(scenario: Scenario, seed: string, controllers: Readonly<Record<Side, Controller>>, choosers: Readonly<Record<Side, Chooser | null>>): GameState | null {
  let state = start(scenario, seed, controllers);
  while (state.ending === null) {
    const choice: { us?: string; cn?: string } = {};
    for (const side of SIDES) {
      const c = choosers[side];
      if (controllers[side] !== 'people' || c === null) continue;
      const offered = legalOptions(scenario, state, side);
      const wanted = c.strategy?.get(state.beat);
      const hit = wanted === undefined ? undefined : offered.find((o) => o.id === wanted);
      if (hit !== undefined) {
        choice[side] = hit.id;
        continue;
      }
      choice[side] = offered[c.policy(offered, c.rng)]?.id as string;
    }
    const r = resolveTurn(scenario, state, choice);
    if (!r.ok) return null;
    state = r.state;
  }
  return state;
}

/** The other seeds of (a): distinct code seeds derived from `seed`, never `seed` itself. */
export function luckSeeds(seed: string, count: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>([seed]);
  for (let i = 0; out.length < count; i++) {
    const s = randomSeedFrom(parseInt(shortHash(`${seed}/luck/${i}`).slice(0, 12), 16));
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

/**
 * Luck versus choice for `side` of a finished run of `scenario` (see the module comment for the two
 * experiments and the dice share). Refuses a run whose actions do not play (`luck/illegal-action`),
 * one that has not ended (`luck/unfinished`), or a side not played by people (`luck/not-played`).
 */
export function luckVersusChoice(scenario: Scenario, run: RunInput, side: Side, options: LuckOptions = {}): LuckResult {
  const played = playActions(scenario, run.seed, run.controllers, run.actions);
  if (!played.ok) return { ok: false, error: { code: 'luck/illegal-action', message: played.error.message } };
  const actual = played.value.state;
  if (actual.ending === null) return { ok: false, error: { code: 'luck/unfinished', message: 'the run has not ended yet; luck versus choice compares finished runs' } };
  if (run.controllers[side] !== 'people') return { ok: false, error: { code: 'luck/not-played', message: `${side} was played by the counterpart model in this run` } };

  const strategies: Record<Side, Strategy> = { us: strategyOf(actual, 'us'), cn: strategyOf(actual, 'cn') };
  const other = side === 'us' ? 'cn' : 'us';
  const chooser = (s: Side, strategy: Strategy | null, policy: Policy, streamSeed: string): Chooser | null =>
    run.controllers[s] === 'people' ? { strategy, policy, rng: new Rng(seedState(streamSeed)) } : null;

  const seeds = luckSeeds(run.seed, options.seeds ?? LUCK_SEEDS);
  const withChoices = new Collector(scenario, side);
  for (const s of seeds) {
    const stream = policySeed(s);
    const end = playOut(scenario, s, run.controllers, { us: chooser('us', strategies.us, randomPolicy, stream), cn: chooser('cn', strategies.cn, randomPolicy, `${stream}/cn`) });
    if (end !== null) withChoices.add(end);
  }

  const onSeed: PolicyOnSeed[] = [];
  const pooled: number[] = [];
  const streams = options.policyStreams ?? LUCK_POLICY_STREAMS;
  for (const kind of POLICY_KINDS) {
    const c = new Collector(scenario, side);
    for (let i = 0; i < streams; i++) {
      const stream = `${run.seed}/luck/${kind}/${i}`;
      const mine = chooser(side, null, policyOf(kind), stream);
      const theirs = chooser(other, strategies[other], randomPolicy, `${stream}/${other}`);
      const end = playOut(scenario, run.seed, run.controllers, side === 'us' ? { us: mine, cn: theirs } : { us: theirs, cn: mine });
      if (end !== null) c.add(end);
    }
    pooled.push(...c.totals);
    onSeed.push({ policy: kind, streams, distribution: c.distribution() });
  }

  const scores = scoreObjectives(scenario, actual).filter((o) => o.side === side);
  let total = 0;
  for (const o of scores) total += o.score;
  const dist = withChoices.distribution();
  let below = 0;
  let ties = 0;
  for (const t of dist.totals) {
    if (t < total) below++;
    else if (t === total) ties++;
  }
  const diceSpread = dist.total.spread;
  const choiceSpread = spreadOf(pooled).spread;
  const endingFile = scenario.file.endings.find((e) => e.id === actual.ending);
  const report: Omit<LuckReport, 'summary'> = {
    format: 'red-phone/luck@1',
    scenarioId: scenario.id,
    scenarioVersion: scenario.version,
    engineVersion: ENGINE_VERSION,
    seed: run.seed,
    side,
    actual: {
      ending: actual.ending,
      endingTitle: endingFile?.title ?? actual.ending,
      objectives: scores.map((o) => ({ id: o.id, label: o.label, score: o.score, met: o.met })),
      total,
    },
    strategy: [...strategies[side]].map(([beat, option]) => ({ beat, option })),
    seeds,
    withYourChoices: dist,
    onYourSeed: onSeed,
    percentile: dist.runs === 0 ? 0 : percentOf(2 * below + ties, 2 * dist.runs),
    sameEnding: dist.endings.find((e) => e.id === actual.ending)?.percent ?? 0,
    diceSpread,
    choiceSpread,
    diceShare: diceSpread + choiceSpread === 0 ? null : Math.round((100 * diceSpread) / (diceSpread + choiceSpread)),
  };
  return { ok: true, value: { ...report, summary: luckSummary(report) } };
}
