/**
 * Every texture the game draws with, painted once by the boot scene into canvas textures and kept
 * for the whole session: no scene creates a texture of its own, so long sessions stay bounded.
 */
import type * as Phaser from 'phaser';
import { drawPhone, drawRungGlyph, RUNG_GLYPH_IDS } from './icons';
import { CAPITALS, landDots, MAP_BOUNDS, project } from './pacific-map';
import { css } from './theme';

export const TEX = {
  backdrop: 'rp-backdrop',
  map: 'rp-map',
  phone: 'rp-phone',
  ring: 'rp-ring',
  glow: 'rp-glow',
  markerUs: 'rp-marker-us',
  markerCn: 'rp-marker-cn',
  capitalUs: 'rp-capital-us',
  capitalCn: 'rp-capital-cn',
  rungPlain: 'rp-rung-plain',
} as const;

/** Icons are painted at twice their display size so they stay sharp on a scaled room. */
export const ICON_RES = 2;
export const GRID_CELL = 48;
export const MAP_SIZE = { w: 1400, h: 730 } as const;
export const ARC_LIFT = 0.4;

export const rungTexture = (id: string): string => (RUNG_GLYPH_IDS.includes(id) ? `rp-rung-${id}` : TEX.rungPlain);

type Paint = (ctx: CanvasRenderingContext2D, w: number, h: number) => void;

function paint(textures: Phaser.Textures.TextureManager, key: string, w: number, h: number, draw: Paint): void {
  if (textures.exists(key)) return;
  const tex = textures.createCanvas(key, w, h);
  if (tex === null) return;
  draw(tex.context, w, h);
  tex.refresh();
}

/** Where the hotline arc peaks between the two capitals, in map pixels. */
export function arcPoints(w: number, h: number): { from: { x: number; y: number }; to: { x: number; y: number }; apex: { x: number; y: number }; control: { x: number; y: number } } {
  const [cn, us] = CAPITALS;
  const from = project(cn?.at[0] ?? 116, cn?.at[1] ?? 40, w, h);
  const to = project(us?.at[0] ?? 283, us?.at[1] ?? 39, w, h);
  const control = { x: (from.x + to.x) / 2, y: Math.min(from.y, to.y) - h * ARC_LIFT };
  const apex = { x: 0.25 * from.x + 0.5 * control.x + 0.25 * to.x, y: 0.25 * from.y + 0.5 * control.y + 0.25 * to.y };
  return { from, to, apex, control };
}

function paintMap(ctx: CanvasRenderingContext2D, w: number, h: number): void {
  const b = MAP_BOUNDS;
  ctx.strokeStyle = 'rgba(120, 150, 200, 0.10)';
  ctx.lineWidth = 1;
  for (let lon = Math.ceil(b.west / 15) * 15; lon <= b.east; lon += 15) {
    const { x } = project(lon, 0, w, h);
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, 0);
    ctx.lineTo(Math.round(x) + 0.5, h);
    ctx.stroke();
  }
  for (let lat = -45; lat <= 75; lat += 15) {
    const { y } = project(0, lat, w, h);
    ctx.strokeStyle = lat === 0 ? 'rgba(120, 150, 200, 0.22)' : 'rgba(120, 150, 200, 0.10)';
    ctx.beginPath();
    ctx.moveTo(0, Math.round(y) + 0.5);
    ctx.lineTo(w, Math.round(y) + 0.5);
    ctx.stroke();
  }
  const step = 1.6;
  const r = (step / (b.east - b.west)) * w * 0.3;
  ctx.fillStyle = '#36507a';
  for (const [lon, lat] of landDots(step)) {
    const p = project(lon, lat, w, h);
    ctx.beginPath();
    ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
    ctx.fill();
  }
  const arc = arcPoints(w, h);
  ctx.setLineDash([10, 8]);
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(229, 64, 58, 0.85)';
  ctx.beginPath();
  ctx.moveTo(arc.from.x, arc.from.y);
  ctx.quadraticCurveTo(arc.control.x, arc.control.y, arc.to.x, arc.to.y);
  ctx.stroke();
  ctx.setLineDash([]);
}

function paintCapital(color: string): Paint {
  return (ctx, w) => {
    const c = w / 2;
    ctx.strokeStyle = color;
    ctx.lineWidth = 3 * ICON_RES;
    ctx.beginPath();
    ctx.arc(c, c, c - 4 * ICON_RES, 0, Math.PI * 2);
    ctx.stroke();
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.arc(c, c, c * 0.38, 0, Math.PI * 2);
    ctx.fill();
  };
}

