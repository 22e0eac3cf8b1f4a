/**
 * The graph checks against brute force (RELIABILITY promise 11): on generated scenarios, every beat
 * the checker calls unreachable, dead-ended or stuck is exactly one that playing every option and
 * forcing every outcome through the engine finds so.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameState, Scenario } from '../../src/engine';
import { checkStructure } from '../../src/engine/check/check-schema';
import { loadLibrary, loadScenario } from '../../src/engine/check/load';
import { compileScenario } from '../../src/engine/format/compile';
import { scenarioSchema } from '../../src/engine/format/schema';
import { parseYaml } from '../../src/engine/format/yaml-safe';
import { resolveTurn, start } from '../../src/engine/rules';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const shared = loadLibrary(read('scenarios/terms.yaml'), read('scenarios/ladder.yaml'), read('scenarios/facts.yaml')).library;
if (shared === null) throw new Error('the shared library does not load');
const library = shared;

interface Shape {
  readonly beats: readonly { readonly next: number | null; readonly us: readonly (readonly (number | null)[])[]; readonly cn: readonly (readonly (number | null)[])[] }[];
  readonly endings: number;
}

/** Targets are indexes: below the beat count a beat, above it an ending. */
const shapeArb: fc.Arbitrary<Shape> = fc.record({ beats: fc.integer({ min: 1, max: 5 }), endings: fc.integer({ min: 1, max: 3 }) }).chain(({ beats, endings }) => {
  const target = fc.option(fc.integer({ min: 0, max: beats + endings - 1 }), { freq: 3 });
  const options = fc.array(fc.array(target, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 });
  return fc.record({
    beats: fc.array(fc.record({ next: target, us: options, cn: options }), { minLength: beats, maxLength: beats }),
    endings: fc.constant(endings),
  });
});

function targetName(shape: Shape, t: number): string {
  return t < shape.beats.length ? `b${t}` : `e${t - shape.beats.length}`;
}

function toYaml(shape: Shape): string {
  const lines = [
    'format: red-phone/scenario@2',
    'id: generated',
    'title: Generated',
    'summary: A generated graph.',
    'author: tests',
    'version: 1.0.0',
    'difficulty: standard',
    'sides: [us, cn]',
    'calendar: { start: 2015-10-12, turnDays: 7 }',
    'maxTurns: 60',
    'start: b0',
    'timeout: e0',
    'briefing: Generated.',
    'indicators:',
    '  - { id: trust, label: Trust, description: Trust., min: 0, max: 100, start: 50, better: higher }',
    'beats:',
  ];
  shape.beats.forEach((beat, b) => {
    lines.push(`  - id: b${b}`, `    title: Beat ${b}`, '    text: Text.');
    if (beat.next !== null) lines.push(`    next: ${targetName(shape, beat.next)}`);
    lines.push('    options:');
    for (const side of ['us', 'cn'] as const) {
      lines.push(`      ${side}:`);
      beat[side].forEach((outcomes, o) => {
        lines.push(`        - { id: ${side}${o}, label: Option ${o}, text: Text., terms: { uses: [T1] }, rung: quiet_diplomacy, outcomes: [`);
        outcomes.forEach((next, k) => {
          lines.push(`            { id: r${k}, weight: 1, text: Outcome ${k}.${next === null ? '' : ` , next: ${targetName(shape, next)}`} },`);
        });
        lines.push('          ] }');
      });
    }
  });
  lines.push('endings:');
  for (let e = 0; e < shape.endings; e++) lines.push(`  - { id: e${e}, title: End ${e}, text: Over., tone: { us: mixed, cn: mixed }, history: None. }`);
  lines.push('objectives:', '  - { id: calm, side: us, label: Calm, description: Calm., met: "trust > 10", score: trust }', 'questions: [Why?]', 'history: { text: None., sources: [F1] }');
  return `${lines.join('\n')}\n`;
}

/** The scenario compiled without the checker, so that the engine can play even a flawed one. */
function compileUnchecked(text: string): Scenario {
  const yaml = parseYaml(text, 'generated.yaml');
  const data = checkStructure(scenarioSchema, yaml.data).value;
  if (data === null) throw new Error(`generated scenario is malformed: ${JSON.stringify(checkStructure(scenarioSchema, yaml.data).findings)}`);
  return compileScenario(data, library).scenario;
}

interface Explored {
  readonly reachable: Set<string>;
  readonly stuck: Set<string>;
  readonly leadsToEnding: Set<string>;
}

/** Every transition of every beat, by playing each option pair with each forced outcome pair. */
function explore(scenario: Scenario): Explored {
  const base = start(scenario, 'graph', { us: 'people', cn: 'people' });
  const edges = new Map<string, Set<string>>();
  const stuck = new Set<string>();
  for (const [id, beat] of scenario.beats) {
    const out = new Set<string>();
    const at: GameState = { ...base, beat: id };
    for (const us of beat.options.us)
      for (const cn of beat.options.cn) {
        for (const ru of us.outcomes)
          for (const rc of cn.outcomes) {
            try {
              const r = resolveTurn(scenario, at, { us: us.id, cn: cn.id, force: { us: ru.id, cn: rc.id } });
              if (!r.ok) throw new Error(r.error.message);
              out.add(r.state.ending ?? r.state.beat);
            } catch (e) {
              if (!String(e).includes('nowhere to go')) throw e;
              stuck.add(id);
            }
          }
      }
    edges.set(id, out);
  }
  const reachable = new Set<string>([scenario.file.start]);
  const queue = [scenario.file.start];
  while (queue.length > 0)
    for (const to of edges.get(queue.shift() as string) ?? [])
      if (scenario.beats.has(to) && !reachable.has(to)) {
        reachable.add(to);
        queue.push(to);
      }
  const leadsToEnding = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [id, out] of edges)
      if (!leadsToEnding.has(id) && [...out].some((to) => scenario.endingIds.has(to) || leadsToEnding.has(to))) {
        leadsToEnding.add(id);
        changed = true;
      }
  }
  return { reachable, stuck, leadsToEnding };
}

describe('graph checks against brute force', () => {
  it('flag exactly the beats that play shows unreachable, dead-ended or stuck', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const text = toYaml(shape);
        const result = loadScenario(text, 'generated.yaml', library);
        const flagged = (code: string): string[] =>
          result.diagnostics
            .filter((d) => d.code === code)
            .map((d) => d.path.replace(/^beats\[(\d+)\]\.id$/, 'b$1'))
            .sort();
        const truth = explore(compileUnchecked(text));
        const beats = shape.beats.map((_, b) => `b${b}`);
        expect(flagged('scenario/unreachable-beat')).toEqual(beats.filter((b) => !truth.reachable.has(b)).sort());
        expect(flagged('scenario/dead-end')).toEqual(beats.filter((b) => truth.reachable.has(b) && !truth.leadsToEnding.has(b)).sort());
        expect(flagged('scenario/no-exit')).toEqual([...truth.stuck].sort());
        expect(result.scenario !== null).toBe(!result.diagnostics.some((d) => d.severity === 'error'));
      }),
      { numRuns: 100 },
    );
  });
});
