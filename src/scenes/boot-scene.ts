/**
 * Paints every texture once, waits (briefly) for the page's fonts so the first labels are drawn in
 * them, then shows the scene of the current screen.
 */
import * as Phaser from 'phaser';
import type { SessionStore } from '../store/session';
import { sceneFor } from './scene-keys';
import { STORE_KEY } from './stage-scene';
import { createTextures } from './textures';
import { FONT_FACES } from './theme';

/** How long the first draw waits for a font before it falls back to the system's. */
const FONT_WAIT_MS = 2500;

async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  const loads = Promise.all(FONT_FACES.map((face) => document.fonts.load(face).catch(() => [])))
    .then(() => document.fonts.ready)
    .then(() => undefined);
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, FONT_WAIT_MS));
  await Promise.race([loads, timeout]);
}

export class BootScene extends Phaser.Scene {
  constructor() {
    super('boot');
  }

  create(): void {
    createTextures(this.textures);
    void fontsReady().then(() => {
      if (!this.sys.isActive()) return;
      const store = this.registry.get(STORE_KEY) as SessionStore;
      const state = store.getState();
      this.scene.start(sceneFor(state.screen, state.run !== null));
    });
  }
}
