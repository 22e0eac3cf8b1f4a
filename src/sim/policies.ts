/**
 * Headless players for the simulator. A policy picks one of the options offered to a side played by
 * people. It draws only from its own generator (seeded from the run's seed), never from the game's
 * streams, so adding or changing a policy never shifts the dice the game itself rolls.
 */
import type { Rng } from '../engine';

export type PolicyKind = 'random' | 'cautious' | 'hawkish';

export const POLICY_KINDS: readonly PolicyKind[] = ['random', 'cautious', 'hawkish'];

export function isPolicyKind(s: string): s is PolicyKind {
  return s === 'random' || s === 'cautious' || s === 'hawkish';
}

/**
 * Picks an index into `rungs`: the rung (0 is the lowest) of each offered option, in scenario order,
 * at least one. Draws from
 * `rng` only to break ties or to choose at random, and never when there is a single candidate.
 */
export type Policy = (rungs: ArrayLike<number>, rng: Rng) => number;

/** Uniform among the offered options. */
export const randomPolicy: Policy = (rungs, rng) => (rungs.length > 1 ? rng.below(rungs.length) : 0);

/** Uniform among the options whose rung is extreme (`sign` 1: highest; -1: lowest). */
function extremeRung(sign: 1 | -1): Policy {
  return (rungs, rng) => {
    let best = (rungs[0] as number) * sign;
    let ties = 1;
    for (let i = 1; i < rungs.length; i++) {
      const r = (rungs[i] as number) * sign;
      if (r > best) {
        best = r;
        ties = 1;
      } else if (r === best) ties++;
    }
    let k = ties > 1 ? rng.below(ties) : 0;
    for (let i = 0; i < rungs.length; i++) {
      if ((rungs[i] as number) * sign !== best) continue;
      if (k === 0) return i;
      k--;
    }
    throw new Error('policy: no candidate');
  };
}

/** The lowest rung offered; ties broken evenly by the policy's own stream. */
export const cautiousPolicy: Policy = extremeRung(-1);

/** The highest rung offered; ties broken evenly by the policy's own stream. */
export const hawkishPolicy: Policy = extremeRung(1);

export function policyOf(kind: PolicyKind): Policy {
  return kind === 'random' ? randomPolicy : kind === 'cautious' ? cautiousPolicy : hawkishPolicy;
}

/** The seed of a run's policy stream, derived from the run's own seed. */
export const policySeed = (runSeed: string): string => `${runSeed}/policy`;
