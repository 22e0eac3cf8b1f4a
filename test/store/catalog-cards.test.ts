import { readdirSync, readFileSync } from 'node:fs';
import cards from 'virtual:scenario-cards';
import * as scenarioData from 'virtual:scenario-data';
import { describe, expect, it } from 'vitest';
import { loadLibrary, loadScenario } from '../../src/engine';
import { isScenarioFile } from '../../src/store/catalog';
import { buildCards } from '../../src/store/catalog-build';
import { entryCard, lazyCatalog, type PreparedBundle } from '../../src/store/catalog-cards';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const terms = read('scenarios/terms.yaml');
const ladder = read('scenarios/ladder.yaml');
const facts = read('scenarios/facts.yaml');
const minimal = read('test/fixtures/valid/minimal.yaml');
const bundled = readdirSync(new URL('../../scenarios/', import.meta.url))
  .filter((n) => isScenarioFile(n))
  .sort()
  .map((n) => ({ file: `/scenarios/${n}`, text: read(`scenarios/${n}`) }));
const library = loadLibrary(terms, ladder, facts).library;

describe('the build-time scenario cards', () => {
  it('list every bundled scenario file, in file-name order', () => {
    expect(cards.map((c) => c.file)).toEqual(bundled.map((f) => f.file.slice('/scenarios/'.length)));
  });

  it('each have the hash, id and title that the engine loader gives the full file', () => {
    if (library === null) throw new Error('the bundled library does not load');
    for (const card of cards) {
      const text = read(`scenarios/${card.file}`);
      const scenario = loadScenario(text, card.file, library).scenario;
      expect(scenario?.hash).toBe(card.hash);
      expect(scenario?.id).toBe(card.id);
      expect(scenario?.file.title).toBe(card.title);
    }
  });

  it('name the file and the checker message when a scenario does not load', () => {
    const result = buildCards([{ file: '/scenarios/broken.yaml', text: 'format: red-phone/scenario@1\nid: broken\n' }], terms, ladder, facts);
    expect(result.cards).toEqual([]);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]).toMatch(/^broken\.yaml:/);
  });
});

describe('the lazy catalog', () => {
  it('gives each bundled scenario, loaded in full, with the hash of its card', () => {
    const catalog = lazyCatalog(cards, bundled, terms, ladder, facts);
    expect(catalog.entries.map((e) => e.id)).toEqual(cards.map((c) => c.id));
    for (const entry of catalog.entries) {
      expect(entry.scenario.hash).toBe(entryCard(entry).hash);
      expect(entry.scenario).toBe(entry.scenario);
    }
  });

  it('reads the card of an entry without loading its scenario', () => {
    const built = buildCards([{ file: '/scenarios/minimal.yaml', text: minimal }], terms, ladder, facts);
    const catalog = lazyCatalog(built.cards, [{ file: '/scenarios/minimal.yaml', text: `${minimal}\n# edited after the build\nnot: [closed\n` }], terms, ladder, facts);
    const entry = catalog.entries[0];
    if (entry === undefined) throw new Error('no entry');
    expect(entryCard(entry).title).toBe(built.cards[0]?.title);
    expect(() => entry.scenario).toThrow(/minimal\.yaml does not load/);
  });

  it('lists a card whose text could not be fetched as a failure, never as a scenario on offer', () => {
    const catalog = lazyCatalog(cards, bundled.slice(1), terms, ladder, facts);
    expect(catalog.entries.map((e) => e.id)).toEqual(cards.slice(1).map((c) => c.id));
    expect(catalog.failures.map((f) => [f.file, f.diagnostics[0]?.code])).toEqual([[cards[0]?.file, 'catalog/unavailable']]);
  });

  it('loads at once a scenario file that has no card, after the carded ones', () => {
    const catalog = lazyCatalog(cards, [...bundled, { file: '/fixtures/minimal.yaml', text: minimal }], terms, ladder, facts);
    expect(catalog.entries.map((e) => e.id)).toEqual([...cards.map((c) => c.id), 'minimal']);
    expect(catalog.entries.at(-1)?.card).toBeUndefined();
    expect(catalog.failures).toEqual([]);
  });

  it('refuses a scenario whose text differs from the one the card was built from', () => {
    const built = buildCards([{ file: '/scenarios/minimal.yaml', text: minimal }], terms, ladder, facts);
    const changed = minimal.replace(/^title: .*$/m, 'title: Another title');
    expect(changed).not.toBe(minimal);
    const catalog = lazyCatalog(built.cards, [{ file: '/scenarios/minimal.yaml', text: changed }], terms, ladder, facts);
    expect(() => catalog.entries[0]?.scenario).toThrow(/not the one this build was made with/);
  });
});

