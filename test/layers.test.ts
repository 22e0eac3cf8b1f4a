/**
 * The architecture holds: layers import one way only, nothing imports in a circle, files stay small.
 *
 * Inside the engine (src/engine/README.md): format <- check <- rules <- replay <- report, where each
 * may import the layers to its left and only through their index (`../format`, never
 * `../format/schema`). The rules may take types from the format (`import type`), never its code.
 * Around it: sim imports the engine; store imports engine and sim; the view (scenes, ui) imports
 * store, sim and engine; cli sits beside the view and imports engine and sim. The class protocol (net)
 * imports nothing of ours; the page (ui) and the class server (server, beside the view) speak it. The
 * interface's messages (i18n) import nothing of ours; store, scenes and ui read them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(dir, f))
    .sort();

interface Import {
  readonly spec: string;
  readonly typeOnly: boolean;
}

/** Every static import and re-export of a file, and whether it carries types only. */
function importsOf(file: string): Import[] {
  const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Import[] = [];
  for (const m of code.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'/gm)) {
    const names = m[3] ?? '';
    const allTypes =
      m[2] !== undefined ||
      (/^\{[^}]*\}$/.test(names.trim()) &&
        names
          .replace(/[{}\s]/g, '')
          .split(',')
          .filter((n) => n !== '')
          .every((n) => n.startsWith('type')));
    out.push({ spec: m[4] ?? '', typeOnly: allTypes });
  }
  for (const m of code.matchAll(/^\s*import\s*'([^']+)'/gm)) out.push({ spec: m[1] ?? '', typeOnly: false });
  return out;
}

const resolveLocal = (from: string, spec: string): string => join(dirname(from), spec);

const ENGINE = join(SRC, 'engine');
const ENGINE_LAYERS = ['format', 'check', 'rules', 'replay', 'report'] as const;
type EngineLayer = (typeof ENGINE_LAYERS)[number];

const engineLayerOf = (file: string): EngineLayer | null => {
  const first = relative(ENGINE, file).split(sep)[0] ?? '';
  return (ENGINE_LAYERS as readonly string[]).includes(first) ? (first as EngineLayer) : null;
};

describe('the engine layers', () => {
  const files = sourceFiles(ENGINE);

  it('every engine file sits in a layer (the index aside)', () => {
    const loose = files.filter((f) => engineLayerOf(f) === null).map((f) => relative(ENGINE, f));
    expect(loose).toEqual(['index.ts']);
  });

  it.each(files.filter((f) => engineLayerOf(f) !== null).map((f) => [relative(ROOT, f), f]))('%s imports only the layers below it, through their index', (_name, file) => {
    const own = engineLayerOf(file) as EngineLayer;
    const rank = ENGINE_LAYERS.indexOf(own);
    for (const { spec, typeOnly } of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = resolveLocal(file, spec);
      const layer = engineLayerOf(target);
      expect(layer, `${file}: ${spec} leaves the engine's layers`).not.toBeNull();
      if (layer === own) continue;
      const targetRank = ENGINE_LAYERS.indexOf(layer as EngineLayer);
      expect(targetRank < rank, `${own} imports ${layer} (${spec}): only the layers to its left (${ENGINE_LAYERS.join(' <- ')})`).toBe(true);
      expect(spec, `${file}: ${spec} reaches inside ${layer}; import its index, '../${layer}'`).toBe(`../${layer}`);
      if (own === 'rules' && layer !== 'format') expect.unreachable(`the rules import ${layer}`);
      if (own === 'rules') expect(typeOnly, `${file}: the rules take only types from the format (${spec})`).toBe(true);
    }
  });
});

const TOP = ['engine', 'net', 'i18n', 'sim', 'store', 'scenes', 'ui', 'cli', 'server'] as const;
const MAY_IMPORT: Readonly<Record<(typeof TOP)[number], readonly string[]>> = {
  engine: [],
  // The class protocol: zod schemas and view types shared by the server and the page.
  net: [],
  // The interface's messages in English and Simplified Chinese (Paraglide); the engine, sim and CLI speak English.
  i18n: [],
  sim: ['engine'],
  store: ['engine', 'sim', 'i18n'],
  scenes: ['engine', 'sim', 'store', 'i18n'],
  ui: ['engine', 'sim', 'store', 'net', 'i18n'],
  cli: ['engine', 'sim', 'store'],
  // The class server (issue 9) sits beside the view: it speaks the protocol in net and plays the engine.
  server: ['engine', 'sim', 'store', 'net'],
};

describe('the folders of src', () => {
  const files = sourceFiles(SRC).filter((f) => relative(SRC, f).includes(sep));

  it.each(files.map((f) => [relative(ROOT, f), f]))('%s imports only what its folder may', (_name, file) => {
    const own = relative(SRC, file).split(sep)[0] as (typeof TOP)[number];
    expect(TOP, `${file} is in an unknown folder`).toContain(own);
    for (const { spec } of importsOf(file)) {
      if (!spec.startsWith('.')) continue;
      const target = relative(SRC, resolveLocal(file, spec));
      const folder = target.split(sep)[0] ?? '';
      if (folder === own) continue;
      expect(MAY_IMPORT[own], `${own} imports ${folder} (${spec})`).toContain(folder);
      if (own !== 'engine' && folder === 'engine') expect(target, `${file}: ${spec} reaches inside the engine; import 'engine' itself`).toBe('engine');
    }
  });
});

describe('no import circles', () => {
  it('the module graph of src has no cycle', () => {
    const files = sourceFiles(SRC);
    const graph = new Map<string, string[]>();
    for (const file of files) {
      const targets: string[] = [];
      for (const { spec } of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const base = resolveLocal(file, spec);
        const hit = [`${base}.ts`, join(base, 'index.ts')].find((c) => files.includes(c));
        if (hit !== undefined) targets.push(hit);
      }
      graph.set(file, targets);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (node: string): void => {
      state.set(node, 'open');
      path.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'open') {
          const loop = path.slice(path.indexOf(next)).concat(next);
          // A folder's index re-exports its files; an index in a loop with its own files is not a circle of code.
          if (!loop.some((f) => f.endsWith(`${sep}index.ts`) && loop.every((g) => dirname(g).startsWith(dirname(f))))) cycles.push(loop.map((f) => relative(SRC, f)).join(' -> '));
        } else if (state.get(next) === undefined) visit(next);
      }
      path.pop();
      state.set(node, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});

describe('file size', () => {
  it('every source file is under 300 lines', () => {
    const long = sourceFiles(SRC)
      .map((f) => [relative(ROOT, f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });
});
