/**
 * A stylised map of the Pacific between Beijing and Washington, drawn by us from coarse coastlines
 * (a few dozen points per land mass, degrees, longitude east 0-360 so the Pacific is in one piece).
 * It is a backdrop, not a chart: the outlines are deliberately rough. Pure data and arithmetic.
 */

import { LAND, type LonLat } from './pacific-land';

export { LAND, type LonLat } from './pacific-land';

/** The window of the world the map shows. */
export const MAP_BOUNDS = { west: 68, east: 306, south: -48, north: 76 } as const;

export const CAPITALS: readonly { readonly id: 'us' | 'cn'; readonly name: string; readonly at: LonLat }[] = [
  { id: 'cn', name: 'BEIJING', at: [116.4, 39.9] },
  { id: 'us', name: 'WASHINGTON', at: [283.0, 38.9] },
];

/** A map `width` by `height` pixels: where a longitude and latitude fall on it (equirectangular). */
export function project(lon: number, lat: number, width: number, height: number): { x: number; y: number } {
  const b = MAP_BOUNDS;
  return {
    x: ((lon - b.west) / (b.east - b.west)) * width,
    y: ((b.north - lat) / (b.north - b.south)) * height,
  };
}

function inside(poly: readonly LonLat[], lon: number, lat: number): boolean {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as LonLat;
    const b = poly[j] as LonLat;
    if (a[1] > lat !== b[1] > lat && lon < ((b[0] - a[0]) * (lat - a[1])) / (b[1] - a[1]) + a[0]) hit = !hit;
  }
  return hit;
}

export function isLand(lon: number, lat: number): boolean {
  for (const poly of LAND) if (inside(poly, lon, lat)) return true;
  return false;
}

/** The land as a grid of dots `step` degrees apart, for the dot-matrix drawing. */
export function landDots(step: number): LonLat[] {
  const out: LonLat[] = [];
  const b = MAP_BOUNDS;
  for (let lat = b.north - step / 2; lat > b.south; lat -= step) {
    for (let lon = b.west + step / 2; lon < b.east; lon += step) if (isLand(lon, lat)) out.push([lon, lat]);
  }
  return out;
}
