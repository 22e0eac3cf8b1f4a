/**
 * Decisions that matter: for one side played by people against the counterpart model, how far each
 * decision moves the endings and the objective scores, how much of the spread comes from the dice
 * and how much from the choices, which turn's roll decides the ending, and whether a term can be
 * broken at no cost. Every experiment uses common random numbers: the same run seeds (so the same
 * world dice and the same counterpart stream) under each alternative, so two alternatives are
 * compared on the same luck. Pure and deterministic.
 */
import { type GameState, legalOptions, type OptionView, Rng, resolveTurn, type Scenario, type Side, scoreObjectives, seedState, start, type TermId } from '../engine';
import { impactFlags } from './impact-flags';
import { type DecisionImpact, type ImpactReport, type PivotalTurn, type TermCost, tvDistance, varianceShares } from './impact-stats';
import { POLICY_KINDS, policySeed, randomPolicy } from './policies';
import { simulate } from './simulate';

export type { ImpactFlag } from './impact-flags';
export type * from './impact-stats';

/** How a side picks among the options offered now. */
type Chooser = (state: GameState, offered: readonly OptionView[], rng: Rng) => OptionView;

const randomChooser: Chooser = (_s, offered, rng) => offered[randomPolicy(offered, rng)] as OptionView;

interface Played {
  readonly state: GameState;
  /** The state before each turn, the choice made, and the policy stream's state just after it: enough to re-draw that turn and play on. */
  readonly turns: readonly { readonly before: GameState; readonly rng: ReturnType<Rng['state']>; readonly choice: string }[];
}

const choiceOf = (side: Side, option: OptionView) => (side === 'us' ? { us: option.id } : { cn: option.id });

/** A run that has not ended after this many turns is left out, as the engine's own loop would never stop it. */
const MAX_TURNS = 200;

const controllersOf = (side: Side) => (side === 'us' ? ({ us: 'people', cn: 'model' } as const) : ({ us: 'model', cn: 'people' } as const));

/**
 * One run from `seed` to its end with `chooser` for `side`; null when the engine stops it. `from`
 * plays on from a state with a policy stream instead, counting turns toward {@link MAX_TURNS} from
 * `from.turn` (0 unless given).
 */
function playRun(scenario: Scenario, seed: string, side: Side, chooser: Chooser, keep = false, from?: { state: GameState; rng: Rng; turn?: number }): Played | null {
  let state = from?.state ?? start(scenario, seed, controllersOf(side));
  const rng = from?.rng ?? new Rng(seedState(policySeed(seed)));
  const turns: { before: GameState; rng: ReturnType<Rng['state']>; choice: string }[] = [];
  for (let guard = from?.turn ?? 0; state.ending === null && guard < MAX_TURNS; guard++) {
    const offered = legalOptions(scenario, state, side);
    if (offered.length === 0) return null;
    const pick = chooser(state, offered, rng);
    const rngAfter = keep ? rng.state() : null;
    const r = resolveTurn(scenario, state, side === 'us' ? { us: pick.id } : { cn: pick.id });
    if (!r.ok) return null;
    if (keep && rngAfter !== null) turns.push({ before: state, rng: rngAfter, choice: pick.id });
    state = r.state;
  }
  return state.ending === null ? null : { state, turns };
}

const totalOf = (scenario: Scenario, state: GameState, side: Side): number => scoreObjectives(scenario, state).reduce((n, o) => (o.side === side ? n + o.score : n), 0);

export interface ImpactOptions {
  readonly seed: string;
  /** Runs per alternative (an option at a decision, a term kept or broken) and for the pivotal-roll study. */
  readonly runs: number;
  /** Strategies and seeds of the dice-versus-choices grid (grid × grid runs). */
  readonly grid?: number;
}

/** Where a random run stood at one turn: the state, what `side` was offered, and the policy stream before its pick. */
interface Stop {
  readonly turn: number;
  readonly before: GameState;
  readonly offered: readonly OptionView[];
  readonly rng: ReturnType<Rng['state']>;
}

/**
 * A random run from `seed` as {@link playRun} plays it, keeping the first stop at each beat where
 * `side` chose (the turn the engine stopped at included).
 */
function firstStops(scenario: Scenario, seed: string, side: Side): Map<string, Stop> {
  const stops = new Map<string, Stop>();
  let state = start(scenario, seed, controllersOf(side));
  const rng = new Rng(seedState(policySeed(seed)));
  for (let turn = 0; state.ending === null && turn < MAX_TURNS; turn++) {
    const offered = legalOptions(scenario, state, side);
    if (offered.length === 0) break;
    if (!stops.has(state.beat)) stops.set(state.beat, { turn, before: state, offered, rng: rng.state() });
    const r = resolveTurn(scenario, state, choiceOf(side, randomChooser(state, offered, rng)));
    if (!r.ok) break;
    state = r.state;
  }
  return stops;
}

