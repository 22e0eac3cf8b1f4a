import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = join(root, dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(relative(root, path)));
    else if (name.endsWith('.ts')) out.push(relative(root, path));
  }
  return out.sort();
}

const importLines = (text: string): string[] => text.split('\n').filter((l) => /^\s*(import|export)\b.*\bfrom\s+'/.test(l));

describe('layer boundaries of the page-text layer and the store', () => {
  for (const file of sources('src/ui')) {
    const text = readFileSync(join(root, file), 'utf8');
    it(`${file} takes only types from the engine, and the rest through the store`, () => {
      const fromEngine = importLines(text).filter((l) => /from '(\.\.\/)+engine(\/[a-z-]+)?'/.test(l));
      expect(fromEngine.filter((l) => !/^\s*import type\b/.test(l))).toEqual([]);
      expect(importLines(text).filter((l) => /from '(phaser|.*scenes.*)'/.test(l))).toEqual([]);
    });
    it(`${file} never turns text into markup`, () => {
      expect(text).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
    });
  }

  for (const file of sources('src/store')) {
    const text = readFileSync(join(root, file), 'utf8');
    it(`${file} needs no DOM, no Phaser and no view`, () => {
      expect(text).not.toMatch(/\b(document|window|localStorage|navigator)\./);
      expect(importLines(text).filter((l) => /from '(phaser|\.\.\/ui|\.\.\/scenes)/.test(l))).toEqual([]);
    });
  }
});
