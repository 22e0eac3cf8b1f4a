/**
 * The escalation ladder, highest rung on top, with both sides' markers: the United States as a
 * triangle labelled US on the left, China as a diamond labelled CN on the right, so the two are told
 * apart by shape and text as well as colour.
 */
import type * as Phaser from 'phaser';
import type { Side } from '../../engine';
import { m } from '../../i18n/lang';

import { ICON_RES, rungTexture, TEX } from '../textures';
import { COLOR, css } from '../theme';
import type { RungView } from '../view-model';
import { HEADING_H, PANEL_PAD, panel } from './panel';
import { label, tint, weight } from './text';

const GUTTER = 58;
/** Ms a marker takes to climb or descend to its new rung. */
const CLIMB_MS = 700;

function mix(a: number, b: number, t: number): number {
  const ch = (shift: number): number => Math.round(((a >> shift) & 0xff) * (1 - t) + ((b >> shift) & 0xff) * t);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

export class Ladder {
  readonly root: Phaser.GameObjects.Container;
  private readonly rowH: number;
  private readonly top: number;
  private readonly count: number;
  private readonly markers: Record<Side, Phaser.GameObjects.Container>;
  private readonly trails: Record<Side, Phaser.GameObjects.Rectangle>;
  private readonly labels: Phaser.GameObjects.Text[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    rungs: readonly RungView[],
    ids: readonly string[],
    x: number,
    y: number,
    w: number,
    h: number,
  ) {
    this.root = panel(scene, x, y, w, h, m.stage_ladder(), 'signal');
    this.count = Math.max(1, rungs.length);
    this.top = HEADING_H + 4;
    this.rowH = (h - this.top - PANEL_PAD / 2) / this.count;
    const rows = scene.add.graphics();
    this.root.add(rows);
    for (const r of rungs) {
      const cy = this.rowCentre(r.index);
      const heat = this.count <= 1 ? 0 : r.index / (this.count - 1);
      rows.fillStyle(mix(COLOR.panelEdge, COLOR.signal, heat * 0.85), 1);
      rows.fillRect(GUTTER, cy - this.rowH / 2 + 3, 4, this.rowH - 6);
      rows.lineStyle(1, COLOR.grid, 1);
      rows.lineBetween(GUTTER, cy + this.rowH / 2, w - GUTTER, cy + this.rowH / 2);
      const num = label(scene, GUTTER + 14, cy, String(r.index + 1), { size: 15, mono: true, color: 'faint' }).setOrigin(0, 0.5);
      const icon = scene.add.image(GUTTER + 48, cy, rungTexture(ids[r.index] ?? '')).setScale(0.8 / ICON_RES);
      const text = label(scene, GUTTER + 72, cy, r.label, { size: 17, color: 'paperDim', wrap: w - 2 * GUTTER - 76 }).setOrigin(0, 0.5);
      this.labels.push(text);
      this.root.add([num, icon, text]);
    }
    this.trails = {
      us: scene.add.rectangle(40, 0, 4, 1, COLOR.us, 0.35).setOrigin(0.5, 0).setVisible(false),
      cn: scene.add
        .rectangle(w - 40, 0, 4, 1, COLOR.cn, 0.35)
        .setOrigin(0.5, 0)
        .setVisible(false),
    };
    const us = scene.add.container(0, this.rowCentre(0), [
      label(scene, 4, 0, m.stage_short_us(), { size: 15, mono: true, bold: true, color: 'us' }).setOrigin(0, 0.5),
      scene.add.image(40, 0, TEX.markerUs).setScale(0.85 / ICON_RES),
    ]);
    const cn = scene.add.container(w, this.rowCentre(0), [
      scene.add.image(-40, 0, TEX.markerCn).setScale(0.85 / ICON_RES),
      label(scene, -4, 0, m.stage_short_cn(), { size: 15, mono: true, bold: true, color: 'cn' }).setOrigin(1, 0.5),
    ]);
    this.markers = { us, cn };
    this.root.add([this.trails.us, this.trails.cn, us, cn]);
  }

  private rowCentre(index: number): number {
    return this.top + (this.count - 1 - index + 0.5) * this.rowH;
  }

  /** Puts the markers on their rungs; from `before` with a climb when animating, and marks the rungs they stand on. */
  show(rung: Readonly<Record<Side, number>>, before: Readonly<Record<Side, number>>, animate: boolean): void {
    this.labels.forEach((t, i) => {
      const held = i === rung.us || i === rung.cn;
      tint(t, held ? css('paper') : css('paperDim'));
      weight(t, held ? '600' : '400');
    });
    for (const side of ['us', 'cn'] as const) {
      const marker = this.markers[side];
      const trail = this.trails[side];
      const to = this.rowCentre(rung[side]);
      const from = this.rowCentre(before[side]);
      this.scene.tweens.killTweensOf(marker);
      trail.setVisible(from !== to);
      if (from !== to) {
        trail.setPosition(trail.x, Math.min(from, to));
        trail.setSize(4, Math.abs(to - from));
        trail.setFillStyle(rung[side] > before[side] ? COLOR.amber : COLOR.good, 0.55);
      }
      if (animate && from !== to) {
        marker.setY(from);
        this.scene.tweens.add({ targets: marker, y: to, duration: CLIMB_MS, ease: 'Cubic.easeInOut' });
      } else {
        marker.setY(to);
      }
    }
  }
}
