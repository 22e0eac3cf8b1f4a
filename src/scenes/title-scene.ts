/**
 * The title and new-run backdrop: the Pacific between Washington and Beijing, the hotline arc and
 * the red phone breathing at its peak, under the game's wordmark.
 */
import type * as Phaser from 'phaser';
import type { StageLayout } from './layout';
import { StageScene } from './stage-scene';
import { MapView } from './widgets/map-view';
import { label } from './widgets/text';

const MARGIN = 40;

export class TitleScene extends StageScene {
  private map: MapView | null = null;
  private mark: Phaser.GameObjects.Container | null = null;

  constructor() {
    super('title');
  }

  protected build(): void {
    this.map = new MapView(this);
    const word = label(this, 0, 0, 'RED PHONE', { size: 44, mono: true, bold: true, color: 'signal', spacing: 10 });
    const sub = label(this, 2, 60, 'US–CHINA CYBER CRISES UNDER THE AGREEMENT OF 25 SEPTEMBER 2015', { size: 14, mono: true, color: 'paperDim', spacing: 2 });
    const rule = this.add.rectangle(2, 92, 120, 2, 0xe5403a, 1).setOrigin(0, 0);
    this.mark = this.add.container(0, 0, [word, sub, rule]);
    this.map.animate(this.motion() ? 'breathe' : 'still');
  }

  protected layout(_w: number, _h: number, stage: StageLayout): void {
    if (this.map === null || this.mark === null) return;
    const r = stage.room;
    const scale = Math.min(1.4, Math.max(0.6, r.w / 900));
    this.mark.setScale(scale).setPosition(r.x + MARGIN, r.y + MARGIN);
    const top = r.y + MARGIN + 110 * scale;
    this.map.layout({ x: r.x + MARGIN / 2, y: top, w: r.w - MARGIN, h: r.h - (top - r.y) - MARGIN });
  }

  protected override teardown(): void {
    this.map?.stop();
    this.map = null;
    this.mark = null;
  }
}
