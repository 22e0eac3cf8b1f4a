/**
 * The engine reads no ambient state (RELIABILITY promise 3): tripwires on every global that could
 * make a game differ between runs, machines, time zones or locales, while every scenario loads and
 * plays; and a check of the engine's module graph (no Phaser, zustand, DOM or Node).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkReplay,
  createSave,
  exerciseCode,
  loadLibrary,
  loadScenario,
  parseExerciseCode,
  parseReplay,
  parseSave,
  recordReplay,
  restoreSave,
  type Scenario,
  type Side,
  scoreObjectives,
  start,
  stateHash,
  stringifyReplay,
  stringifySave,
} from '../../src/engine';
import { controllersFor, playSteps } from '../golden/policy';
import { loadAll, ROOT } from '../golden/scenarios';

type Restore = () => void;

function trip(target: object, key: string, name: string): Restore {
  const had = Object.getOwnPropertyDescriptor(target, key);
  const thrower = function tripwire(): never {
    throw new Error(`purity: the engine used ${name}`);
  };
  Object.defineProperty(target, key, { value: thrower, writable: true, configurable: true, enumerable: had?.enumerable ?? false });
  return () => {
    if (had === undefined) delete (target as Record<string, unknown>)[key];
    else Object.defineProperty(target, key, had);
  };
}

/** Replaces every ambient source of time, chance and locale with a function that throws. */
function setTripwires(): Restore {
  const restores: Restore[] = [
    trip(Math, 'random', 'Math.random'),
    trip(performance, 'now', 'performance.now'),
    trip(String.prototype, 'localeCompare', 'localeCompare'),
    trip(String.prototype, 'toLocaleUpperCase', 'toLocaleUpperCase'),
    trip(String.prototype, 'toLocaleLowerCase', 'toLocaleLowerCase'),
    trip(Number.prototype, 'toLocaleString', 'Number#toLocaleString'),
    trip(Array.prototype, 'toLocaleString', 'Array#toLocaleString'),
    trip(crypto, 'getRandomValues', 'crypto.getRandomValues'),
    trip(crypto, 'randomUUID', 'crypto.randomUUID'),
  ];
  for (const key of Object.getOwnPropertyNames(Intl)) restores.push(trip(Intl, key, `Intl.${key}`));
  restores.push(trip(globalThis, 'Date', 'Date'));
  for (const key of ['now', 'parse', 'UTC']) restores.push(trip(globalThis.Date, key, `Date.${key}`));
  return () => {
    for (const r of restores.reverse()) r();
  };
}

describe('purity: no ambient state', () => {
  it('tripwires fire when set, and are removed afterwards', () => {
    const restore = setTripwires();
    const fired: string[] = [];
    try {
      for (const f of [() => Math.random(), () => new Date(), () => Date.now(), () => performance.now(), () => 'a'.localeCompare('b'), () => new Intl.Collator(), () => (1).toLocaleString()]) {
        try {
          f();
        } catch (e) {
          fired.push((e as Error).message);
        }
      }
    } finally {
      restore();
    }
    expect(fired).toEqual(['Math.random', 'Date', 'Date.now', 'performance.now', 'localeCompare', 'Intl.Collator', 'Number#toLocaleString'].map((n) => `purity: the engine used ${n}`));
    expect(typeof Math.random()).toBe('number');
    expect(typeof Date.now()).toBe('number');
    expect('a'.localeCompare('b')).toBe(-1);
  });

  it('loads and plays every scenario fully, records, replays, saves and restores, with every tripwire set', () => {
    const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
    const texts = loadAll().loaded.map(({ path }) => [path, read(path)] as const);
    const terms = read('scenarios/terms.yaml');
    const ladder = read('scenarios/ladder.yaml');
    const facts = read('scenarios/facts.yaml');
    const results: string[] = [];
    const restore = setTripwires();
    try {
      const library = loadLibrary(terms, ladder, facts).library;
      if (library === null) throw new Error('library does not load');
      for (const [path, text] of texts) {
        const scenario = loadScenario(text, path, library).scenario;
        if (scenario === null) throw new Error(`${path} does not load`);
        const modes: (Side | 'teams')[] = [...scenario.file.sides, ...(scenario.file.teams ? (['teams'] as const) : [])];
        for (const mode of modes) {
          for (const seed of ['K7Q3', 'purity']) results.push(playAll(scenario, seed, mode));
        }
        const code = exerciseCode(scenario.id, 'K7Q3') ?? '';
        const parsed = parseExerciseCode(code.toLowerCase(), [scenario.id]);
        results.push(parsed.ok ? parsed.code : parsed.error.message);
      }
    } finally {
      restore();
    }
    expect(results.length).toBeGreaterThanOrEqual(7);
    for (const r of results) expect(r).toMatch(/^([0-9a-f]{16} ok|[A-Z]{3}-K7Q3)$/);
  });
});

