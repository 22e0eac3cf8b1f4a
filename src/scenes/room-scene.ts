/**
 * The situation room, for the turn and outcome screens: the ladder with both sides, the indicator
 * gauges with this turn's changes, the in-game date, the hotline, the ledger of requests and the
 * wire. It redraws only when the session changes; on the outcome it plays the changes.
 */
import type * as Phaser from 'phaser';
import type { GameState, Scenario } from '../engine';
import { m, rungText } from '../i18n/lang';
import type { SessionState } from '../store/session';
import { DESIGN, fitInto, type StageLayout } from './layout';
import { StageScene } from './stage-scene';
import { COLOR } from './theme';
import { gaugesOf, roomView } from './view-model';
import { Gauges } from './widgets/gauges';
import { Hotline } from './widgets/hotline';
import { Ladder } from './widgets/ladder';
import { Ledger } from './widgets/ledger';
import { clip, label, sharpen } from './widgets/text';
import { Wire } from './widgets/wire';
import { wideGlyphs } from './words';

/** Space kept free around the room inside its part of the screen, in CSS px. */
const MARGIN = 18;
const COL = { left: 0, leftW: 380, right: 404, rightW: 396 } as const;
const ROW = { header: 0, body: 84, bodyH: 384, lower: 480, lowerH: 148, wire: 640, wireH: 80 } as const;

interface Widgets {
  readonly scenario: Scenario;
  readonly title: Phaser.GameObjects.Text;
  readonly turn: Phaser.GameObjects.Text;
  readonly side: Phaser.GameObjects.Text;
  readonly date: Phaser.GameObjects.Text;
  readonly ladder: Ladder;
  readonly gauges: Gauges;
  readonly hotline: Hotline;
  readonly ledger: Ledger;
  readonly wire: Wire;
}

export class RoomScene extends StageScene {
  private room: Phaser.GameObjects.Container | null = null;
  private widgets: Widgets | null = null;

  constructor() {
    super('room');
  }

  protected build(state: SessionState): void {
    this.room = this.add.container(0, 0);
    this.widgets = null;
    this.apply(state, false);
  }

  private buildRoom(scenario: Scenario, game: GameState): Widgets {
    const room = this.room as Phaser.GameObjects.Container;
    room.removeAll(true);
    const view = scenario.ladder.map((r, index) => ({ index, label: rungText(r) }));
    const ids = scenario.ladder.map((r) => r.id);
    const line = this.add.rectangle(0, 70, DESIGN.w, 1, COLOR.panelEdge, 1).setOrigin(0, 0);
    const title = label(this, 0, 2, clip(scenario.file.title.toUpperCase(), wideGlyphs() ? 24 : 40), { size: 15, mono: true, bold: true, color: 'paperDim', spacing: 2 });
    const turn = label(this, 0, 26, '', { size: 20, bold: true });
    const side = label(this, 0, 52, '', { size: 13, color: 'faint' });
    const date = label(this, DESIGN.w, 0, '', { size: 30, mono: true, bold: true }).setOrigin(1, 0);
    const dateCaption = label(this, DESIGN.w, 42, m.stage_date_caption(), { size: 12, mono: true, color: 'faint', spacing: 2 }).setOrigin(1, 0);
    const ladder = new Ladder(this, view, ids, COL.left, ROW.body, COL.leftW, ROW.bodyH);
    const gauges = new Gauges(this, gaugesOf(scenario, game, null), COL.right, ROW.body, COL.rightW, ROW.bodyH);
    const hotline = new Hotline(this, COL.left, ROW.lower, COL.leftW, ROW.lowerH);
    const ledger = new Ledger(this, COL.right, ROW.lower, COL.rightW, ROW.lowerH);
    const wire = new Wire(this, 0, ROW.wire, DESIGN.w, ROW.wireH);
    room.add([line, title, turn, side, date, dateCaption, ladder.root, gauges.root, hotline.root, ledger.root, wire.root]);
    return { scenario, title, turn, side, date, ladder, gauges, hotline, ledger, wire };
  }

  protected layout(_width: number, _height: number, stage: StageLayout): void {
    if (this.room === null) return;
    const fit = fitInto(stage.room, DESIGN, MARGIN);
    this.room.setScale(fit.scale).setPosition(fit.x, fit.y);
    sharpen(this.room, Math.max(1, fit.scale * (window.devicePixelRatio || 1)));
  }

  protected override onStore(state: SessionState, prev: SessionState): void {
    if (state.run === prev.run && state.screen === prev.screen && state.settings === prev.settings) return;
    const animate = this.motion() && state.screen === 'outcome' && prev.screen === 'turn';
    this.apply(state, animate);
  }

  private apply(state: SessionState, animate: boolean): void {
    const run = state.run;
    if (run === null || this.room === null) return;
    if (state.screen !== 'turn' && state.screen !== 'outcome') return;
    let w = this.widgets;
    if (w === null || w.scenario !== run.scenario) {
      w = this.buildRoom(run.scenario, run.game);
      this.widgets = w;
      this.relayout();
    }
    const view = roomView(run, state.screen);
    w.turn.setText(view.turnLabel);
    w.date.setText(view.date);
    w.side.setText(view.sideLabel);
    w.ladder.show(view.rung, view.rungBefore, animate);
    w.gauges.show(view.gauges, view.highlight, animate);
    w.hotline.show(view.hotline, view.hotlineTally, this.motion());
    w.ledger.show(view.ledger, view.ledgerMore);
    w.wire.show(view.wire, animate);
  }

  protected override teardown(): void {
    this.widgets?.hotline.stop();
    this.widgets = null;
    this.room = null;
  }
}
