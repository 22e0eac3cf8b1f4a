/**
 * The class comparison's input: replay files of several groups, read and checked against the
 * installed scenarios, then compared by src/sim/compare.ts. Every refusal names the files.
 */
import { parseReplay, type ReplayFile } from '../engine';
import { type ClassComparison, compareRuns } from '../sim/compare';
import type { Catalog } from './catalog';

export type { ClassComparison, Series as GroupSeries } from '../sim/compare';
export { compareCsv } from '../sim/compare-csv';
export { describeDecisions, describeResults } from '../sim/compare-turn';

export interface GroupFile {
  /** The file name as chosen. */
  readonly fileName: string;
  readonly text: string;
}

export type CompareFilesResult = { readonly ok: true; readonly value: ClassComparison } | { readonly ok: false; readonly message: string };

/** A group's name: the file name without its folder and `.json`. */
export function groupName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.json$/i, '') || base;
}

/** Adds files to a list, a file of the same name replacing the earlier one, order kept. */
export function addFiles(list: readonly GroupFile[], added: readonly GroupFile[]): GroupFile[] {
  const out = [...list];
  for (const f of added) {
    const i = out.findIndex((g) => g.fileName === f.fileName);
    if (i >= 0) out[i] = f;
    else out.push(f);
  }
  return out;
}

/** The class server's one download: every group's replay, each with its group's name. */
export const CLASS_BUNDLE_FORMAT = 'red-phone/class-replays';

/**
 * A class download expanded into one file per group, named by its group ("Group 3"); any other file
 * as it is. A bundle that is not what it says is left whole, so the replay check names its problem.
 */
export function expandClassBundles(files: readonly GroupFile[]): GroupFile[] {
  const out: GroupFile[] = [];
  for (const f of files) {
    let data: unknown = null;
    try {
      data = f.text.includes(CLASS_BUNDLE_FORMAT) ? JSON.parse(f.text) : null;
    } catch {
      data = null;
    }
    const groups = typeof data === 'object' && data !== null && (data as { format?: unknown }).format === CLASS_BUNDLE_FORMAT ? (data as { groups?: unknown }).groups : null;
    if (!Array.isArray(groups) || groups.some((g) => typeof g !== 'object' || g === null || typeof (g as { name?: unknown }).name !== 'string')) {
      out.push(f);
      continue;
    }
    for (const g of groups as { name: string; replay?: unknown }[]) out.push({ fileName: `${g.name.slice(0, 80)}.json`, text: JSON.stringify(g.replay ?? null) });
  }
  return out;
}

/** Reads and compares the files; refuses a file that is not a replay, mixed scenarios or seeds, naming the files. */
export function compareFiles(given: readonly GroupFile[], catalog: Catalog): CompareFilesResult {
  const files = expandClassBundles(given);
  if (files.length < 2) return { ok: false, message: 'Choose the replay files of at least two groups (or a class download) to compare.' };
  const parsed: { name: string; file: ReplayFile }[] = [];
  const bad: string[] = [];
  for (const f of files) {
    const r = parseReplay(f.text, f.fileName);
    if (r.ok) parsed.push({ name: groupName(f.fileName), file: r.value });
    else bad.push(`${f.fileName} (${r.error.message})`);
  }
  if (bad.length > 0) return { ok: false, message: `Not a replay file that can be read: ${bad.join('; ')}.` };
  const scenarioIds = [...new Set(parsed.map((p) => p.file.scenarioId))];
  const seeds = [...new Set(parsed.map((p) => p.file.seed))];
  const byKey = (key: (p: { file: ReplayFile }) => string): string =>
    [...new Set(parsed.map(key))]
      .map(
        (k) =>
          `${files
            .filter((_, i) => key(parsed[i] as { file: ReplayFile }) === k)
            .map((f) => f.fileName)
            .join(', ')}: ${k}`,
      )
      .join('; ');
  if (scenarioIds.length > 1) return { ok: false, message: `These files are of different scenarios (${byKey((p) => p.file.scenarioId)}). Compare the groups of one scenario and one seed.` };
  if (seeds.length > 1) return { ok: false, message: `These files were played on different seeds (${byKey((p) => `seed ${p.file.seed}`)}). Compare the groups of one scenario and one seed.` };
  const entry = catalog.entries.find((e) => e.id === scenarioIds[0]);
  if (entry === undefined) return { ok: false, message: `${files.map((f) => f.fileName).join(', ')}: scenario ${scenarioIds[0] ?? ''} is not installed here.` };
  const result = compareRuns(entry.scenario, parsed);
  if (!result.ok) return { ok: false, message: `${result.error.message.replace(/[.]$/, '')}.` };
  return { ok: true, value: result.value };
}
