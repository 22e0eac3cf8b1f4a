/**
 * The benchmark's baseline: the smallest Phaser 4 page built the way the game is, one scene that draws
 * a line of text and marks the page ready when its create() has run.
 */
import * as Phaser from 'phaser';

declare global {
  interface Window {
    /** performance.now() when the scene's create() ran. */
    __bareReady?: number;
  }
}

class BareScene extends Phaser.Scene {
  constructor() {
    super('bare');
  }

  create(): void {
    this.add.text(24, 24, 'Bare Phaser 4 scene', { fontFamily: 'sans-serif', fontSize: '24px', color: '#e8ecf4' });
    window.__bareReady = performance.now();
    document.body.dataset.ready = 'true';
  }
}

new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'stage',
  backgroundColor: '#10141c',
  scale: { mode: Phaser.Scale.RESIZE, width: window.innerWidth, height: window.innerHeight },
  scene: [BareScene],
});
