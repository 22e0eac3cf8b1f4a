/** Canvas labels in the game's type: labels, gauges and captions only, never story text or options. */
import type * as Phaser from 'phaser';
import { type ColorName, css, FONT_MONO, FONT_SANS } from '../theme';

export interface LabelStyle {
  readonly size: number;
  readonly color?: ColorName;
  readonly mono?: boolean;
  readonly bold?: boolean;
  readonly spacing?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: number;
}

export function label(scene: Phaser.Scene, x: number, y: number, text: string, style: LabelStyle): Phaser.GameObjects.Text {
  const t = scene.add.text(x, y, text, {
    fontFamily: style.mono === true ? FONT_MONO : FONT_SANS,
    fontSize: `${style.size}px`,
    fontStyle: style.bold === true ? '600' : '400',
    color: css(style.color ?? 'paper'),
    align: style.align ?? 'left',
    ...(style.wrap === undefined ? {} : { wordWrap: { width: style.wrap, useAdvancedWrap: true } }),
  });
  if (style.spacing !== undefined) t.setLetterSpacing(style.spacing);
  return t;
}

/** Shortens `text` to at most `max` characters, ending in an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Re-renders every text in `root` (recursively) at `resolution` so scaled labels stay sharp. */
export function sharpen(root: Phaser.GameObjects.Container, resolution: number): void {
  for (const child of root.list) {
    if ('setResolution' in child && typeof child.setResolution === 'function' && 'style' in child) {
      const text = child as Phaser.GameObjects.Text;
      if (Math.abs(text.style.resolution - resolution) > 0.01) text.setResolution(resolution);
    } else if ('list' in child && Array.isArray(child.list)) {
      sharpen(child as Phaser.GameObjects.Container, resolution);
    }
  }
}

/** Sets a text's colour only when it differs: every change re-renders the text's canvas. */
export function tint(text: Phaser.GameObjects.Text, color: string): void {
  if (text.style.color !== color) text.setColor(color);
}

/** Sets a text's weight only when it differs: every change re-measures and re-renders it. */
export function weight(text: Phaser.GameObjects.Text, fontStyle: '400' | '600'): void {
  if (text.style.fontStyle !== fontStyle) text.setFontStyle(fontStyle);
}
