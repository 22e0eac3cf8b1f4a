/**
 * The briefing backdrop: the map under a dossier header with the scenario, its start date and the
 * side being played, while the page layer carries the briefing itself.
 */
import type * as Phaser from 'phaser';
import { m } from '../i18n/lang';
import type { SessionState } from '../store/session';
import type { StageLayout } from './layout';
import { StageScene } from './stage-scene';
import { sideLabel } from './view-model';
import { MapView } from './widgets/map-view';
import { clip, label, sharpen } from './widgets/text';
import { dateText, wideGlyphs } from './words';

const MARGIN = 40;

export class BriefingScene extends StageScene {
  private map: MapView | null = null;
  private head: Phaser.GameObjects.Container | null = null;

  constructor() {
    super('briefing');
  }

  protected build(state: SessionState): void {
    this.map = new MapView(this);
    this.map.setAlpha(0.8);
    const run = state.run;
    const tag = label(this, 0, 0, m.stage_briefing(), { size: 14, mono: true, bold: true, color: 'signal', spacing: 4 });
    const title = label(this, 0, 24, clip(run?.scenario.file.title ?? '', wideGlyphs() ? 24 : 44), { size: 32, bold: true });
    const date = label(this, 0, 72, run === null ? '' : dateText(run.scenario.file.calendar.start), { size: 20, mono: true, color: 'paperDim' });
    const side = label(this, 0, 102, run === null ? '' : sideLabel(run.side), { size: 16, color: 'paperDim' });
    this.head = this.add.container(0, 0, [tag, title, date, side]);
    this.map.animate(this.motion() ? 'breathe' : 'still');
  }

  protected layout(_w: number, _h: number, stage: StageLayout): void {
    if (this.map === null || this.head === null) return;
    const r = stage.room;
    const scale = Math.min(1.4, Math.max(0.6, r.w / 900));
    this.head.setScale(scale).setPosition(r.x + MARGIN, r.y + MARGIN);
    sharpen(this.head, Math.max(1, scale * (window.devicePixelRatio || 1)));
    const top = r.y + MARGIN + 140 * scale;
    this.map.layout({ x: r.x + MARGIN / 2, y: top, w: r.w - MARGIN, h: r.h - (top - r.y) - MARGIN });
  }

  protected override onStore(state: SessionState, prev: SessionState): void {
    if (state.settings !== prev.settings) this.map?.animate(this.motion() ? 'breathe' : 'still');
  }

  protected override teardown(): void {
    this.map?.stop();
    this.map = null;
    this.head = null;
  }
}