/** The run that takes `option` at `stop` and plays on at random with the policy stream as it was there; its end state, or null. */
function branchFrom(scenario: Scenario, side: Side, stop: Stop, option: OptionView): GameState | null {
  const first = resolveTurn(scenario, stop.before, choiceOf(side, option));
  if (!first.ok) return null;
  return playRun(scenario, '', side, randomChooser, false, { state: first.state, rng: new Rng(stop.rng), turn: stop.turn + 1 })?.state ?? null;
}

/**
 * Each option at each decision point of `side`: taken there (its first visit) with random play
 * elsewhere, on the runs that reach the point with the option offered. Until that first visit such a
 * run is the random run of its seed (the same states, the same policy draws), so each seed's random
 * run is played once and every option branches from its stop there; taking an option draws nothing,
 * so the branch plays on with the policy stream as it was before the pick. The rows are those of
 * playing each option's runs in full (test/sim/impact.test.ts holds the two to the same study).
 */
function decisions(scenario: Scenario, side: Side, o: ImpactOptions): DecisionImpact[] {
  const points = [...scenario.beats.values()].filter((beat) => beat.options[side].length >= 2);
  const rows = new Map(points.map((beat) => [beat.id, beat.options[side].map((opt) => ({ option: opt.id, runs: 0, endings: new Map<string, number>(), mine: 0, theirs: 0 }))]));
  for (let i = 0; i < o.runs; i++) {
    const stops = firstStops(scenario, `${o.seed}-${i}`, side);
    for (const beat of points) {
      const stop = stops.get(beat.id);
      if (stop === undefined) continue;
      for (const row of rows.get(beat.id) ?? []) {
        const hit = stop.offered.find((x) => x.id === row.option);
        const end = hit === undefined ? null : branchFrom(scenario, side, stop, hit);
        if (end === null) continue;
        row.runs++;
        const e = end.ending as string;
        row.endings.set(e, (row.endings.get(e) ?? 0) + 1);
        row.mine += totalOf(scenario, end, side);
        row.theirs += totalOf(scenario, end, side === 'us' ? 'cn' : 'us');
      }
    }
  }
  const out: DecisionImpact[] = [];
  for (const beat of points) {
    const measured = (rows.get(beat.id) ?? []).map((r) => ({ ...r, score: r.runs === 0 ? 0 : Math.round(r.mine / r.runs), otherScore: r.runs === 0 ? 0 : Math.round(r.theirs / r.runs) }));
    const reached = measured.filter((r) => r.runs > 0);
    if (reached.length < 2) continue;
    let spread = 0;
    for (const a of reached) for (const b of reached) spread = Math.max(spread, tvDistance(a.endings, a.runs, b.endings, b.runs));
    const scores = reached.map((r) => r.score);
    out.push({
      beat: beat.id,
      side,
      options: measured.map((r) => ({ option: r.option, runs: r.runs, score: r.score, otherScore: r.otherScore, endings: [...r.endings.entries()].map(([ending, runs]) => ({ ending, runs })) })),
      endingSpread: spread,
      scoreSpread: Math.max(...scores) - Math.min(...scores),
    });
  }
  return out;
}

/** For each turn of `o.runs` random runs: the chance that a fresh roll of that turn would have changed the ending. */
function pivotal(scenario: Scenario, side: Side, o: ImpactOptions): { byTurn: PivotalTurn[]; lastRollShare: number; runs: number } {
  const decided = new Map<number, number>();
  let lastDecided = 0;
  let runs = 0;
  for (let i = 0; i < o.runs; i++) {
    const played = playRun(scenario, `${o.seed}-p${i}`, side, randomChooser, true);
    if (played === null) continue;
    runs++;
    played.turns.forEach((t, k) => {
      const base = resolveTurn(scenario, t.before, side === 'us' ? { us: t.choice } : { cn: t.choice });
      if (!base.ok || base.record.kind !== 'turn') return;
      let swingBp = 0;
      for (const m of base.record.moves) {
        const option = scenario.beats.get(base.record.beat)?.options[m.side].find((x) => x.id === m.option);
        let moveSwing = 0;
        option?.outcomes.forEach((out, j) => {
          const chance = m.chances[j] ?? 0;
          if (out.id === m.outcome || chance <= 0) return;
          const forced = resolveTurn(scenario, t.before, { ...(side === 'us' ? { us: t.choice } : { cn: t.choice }), force: { [m.side]: out.id } });
          if (!forced.ok) return;
          const rng = new Rng(t.rng);
          const rest = playRun(scenario, '', side, randomChooser, false, { state: forced.state, rng });
          if (rest !== null && rest.state.ending !== played.state.ending) moveSwing += chance;
        });
        swingBp = Math.max(swingBp, moveSwing);
      }
      if (swingBp >= 5000) {
        decided.set(k + 1, (decided.get(k + 1) ?? 0) + 1);
        if (k === played.turns.length - 1) lastDecided++;
      }
    });
  }
  const byTurn = [...decided.entries()].sort((a, b) => a[0] - b[0]).map(([turn, n]) => ({ turn, runs: n, percent: runs === 0 ? 0 : Math.round((n * 100) / runs) }));
  return { byTurn, lastRollShare: runs === 0 ? 0 : Math.round((lastDecided * 100) / runs), runs };
}

