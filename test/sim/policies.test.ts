import { describe, expect, it } from 'vitest';
import { Rng, seedState } from '../../src/engine/rules/rng';
import { cautiousPolicy, hawkishPolicy, type Policy, randomPolicy } from '../../src/sim/policies';

/** How often each index is picked over `n` calls. */
function counts(policy: Policy, rungs: number[], n = 3000): number[] {
  const rng = new Rng(seedState('policy-test'));
  const out = rungs.map(() => 0);
  for (let i = 0; i < n; i++) out[policy(rungs, rng)]! += 1;
  return out;
}

describe('policies', () => {
  it('random picks every option, about evenly', () => {
    const c = counts(randomPolicy, [0, 3, 1]);
    for (const k of c) expect(k).toBeGreaterThan(900);
  });

  it('cautious picks only the lowest rung, breaking ties between both lowest options', () => {
    const c = counts(cautiousPolicy, [2, 0, 4, 0]);
    expect(c[0]).toBe(0);
    expect(c[2]).toBe(0);
    expect(c[1]).toBeGreaterThan(1300);
    expect(c[3]).toBeGreaterThan(1300);
  });

  it('hawkish picks only the highest rung', () => {
    expect(counts(hawkishPolicy, [2, 5, 1])).toEqual([0, 3000, 0]);
    const c = counts(hawkishPolicy, [5, 1, 5]);
    expect(c[1]).toBe(0);
    expect(c[0]! + c[2]!).toBe(3000);
  });

  it('never draws when there is one candidate', () => {
    const a = new Rng(seedState('x'));
    const b = new Rng(seedState('x'));
    expect(randomPolicy([3], a)).toBe(0);
    expect(cautiousPolicy([1, 4], a)).toBe(0);
    expect(hawkishPolicy([1, 4], a)).toBe(1);
    expect(a.state()).toEqual(b.state());
  });
});
