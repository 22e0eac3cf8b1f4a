/**
 * The exercise pack of a scenario for the facilitator console's downloads: the engine's five printable
 * pages (src/engine/report/pack.ts), timed by the usual length of a run (src/store/pace.ts), each
 * with a file name that starts with the scenario's id.
 */
import { exercisePack, type PackPage } from '../engine';
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
  if (entry === undefined) return [];
  const scenario = entry.scenario;
  return exercisePack(scenario, { usualTurns: paceOf(scenario).usual }).map((p) => ({ ...p, fileName: `${scenario.id}-${p.name}` }));
}
