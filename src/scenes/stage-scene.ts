/**
 * What every scene of the stage shares: the store from the registry, the backdrop, a short fade in
 * and out, a layout pass on every resize, and a shutdown that removes every listener, tween and timer
 * it added, so a classroom can play game after game in one page.
 */
import * as Phaser from 'phaser';
import type { SessionState, SessionStore } from '../store/session';
import { type StageLayout, stageLayout } from './layout';
import { motionAllowed } from './motion';
import type { SceneKey } from './scene-keys';
import { COLOR, FADE_MS } from './theme';
import { Backdrop } from './widgets/backdrop';

/** The registry key under which createStage leaves the session store for the scenes. */
export const STORE_KEY = 'red-phone:store';

/**
 * Frames drawn after the last tween or fade before the game loop sleeps: the room is redrawn on
 * demand (a store change or a resize wakes it), so an idle room costs the page nothing.
 */
const IDLE_FRAMES = 3;

const INK_RGB = [(COLOR.ink >> 16) & 0xff, (COLOR.ink >> 8) & 0xff, COLOR.ink & 0xff] as const;

export abstract class StageScene extends Phaser.Scene {
  protected store!: SessionStore;
  private backdrop: Backdrop | null = null;
  private unsubscribe: (() => void) | null = null;
  private nextKey: SceneKey | null = null;
  private idleFrames = 0;

  create(): void {
    this.store = this.registry.get(STORE_KEY) as SessionStore;
    this.nextKey = null;
    this.idleFrames = 0;
    this.backdrop = new Backdrop(this).setDepth(-10);
    this.build(this.store.getState());
    this.scale.on(Phaser.Scale.Events.RESIZE, this.relayout, this);
    this.unsubscribe = this.store.subscribe((state, prev) => {
      this.onStore(state, prev);
      this.idleFrames = 0;
      this.game.loop.wake();
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.cleanup, this);
    this.relayout();
    if (this.motion()) this.cameras.main.fadeIn(FADE_MS, INK_RGB[0], INK_RGB[1], INK_RGB[2]);
  }

  override update(): void {
    const busy = this.nextKey !== null || this.tweens.getTweens().length > 0 || this.cameras.main.fadeEffect.isRunning;
    if (busy) {
      this.idleFrames = 0;
      return;
    }
    this.idleFrames++;
    if (this.idleFrames >= IDLE_FRAMES) this.game.loop.sleep();
  }

  /** Creates the scene's objects from the session as it is now. */
  protected abstract build(state: SessionState): void;

  /** Places everything for a canvas of this size; called on create and on every resize. */
  protected abstract layout(width: number, height: number, stage: StageLayout): void;

  /** The session changed while this scene is showing. */
  protected onStore(_state: SessionState, _prev: SessionState): void {}

  /** Called before shutdown, for a scene's own clean-up. */
  protected teardown(): void {}

  protected motion(): boolean {
    return motionAllowed(this.store);
  }

  /** Hands the stage to another scene, fading out first when motion is allowed. */
  leaveTo(key: SceneKey): void {
    if (this.nextKey !== null) {
      this.nextKey = key;
      return;
    }
    this.nextKey = key;
    if (!this.motion()) {
      this.scene.start(key);
      return;
    }
    this.cameras.main.once(Phaser.Cameras.Scene2D.Events.FADE_OUT_COMPLETE, () => this.scene.start(this.nextKey ?? key));
    this.cameras.main.fadeOut(FADE_MS, INK_RGB[0], INK_RGB[1], INK_RGB[2]);
  }

  protected relayout(): void {
    const { width, height } = this.scale;
    this.backdrop?.layout(width, height);
    this.layout(width, height, stageLayout(width, height));
  }

  private cleanup(): void {
    this.scale.off(Phaser.Scale.Events.RESIZE, this.relayout, this);
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.teardown();
    this.tweens.killAll();
    this.time.removeAllEvents();
    this.backdrop = null;
  }
}
