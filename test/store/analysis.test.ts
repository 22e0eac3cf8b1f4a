/**
 * The analyses the page runs in a Web Worker give, after the trip through structured cloning that
 * postMessage makes, exactly what they give on the page's thread: luck versus choice of a finished
 * run and the scenario map's figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { luckVersusChoice } from '../../src/sim/luck';
import { buildMap, sampleRuns } from '../../src/sim/map';
import { type AnalysisRequest, analyse, sourceOf } from '../../src/store/analysis';
import { cardOf, lazyCatalog } from '../../src/store/catalog-cards';
import { runAnalysis } from '../../src/ui/analysis/client';
import type { GoldenFile } from '../golden/golden';
import { ROOT, scenarioAt } from '../golden/scenarios';

const golden = JSON.parse(readFileSync(join(ROOT, 'test/golden/ip-theft.K7Q3.json'), 'utf8')) as GoldenFile;
const scenario = scenarioAt(golden.scenario);
const run = { seed: golden.replay.seed, controllers: golden.replay.controllers, actions: golden.replay.actions };
const side = golden.replay.controllers.us === 'people' ? 'us' : 'cn';

describe('analyses as posted to the worker', () => {
  it('luck versus choice: the cloned request gives the same report as the page', () => {
    const request: AnalysisRequest = { kind: 'luck', scenario: sourceOf(scenario), run, side };
    const answer = analyse(structuredClone(request));
    const direct = luckVersusChoice(scenario, run, side);
    expect(direct.ok).toBe(true);
    expect(answer).toEqual({ kind: 'luck', value: structuredClone(direct) });
  });

  it("the map's figures: the cloned request gives the same map as the page", () => {
    const request: AnalysisRequest = { kind: 'map', scenario: sourceOf(scenario), runs: 60, seed: 'map' };
    const answer = analyse(structuredClone(request));
    expect(answer).toEqual({ kind: 'map', value: structuredClone(buildMap(scenario, sampleRuns(scenario, { runs: 60, seed: 'map' }))) });
  });

  it('a bundled scenario travels as its texts (cheap to post) and loads again on the other side to the same report', () => {
    const read = (name: string): string => readFileSync(join(ROOT, 'scenarios', name), 'utf8');
    const card = { ...cardOf(scenario, 'ip-theft.yaml') };
    const catalog = lazyCatalog([card], [{ file: '/scenarios/ip-theft.yaml', text: read('ip-theft.yaml') }], read('terms.yaml'), read('ladder.yaml'), read('facts.yaml'));
    const bundled = catalog.entries[0]?.scenario;
    if (bundled === undefined) throw new Error('the catalog has no entry');
    const source = sourceOf(bundled);
    expect(source.kind).toBe('text');
    const answer = analyse(structuredClone({ kind: 'luck', scenario: source, run, side } as const));
    expect(answer).toEqual({ kind: 'luck', value: structuredClone(luckVersusChoice(scenario, run, side)) });
  });

  it("a scenario from the build's checked data travels as that JSON and compiles again on the other side to the same report", async () => {
    const data = await import('virtual:scenario-data');
    const cards = (await import('virtual:scenario-cards')).default;
    const json = (await data.scenarios['ip-theft.yaml']?.())?.default;
    if (json === undefined) throw new Error('no checked data for ip-theft.yaml');
    const read = (name: string): string => readFileSync(join(ROOT, 'scenarios', name), 'utf8');
    const catalog = lazyCatalog(cards, [], read('terms.yaml'), read('ladder.yaml'), read('facts.yaml'), null, {
      library: data.library,
      scenarios: new Map([['ip-theft.yaml', json]]),
      overlays: new Map(),
    });
    const bundled = catalog.entries.find((e) => e.id === 'ip-theft')?.scenario;
    if (bundled === undefined) throw new Error('the catalog has no ip-theft');
    const source = sourceOf(bundled);
    expect(source.kind).toBe('prepared');
    const answer = analyse(structuredClone({ kind: 'luck', scenario: source, run, side } as const));
    expect(answer).toEqual({ kind: 'luck', value: structuredClone(luckVersusChoice(scenario, run, side)) });
  });

  it('without a Worker (Node), runAnalysis answers from the page thread', async () => {
    const answer = await runAnalysis({ kind: 'map', scenario: sourceOf(scenario), runs: 20, seed: 'map' });
    expect(answer.kind).toBe('map');
    if (answer.kind === 'map') expect(answer.value.runs).toBe(20);
  });
});
