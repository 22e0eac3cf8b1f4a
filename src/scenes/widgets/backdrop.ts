/** The room's walls: one opaque image of ink, grid and vignette, sized to the canvas. */
import type * as Phaser from 'phaser';
import { sizeBackdrop, TEX } from '../textures';

export class Backdrop {
  private readonly image: Phaser.GameObjects.Image;

  constructor(private readonly scene: Phaser.Scene) {
    this.image = scene.add.image(0, 0, TEX.backdrop).setOrigin(0, 0);
  }

  layout(width: number, height: number): void {
    sizeBackdrop(this.scene.textures, width, height);
    this.image.setTexture(TEX.backdrop);
    this.image.setDisplaySize(width, height);
  }

  setDepth(depth: number): this {
    this.image.setDepth(depth);
    return this;
  }
}
