/**
 * The title and new-run backdrop: the Pacific between Washington and Beijing, the hotline arc and
 * the red phone breathing at its peak, with the four terms of the agreement along the foot. The
 * page layer beside it carries the game's name and the scenarios.
 */
import type * as Phaser from 'phaser';
import type { Term } from '../engine';
import { m, termName } from '../i18n/lang';
import type { SessionState } from '../store/session';
import type { StageLayout } from './layout';
import { StageScene } from './stage-scene';
import { COLOR } from './theme';
import { MapView } from './widgets/map-view';
import { clip, label, sharpen } from './widgets/text';

const MARGIN = 40;
/** The terms strip's drawing size; it is scaled to the room's width. */
const STRIP = { w: 700, h: 96 } as const;

export class TitleScene extends StageScene {
  private map: MapView | null = null;
  private caption: Phaser.GameObjects.Container | null = null;
  private strip: Phaser.GameObjects.Container | null = null;

  constructor() {
    super('title');
  }

  protected build(state: SessionState): void {
    this.map = new MapView(this);
    const line = label(this, 0, 0, m.stage_title_caption(), { size: 15, mono: true, bold: true, color: 'paperDim', spacing: 4 });
    const rule = this.add.rectangle(0, 30, 96, 2, COLOR.signal, 1).setOrigin(0, 0);
    this.caption = this.add.container(0, 0, [line, rule]);
    const terms = state.catalog.entries[0]?.scenario.terms ?? [];
    this.strip = this.add.container(0, 0, this.termCards(terms));
    this.map.animate(this.motion() ? 'breathe' : 'still');
  }

  private termCards(terms: readonly Term[]): Phaser.GameObjects.GameObject[] {
    const out: Phaser.GameObjects.GameObject[] = [];
    if (terms.length === 0) return out;
    const gap = 12;
    const w = (STRIP.w - gap * (terms.length - 1)) / terms.length;
    terms.forEach((t, i) => {
      const x = i * (w + gap);
      const g = this.add.graphics();
      g.fillStyle(COLOR.panel, 0.85);
      g.fillRect(x, 0, w, STRIP.h);
      g.lineStyle(1, COLOR.panelEdge, 1);
      g.strokeRect(x + 0.5, 0.5, w - 1, STRIP.h - 1);
      g.fillStyle(t.id === 'T4' ? COLOR.signal : COLOR.faint, 1);
      g.fillRect(x, 0, 3, STRIP.h);
      out.push(
        g,
        label(this, x + 14, 9, t.id, { size: 18, mono: true, bold: true, color: t.id === 'T4' ? 'signal' : 'paper' }),
        label(this, x + 14, 36, clip(termName(t), 40), { size: 15, color: 'paperDim', wrap: w - 22 }),
      );
    });
    return out;
  }

  protected layout(_w: number, _h: number, stage: StageLayout): void {
    if (this.map === null || this.caption === null || this.strip === null) return;
    const r = stage.room;
    const scale = Math.min(1.6, Math.max(0.55, (r.w - 2 * MARGIN) / STRIP.w));
    this.caption.setScale(scale).setPosition(r.x + MARGIN, r.y + MARGIN);
    const showStrip = this.strip.length > 0 && r.h >= 560;
    this.strip.setVisible(showStrip);
    const stripH = showStrip ? STRIP.h * scale : 0;
    this.strip.setScale(scale).setPosition(r.x + MARGIN, r.y + r.h - MARGIN - stripH);
    const top = r.y + MARGIN + 48 * scale;
    this.map.layout({ x: r.x + MARGIN / 2, y: top, w: r.w - MARGIN, h: r.h - (top - r.y) - MARGIN - stripH - 12 });
    const res = Math.max(1, scale * (window.devicePixelRatio || 1));
    sharpen(this.caption, res);
    sharpen(this.strip, res);
  }

  protected override onStore(state: SessionState, prev: SessionState): void {
    if (state.settings !== prev.settings) this.map?.animate(this.motion() ? 'breathe' : 'still');
  }

  protected override teardown(): void {
    this.map?.stop();
    this.map = null;
    this.caption = null;
    this.strip = null;
  }
}
