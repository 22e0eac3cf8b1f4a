/**
 * The debrief backdrop: calm and still. The map dimmed behind a summary of how the run ended, where
 * both sides stood on the ladder and the final indicators.
 */
import type * as Phaser from 'phaser';
import { m } from '../i18n/lang';
import type { SessionState } from '../store/session';
import { DESIGN, fitInto, type StageLayout } from './layout';
import { StageScene } from './stage-scene';
import { css } from './theme';
import { debriefView, gaugesOf, roomView } from './view-model';
import { Gauges } from './widgets/gauges';
import { Ladder } from './widgets/ladder';
import { MapView } from './widgets/map-view';
import { clip, label, sharpen } from './widgets/text';
import { wideGlyphs } from './words';

const MARGIN = 18;
const TONE_TEXT = { success: m.stage_tone_success, mixed: m.stage_tone_mixed, failure: m.stage_tone_failure } as const;

export class DebriefScene extends StageScene {
  private map: MapView | null = null;
  private sheet: Phaser.GameObjects.Container | null = null;

  constructor() {
    super('debrief');
  }

  protected build(state: SessionState): void {
    this.map = new MapView(this);
    this.map.setAlpha(0.1);
    this.map.hidePhone();
    this.sheet = this.add.container(0, 0);
    const run = state.run;
    if (run === null) return;
    const d = debriefView(run);
    const room = roomView(run, 'debrief');
    const tone = d.tone === null ? 'faint' : d.tone === 'success' ? 'good' : d.tone === 'mixed' ? 'amber' : 'signal';
    const tag = label(this, 0, 0, m.stage_debrief(), { size: 15, mono: true, bold: true, color: 'signal', spacing: 4 });
    const title = label(this, 0, 24, clip(d.title, wideGlyphs() ? 28 : 46), { size: 26, bold: true });
    const ending = label(this, 0, 66, clip(d.ending, wideGlyphs() ? 26 : 44), { size: 22, color: 'paper' });
    const badge = label(this, DESIGN.w, 70, d.tone === null ? '' : (d.viewer === 'us' ? m.stage_badge_us : m.stage_badge_cn)({ tone: TONE_TEXT[d.tone]() }), {
      size: 14,
      mono: true,
      bold: true,
      spacing: 1,
    }).setOrigin(1, 0);
    badge.setColor(css(tone));
    const span = label(this, 0, 100, d.span, { size: 15, mono: true, color: 'paperDim' });
    const ladder = new Ladder(
      this,
      room.rungs,
      run.scenario.ladder.map((r) => r.id),
      0,
      136,
      380,
      420,
    );
    ladder.show(room.rung, room.rung, false);
    const finals = gaugesOf(run.scenario, run.game, 'start');
    const gauges = new Gauges(this, finals, 404, 136, 396, 420, m.stage_final());
    gauges.show(finals, false, false);
    const requests = label(this, 0, 580, d.requests, { size: 16, color: 'paperDim', wrap: DESIGN.w });
    const hotline = label(this, 0, 612, d.hotline, { size: 16, color: 'paperDim', wrap: DESIGN.w });
    this.sheet.add([tag, title, ending, badge, span, ladder.root, gauges.root, requests, hotline]);
    this.map.animate('still');
  }

  protected layout(_w: number, _h: number, stage: StageLayout): void {
    if (this.map === null || this.sheet === null) return;
    this.map.layout(stage.room);
    const fit = fitInto(stage.room, { w: DESIGN.w, h: 650 }, MARGIN);
    this.sheet.setScale(fit.scale).setPosition(fit.x, fit.y);
    sharpen(this.sheet, Math.max(1, fit.scale * (window.devicePixelRatio || 1)));
  }

  protected override teardown(): void {
    this.map?.stop();
    this.map = null;
    this.sheet = null;
  }
}
