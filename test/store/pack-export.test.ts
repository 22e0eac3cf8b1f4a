/** The facilitator console's exercise pack downloads (issue 12): the engine's pages, named after the scenario. */
import { describe, expect, it } from 'vitest';
import { exercisePack, PACK_FILES } from '../../src/engine';
import { paceOf } from '../../src/store/pace';
import { packDownloads } from '../../src/store/pack-export';
import { fixtureCatalog } from './helpers';

describe('exercise pack downloads', () => {
  it('are the five pages of the chosen scenario, timed by its usual run, each named <scenario>-<page>.html', () => {
    const catalog = fixtureCatalog();
    const downloads = packDownloads(catalog, 'minimal');
    expect(downloads.map((d) => d.fileName)).toEqual(PACK_FILES.map((f) => `minimal-${f}`));
    const scenario = catalog.entries[0]?.scenario;
    if (scenario === undefined) throw new Error('no scenario');
    expect(downloads.map((d) => d.html)).toEqual(exercisePack(scenario, { usualTurns: paceOf(scenario).usual }).map((p) => p.html));
    expect(downloads.every((d) => d.html.includes('<html lang="en">'))).toBe(true);
  });

  it('is empty for a scenario the catalog does not hold', () => {
    expect(packDownloads(fixtureCatalog(), 'no-such-scenario')).toEqual([]);
  });
});
