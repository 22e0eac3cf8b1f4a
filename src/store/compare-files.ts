/**
 * The class comparison's input: replay files of several groups, read and checked against the
 * installed scenarios, then compared by src/sim/compare.ts. Every refusal names the files.
 */
import { decodeReplayCode, parseReplay, type ReplayFile, stringifyReplay } from '../engine';
import { m } from '../i18n/lang';
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

/**
 * A group's name: the file name without its folder and `.json`; a file the debrief named for a group
 * (`North--red-phone-ip-theft-K7QM.json`) gives the group's name alone.
 */
export function groupName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const bare = base.replace(/\.json$/i, '');
  const named = /^(.+?)--red-phone-/.exec(bare)?.[1];
  return (named ?? bare) || base;
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

export interface CodesRead {
  readonly files: readonly GroupFile[];
  /** One sentence a line that could not be read, naming its line and group. */
  readonly problems: readonly string[];
}

const NAMED = /^(.{1,60}?)\s*(?::|\t| - )\s*((?:RP\d+\.|https?:\/\/|\.?\/?\?replay=)\S+)\s*$/;

/**
 * Replay codes or links pasted one a line, each optionally after a group's name (`North: RP1.…`, a tab
 * or ` - ` also separates them); a line without a name is "Group N" by its place. Each code is read
 * against the installed scenario it names and becomes that group's replay file.
 */
export function filesFromCodes(text: string, catalog: Catalog): CodesRead {
  const files: GroupFile[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r\n|\r|\n/).slice(0, 200);
  let n = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    n++;
    const named = /^(RP\d+\.|https?:\/\/|\.?\/?\?)/.test(line) ? null : NAMED.exec(line);
    const name = (named?.[1] ?? m.debrief_cmp_group_n({ n })).trim();
    const code = named?.[2] ?? line;
    const id = /RP\d+\.([^.]+)\./.exec(code)?.[1];
    const entry = catalog.entries.find((e) => e.id === id);
    const decoded = decodeReplayCode(code, entry === undefined ? [] : [entry.scenario]);
    if (!decoded.ok) problems.push(m.debrief_cmp_line_problem({ line: i + 1, name, reason: decoded.error.message }));
    else files.push({ fileName: `${name}.json`, text: stringifyReplay(decoded.value) });
  });
  return { files, problems };
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
  if (files.length < 2) return { ok: false, message: m.debrief_compare_two() };
  const parsed: { name: string; file: ReplayFile }[] = [];
  const bad: string[] = [];
  for (const f of files) {
    const r = parseReplay(f.text, f.fileName);
    if (r.ok) parsed.push({ name: groupName(f.fileName), file: r.value });
    else bad.push(m.debrief_compare_bad_item({ file: f.fileName, reason: r.error.message }));
  }
  if (bad.length > 0) return { ok: false, message: m.debrief_compare_unreadable({ list: bad.join(m.list_sep()) }) };
  const scenarioIds = [...new Set(parsed.map((p) => p.file.scenarioId))];
  const seeds = [...new Set(parsed.map((p) => p.file.seed))];
  const byKey = (key: (p: { file: ReplayFile }) => string): string =>
    [...new Set(parsed.map(key))]
      .map((k) =>
        m.debrief_compare_key({
          files: files
            .filter((_, i) => key(parsed[i] as { file: ReplayFile }) === k)
            .map((f) => f.fileName)
            .join(m.comma_sep()),
          key: k,
        }),
      )
      .join(m.list_sep());
  if (scenarioIds.length > 1) return { ok: false, message: m.debrief_compare_scenarios({ list: byKey((p) => p.file.scenarioId) }) };
  if (seeds.length > 1) return { ok: false, message: m.debrief_compare_seeds({ list: byKey((p) => m.debrief_compare_seed({ seed: p.file.seed })) }) };
  const entry = catalog.entries.find((e) => e.id === scenarioIds[0]);
  if (entry === undefined) return { ok: false, message: m.debrief_compare_not_installed({ files: files.map((f) => f.fileName).join(m.comma_sep()), id: scenarioIds[0] ?? '' }) };
  const result = compareRuns(entry.scenario, parsed);
  if (!result.ok) return { ok: false, message: `${result.error.message.replace(/[.]$/, '')}.` };
  return { ok: true, value: result.value };
}