/** Each term `side` can strain: random play that never strains it against random play that strains it whenever it can. */
function termCosts(scenario: Scenario, side: Side, o: ImpactOptions): TermCost[] {
  const out: TermCost[] = [];
  for (const term of ['T1', 'T2', 'T3', 'T4'] as const satisfies readonly TermId[]) {
    const strains = (x: OptionView): boolean => x.strains.includes(term);
    let offeredIn = 0;
    const keep: Chooser = (s, offered, rng) => {
      const clean = offered.filter((x) => !strains(x));
      return randomChooser(s, clean.length > 0 ? clean : offered, rng);
    };
    const breakIt: Chooser = (s, offered, rng) => {
      const bad = offered.filter(strains);
      return randomChooser(s, bad.length > 0 ? bad : offered, rng);
    };
    const tally = (chooser: Chooser, count: boolean): { score: number; success: number; runs: number } => {
      let score = 0;
      let success = 0;
      let runs = 0;
      for (let i = 0; i < o.runs; i++) {
        let broke = false;
        const watch: Chooser = (s, offered, rng) => {
          const pick = chooser(s, offered, rng);
          if (strains(pick)) broke = true;
          return pick;
        };
        const played = playRun(scenario, `${o.seed}-t${i}`, side, watch);
        if (played === null) continue;
        runs++;
        if (count && broke) offeredIn++;
        score += totalOf(scenario, played.state, side);
        if (scenario.endings.find((e) => e.id === played.state.ending)?.tone[side] === 'success') success++;
      }
      return { score: runs === 0 ? 0 : score / runs, success: runs === 0 ? 0 : (success * 100) / runs, runs };
    };
    const broken = tally(breakIt, true);
    if (offeredIn === 0) continue;
    const kept = tally(keep, false);
    out.push({ term, runsBroken: offeredIn, runs: broken.runs, scoreCost: Math.round(kept.score - broken.score), successCost: Math.round(kept.success - broken.success) });
  }
  return out;
}

/** The whole study for `side`; `flags` lists what the designer should look at (or justify in the file). */
export function decisionImpact(scenario: Scenario, side: Side, options: ImpactOptions): ImpactReport {
  const grid = options.grid ?? 20;
  const scores: number[][] = [];
  for (let s = 0; s < grid; s++) {
    const row: number[] = [];
    for (let d = 0; d < grid; d++) {
      // The strategy is the policy stream (choices); the seed is the world and the counterpart (dice).
      const rng = new Rng(seedState(`${options.seed}/strategy/${s}`));
      let state = start(scenario, `${options.seed}-g${d}`, controllersOf(side));
      for (let guard = 0; state.ending === null && guard < MAX_TURNS; guard++) {
        const offered = legalOptions(scenario, state, side);
        const pick = offered[randomPolicy(offered, rng)];
        const r = pick === undefined ? null : resolveTurn(scenario, state, side === 'us' ? { us: pick.id } : { cn: pick.id });
        if (r === null || !r.ok) break;
        state = r.state;
      }
      row.push(state.ending === null ? Number.NaN : totalOf(scenario, state, side));
    }
    scores.push(row);
  }
  const policies = POLICY_KINDS.map((policy) => {
    const r = simulate(scenario, { runs: options.runs, seed: options.seed, policy, side });
    const successIds = new Set(scenario.endings.filter((e) => e.tone[side] === 'success').map((e) => e.id));
    const success = r.endings.reduce((n, e) => n + (successIds.has(e.id) ? e.count : 0), 0);
    const total = r.objectives.filter((x) => x.side === side).reduce((n, x) => n + x.mean, 0);
    return { policy, meanScore: Math.round(total), successPercent: r.completed === 0 ? 0 : Math.round((success * 100) / r.completed) };
  });
  const report = {
    side,
    decisions: decisions(scenario, side, options),
    variance: varianceShares(scores),
    pivotal: pivotal(scenario, side, options),
    terms: termCosts(scenario, side, options),
    policies,
  };
  return { ...report, flags: impactFlags(report) };
}
