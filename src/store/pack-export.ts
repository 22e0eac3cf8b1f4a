/**
 * The exercise pack of a scenario for the facilitator console's downloads: the engine's five printable
 * pages (src/engine/report/pack.ts), timed by the usual length of a run (src/store/pace.ts), each
 * with a file name that starts with the scenario's id.
 */
import { exercisePack, type PackPage, type Scenario } from '../engine';
import type { Catalog } from './catalog';
import { paceOf } from './pace';

export type { PackPage } from '../engine';

/** One page of the pack, ready to download. */
export interface PackDownload extends PackPage {
  /** `<scenario id>-<page>.html`, such as `opm-breach-facilitator-guide.html`. */
  readonly fileName: string;
}

/** The pack of the catalog's scenario `scenarioId` (empty when there is no such scenario). */
export function packDownloads(catalog: Catalog, scenarioId: string): PackDownload[] {
  const entry = catalog.entries.find((e) => e.id === scenarioId);
  return entry === undefined ? [] : packOf(entry.scenario);
}

const cache = new Map<string, PackDownload[]>();

/** The pack of a scenario (the one a class run plays, say), built once per scenario content. */
export function packOf(scenario: Scenario): PackDownload[] {
  const known = cache.get(scenario.hash);
  if (known !== undefined) return known;
  const pack = exercisePack(scenario, { usualTurns: paceOf(scenario).usual }).map((p) => ({ ...p, fileName: `${scenario.id}-${p.name}` }));
  cache.set(scenario.hash, pack);
  return pack;
}
