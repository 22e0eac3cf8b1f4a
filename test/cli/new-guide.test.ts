/**
 * The authoring guide, scenarios/README.md, that a designer reads beside a new scenario: its worked
 * example loads at every step, and it documents every checker code and every field of the format.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine/check/load';
import { formatDiagnostic } from '../../src/engine/format/diagnostics';
import { beatSchema, endingSchema, flagSchema, indicatorSchema, injectSchema, objectiveSchema, optionSchema, outcomeSchema, scenarioSchema, sourceSchema } from '../../src/engine/format/schema';
import { library, ROOT } from '../golden/scenarios';

const guide = readFileSync(join(ROOT, 'scenarios/README.md'), 'utf8');

/** The fenced blocks marked ```yaml, in order. */
function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

/** The text of every .ts file under `dir`. */
function sources(dir: string): string {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(ROOT, dir, f), 'utf8'))
    .join('\n');
}

const CODE = /['"`]((?:yaml|schema|scenario|expr|chance|lint|load)\/[a-z-]+)['"`]/g;
const engineCodes = [...new Set([...sources('src/engine').matchAll(CODE)].map((m) => m[1] as string))].sort();

describe('the worked example in scenarios/README.md', () => {
  const steps = yamlBlocks(guide);

  it('has five steps, each a whole scenario file', () => {
    expect(steps).toHaveLength(5);
    for (const step of steps) expect(step.startsWith('# yaml-language-server: $schema=./schema.json\nformat: red-phone/scenario@2\n')).toBe(true);
  });

  it.each(steps.map((text, i) => [i + 1, text] as const))('step %i loads with no error and no warning', (step, text) => {
    const loaded = loadScenario(text, `step-${step}.yaml`, library());
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(loaded.scenario).not.toBeNull();
  });

  it('grows: every step keeps the ids of the one before and adds some', () => {
    const ids = steps.map((text) => new Set([...text.matchAll(/\bid: ([a-z_]+)/g)].map((m) => m[1])));
    for (let i = 1; i < ids.length; i++) {
      const before = ids[i - 1] as Set<string>;
      const now = ids[i] as Set<string>;
      expect(now.size).toBeGreaterThan(before.size);
    }
  });

  it('shows the check output the final step really gives for a misspelt next', () => {
    const final = steps[steps.length - 1] as string;
    const broken = final.replace('next: the_call }', 'next: the_cal }');
    expect(broken).not.toBe(final);
    const lines = loadScenario(broken, 'scenarios/first-request.yaml', library()).diagnostics.map(formatDiagnostic);
    expect(lines).toHaveLength(1);
    expect(guide).toContain(`${lines[0]}\nscenarios/first-request.yaml: 1 error, 0 warnings\n`);
  });
});

describe('the reference in scenarios/README.md', () => {
  it('finds the checker codes in the engine', () => {
    expect(engineCodes.length).toBeGreaterThan(50);
    expect(engineCodes).toContain('yaml/alias');
    expect(engineCodes).toContain('load/too-many-problems');
  });

  it.each(engineCodes)('documents %s', (code) => {
    expect(guide).toContain(`| \`${code}\` |`);
  });

  it('documents no code the game does not have', () => {
    const documented = [...new Set([...guide.matchAll(/\| `([a-z]+\/[a-z-]+)` \|/g)].map((m) => m[1] as string))];
    const cli = sources('src/cli');
    const unknown = documented.filter((code) => !engineCodes.includes(code) && !cli.includes(`'${code}'`));
    expect(unknown).toEqual([]);
  });

  const objects = [
    ['the scenario', scenarioSchema],
    ['indicators', indicatorSchema],
    ['flags', flagSchema],
    ['beats', beatSchema],
    ['options', optionSchema],
    ['outcomes', outcomeSchema],
    ['injects', injectSchema],
    ['endings', endingSchema],
    ['objectives', objectiveSchema],
    ['sources', sourceSchema],
  ] as const;
  it.each(objects.map(([name, schema]) => [name, Object.keys(schema.shape)] as const))('documents every field of %s', (_name, fields) => {
    const missing = fields.filter((f) => !new RegExp(`^\\| (?:\`[a-z]+\`, )*\`${f}\`(?:, \`[a-z]+\`)* \\|`, 'm').test(guide));
    expect(missing).toEqual([]);
  });
});

describe('the one-call example in scenarios/README.md', () => {
  // The example is a beat; set in the minimal fixture it must load and tell one story per turn.
  const block = /^```\nbeats:\n( {2}- id: the_call[\s\S]*?)^```$/m.exec(guide)?.[1] ?? '';
  const frame = readFileSync(join(ROOT, 'test/fixtures/valid/minimal.yaml'), 'utf8');
  const text = frame
    .replace(/^beats:\n[\s\S]*?^injects:/m, `beats:\n${block.replace('    text: A grid operator', '    next: stalemate\n    text: A grid operator')}injects:`)
    .replace('start: opening', 'start: the_call')
    .replace('flags:\n', 'flags:\n  - { id: line_opened, description: The line was answered. }\n');

  it('is in the guide', () => {
    expect(block).toContain('topic: hotline');
  });

  it('loads with no error, and the simulator finds no contradiction for either side', async () => {
    const loaded = loadScenario(text, 'one-call.yaml', library());
    expect(loaded.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
    const { simulate } = await import('../../src/sim');
    const scenario = loaded.scenario;
    if (scenario === null) return;
    for (const side of ['us', 'cn'] as const) {
      for (const policy of ['random', 'cooperative', 'defecting'] as const) expect(simulate(scenario, { runs: 200, seed: 'guide', policy, side }).contradictions.count).toBe(0);
    }
  });
});
