import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isScenarioFile, loadCatalog } from '../../src/store/catalog';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const terms = read('scenarios/terms.yaml');
const ladder = read('scenarios/ladder.yaml');
const facts = read('scenarios/facts.yaml');
const minimal = read('test/fixtures/valid/minimal.yaml');

describe('the bundled catalog', () => {
  const names: [string, boolean][] = [
    ['/scenarios/ip-theft.yaml', true],
    ['/scenarios/terms.yaml', false],
    ['/scenarios/ladder.yaml', false],
    ['/scenarios/schema.yaml', false],
    ['/scenarios/_draft.yaml', false],
    ['/scenarios/schema.json', false],
  ];
  for (const [path, offered] of names) it(`${path} is ${offered ? '' : 'not '}a scenario`, () => expect(isScenarioFile(path)).toBe(offered));

  it('offers the files that load, in file-name order, and lists the rest with their diagnostics', () => {
    const catalog = loadCatalog(
      [
        { file: '/scenarios/zz-copy.yaml', text: minimal },
        { file: '/scenarios/broken.yaml', text: 'format: red-phone/scenario@1\nid: broken\n' },
        { file: '/scenarios/minimal.yaml', text: minimal },
        { file: '/scenarios/bad-yaml.yaml', text: 'a: [1, 2\n' },
        { file: '/scenarios/terms.yaml', text: terms },
      ],
      terms,
      ladder,
      facts,
    );
    expect(catalog.entries.map((e) => [e.id, e.file])).toEqual([['minimal', 'minimal.yaml']]);
    expect(catalog.failures.map((f) => f.file)).toEqual(['bad-yaml.yaml', 'broken.yaml', 'zz-copy.yaml']);
    for (const f of catalog.failures) expect(f.diagnostics.length).toBeGreaterThan(0);
    expect(catalog.failures[2]?.diagnostics[0]?.code).toBe('catalog/duplicate-id');
  });

  it('offers nothing, and says why, when the terms do not load', () => {
    const catalog = loadCatalog([{ file: '/scenarios/minimal.yaml', text: minimal }], 'format: nope\n', ladder, facts);
    expect(catalog.entries).toEqual([]);
    expect(catalog.failures[0]?.file).toBe('terms.yaml');
    expect(catalog.failures[0]?.diagnostics.length).toBeGreaterThan(0);
  });
});
