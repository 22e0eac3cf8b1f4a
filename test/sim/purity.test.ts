import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim';
import { MINIMAL_PATH, ROOT, scenarioAt } from '../golden/scenarios';

const simDir = join(ROOT, 'src/sim');
const engineDir = join(ROOT, 'src/engine');
const files = readdirSync(simDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(simDir, f));

describe('purity: the simulator', () => {
  it.each(files.map((f) => [relative(ROOT, f), f]))('%s imports only src/sim and src/engine', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1] ?? '';
      expect(spec.startsWith('.'), `${file}: imports the package ${spec}`).toBe(true);
      const target = normalize(join(dirname(file), spec));
      expect(target.startsWith(simDir) || target.startsWith(engineDir), `${file}: ${spec} leaves src/sim and src/engine`).toBe(true);
    }
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s uses no ambient global outside comments', (_name, file) => {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    const banned = /\bMath\.random\b|\bnew Date\b|\bDate\.now\b|\bperformance\.|\bIntl\.|\blocaleCompare\b|\btoLocale[A-Za-z]*\b|\bcrypto\.|\bwindow\.|\bdocument\.|\bprocess\.|\bconsole\./;
    expect(code.match(banned)?.[0] ?? null).toBeNull();
  });

  it('runs with Math.random, Date and performance.now replaced by functions that throw', () => {
    const scenario = scenarioAt(MINIMAL_PATH);
    const saved = { random: Math.random, now: Date.now, perf: performance.now };
    const thrower = (): never => {
      throw new Error('purity: the simulator read ambient state');
    };
    Math.random = thrower;
    Date.now = thrower;
    performance.now = thrower;
    try {
      expect(simulate(scenario, { runs: 50, seed: 'pure', policy: 'random', side: 'us' }).completed).toBe(50);
    } finally {
      Math.random = saved.random;
      Date.now = saved.now;
      performance.now = saved.perf;
    }
  });
});
