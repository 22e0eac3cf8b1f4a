/**
 * The console's live class comparison: the same view as the class comparison screen, worked out again
 * only when a group's log has grown (the replays arrive with every console view).
 */
import type { Catalog } from '../../store/catalog';
import { compareFiles, type GroupFile } from '../../store/compare-files';
import { comparisonParts } from '../screens/compare';

export function liveComparison(catalog: Catalog): (files: readonly GroupFile[]) => readonly HTMLElement[] {
  let key = '';
  let parts: readonly HTMLElement[] = [];
  return (files) => {
    const played = files.filter((f) => !/"actions":\s*\[\s*\]/.test(f.text));
    const next = played.map((f) => `${f.fileName}:${f.text.length}`).join('|');
    if (next === key) return parts.map((p) => p.cloneNode(true) as HTMLElement);
    key = next;
    const result = played.length < 2 ? null : compareFiles(played, catalog);
    parts = result?.ok === true ? comparisonParts(result.value) : [];
    return parts.map((p) => p.cloneNode(true) as HTMLElement);
  };
}
