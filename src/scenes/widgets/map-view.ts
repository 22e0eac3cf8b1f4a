/**
 * The Pacific between the two capitals, with the hotline drawn as an arc and the red phone at its
 * peak. The title, briefing and debrief scenes stand on it.
 */
import type * as Phaser from 'phaser';
import { m } from '../../i18n/lang';

import type { Rect } from '../layout';
import { CAPITALS, project } from '../pacific-map';
import { arcPoints, ICON_RES, MAP_SIZE, TEX } from '../textures';
import { label } from './text';

/** Slow breaths of the idle phone's glow before it rests (two, about 10 s). */
const BREATHS = 1;

export class MapView {
  readonly root: Phaser.GameObjects.Container;
  private readonly phone: Phaser.GameObjects.Image;
  private readonly glow: Phaser.GameObjects.Image;
  private readonly ring: Phaser.GameObjects.Image;
  private tweens: Phaser.Tweens.Tween[] = [];

  constructor(private readonly scene: Phaser.Scene) {
    const map = scene.add.image(0, 0, TEX.map).setOrigin(0, 0);
    this.root = scene.add.container(0, 0, [map]);
    for (const cap of CAPITALS) {
      const p = project(cap.at[0], cap.at[1], MAP_SIZE.w, MAP_SIZE.h);
      const marker = scene.add.image(p.x, p.y, cap.id === 'us' ? TEX.capitalUs : TEX.capitalCn).setScale(1.4 / ICON_RES);
      const name = label(scene, p.x, p.y + 30, cap.id === 'us' ? m.stage_capital_us() : m.stage_capital_cn(), { size: 22, mono: true, bold: true, color: cap.id === 'us' ? 'us' : 'cn', spacing: 4 });
      name.setOrigin(0.5, 0);
      this.root.add([marker, name]);
    }
    const apex = arcPoints(MAP_SIZE.w, MAP_SIZE.h).apex;
    this.glow = scene.add
      .image(apex.x, apex.y, TEX.glow)
      .setScale(3.2 / ICON_RES)
      .setAlpha(0.7);
    this.ring = scene.add
      .image(apex.x, apex.y, TEX.ring)
      .setScale(1.6 / ICON_RES)
      .setAlpha(0);
    this.phone = scene.add.image(apex.x, apex.y, TEX.phone).setScale(1.6 / ICON_RES);
    this.root.add([this.glow, this.ring, this.phone]);
  }

  /** Fits the map inside `rect`, keeping its proportions, centred. */
  layout(rect: Rect): void {
    const scale = Math.min(rect.w / MAP_SIZE.w, rect.h / MAP_SIZE.h);
    this.root.setScale(scale);
    this.root.setPosition(Math.round(rect.x + (rect.w - MAP_SIZE.w * scale) / 2), Math.round(rect.y + (rect.h - MAP_SIZE.h * scale) / 2));
  }

  /**
   * The phone breathes (idle) or rings; with motion off it stays still. Breathing is a few slow breaths
   * and then rest, so the game loop can sleep (an idle page drew about a third of a core forever);
   * ringing goes on while it rings.
   */
  animate(mode: 'still' | 'breathe' | 'ring'): void {
    this.stop();
    if (mode === 'still') return;
    const base = 1.6 / ICON_RES;
    this.tweens.push(this.scene.tweens.add({ targets: this.glow, alpha: { from: 0.35, to: 0.85 }, duration: 2400, yoyo: true, repeat: mode === 'ring' ? -1 : BREATHS, ease: 'Sine.easeInOut' }));
    if (mode === 'ring') {
      this.tweens.push(
        this.scene.tweens.add({ targets: this.ring, scale: { from: base, to: base * 2.6 }, alpha: { from: 0.9, to: 0 }, duration: 1400, repeat: -1, ease: 'Quad.easeOut' }),
        this.scene.tweens.add({ targets: this.phone, angle: { from: -6, to: 6 }, duration: 90, yoyo: true, repeat: -1, repeatDelay: 0, hold: 0 }),
      );
    }
  }

  stop(): void {
    for (const t of this.tweens) t.remove();
    this.tweens = [];
    this.ring.setAlpha(0);
    this.phone.setAngle(0);
    this.glow.setAlpha(0.7);
  }

  /** Leaves the arc and capitals without the phone, for a calm backdrop. */
  hidePhone(): void {
    this.phone.setVisible(false);
    this.glow.setVisible(false);
    this.ring.setVisible(false);
  }

  setAlpha(alpha: number): void {
    this.root.setAlpha(alpha);
  }
}
