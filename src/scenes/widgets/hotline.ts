/**
 * The hotline: the red phone, its status in words (idle, ringing, answered, unanswered) and the
 * tally of calls. While it rings the phone shakes and rings pulse out, unless motion is off.
 */
import type * as Phaser from 'phaser';
import type { HotlineStatus } from '../../engine';
import { m } from '../../i18n/lang';

import { ICON_RES, TEX } from '../textures';
import { type ColorName, css } from '../theme';
import { HEADING_H, PANEL_PAD, panel } from './panel';
import { label, tint } from './text';

const STATUS: Readonly<Record<HotlineStatus, { text: () => string; color: ColorName }>> = {
  idle: { text: m.stage_hotline_idle, color: 'paperDim' },
  ringing: { text: m.stage_hotline_ringing, color: 'signal' },
  answered: { text: m.stage_hotline_answered, color: 'good' },
  unanswered: { text: m.stage_hotline_unanswered, color: 'amber' },
};

export class Hotline {
  readonly root: Phaser.GameObjects.Container;
  private readonly phone: Phaser.GameObjects.Image;
  private readonly ring: Phaser.GameObjects.Image;
  private readonly status: Phaser.GameObjects.Text;
  private readonly tally: Phaser.GameObjects.Text;
  private tweens: Phaser.Tweens.Tween[] = [];
  private shown: HotlineStatus | null = null;
  private readonly phoneScale = 1.05 / ICON_RES;

  constructor(
    private readonly scene: Phaser.Scene,
    x: number,
    y: number,
    w: number,
    h: number,
  ) {
    this.root = panel(scene, x, y, w, h, m.stage_hotline(), 'signal');
    const cy = HEADING_H + (h - HEADING_H) / 2;
    const px = PANEL_PAD + 38;
    this.ring = scene.add.image(px, cy, TEX.ring).setScale(this.phoneScale).setAlpha(0);
    this.phone = scene.add.image(px, cy, TEX.phone).setScale(this.phoneScale);
    this.status = label(scene, px + 54, cy - 4, '', { size: 24, mono: true, bold: true, spacing: 2 }).setOrigin(0, 1);
    this.tally = label(scene, px + 54, cy + 2, '', { size: 15, color: 'paperDim' }).setOrigin(0, 0);
    this.root.add([this.ring, this.phone, this.status, this.tally]);
  }

  show(status: HotlineStatus, tally: string, animate: boolean): void {
    const s = STATUS[status];
    this.status.setText(s.text());
    tint(this.status, css(s.color));
    this.tally.setText(tally);
    this.phone.setAlpha(status === 'idle' ? 0.55 : 1);
    const ringing = status === 'ringing' && animate;
    if (this.shown === status && this.tweens.length > 0 === ringing) return;
    this.shown = status;
    this.stop();
    if (!ringing) return;
    this.tweens.push(
      this.scene.tweens.add({
        targets: this.ring,
        scale: { from: this.phoneScale, to: this.phoneScale * 1.75 },
        alpha: { from: 0.9, to: 0 },
        duration: 1200,
        repeat: -1,
        ease: 'Quad.easeOut',
      }),
      this.scene.tweens.add({ targets: this.phone, angle: { from: -7, to: 7 }, duration: 80, yoyo: true, repeat: 7, repeatDelay: 0, loop: -1, loopDelay: 700 }),
    );
  }

  stop(): void {
    for (const t of this.tweens) t.remove();
    this.tweens = [];
    this.ring.setAlpha(0);
    this.phone.setAngle(0);
  }
}
