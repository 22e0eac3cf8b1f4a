/**
 * The stage: one Phaser game behind the page-text layer, drawing the room around the story. It
 * follows the session store: each screen has its scene, and a change of screen fades to it.
 */
import * as Phaser from 'phaser';
import type { SessionStore } from '../store/session';
import { BootScene } from './boot-scene';
import { BriefingScene } from './briefing-scene';
import { DebriefScene } from './debrief-scene';
import { RoomScene } from './room-scene';
import { type SceneKey, sceneFor } from './scene-keys';
import { STORE_KEY, StageScene } from './stage-scene';
import { COLOR } from './theme';
import { TitleScene } from './title-scene';

export interface Stage {
  destroy(): void;
}

/** Renderer names of software WebGL, where Canvas 2D draws the room several times faster. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software/i;

/**
 * Phaser.AUTO, unless WebGL would be drawn in software (headless Chromium's SwiftShader, a machine
 * without a GPU driver): then Canvas, which keeps the display's frame rate there.
 */
function rendererType(): number {
  try {
    const probe = document.createElement('canvas');
    const gl = probe.getContext('webgl', { failIfMajorPerformanceCaveat: true });
    if (gl === null) return Phaser.CANVAS;
    let name = String(gl.getParameter(gl.RENDERER));
    if (!SOFTWARE_GL.test(name) && /^webkit webgl$/i.test(name)) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      if (info !== null) name = String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL));
    }
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE_GL.test(name) ? Phaser.CANVAS : Phaser.AUTO;
  } catch {
    return Phaser.CANVAS;
  }
}

/**
 * Starts the one Phaser game of the page inside `parent`, behind the page-text layer, and keeps it
 * on the scene of the store's screen until `destroy()`. It draws only: it never changes the store.
 */
export function createStage(parent: HTMLElement, store: SessionStore): Stage {
  const game = new Phaser.Game({
    type: rendererType(),
    parent,
    backgroundColor: COLOR.ink,
    banner: false,
    autoFocus: false,
    disableContextMenu: false,
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    render: { antialias: true, roundPixels: false, powerPreference: 'low-power' },
    // The stage's motion is slow (200 ms fades, 2.4 s breaths): 30 frames a second draw it smoothly at half
    // the work of 60, which in Chromium drawing without a GPU was about a quarter of a busy page's processor time.
    fps: { limit: 30 },
    callbacks: {
      preBoot: (g: Phaser.Game) => {
        g.registry.set(STORE_KEY, store);
      },
      postBoot: (g: Phaser.Game) => {
        g.canvas.setAttribute('aria-hidden', 'true');
        g.canvas.setAttribute('tabindex', '-1');
      },
    },
    scene: [BootScene, TitleScene, BriefingScene, RoomScene, DebriefScene],
  });

  const wake = (): void => game.loop.wake();
  window.addEventListener('resize', wake);
  document.addEventListener('visibilitychange', wake);
  let target: SceneKey = sceneFor(store.getState().screen, store.getState().run !== null);
  const unsubscribe = store.subscribe((state) => {
    const next = sceneFor(state.screen, state.run !== null);
    if (next !== target) {
      target = next;
      for (const scene of game.scene.getScenes(true)) {
        if (scene instanceof StageScene) scene.leaveTo(next);
      }
    }
    wake();
  });

  return {
    destroy(): void {
      unsubscribe();
      window.removeEventListener('resize', wake);
      document.removeEventListener('visibilitychange', wake);
      game.loop.wake();
      game.destroy(true);
    },
  };
}
