/**
 * The indicators as horizontal gauges: label, value and range, a bar, and this turn's change with an
 * arrow and a sign (so it reads without colour). On the outcome the changed gauges are framed and
 * their bars move from the old value to the new.
 */
import type * as Phaser from 'phaser';
import { m } from '../../i18n/lang';

import { COLOR, css } from '../theme';
import type { GaugeView } from '../view-model';
import { HEADING_H, PANEL_PAD, panel } from './panel';
import { label, tint } from './text';

/** Ms a bar takes to move to its new value. */
const MOVE_MS = 650;
const MAX_ROW_H = 64;

interface Row {
  readonly value: Phaser.GameObjects.Text;
  readonly delta: Phaser.GameObjects.Text;
  readonly ghost: Phaser.GameObjects.Rectangle;
  readonly fill: Phaser.GameObjects.Rectangle;
  readonly frame: Phaser.GameObjects.Rectangle;
}

export function deltaText(g: GaugeView): string {
  if (g.delta === 0) return '';
  return g.delta > 0 ? `▲ +${g.delta}` : `▼ −${-g.delta}`;
}

export class Gauges {
  readonly root: Phaser.GameObjects.Container;
  private readonly rows: Row[] = [];
  private readonly barW: number;

  constructor(
    private readonly scene: Phaser.Scene,
    gauges: readonly GaugeView[],
    x: number,
    y: number,
    w: number,
    h: number,
    heading: string = m.stage_indicators(),
  ) {
    this.root = panel(scene, x, y, w, h, heading, 'amber');
    const top = HEADING_H + 2;
    const rowH = Math.min(MAX_ROW_H, (h - top - PANEL_PAD / 2) / Math.max(1, gauges.length));
    const compact = rowH < 48;
    this.barW = w - 2 * PANEL_PAD;
    gauges.forEach((g, i) => {
      const ry = top + i * rowH;
      const labelSize = compact ? 14 : 16;
      const frame = scene.add
        .rectangle(4, ry + 1, w - 8, rowH - 2)
        .setOrigin(0, 0)
        .setStrokeStyle(1.5, COLOR.amber, 1)
        .setVisible(false);
      frame.isFilled = false;
      const name = label(scene, PANEL_PAD, ry + 4, g.label, { size: labelSize, color: 'paperDim' });
      const value = label(scene, w - PANEL_PAD, ry + 2, String(g.value), { size: labelSize + 2, mono: true, bold: true }).setOrigin(1, 0);
      const delta = label(scene, w - PANEL_PAD - 56, ry + 4, '', { size: labelSize - 1, mono: true, bold: true }).setOrigin(1, 0);
      const barY = ry + rowH - (compact ? 12 : 16);
      const track = scene.add.rectangle(PANEL_PAD, barY, this.barW, 8, COLOR.gridStrong, 1).setOrigin(0, 0.5);
      const ghost = scene.add.rectangle(PANEL_PAD, barY, this.barW, 8, COLOR.paper, 0.22).setOrigin(0, 0.5);
      const fill = scene.add.rectangle(PANEL_PAD, barY, this.barW, 8, COLOR.paperDim, 1).setOrigin(0, 0.5);
      this.root.add([frame, name, value, delta, track, ghost, fill]);
      this.rows.push({ value, delta, ghost, fill, frame });
    });
  }

  show(gauges: readonly GaugeView[], highlight: boolean, animate: boolean): void {
    gauges.forEach((g, i) => {
      const row = this.rows[i];
      if (row === undefined) return;
      row.value.setText(String(g.value));
      row.delta.setText(deltaText(g));
      tint(row.delta, g.trend === 'better' ? css('good') : g.trend === 'worse' ? css('amber') : css('paperDim'));
      const changed = g.delta !== 0;
      row.frame.setVisible(highlight && changed);
      row.frame.setStrokeStyle(1.5, g.trend === 'better' ? COLOR.good : COLOR.amber, 1);
      row.ghost.setVisible(highlight && changed);
      row.ghost.scaleX = Math.max(g.fromFraction, g.fraction);
      row.fill.setFillStyle(highlight && changed ? COLOR.paper : COLOR.paperDim, 1);
      this.scene.tweens.killTweensOf(row.fill);
      if (animate && changed) {
        row.fill.scaleX = g.fromFraction;
        this.scene.tweens.add({ targets: row.fill, scaleX: g.fraction, duration: MOVE_MS, ease: 'Cubic.easeOut' });
        row.frame.setAlpha(0);
        this.scene.tweens.add({ targets: row.frame, alpha: 1, duration: 250 });
      } else {
        row.fill.scaleX = g.fraction;
        row.frame.setAlpha(1);
      }
    });
  }
}
