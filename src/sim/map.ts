/**
 * The scenario map: beats and endings as a graph, with the edges the file names (outcome `next`
 * and beat `next`), layered by shortest distance from the start beat, and how often a seeded batch
 * of simulated runs reached each node and took each edge. Pure data: the page draws it, the
 * Mermaid writer (map-mermaid.ts) prints it. Scenario order throughout, so the same scenario and
 * seed always give the same map.
 */
import type { Scenario, Side, TurnRecord } from '../engine';
import { SIDES } from '../engine';
import type { PolicyKind } from './policies';
import type { SideTones } from './report';
import { simulate } from './simulate';

export interface MapNode {
  readonly id: string;
  readonly kind: 'beat' | 'ending';
  readonly title: string;
  /** Endings only: the verdict for each side. */
  readonly tone: SideTones | null;
  /** Shortest number of `next` steps from the start beat; unreachable nodes sit one layer below the rest. */
  readonly layer: number;
  /** Position within its layer, in scenario order (beats first, then endings). */
  readonly order: number;
  /** Runs of the sample that reached it (null when the map has no sample). */
  readonly reached: number | null;
}

export interface MapEdge {
  readonly from: string;
  readonly to: string;
  /** What leads there: `us go_public → named`, or `next` for the beat's own. */
  readonly via: readonly string[];
  /** Runs of the sample that went along it (null when the map has no sample). */
  readonly taken: number | null;
}

/** An ending that can end play from any beat: by its condition, or the timeout at the turn limit. */
export interface ConditionalEnding {
  readonly id: string;
  readonly title: string;
  readonly tone: SideTones;
  /** The condition as written, or `turn limit (N turns)` for the timeout. */
  readonly when: string;
}

export interface ScenarioMap {
  readonly scenarioId: string;
  readonly start: string;
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  readonly conditional: readonly ConditionalEnding[];
  /** The sample's size, or 0 when no runs were simulated. */
  readonly runs: number;
}

/** How often a sample of runs reached each node and took each edge (`from>to`). */
export interface MapSample {
  readonly runs: number;
  readonly nodes: ReadonlyMap<string, number>;
  readonly edges: ReadonlyMap<string, number>;
}

export const edgeKey = (from: string, to: string): string => `${from}>${to}`;

function addEdge(edges: Map<string, { from: string; to: string; via: string[] }>, from: string, to: string, via: string): void {
  const key = edgeKey(from, to);
  const edge = edges.get(key);
  if (edge === undefined) edges.set(key, { from, to, via: [via] });
  else if (!edge.via.includes(via)) edge.via.push(via);
}

/** The edges the file names, in scenario order: each outcome's `next`, then the beat's own `next`. */
function staticEdges(scenario: Scenario): Map<string, { from: string; to: string; via: string[] }> {
  const edges = new Map<string, { from: string; to: string; via: string[] }>();
  for (const beat of scenario.file.beats) {
    for (const side of SIDES) {
      for (const option of beat.options[side]) {
        for (const outcome of option.outcomes) if (outcome.next !== undefined) addEdge(edges, beat.id, outcome.next, `${side} ${option.id} → ${outcome.id}`);
      }
    }
    if (beat.next !== undefined) addEdge(edges, beat.id, beat.next, 'next');
  }
  return edges;
}

/** Layers by breadth-first distance from the start beat over the named edges. */
function layersOf(scenario: Scenario, edges: readonly { from: string; to: string }[]): Map<string, number> {
  const layer = new Map<string, number>([[scenario.file.start, 0]]);
  const queue = [scenario.file.start];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    const d = layer.get(at) as number;
    for (const e of edges) {
      if (e.from !== at || layer.has(e.to)) continue;
      layer.set(e.to, d + 1);
      queue.push(e.to);
    }
  }
  return layer;
}

/**
 * Builds the map of a scenario. With a sample, every node and edge carries its count; without one,
 * the counts are null.
 */
export function buildMap(scenario: Scenario, sample: MapSample | null = null): ScenarioMap {
  const file = scenario.file;
  const edgeMap = staticEdges(scenario);
  const edgeList = [...edgeMap.values()];
  const layers = layersOf(scenario, edgeList);
  let deepest = 0;
  for (const d of layers.values()) deepest = Math.max(deepest, d);
  const ids: { id: string; kind: 'beat' | 'ending'; title: string; tone: SideTones | null }[] = [
    ...file.beats.map((b) => ({ id: b.id, kind: 'beat' as const, title: b.title, tone: null })),
    ...file.endings.map((e) => ({ id: e.id, kind: 'ending' as const, title: e.title, tone: e.tone })),
  ];
  const orderIn = new Map<number, number>();
  const nodes: MapNode[] = ids.map((n) => {
    const layer = layers.get(n.id) ?? deepest + 1;
    const order = orderIn.get(layer) ?? 0;
    orderIn.set(layer, order + 1);
    return { ...n, layer, order, reached: sample === null ? null : (sample.nodes.get(n.id) ?? 0) };
  });
  const edges: MapEdge[] = edgeList.map((e) => ({ from: e.from, to: e.to, via: e.via, taken: sample === null ? null : (sample.edges.get(edgeKey(e.from, e.to)) ?? 0) }));
  const conditional: ConditionalEnding[] = [];
  for (const e of file.endings) {
    if (e.when !== undefined) conditional.push({ id: e.id, title: e.title, tone: e.tone, when: String(e.when) });
    else if (e.id === file.timeout) conditional.push({ id: e.id, title: e.title, tone: e.tone, when: `turn limit (${file.maxTurns} turns)` });
  }
  return { scenarioId: scenario.id, start: file.start, nodes, edges, conditional, runs: sample === null ? 0 : sample.runs };
}

export interface SampleOptions {
  readonly runs: number;
  readonly seed: string;
  readonly policy?: PolicyKind;
  /** The side the policy plays (default: the scenario's first side). */
  readonly side?: Side;
}

/**
 * Plays a seeded batch of simulated runs and counts, per run, the beats and endings reached and the
 * moves between them (a run that passes a node or edge twice counts once). Runs the engine stops
 * with an error count for nothing.
 */
export function sampleRuns(scenario: Scenario, options: SampleOptions): MapSample {
  const nodes = new Map<string, number>();
  const edges = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string): void => {
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  let runs = 0;
  simulate(scenario, {
    runs: options.runs,
    seed: options.seed,
    policy: options.policy ?? 'random',
    side: options.side ?? scenario.file.sides[0] ?? 'us',
    onRunEnd: (state) => {
      runs++;
      const seenNodes = new Set<string>([scenario.file.start]);
      const seenEdges = new Set<string>();
      for (const record of state.log) {
        if (record.kind !== 'turn') continue;
        const r = record as TurnRecord;
        seenNodes.add(r.beat);
        const to = r.ending ?? r.next;
        seenNodes.add(to);
        seenEdges.add(edgeKey(r.beat, to));
      }
      if (state.ending !== null) seenNodes.add(state.ending);
      for (const id of seenNodes) bump(nodes, id);
      for (const key of seenEdges) bump(edges, key);
    },
  });
  return { runs, nodes, edges };
}

/** A count as a whole percentage of the sample ("62%"), rounded half up. */
export function percentOf(count: number, runs: number): number {
  return runs === 0 ? 0 : Math.floor((count * 100 + Math.floor(runs / 2)) / runs);
}
