/**
 * The game's visual identity in one place: an ink-navy room, paper-white text, thin grid lines, a
 * signal red kept for the red phone and escalation, amber for warnings. Colours come as numbers for
 * Phaser's shapes and as CSS strings for its text.
 */

export const COLOR = {
  ink: 0x0a111e,
  inkDeep: 0x060b14,
  panel: 0x0f1a2c,
  panelEdge: 0x243552,
  grid: 0x16233a,
  gridStrong: 0x22344f,
  paper: 0xf1ece1,
  paperDim: 0xaab4c5,
  faint: 0x66768f,
  signal: 0xe5403a,
  signalDeep: 0x7d1d1a,
  amber: 0xf5a524,
  good: 0x5ec9a5,
  us: 0x8db8ff,
  cn: 0xf4d06f,
} as const;

export type ColorName = keyof typeof COLOR;

/** `#rrggbb` for a colour of the palette, for text styles. */
export function css(name: ColorName): string {
  return `#${COLOR[name].toString(16).padStart(6, '0')}`;
}

/**
 * The page's own families (see src/ui/styles.css), so canvas labels and page text look alike.
 * System fonts follow in case the bundled ones fail to load.
 */
export const FONT_SANS = '"IBM Plex Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif';
export const FONT_MONO = '"IBM Plex Mono", "SFMono-Regular", Menlo, Consolas, monospace';

/** Font faces the canvas draws with; the boot scene waits for them before the first label. */
export const FONT_FACES: readonly string[] = ['400 16px "IBM Plex Sans"', '600 16px "IBM Plex Sans"', '400 16px "IBM Plex Mono"', '600 16px "IBM Plex Mono"'];

/** Fade length of a scene change, in ms: short enough not to slow a class down, long enough to read as a cut. */
export const FADE_MS = 200;
