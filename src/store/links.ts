/**
 * Links that open a run: `?scenario=ip-theft&seed=K7Q3&side=us` or `?code=IPT-K7Q3` (with an optional
 * `side`). A bad parameter is reported by name with the reason; nothing is guessed.
 */
import { isValidSeed, parseExerciseCode } from '../engine';
import type { Catalog } from './catalog';
import type { PlaySide } from './run';

export type LinkResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'run'; readonly scenarioId: string; readonly seed: string; readonly side: PlaySide; readonly hidden?: boolean }
  | { readonly kind: 'error'; readonly param: string; readonly reason: string };

const KNOWN = ['scenario', 'seed', 'side', 'code'];

/** The sides a person may take in a scenario: its playable sides, and `both` when it has teams. */
export function sidesOf(catalog: Catalog, scenarioId: string): PlaySide[] {
  const entry = catalog.entries.find((e) => e.id === scenarioId);
  if (!entry) return [];
  const sides: PlaySide[] = [...entry.scenario.file.sides];
  if (entry.scenario.file.teams) sides.push('both');
  return sides;
}

function sideParam(raw: string | null, allowed: readonly PlaySide[]): { side: PlaySide } | { reason: string } {
  const first = allowed[0];
  if (raw === null) return first === undefined ? { reason: 'this scenario has no playable side' } : { side: first };
  const side = allowed.find((s) => s === raw);
  if (side === undefined) return { reason: `"${raw.slice(0, 40)}" is not a side of this scenario (use ${allowed.join(', ')})` };
  return { side };
}

/** Reads a page's query string against the scenarios on offer. */
export function parseLink(search: string, catalog: Catalog): LinkResult {
  const params = new URLSearchParams(search);
  if (!KNOWN.some((k) => params.has(k))) return { kind: 'none' };
  const ids = catalog.entries.map((e) => e.id);
  const code = params.get('code');
  if (code !== null) {
    if (params.has('scenario') || params.has('seed')) return { kind: 'error', param: 'code', reason: 'give either a code or a scenario and a seed, not both' };
    const parsed = parseExerciseCode(code, ids);
    if (!parsed.ok) return { kind: 'error', param: 'code', reason: parsed.error.message + (parsed.error.suggestion ? ` (did you mean ${parsed.error.suggestion}?)` : '') };
    const side = sideParam(params.get('side'), sidesOf(catalog, parsed.scenarioId));
    if ('reason' in side) return { kind: 'error', param: 'side', reason: side.reason };
    return { kind: 'run', scenarioId: parsed.scenarioId, seed: parsed.seed, side: side.side, ...(parsed.hidden ? { hidden: true } : {}) };
  }
  const scenarioId = params.get('scenario');
  if (scenarioId === null) return { kind: 'error', param: 'scenario', reason: 'a link with a seed or side must also name the scenario' };
  if (!ids.includes(scenarioId)) {
    const known = ids.length > 0 ? ` (scenarios here: ${ids.join(', ')})` : '';
    return { kind: 'error', param: 'scenario', reason: `no scenario "${scenarioId.slice(0, 60)}" is installed${known}` };
  }
  const seed = params.get('seed');
  if (seed === null) return { kind: 'error', param: 'seed', reason: 'the link names a scenario but no seed' };
  if (!isValidSeed(seed)) return { kind: 'error', param: 'seed', reason: 'a seed is 1 to 64 characters with no control characters' };
  const side = sideParam(params.get('side'), sidesOf(catalog, scenarioId));
  if ('reason' in side) return { kind: 'error', param: 'side', reason: side.reason };
  return { kind: 'run', scenarioId, seed, side: side.side };
}
