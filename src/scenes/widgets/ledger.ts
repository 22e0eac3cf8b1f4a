/**
 * The ledger of assistance requests (term T1): who asked whom, about what, and where each stands,
 * with its status in words and a tone colour (open, overdue, answered, late, never).
 */
import type * as Phaser from 'phaser';
import { m } from '../../i18n/lang';

import { type ColorName, css } from '../theme';
import { LEDGER_ROWS, type LedgerRow, type LedgerTone } from '../view-model';
import { wideGlyphs } from '../words';
import { HEADING_H, PANEL_PAD, panel } from './panel';
import { clip, label, tint } from './text';

const TONE: Readonly<Record<LedgerTone, ColorName>> = {
  open: 'paperDim',
  overdue: 'amber',
  done: 'good',
  late: 'amber',
  failed: 'signal',
};

interface Line {
  readonly route: Phaser.GameObjects.Text;
  readonly topic: Phaser.GameObjects.Text;
  readonly status: Phaser.GameObjects.Text;
}

export class Ledger {
  readonly root: Phaser.GameObjects.Container;
  private readonly lines: Line[] = [];
  private readonly empty: Phaser.GameObjects.Text;
  private readonly more: Phaser.GameObjects.Text;
  private readonly topicChars: number;

  constructor(scene: Phaser.Scene, x: number, y: number, w: number, h: number) {
    this.root = panel(scene, x, y, w, h, m.stage_ledger(), 'paperDim');
    const rowH = (h - HEADING_H - 16) / LEDGER_ROWS;
    this.topicChars = Math.floor((w - 2 * PANEL_PAD - 70) / (wideGlyphs() ? 15 : 8.4));
    for (let i = 0; i < LEDGER_ROWS; i++) {
      const ry = HEADING_H + 2 + i * rowH;
      const route = label(scene, PANEL_PAD, ry, '', { size: 14, mono: true, bold: true, color: 'paperDim' });
      const topic = label(scene, PANEL_PAD + 70, ry, '', { size: 15 });
      const status = label(scene, PANEL_PAD + 70, ry + 18, '', { size: 12, mono: true, bold: true, spacing: 1 });
      this.lines.push({ route, topic, status });
      this.root.add([route, topic, status]);
    }
    this.empty = label(scene, PANEL_PAD, HEADING_H + 6, m.stage_ledger_empty(), { size: 15, color: 'faint' });
    this.more = label(scene, w - PANEL_PAD, 9, '', { size: 12, mono: true, color: 'faint' }).setOrigin(1, 0);
    this.root.add([this.empty, this.more]);
  }

  show(rows: readonly LedgerRow[], more: number): void {
    this.lines.forEach((line, i) => {
      const row = rows[i];
      line.route.setText(row === undefined ? '' : row.route);
      line.topic.setText(row === undefined ? '' : clip(`#${row.id} ${row.topic}`, this.topicChars));
      line.status.setText(row === undefined ? '' : row.status);
      if (row !== undefined) tint(line.status, css(TONE[row.tone]));
    });
    this.empty.setVisible(rows.length === 0);
    this.more.setText(more > 0 ? m.stage_ledger_more({ more }) : '');
  }
}