function playAll(scenario: Scenario, seed: string, mode: Side | 'teams'): string {
  const steps = Array.from({ length: scenario.file.maxTurns }, (_, t) => ({ kind: 'turn' as const, us: t, cn: t * 3 + 1, forceUs: t === 1 ? 0 : null, forceCn: null }));
  const end = playSteps(scenario, start(scenario, seed, controllersFor(mode)), [{ kind: 'inject', index: 0 }, ...steps], true);
  scoreObjectives(scenario, end);
  const replay = recordReplay(scenario, end);
  if (!replay.ok) throw new Error(replay.error.message);
  const parsed = parseReplay(stringifyReplay(replay.value), 'r.json');
  const checked = parsed.ok ? checkReplay(scenario, parsed.value) : parsed;
  const save = createSave(scenario, end, { mode });
  const loaded = save.ok ? parseSave(stringifySave(save.value), 's.json') : save;
  const restored = loaded.ok ? restoreSave(loaded.value, [scenario]) : loaded;
  const same = checked.ok && restored.ok && stateHash(checked.value.state) === stateHash(end) && stateHash(restored.value.state) === stateHash(end);
  return `${stateHash(end)} ${same ? 'ok' : 'differs'}`;
}

describe('purity: the engine module graph', () => {
  const engineDir = join(ROOT, 'src/engine');
  const files = readdirSync(engineDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(engineDir, f));
  const ALLOWED = [/^zod$/, /^yaml$/, /^seedrandom\/lib\/alea\.js$/, /^@noble\/hashes\/[a-z0-9./]+$/];
  const specifiers = (source: string): string[] => {
    const out: string[] = [];
    for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) out.push(m[1] ?? '');
    for (const m of source.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) out.push(m[1] ?? '');
    for (const m of source.matchAll(/\b(?:import|require)\s*\(\s*['"]?([^'")]*)/g)) out.push(`dynamic:${m[1] ?? ''}`);
    for (const m of source.matchAll(/declare module\s*['"]([^'"]+)['"]/g)) out.push(m[1] ?? '');
    return out;
  };

  it('finds the engine files', () => {
    expect(files.map((f) => relative(engineDir, f))).toEqual(expect.arrayContaining(['index.ts', 'rules/turn.ts', 'replay/replay.ts', 'replay/save.ts', 'replay/codes.ts', 'rules/rng.ts']));
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s imports only the engine, zod, yaml, Alea and @noble/hashes', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    for (const spec of specifiers(source)) {
      expect(spec.startsWith('dynamic:'), `${file}: dynamic import or require ${spec}`).toBe(false);
      if (spec.startsWith('.')) {
        const target = normalize(join(dirname(file), spec));
        expect(target.startsWith(engineDir), `${file}: ${spec} leaves src/engine`).toBe(true);
      } else {
        expect(
          ALLOWED.some((re) => re.test(spec)),
          `${file}: imports ${spec}`,
        ).toBe(true);
      }
    }
  });

  it('only rng.ts (and its type declaration) names seedrandom', () => {
    const naming = files.filter((f) => /seedrandom/.test(readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))).map((f) => relative(engineDir, f));
    expect(naming.sort()).toEqual(['rules/rng.ts', 'rules/vendor.d.ts']);
  });

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s uses no ambient global outside comments', (_name, file) => {
    const code = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    const banned =
      /\bMath\.random\b|\bnew Date\b|\bDate\.now\b|\bperformance\.|\bIntl\.|\blocaleCompare\b|\btoLocale[A-Za-z]*\b|\bcrypto\.|\bwindow\.|\bdocument\.|\blocalStorage\b|\bprocess\.|\beval\s*\(|\bnew Function\b|\bfetch\s*\(|\bPhaser\b|\bzustand\b/;
    expect(code.match(banned)?.[0] ?? null).toBeNull();
  });

  it('importing the engine defines no DOM', async () => {
    await import('../../src/engine/index');
    expect(typeof (globalThis as Record<string, unknown>).window).toBe('undefined');
    expect(typeof (globalThis as Record<string, unknown>).document).toBe('undefined');
  });
});
