/**
 * `scenario sim --workers N`: the runs are shared among worker threads, and the report is the same
 * bytes whatever N (one thread, two, three), since run i is seeded `${seed}-${i}` whoever plays it.
 * The main thread plays shares too while the workers start; with it left out, the workers alone give
 * the same reports. A worker's error ends the command with a clear message, and every worker is ended.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateAll, simulateOnWorkers } from '../../src/cli/sim-pool';
import { decisionImpact, POLICY_KINDS, simulate } from '../../src/sim';
import { ROOT, scenarioAt } from '../golden/scenarios';
import { cli, MINIMAL } from './harness';

describe('sim on worker threads', () => {
  it('gives the same JSON report with 1, 2 and 3 workers (every policy, a shipped scenario and the minimal fixture)', async () => {
    // China's side on worker threads alone is below; each call here also makes the decision-impact study.
    for (const [file, side, counts] of [
      ['scenarios/ip-theft.yaml', 'us', ['3']],
      [MINIMAL, 'us', ['2', '3']],
    ] as const) {
      const args = ['sim', file, '--runs', '1000', '--seed', 'workers', '--side', side, '--json'];
      const one = await cli([...args, '--workers', '1']);
      expect(one.code).toBe(0);
      expect(JSON.parse(one.out).reports).toHaveLength(5);
      for (const n of counts) {
        const many = await cli([...args, '--workers', n]);
        expect(many.code).toBe(0);
        expect(many.out).toBe(one.out);
      }
    }
  }, 120_000);

  it('gives the same text report too, and the same failures, on worker threads', async () => {
    const args = ['sim', 'test/cli/fixtures/zero-weights.yaml', '--runs', '600', '--seed', 'K7Q3'];
    const one = await cli([...args, '--workers', '1']);
    const two = await cli([...args, '--workers', '2']);
    expect(two.out).toBe(one.out);
    expect(two.code).toBe(one.code);
  }, 60_000);

  it('refuses a --workers that is not a whole number from 1', async () => {
    for (const bad of ['0', 'two', '1.5', '999']) {
      const r = await cli(['sim', MINIMAL, '--runs', '10', '--seed', 'x', '--workers', bad]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--workers must be a whole number');
    }
  });

  it('gives the same reports when worker threads alone play every run (two of them, three)', async () => {
    for (const [path, threads] of [
      ['scenarios/ip-theft.yaml', 2],
      [MINIMAL, 3],
    ] as const) {
      const scenario = scenarioAt(path);
      const job = { file: join(ROOT, path), scenario, runs: 750, seed: 'alone', side: 'cn' as const, policies: POLICY_KINDS, mainPlays: false };
      const here = JSON.stringify(POLICY_KINDS.map((policy) => simulate(scenario, { runs: 750, seed: 'alone', policy, side: 'cn' })));
      expect(JSON.stringify(await simulateOnWorkers(job, threads))).toBe(here);
    }
  }, 120_000);

  it('makes the decision-impact study on a worker as this thread makes it, beside the runs', async () => {
    const scenario = scenarioAt('scenarios/ip-theft.yaml');
    const job = { file: join(ROOT, 'scenarios/ip-theft.yaml'), scenario, runs: 300, seed: 'study', side: 'us' as const, policies: ['random' as const], impactRuns: 40, mainPlays: false };
    const { reports, impact } = await simulateAll(job, 2);
    expect(impact).not.toBeNull();
    expect(JSON.stringify(impact)).toBe(JSON.stringify(decisionImpact(scenario, 'us', { seed: 'study', runs: 40 })));
    expect(JSON.stringify(reports)).toBe(JSON.stringify([simulate(scenario, { runs: 300, seed: 'study', policy: 'random', side: 'us' })]));
  }, 60_000);

  it("ends with the worker's error, not a hang, when a worker cannot do its work", async () => {
    // The main thread's scenario claims a hash its data does not compile to: every worker refuses to play it.
    const job = { file: join(ROOT, MINIMAL), scenario: { ...scenarioAt(MINIMAL), hash: 'not-its-hash' }, runs: 1000, seed: 'x', side: 'us' as const, policies: ['random' as const], mainPlays: false };
    await expect(simulateOnWorkers(job, 2)).rejects.toThrow(/sim worker: .*minimal\.yaml: the data sent to the worker compiles to another scenario .*the main thread's not-its-hash/);
  }, 60_000);
});
