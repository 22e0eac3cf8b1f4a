/**
 * Where the scenario map's boxes and lines go: one row per layer (top to bottom), boxes in scenario
 * order and centred in their row. Forward edges run from a box's bottom to a lower box's top; edges
 * along a row arc over it; edges back up curve out to the right. Pure arithmetic: the same map always
 * lays out the same.
 */
import type { MapEdge, ScenarioMap } from './map';

export interface MapBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MapLine {
  readonly edge: MapEdge;
  /** An SVG path (`M x y L x y` or a cubic curve). */
  readonly d: string;
  /** Stroke width: 1 for an edge no run took, up to 7 for one every run took. */
  readonly width: number;
}

export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: ReadonlyMap<string, MapBox>;
  readonly lines: readonly MapLine[];
}

export const BOX = { width: 200, height: 64, gapX: 28, gapY: 64, margin: 16 } as const;

/** Lays out a map. Every node gets a box; every edge between two boxes gets a line. */
export function layoutMap(map: ScenarioMap): MapLayout {
  const rows = new Map<number, number>();
  let layers = 0;
  for (const n of map.nodes) {
    rows.set(n.layer, (rows.get(n.layer) ?? 0) + 1);
    layers = Math.max(layers, n.layer + 1);
  }
  let widest = 1;
  for (const count of rows.values()) widest = Math.max(widest, count);
  const rowWidth = (count: number): number => count * BOX.width + (count - 1) * BOX.gapX;
  const width = rowWidth(widest) + 2 * BOX.margin + BOX.gapX * 2;
  const height = layers * BOX.height + (layers - 1) * BOX.gapY + 2 * BOX.margin;
  const boxes = new Map<string, MapBox>();
  for (const n of map.nodes) {
    const count = rows.get(n.layer) ?? 1;
    const left = BOX.margin + (rowWidth(widest) - rowWidth(count)) / 2;
    boxes.set(n.id, { id: n.id, x: left + n.order * (BOX.width + BOX.gapX), y: BOX.margin + n.layer * (BOX.height + BOX.gapY), width: BOX.width, height: BOX.height });
  }
  const lines: MapLine[] = [];
  for (const edge of map.edges) {
    const a = boxes.get(edge.from);
    const b = boxes.get(edge.to);
    if (a === undefined || b === undefined) continue;
    const share = map.runs > 0 && edge.taken !== null ? edge.taken / map.runs : 0;
    lines.push({ edge, d: pathBetween(a, b), width: Math.round((1 + 6 * share) * 10) / 10 });
  }
  return { width, height, boxes, lines };
}

function pathBetween(a: MapBox, b: MapBox): string {
  if (b.y > a.y) {
    const x1 = a.x + a.width / 2;
    const y1 = a.y + a.height;
    const x2 = b.x + b.width / 2;
    const y2 = b.y;
    const mid = (y1 + y2) / 2;
    return `M ${x1} ${y1} C ${x1} ${mid} ${x2} ${mid} ${x2} ${y2}`;
  }
  if (b.y === a.y) {
    const x1 = a.x + a.width / 2;
    const x2 = b.x + b.width / 2;
    const lift = a.y - BOX.gapY * 0.45;
    return `M ${x1} ${a.y} C ${x1} ${lift} ${x2} ${lift} ${x2} ${b.y}`;
  }
  const x1 = a.x + a.width;
  const y1 = a.y + a.height / 2;
  const x2 = b.x + b.width;
  const y2 = b.y + b.height / 2;
  const out = Math.max(x1, x2) + BOX.gapX * 1.5;
  return `M ${x1} ${y1} C ${out} ${y1} ${out} ${y2} ${x2} ${y2}`;
}
