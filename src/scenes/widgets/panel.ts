/** A framed panel of the room with its heading: thin edge, ink fill, letter-spaced caption. */
import type * as Phaser from 'phaser';
import { COLOR, type ColorName } from '../theme';
import { label } from './text';

export const PANEL_PAD = 14;
export const HEADING_H = 30;

export function panel(scene: Phaser.Scene, x: number, y: number, w: number, h: number, heading: string, accent: ColorName = 'faint'): Phaser.GameObjects.Container {
  const g = scene.add.graphics();
  g.fillStyle(COLOR.panel, 0.82);
  g.fillRect(0, 0, w, h);
  g.lineStyle(1, COLOR.panelEdge, 1);
  g.strokeRect(0.5, 0.5, w - 1, h - 1);
  g.fillStyle(COLOR[accent], 1);
  g.fillRect(0, 0, 3, HEADING_H - 6);
  const title = label(scene, PANEL_PAD, 7, heading, { size: 13, mono: true, bold: true, color: 'paperDim', spacing: 2 });
  return scene.add.container(x, y, [g, title]);
}
