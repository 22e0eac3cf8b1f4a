import { describe, expect, it } from 'vitest';
import { DESIGN, fitInto, stageLayout } from '../../src/scenes/layout';
import { sceneFor } from '../../src/scenes/scene-keys';
import type { Screen } from '../../src/store/session';

describe('stage layout: the room beside or above the page text, as styles.css places it', () => {
  const cases: [string, number, number, boolean, { x: number; y: number; w: number; h: number }][] = [
    ['projector 720p', 1280, 720, true, { x: 0, y: 0, w: 576, h: 720 }],
    ['projector 1080p: the panel stops at 760px', 1920, 1080, true, { x: 0, y: 0, w: 1160, h: 1080 }],
    ['small laptop: 55% of the width for the text', 900, 700, true, { x: 0, y: 0, w: 405, h: 700 }],
    ['narrower than 900px', 899, 600, false, { x: 0, y: 0, w: 899, h: 252 }],
    ['squarer than 6:5', 1000, 900, false, { x: 0, y: 0, w: 1000, h: 378 }],
    ['portrait tablet', 820, 1100, false, { x: 0, y: 0, w: 820, h: 462 }],
  ];
  it.each(cases)('%s (%ix%i)', (_name, w, h, wide, room) => {
    const l = stageLayout(w, h);
    expect(l.wide).toBe(wide);
    expect(l.room).toEqual(room);
    expect(l.room.w * l.room.h + l.panel.w * l.panel.h).toBe(w * h);
  });

  it('never returns an empty or negative room', () => {
    const l = stageLayout(0, -5);
    expect(l.room.w).toBeGreaterThan(0);
    expect(l.room.h).toBeGreaterThan(0);
  });

  it('fits the design inside a rect with its margin, centred', () => {
    const f = fitInto({ x: 0, y: 0, w: 768, h: 720 }, DESIGN, 18);
    expect(f.scale).toBeCloseTo(Math.min((768 - 36) / DESIGN.w, (720 - 36) / DESIGN.h), 10);
    expect(f.x).toBe(Math.round((768 - DESIGN.w * f.scale) / 2));
    expect(f.y).toBe(Math.round((720 - DESIGN.h * f.scale) / 2));
    expect(f.x + DESIGN.w * f.scale).toBeLessThanOrEqual(768);
  });
});

describe('scene for each screen', () => {
  const table: [Screen, boolean, string][] = [
    ['title', false, 'title'],
    ['new-run', false, 'title'],
    ['briefing', true, 'briefing'],
    ['turn', true, 'room'],
    ['outcome', true, 'room'],
    ['debrief', true, 'debrief'],
    ['turn', false, 'title'],
    ['debrief', false, 'title'],
  ];
  it.each(table)('%s (run: %s) shows %s', (screen, hasRun, key) => {
    expect(sceneFor(screen, hasRun)).toBe(key);
  });
});
