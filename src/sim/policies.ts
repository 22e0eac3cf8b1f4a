/**
 * Headless players for the simulator. A policy picks one of the options offered to a side played by
 * people. It draws only from its own generator (seeded from the run's seed), never from the game's
 * streams, so adding or changing a policy never shifts the dice the game itself rolls.
 */
import type { Rng, TermId } from '../engine';

/**
 * The simulator's players, named for what they do: the same name means the same conduct for either
 * side (the most cooperative Chinese move sits on the lowest rung, just as the American one does).
 */
export type PolicyKind = 'random' | 'lowest-rung' | 'highest-rung' | 'cooperative' | 'defecting';

export const POLICY_KINDS: readonly PolicyKind[] = ['random', 'lowest-rung', 'highest-rung', 'cooperative', 'defecting'];

/** What each policy does, in a line, for reports and help. */
export const POLICY_WORDS: Readonly<Record<PolicyKind, string>> = {
  random: 'picks evenly among the options offered',
  'lowest-rung': 'picks the option lowest on the escalation ladder (cooperation and restraint first)',
  'highest-rung': 'picks the option highest on the escalation ladder',
  cooperative: "picks the option that uses the agreement's terms most and strains them least",
  defecting: "picks the option that strains the agreement's terms most, then the highest rung",
};

/** The names used before the policies were named for what they do, and what they became. */
const RENAMED: Readonly<Record<string, PolicyKind>> = { cautious: 'lowest-rung', hawkish: 'highest-rung' };

export function isPolicyKind(s: string): s is PolicyKind {
  return (POLICY_KINDS as readonly string[]).includes(s);
}

/** The policy a retired name now goes by, for a message that tells the fix. */
export const renamedPolicy = (s: string): PolicyKind | undefined => RENAMED[s];

/** What a policy sees of an offered option: its rung (-1 off the ladder) and the terms it uses and strains. */
export interface PolicyOption {
  readonly rung: number;
  readonly uses: readonly TermId[];
  readonly strains: readonly TermId[];
}

/**
 * Picks an index into `options` (the options offered to a side, in scenario order, at least one).
 * Draws from `rng` only to break ties or to choose at random, and never when there is a single
 * candidate.
 */
export type Policy = (options: ArrayLike<PolicyOption>, rng: Rng) => number;

/** Uniform among the offered options. */
export const randomPolicy: Policy = (options, rng) => (options.length > 1 ? rng.below(options.length) : 0);

/** Uniform among the options with the highest score. */
function best(score: (o: PolicyOption) => number): Policy {
  return (options, rng) => {
    let top = score(options[0] as PolicyOption);
    let ties = 1;
    for (let i = 1; i < options.length; i++) {
      const v = score(options[i] as PolicyOption);
      if (v > top) {
        top = v;
        ties = 1;
      } else if (v === top) ties++;
    }
    let k = ties > 1 ? rng.below(ties) : 0;
    for (let i = 0; i < options.length; i++) {
      if (score(options[i] as PolicyOption) !== top) continue;
      if (k === 0) return i;
      k--;
    }
    throw new Error('policy: no candidate');
  };
}

// Scores are whole numbers: terms weigh more than rungs (a ladder has at most 12 rungs).
const POLICIES: Readonly<Record<PolicyKind, Policy>> = {
  random: randomPolicy,
  'lowest-rung': best((o) => -o.rung),
  'highest-rung': best((o) => o.rung),
  cooperative: best((o) => (o.uses.length - 2 * o.strains.length) * 100 - o.rung),
  defecting: best((o) => (2 * o.strains.length - o.uses.length) * 100 + o.rung),
};

const views = new WeakMap<object, PolicyOption>();

/** The policy's view of a compiled option, made once per option (the simulator's loop allocates nothing). */
export function policyView(o: { readonly rung: number; readonly file: { readonly terms: { readonly uses: readonly TermId[]; readonly strains: readonly TermId[] } } }): PolicyOption {
  let v = views.get(o);
  if (v === undefined) {
    v = { rung: o.rung, uses: o.file.terms.uses, strains: o.file.terms.strains };
    views.set(o, v);
  }
  return v;
}

export function policyOf(kind: PolicyKind): Policy {
  return POLICIES[kind];
}

/** What a run's policy stream's seed adds to the run's seed. */
export const POLICY_SEED_TAIL = '/policy';
/** The seed of a run's policy stream, derived from the run's own seed. */
export const policySeed = (runSeed: string): string => `${runSeed}${POLICY_SEED_TAIL}`;
