/**
 * A stylised map of the Pacific between Beijing and Washington, drawn by us from coarse coastlines
 * (a few dozen points per land mass, degrees, longitude east 0-360 so the Pacific is in one piece).
 * It is a backdrop, not a chart: the outlines are deliberately rough. Pure data and arithmetic.
 */

export type LonLat = readonly [number, number];

/** The window of the world the map shows. */
export const MAP_BOUNDS = { west: 68, east: 306, south: -48, north: 76 } as const;

export const CAPITALS: readonly { readonly id: 'us' | 'cn'; readonly name: string; readonly at: LonLat }[] = [
  { id: 'cn', name: 'BEIJING', at: [116.4, 39.9] },
  { id: 'us', name: 'WASHINGTON', at: [283.0, 38.9] },
];

export const LAND: readonly (readonly LonLat[])[] = [
  // Asia east of the Urals' longitude, with India, Indochina and Kamchatka.
  [[68, 76], [80, 74], [100, 78], [113, 74], [130, 72], [142, 72], [160, 70], [180, 69], [190, 66], [180, 65], [178, 62],
    [170, 60], [163, 58], [160, 54], [156, 51], [156, 57], [150, 59], [142, 59], [137, 54], [140, 48], [135, 43],
    [130, 42], [129, 35], [126, 35], [126, 38], [125, 40], [122, 40], [121, 39], [118, 39], [119, 37], [122, 37],
    [120, 34], [121, 31], [122, 30], [120, 26], [117, 23], [113, 22], [110, 21], [108, 21], [106, 18], [109, 12],
    [105, 9], [103, 10], [100, 13], [100, 8], [103, 2], [101, 3], [98, 8], [98, 16], [94, 17], [92, 22], [88, 22],
    [86, 20], [80, 16], [80, 10], [77, 8], [73, 16], [72, 21], [68, 23]],
  [[130, 31], [131, 34], [135, 34], [140, 35], [141, 38], [142, 41], [140, 41], [139, 38], [137, 37], [133, 35], [130, 33]],
  [[140, 42], [145, 43], [145, 44.5], [142, 45.5], [140, 43]],
  [[142, 46], [143.5, 49], [143, 54], [142, 53], [142, 49]],
  [[120, 22], [121.5, 22], [122, 25], [121, 25.3], [120, 23.5]],
  [[120, 18.5], [122, 18.5], [122.5, 14], [124, 13], [123, 12], [120, 14]],
  [[122, 7], [126, 6.5], [126.5, 9], [125, 10], [122, 8]],
  [[109, 1], [110, 2], [113, 3], [116, 7], [119, 5], [118, 1], [117, -1], [116, -4], [111, -3], [110, -1]],
  [[95, 5.5], [98, 4], [104, -2], [106, -6], [104, -5.5], [100, -1]],
  [[106, -6], [114, -7], [114.5, -8.5], [106, -7.5]],
  [[119, -5.5], [120, 0], [121, 1], [125, 1.5], [123, -1], [122, -5]],
  [[131, -1], [135, -3], [141, -2.5], [147, -6], [150.5, -10.5], [143, -9], [138, -8.5], [134, -4]],
  [[114, -22], [114, -34], [118, -35], [124, -33.5], [131, -31.5], [138, -35], [140, -38], [147, -39], [150, -37.5],
    [153, -32], [153.5, -25], [146, -19], [145, -15], [142.5, -10.7], [141, -17], [136, -12], [130, -11.5], [126, -14],
    [122, -18]],
  [[172.5, -34.5], [175, -37], [178.5, -37.8], [175, -41.5], [172.7, -40.5]],
  [[172, -41], [174.3, -41.7], [171, -45.5], [166.5, -46.2], [168, -44]],
  [[203.5, 21.8], [205, 21], [204.8, 19.2], [204, 19]],
  // North and Central America, Alaska to Panama.
  [[192, 66], [195, 68.5], [204, 71.3], [220, 69.6], [232, 70], [245, 68], [260, 68], [270, 69], [278, 68],
    [280, 63], [285, 62.5], [296, 60], [304, 52], [300, 46.5], [294, 45], [290, 42], [286, 40.3], [284, 37],
    [284, 35], [279, 31], [280, 26.5], [278.8, 25], [277, 29], [275, 30], [271, 30], [266, 29.5], [263, 27], [263, 22],
    [266, 18.5], [269, 19], [273, 21.5], [272, 16], [276, 15], [277, 10], [281, 9], [282, 8.3], [280, 7.3], [275, 10],
    [273, 13], [268, 14.5], [264, 16], [255, 20], [253.5, 23], [250, 24], [247, 29], [245.5, 31], [243, 32.5],
    [239, 35], [237, 38], [236, 42], [235.5, 48], [232, 51], [227, 55], [223, 58.5], [214, 60], [208, 59], [202, 57],
    [196, 55], [198, 59], [195, 62], [195, 65]],
  [[282, 8.3], [288, 12], [298, 10.5], [306, 7], [306, -48], [286, -48], [286.5, -45], [288, -30], [290, -18],
    [284, -14], [279, -5], [280, 0], [283, 4]],
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
