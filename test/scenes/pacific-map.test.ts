import { describe, expect, it } from 'vitest';
import { CAPITALS, isLand, landDots, MAP_BOUNDS, project } from '../../src/scenes/pacific-map';
import { arcPoints } from '../../src/scenes/textures';
import { clip } from '../../src/scenes/widgets/text';

describe('the Pacific backdrop', () => {
  const places: [string, number, number, boolean][] = [
    ['Beijing', 116.4, 39.9, true],
    ['Washington', 283.0, 38.9, true],
    ['Sydney', 150.5, -33.5, true],
    ['Tokyo', 139.7, 35.7, true],
    ['mid-Pacific', 200, 0, false],
    ['Sea of Japan', 135, 40, false],
    ['Gulf of Alaska', 215, 55, false],
  ];
  it.each(places)('%s is land: %s', (_name, lon, lat, land) => {
    expect(isLand(lon, lat)).toBe(land);
  });

  it('both capitals stand on the map, Beijing west of Washington', () => {
    for (const c of CAPITALS) {
      const p = project(c.at[0], c.at[1], 1000, 500);
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(1000);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(500);
    }
    const [cn, us] = CAPITALS.map((c) => project(c.at[0], c.at[1], 1000, 500));
    expect(cn?.x).toBeLessThan(us?.x ?? 0);
  });

  it('draws land dots only inside the window', () => {
    const dots = landDots(2);
    expect(dots.length).toBeGreaterThan(300);
    for (const [lon, lat] of dots) {
      expect(lon).toBeGreaterThan(MAP_BOUNDS.west);
      expect(lon).toBeLessThan(MAP_BOUNDS.east);
      expect(lat).toBeGreaterThan(MAP_BOUNDS.south);
      expect(lat).toBeLessThan(MAP_BOUNDS.north);
    }
  });

  it('puts the phone at the arc peak, above both capitals and inside the map', () => {
    const a = arcPoints(1400, 730);
    expect(a.apex.y).toBeLessThan(Math.min(a.from.y, a.to.y));
    expect(a.apex.y).toBeGreaterThan(0);
    expect(a.apex.x).toBeCloseTo((a.from.x + a.to.x) / 2, 6);
  });
});

describe('clip', () => {
  const cases: [string, number, string][] = [
    ['Intrusion logs', 40, 'Intrusion logs'],
    ['Investigation of two named people', 20, 'Investigation of…'],
    ['Supercalifragilistic', 10, 'Supercali…'],
  ];
  it.each(cases)('%s in %i characters', (text, max, out) => {
    expect(clip(text, max)).toBe(out);
    expect(clip(text, max).length).toBeLessThanOrEqual(max);
  });
});