/** Ink, a thin grid and a dark vignette: the walls of every scene, one opaque image. */
function paintBackdrop(ctx: CanvasRenderingContext2D, w: number, h: number): void {
  ctx.fillStyle = css('ink');
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = 'rgba(120, 150, 200, 0.07)';
  for (let x = 0; x < w; x += GRID_CELL) ctx.fillRect(x, 0, 1, h);
  for (let y = 0; y < h; y += GRID_CELL) ctx.fillRect(0, y, w, 1);
  const r = Math.max(w, h);
  const g = ctx.createRadialGradient(w / 2, h / 2, r * 0.12, w / 2, h / 2, r * 0.75);
  g.addColorStop(0, 'rgba(6, 11, 20, 0)');
  g.addColorStop(1, 'rgba(6, 11, 20, 0.85)');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

/**
 * Repaints the backdrop texture for a canvas of this size. The texture is resized in place, never
 * replaced, and only when the size changes (a resize, not a turn).
 */
export function sizeBackdrop(textures: Phaser.Textures.TextureManager, width: number, height: number): void {
  if (!textures.exists(TEX.backdrop)) return;
  const tex = textures.get(TEX.backdrop) as Phaser.Textures.CanvasTexture;
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  if (tex.width === w && tex.height === h) return;
  tex.setSize(w, h);
  paintBackdrop(tex.context, w, h);
  tex.refresh();
}

/** Paints every texture once; later calls find them in the manager and return at once. */
export function createTextures(textures: Phaser.Textures.TextureManager): void {
  paint(textures, TEX.backdrop, 64, 64, paintBackdrop);
  paint(textures, TEX.map, MAP_SIZE.w, MAP_SIZE.h, paintMap);
  paint(textures, TEX.phone, 64 * ICON_RES, 64 * ICON_RES, (ctx, w) => drawPhone(ctx, w, css('signal'), css('inkDeep')));
  paint(textures, TEX.ring, 64 * ICON_RES, 64 * ICON_RES, (ctx, w) => {
    ctx.strokeStyle = css('signal');
    ctx.lineWidth = 2 * ICON_RES;
    ctx.beginPath();
    ctx.arc(w / 2, w / 2, w / 2 - 2 * ICON_RES, 0, Math.PI * 2);
    ctx.stroke();
  });
  paint(textures, TEX.glow, 64 * ICON_RES, 64 * ICON_RES, (ctx, w) => {
    const g = ctx.createRadialGradient(w / 2, w / 2, 0, w / 2, w / 2, w / 2);
    g.addColorStop(0, 'rgba(229, 64, 58, 0.55)');
    g.addColorStop(1, 'rgba(229, 64, 58, 0)');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, w);
  });
  paint(textures, TEX.markerUs, 24 * ICON_RES, 24 * ICON_RES, (ctx, w) => {
    ctx.fillStyle = css('us');
    ctx.beginPath();
    ctx.moveTo(2 * ICON_RES, 2 * ICON_RES);
    ctx.lineTo(w - 2 * ICON_RES, w / 2);
    ctx.lineTo(2 * ICON_RES, w - 2 * ICON_RES);
    ctx.closePath();
    ctx.fill();
  });
  paint(textures, TEX.markerCn, 24 * ICON_RES, 24 * ICON_RES, (ctx, w) => {
    ctx.fillStyle = css('cn');
    ctx.beginPath();
    ctx.moveTo(w / 2, 1 * ICON_RES);
    ctx.lineTo(w - 1 * ICON_RES, w / 2);
    ctx.lineTo(w / 2, w - 1 * ICON_RES);
    ctx.lineTo(1 * ICON_RES, w / 2);
    ctx.closePath();
    ctx.fill();
  });
  paint(textures, TEX.capitalUs, 28 * ICON_RES, 28 * ICON_RES, paintCapital(css('us')));
  paint(textures, TEX.capitalCn, 28 * ICON_RES, 28 * ICON_RES, paintCapital(css('cn')));
  for (const id of RUNG_GLYPH_IDS) {
    paint(textures, `rp-rung-${id}`, 32 * ICON_RES, 32 * ICON_RES, (ctx, w) => drawRungGlyph(ctx, id, w, css('paperDim')));
  }
  paint(textures, TEX.rungPlain, 32 * ICON_RES, 32 * ICON_RES, (ctx, w) => drawRungGlyph(ctx, '', w, css('paperDim')));
}
