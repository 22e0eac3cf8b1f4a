import { describe, expect, it } from 'vitest';
import type { TermId } from '../../src/engine';
import { Rng, seedState } from '../../src/engine/rules/rng';
import { type Policy, type PolicyOption, policyOf, randomPolicy, renamedPolicy } from '../../src/sim/policies';

const opt = (rung: number, uses: TermId[] = [], strains: TermId[] = []): PolicyOption => ({ rung, uses, strains });
const rungsOnly = (rungs: number[]): PolicyOption[] => rungs.map((r) => opt(r));

/** How often each index is picked over `n` calls. */
function counts(policy: Policy, options: PolicyOption[], n = 3000): number[] {
  const rng = new Rng(seedState('policy-test'));
  const out = options.map(() => 0);
  for (let i = 0; i < n; i++) out[policy(options, rng)]! += 1;
  return out;
}

describe('policies', () => {
  it('random picks every option, about evenly', () => {
    const c = counts(randomPolicy, rungsOnly([0, 3, 1]));
    for (const k of c) expect(k).toBeGreaterThan(900);
  });

  it('lowest-rung picks only the lowest rung, breaking ties between both lowest options', () => {
    const c = counts(policyOf('lowest-rung'), rungsOnly([2, 0, 4, 0]));
    expect(c[0]).toBe(0);
    expect(c[2]).toBe(0);
    expect(c[1]).toBeGreaterThan(1300);
    expect(c[3]).toBeGreaterThan(1300);
  });

  it('lowest-rung puts a move off the ladder (cooperation, restraint) below every rung', () => {
    expect(counts(policyOf('lowest-rung'), rungsOnly([0, -1, 2]))).toEqual([0, 3000, 0]);
  });

  it('highest-rung picks only the highest rung', () => {
    expect(counts(policyOf('highest-rung'), rungsOnly([2, 5, 1]))).toEqual([0, 3000, 0]);
    const c = counts(policyOf('highest-rung'), rungsOnly([5, 1, 5]));
    expect(c[1]).toBe(0);
    expect(c[0]! + c[2]!).toBe(3000);
  });

  it('cooperative picks the move that uses the terms most and strains them least, whatever its rung', () => {
    const options = [opt(0, [], ['T2']), opt(3, ['T1', 'T4']), opt(1, ['T1'])];
    expect(counts(policyOf('cooperative'), options)).toEqual([0, 3000, 0]);
  });

  it('defecting picks the move that strains the terms most, then the highest rung', () => {
    const options = [opt(5, ['T1']), opt(1, [], ['T2']), opt(2, [], ['T2'])];
    expect(counts(policyOf('defecting'), options)).toEqual([0, 0, 3000]);
  });

  it('never draws when there is one candidate', () => {
    const a = new Rng(seedState('x'));
    const b = new Rng(seedState('x'));
    expect(randomPolicy(rungsOnly([3]), a)).toBe(0);
    expect(policyOf('lowest-rung')(rungsOnly([1, 4]), a)).toBe(0);
    expect(policyOf('highest-rung')(rungsOnly([1, 4]), a)).toBe(1);
    expect(a.state()).toEqual(b.state());
  });

  it('tells what the retired names became', () => {
    expect(renamedPolicy('cautious')).toBe('lowest-rung');
    expect(renamedPolicy('hawkish')).toBe('highest-rung');
    expect(renamedPolicy('random')).toBeUndefined();
  });
});