describe('cards in Chinese', () => {
  const zhMinimal = read('test/fixtures/valid/zh-Hans/minimal.yaml');

  it('the build reads each card’s words from the translation beside the scenario', () => {
    const built = buildCards([{ file: '/scenarios/minimal.yaml', text: minimal }], terms, ladder, facts, [{ file: '/scenarios/zh-Hans/minimal.yaml', text: zhMinimal }]);
    expect(built.cards[0]?.texts?.['zh-Hans']).toEqual({ title: '最小的危机', summary: '检查器接受的最小剧本，供测试使用。', invented: null });
  });

  it('a Chinese page shows the built words, with no need to read the translation at start', () => {
    const built = buildCards([{ file: '/scenarios/minimal.yaml', text: minimal }], terms, ladder, facts, [{ file: '/scenarios/zh-Hans/minimal.yaml', text: zhMinimal }]);
    const catalog = lazyCatalog(built.cards, [{ file: '/scenarios/minimal.yaml', text: minimal }], terms, ladder, facts, {
      lang: 'zh-Hans',
      files: [{ file: '/scenarios/zh-Hans/minimal.yaml', text: zhMinimal }],
    });
    const entry = catalog.entries[0];
    if (entry === undefined) throw new Error('no entry');
    expect(entryCard(entry).title).toBe('最小的危机');
    expect(entry.scenario.lang).toBe('zh-Hans');
    expect(entry.scenario.file.title).toBe('最小的危机');
  });

  it('the cards built for the game carry the Chinese words of every shipped translation', () => {
    const translated = readdirSync(new URL('../../scenarios/zh-Hans/', import.meta.url)).filter((n) => isScenarioFile(n));
    expect(translated.length).toBeGreaterThan(0);
    for (const name of translated) expect(cards.find((c) => c.file === name)?.texts?.['zh-Hans']?.title, name).toMatch(/[\u4e00-\u9fff]/);
  });
});

/** The build's checked data as the page loads it: every chunk of `virtual:scenario-data` for one language. */
async function pageBundle(lang: string | null): Promise<PreparedBundle> {
  const load = async (loaders: Readonly<Record<string, () => Promise<{ readonly default: string }>>>) =>
    new Map(await Promise.all(Object.entries(loaders).map(async ([file, f]) => [file, (await f()).default] as const)));
  return { library: scenarioData.library, scenarios: await load(scenarioData.scenarios), overlays: lang === null ? new Map() : await load(scenarioData.overlays[lang] ?? {}) };
}

describe("the build's checked data (virtual:scenario-data)", () => {
  it('compiles every bundled scenario, without its YAML, to the rules, text and content hashes the full loader gives', async () => {
    if (library === null) throw new Error('the bundled library does not load');
    const catalog = lazyCatalog(cards, [], terms, ladder, facts, null, await pageBundle(null));
    expect(catalog.failures).toEqual([]);
    expect(catalog.entries.map((e) => e.id)).toEqual(cards.map((c) => c.id));
    for (const entry of catalog.entries) {
      const full = loadScenario(read(`scenarios/${entry.file}`), entry.file, library).scenario;
      expect([entry.scenario.hash, entry.scenario.textHash, entry.scenario.contentHash], entry.file).toEqual([full?.hash, full?.textHash, full?.contentHash]);
      expect(entry.scenario.file).toEqual(full?.file);
    }
  });

  it('compiles every shipped translation to the Chinese text the full loader gives', async () => {
    if (library === null) throw new Error('the bundled library does not load');
    const catalog = lazyCatalog(cards, [], terms, ladder, facts, { lang: 'zh-Hans', files: [] }, await pageBundle('zh-Hans'));
    const translated = readdirSync(new URL('../../scenarios/zh-Hans/', import.meta.url)).filter((n) => isScenarioFile(n));
    expect(catalog.entries.filter((e) => translated.includes(e.file)).length).toBe(translated.length);
    for (const entry of catalog.entries.filter((e) => translated.includes(e.file))) {
      const overlay = { text: read(`scenarios/zh-Hans/${entry.file}`), file: `scenarios/zh-Hans/${entry.file}` };
      const full = loadScenario(read(`scenarios/${entry.file}`), entry.file, library, overlay).scenario;
      expect(entry.scenario.lang, entry.file).toBe('zh-Hans');
      expect([entry.scenario.hash, entry.scenario.textHash], entry.file).toEqual([full?.hash, full?.textHash]);
      expect(entryCard(entry).title).toBe(full?.file.title);
    }
  });

  it('refuses data changed after the build, and data that is not JSON, naming the file', async () => {
    const bundle = await pageBundle(null);
    const first = cards[0];
    if (first === undefined) throw new Error('no card');
    const data = JSON.parse(bundle.scenarios.get(first.file) ?? '') as { title: string };
    const changed = new Map(bundle.scenarios).set(first.file, JSON.stringify({ ...data, beats: [] }));
    expect(() => lazyCatalog(cards, [], terms, ladder, facts, null, { ...bundle, scenarios: changed }).entries[0]?.scenario).toThrow(
      new RegExp(`${first.file}.*(not the one this build was made with|does not load)`),
    );
    const broken = new Map(bundle.scenarios).set(first.file, '{"title": ');
    expect(() => lazyCatalog(cards, [], terms, ladder, facts, null, { ...bundle, scenarios: broken }).entries[0]?.scenario).toThrow(new RegExp(`${first.file} does not load`));
  });

  it('lists a card with neither its data nor its text as a failure, never as a scenario on offer', async () => {
    const bundle = await pageBundle(null);
    const first = cards[0];
    const fewer = new Map([...bundle.scenarios].filter(([file]) => file !== first?.file));
    const catalog = lazyCatalog(cards, [], terms, ladder, facts, null, { ...bundle, scenarios: fewer });
    expect(catalog.failures.map((f) => [f.file, f.diagnostics[0]?.code])).toEqual([[first?.file, 'catalog/unavailable']]);
    expect(catalog.entries.map((e) => e.id)).toEqual(cards.slice(1).map((c) => c.id));
  });
});
