/**
 * `npm start` starts clean (issue 10): vite.config.ts imports nothing from src/ (the cards are worked
 * out by src/cli/scenario-cards.ts in a child process), so Vite prints no VITE_CONFIG_NATIVE_IGNORE_WARNING
 * block, and the title cards and the scenarios' checked data still come from every bundled scenario.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

describe('vite.config.ts', () => {
  it('imports nothing from src/', () => {
    const code = readFileSync(join(ROOT, 'vite.config.ts'), 'utf8');
    const specs = [...code.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(specs.length).toBeGreaterThan(0);
    expect(specs.filter((s) => s?.startsWith('.'))).toEqual([]);
  });

  it('the dev server starts with no config warning and serves the scenario cards', async () => {
    // In mode "test", as Vitest's own server runs (vite.config.ts): without the Paraglide plugin, whose
    // compile at start (about 6 CPU-seconds) the browser tests' build makes, and which must not rewrite
    // src/i18n/paraglide while the other unit tests import from it.
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), '--port', '5198', '--strictPort', '--clearScreen', 'false', '--mode', 'test'], {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    // biome-ignore lint/suspicious/noControlCharactersInRegex: colour codes are taken out before reading
    const plain = (d: Buffer): string => d.toString().replace(/\u001b\[[0-9;]*m/g, '');
    child.stdout.on('data', (d: Buffer) => {
      output += plain(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      output += plain(d);
    });
    try {
      for (let i = 0; i < 200 && !output.includes('Local:'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(output).toContain('Local:');
      const cards = await (await fetch('http://127.0.0.1:5198/@id/__x00__virtual:scenario-cards')).text();
      expect(cards).toContain('"id":"ip-theft"');
      // The scenarios' checked data: an index of loaders, and each scenario's JSON in a module of its own.
      const data = await (await fetch('http://127.0.0.1:5198/@id/__x00__virtual:scenario-data')).text();
      expect(data).toMatch(/"ip-theft\.yaml": \(\) => import\("[^"]*virtual:scenario-data\/ip-theft"\)/);
      expect(data).toMatch(/import\("[^"]*virtual:scenario-data\/zh-Hans\/ip-theft"\)/);
      const ipTheft = await (await fetch('http://127.0.0.1:5198/@id/__x00__virtual:scenario-data/ip-theft')).text();
      expect(ipTheft).toContain('\\"id\\":\\"ip-theft\\"');
      await new Promise((r) => setTimeout(r, 500));
      expect(output).not.toContain('VITE_CONFIG_NATIVE_IGNORE_WARNING');
      expect(output).not.toContain('configLoader');
      expect(output).not.toMatch(/warn|error/i);
    } finally {
      child.kill();
      await new Promise((r) => child.on('close', r));
    }
  }, 40_000);
});
