/**
 * The scenario map as Mermaid text (`flowchart TD`), to paste into a wiki or an editor. Node ids
 * are sanitised (`b_` for beats, `e_` for endings, anything but letters, digits and `_` becomes `_`,
 * duplicates after that get a number); every label is quoted, with `"` written as `#quot;`.
 */

import { toneWords } from '../engine';
import { percentOf, type ScenarioMap } from './map';

function label(text: string): string {
  return `"${text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/"/g, '#quot;')
    .replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))}"`;
}

/** Sanitised Mermaid ids for every node of the map, unique and stable. */
export function mermaidIds(map: ScenarioMap): ReadonlyMap<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const n of map.nodes) {
    const base = `${n.kind === 'beat' ? 'b' : 'e'}_${n.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}_${k}`;
    used.add(id);
    ids.set(n.id, id);
  }
  return ids;
}

const reachedText = (count: number | null, runs: number): string => (count === null || runs === 0 ? '' : ` · ${percentOf(count, runs)}% of runs`);

/** The map as Mermaid flowchart text, ending with a newline. */
export function mapToMermaid(map: ScenarioMap): string {
  const ids = mermaidIds(map);
  const out: string[] = ['flowchart TD'];
  for (const n of map.nodes) {
    const id = ids.get(n.id) as string;
    const text = n.kind === 'beat' ? `${n.title}${reachedText(n.reached, map.runs)}` : `${n.title} (${n.tone === null ? '' : toneWords(n.tone)})${reachedText(n.reached, map.runs)}`;
    out.push(n.kind === 'beat' ? `  ${id}[${label(text)}]` : `  ${id}([${label(text)}])`);
  }
  for (const e of map.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (from === undefined || to === undefined) continue;
    out.push(`  ${from} -->|${label(e.via.join('; '))}| ${to}`);
  }
  for (const c of map.conditional) {
    const id = ids.get(c.id);
    if (id !== undefined) out.push(`  %% ${id} can end play from any beat: ${c.when.replace(/[\r\n]+/g, ' ')}`);
  }
  return `${out.join('\n')}\n`;
}
