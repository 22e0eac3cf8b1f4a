/**
 * The intel and news wire: the last few lines of news, injects and ledger events, newest on top and
 * brightest. A new line slides in when motion is allowed.
 */
import type * as Phaser from 'phaser';
import { m } from '../../i18n/lang';

import { type ColorName, css } from '../theme';
import type { WireLine } from '../view-model';
import { WIRE_LINES } from '../view-model';
import { wideGlyphs } from '../words';
import { HEADING_H, PANEL_PAD, panel } from './panel';
import { clip, label, tint } from './text';

const KIND_TAG: Readonly<Record<WireLine['kind'], () => string>> = { news: m.stage_wire_news, inject: m.stage_wire_flash, ledger: m.stage_wire_ledger, move: m.stage_wire_moves };
const KIND_COLOR: Readonly<Record<WireLine['kind'], ColorName>> = { news: 'amber', inject: 'signal', ledger: 'paperDim', move: 'paperDim' };

/** Where a wire line's text starts, after its turn and kind tags. */
const TEXT_X = 136;

interface Slot {
  readonly row: Phaser.GameObjects.Container;
  readonly turn: Phaser.GameObjects.Text;
  readonly tag: Phaser.GameObjects.Text;
  readonly text: Phaser.GameObjects.Text;
}

export class Wire {
  readonly root: Phaser.GameObjects.Container;
  private readonly slots: Slot[] = [];
  private readonly chars: number;
  private readonly empty: Phaser.GameObjects.Text;
  private firstShown = '';

  constructor(
    private readonly scene: Phaser.Scene,
    x: number,
    y: number,
    w: number,
    h: number,
  ) {
    this.root = panel(scene, x, y, w, h, m.stage_wire(), 'signal');
    const rowH = (h - HEADING_H - 6) / WIRE_LINES;
    this.chars = Math.floor((w - 2 * PANEL_PAD - TEXT_X) / (wideGlyphs() ? 15 : 8.2));
    for (let i = 0; i < WIRE_LINES; i++) {
      const turn = label(scene, 0, 0, '', { size: 13, mono: true, color: 'faint' });
      const tag = label(scene, 64, 0, '', { size: 13, mono: true, bold: true, spacing: 1 });
      const text = label(scene, TEXT_X, -1, '', { size: 15 });
      const row = scene.add.container(PANEL_PAD, HEADING_H + i * rowH, [turn, tag, text]);
      row.setAlpha(i === 0 ? 1 : 0.62);
      this.slots.push({ row, turn, tag, text });
      this.root.add(row);
    }
    this.empty = label(scene, PANEL_PAD, HEADING_H, m.stage_wire_empty(), { size: 15, color: 'faint' });
    this.root.add(this.empty);
  }

  show(lines: readonly WireLine[], animate: boolean): void {
    this.slots.forEach((slot, i) => {
      const line = lines[i];
      slot.turn.setText(line === undefined ? '' : m.stage_wire_turn({ turn: line.turn }));
      slot.tag.setText(line === undefined ? '' : KIND_TAG[line.kind]());
      tint(slot.tag, css(line === undefined ? 'paperDim' : KIND_COLOR[line.kind]));
      slot.text.setText(line === undefined ? '' : clip(line.text, this.chars));
    });
    this.empty.setVisible(lines.length === 0);
    const first = lines[0] === undefined ? '' : `${lines[0].turn}:${lines[0].text}`;
    const slot = this.slots[0];
    if (first !== this.firstShown && first !== '' && animate && slot !== undefined) {
      this.scene.tweens.killTweensOf(slot.row);
      slot.row.setAlpha(0).setX(PANEL_PAD + 24);
      this.scene.tweens.add({ targets: slot.row, alpha: 1, x: PANEL_PAD, duration: 400, ease: 'Cubic.easeOut' });
    }
    this.firstShown = first;
  }
}
