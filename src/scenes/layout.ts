/**
 * Where the room goes on screen. The page-text layer (src/ui) takes a column on the right of a wide
 * screen and the lower part of a narrow one; the canvas draws the room in what is left, so the two
 * never overlap. Pure arithmetic, so it is tested without Phaser.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface StageLayout {
  /** The screen: landscape with room for a side panel, or a narrow or portrait one. */
  readonly wide: boolean;
  /** The part of the canvas the room is drawn in. */
  readonly room: Rect;
  /** The part the page-text layer covers. */
  readonly panel: Rect;
}

/** Narrower than this, or squarer than WIDE_ASPECT, the text goes below the room (matches styles.css). */
export const WIDE_MIN_WIDTH = 900;
export const WIDE_ASPECT = 1.2;
/** The text panel's share of a wide screen, and its bounds in CSS pixels (matches styles.css). */
export const PANEL_SHARE = 0.55;
export const PANEL_MIN = 380;
export const PANEL_MAX = 760;
/** The room's share of a narrow screen's height. */
export const NARROW_ROOM_SHARE = 0.42;

/** The room's drawing space: widgets are laid out in these units and scaled to fit the room rect. */
export const DESIGN = { w: 800, h: 720 } as const;

export function stageLayout(width: number, height: number): StageLayout {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const wide = w >= WIDE_MIN_WIDTH && w / h >= WIDE_ASPECT;
  if (wide) {
    const panelW = Math.round(Math.min(PANEL_MAX, Math.max(PANEL_MIN, w * PANEL_SHARE)));
    return { wide, room: { x: 0, y: 0, w: w - panelW, h }, panel: { x: w - panelW, y: 0, w: panelW, h } };
  }
  const roomH = Math.max(1, Math.round(h * NARROW_ROOM_SHARE));
  return { wide, room: { x: 0, y: 0, w, h: roomH }, panel: { x: 0, y: roomH, w, h: h - roomH } };
}

/** Scale and offset that fit a `design`-sized drawing inside `rect`, centred, with `margin` px free on each side. */
export function fitInto(rect: Rect, design: { readonly w: number; readonly h: number }, margin: number): { scale: number; x: number; y: number } {
  const availW = Math.max(1, rect.w - 2 * margin);
  const availH = Math.max(1, rect.h - 2 * margin);
  const scale = Math.min(availW / design.w, availH / design.h);
  return {
    scale,
    x: Math.round(rect.x + (rect.w - design.w * scale) / 2),
    y: Math.round(rect.y + (rect.h - design.h * scale) / 2),
  };
}
