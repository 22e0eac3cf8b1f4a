/**
 * The balance report's charts as inline SVG: a stacked bar of endings per policy, and a box plot of
 * an indicator's final values per policy. Coordinates are written with at most one decimal so the same
 * data always gives the same bytes; every shape has a `<title>` with its numbers, and every chart has
 * a text label, as the same numbers are also in a table beside it.
 */
import { el, frag, type Html } from './report-html';
import { percent } from './table';

/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; cycled past eight endings. */
export const PALETTE: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#8C6D1F', '#444444'];
/** Text colour readable on each palette colour. */
const INK: readonly string[] = ['#ffffff', '#000000', '#ffffff', '#ffffff', '#000000', '#000000', '#ffffff', '#ffffff'];

export const colourOf = (i: number): string => PALETTE[i % PALETTE.length] as string;
const inkOf = (i: number): string => INK[i % INK.length] as string;

const WIDTH = 720;
const LABEL = 96;
const PLOT = WIDTH - LABEL - 16;
const ROW = 26;
const GAP = 10;

const n1 = (x: number): string => {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
};

export interface EndingBar {
  readonly policy: string;
  readonly completed: number;
  /** Counts per ending, in scenario order (the same order and colours in every bar). */
  readonly segments: readonly { readonly title: string; readonly count: number }[];
}

/** One horizontal bar per policy, split into its endings' shares. */
export function endingsChart(bars: readonly EndingBar[], label: string): Html {
  const height = bars.length * (ROW + GAP) + GAP;
  const rows = bars.map((bar, r) => {
    const y = GAP + r * (ROW + GAP);
    let x = LABEL;
    const segments = bar.segments.map((s, i) => {
      if (s.count === 0 || bar.completed === 0) return null;
      const w = (s.count * PLOT) / bar.completed;
      const share = percent(s.count, bar.completed);
      const shape = frag(
        el('rect', { x: n1(x), y, width: n1(w), height: ROW, fill: colourOf(i) }, el('title', {}, `${bar.policy}: ${s.title}, ${share} (${s.count} of ${bar.completed} runs)`)),
        w >= 44 ? el('text', { x: n1(x + w / 2), y: y + ROW / 2 + 4, 'text-anchor': 'middle', fill: inkOf(i), 'font-size': 12 }, share) : null,
      );
      x += w;
      return shape;
    });
    return frag(
      el('text', { x: LABEL - 8, y: y + ROW / 2 + 4, 'text-anchor': 'end', 'font-size': 13 }, bar.policy),
      el('rect', { x: LABEL, y, width: PLOT, height: ROW, fill: 'none', stroke: '#999999' }),
      ...segments,
    );
  });
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': label }, el('title', {}, label), ...rows);
}

export interface BoxRow {
  readonly policy: string;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

/** Box plots of one indicator on its own range, one row per policy, with the starting value marked. */
export function boxPlot(range: { readonly min: number; readonly max: number; readonly start: number }, rows: readonly BoxRow[], label: string): Html {
  const axisY = GAP + rows.length * (ROW + GAP);
  const height = axisY + 30;
  const span = range.max - range.min;
  const xOf = (v: number): number => LABEL + ((v - range.min) * PLOT) / span;
  const ticks: number[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = range.min + Math.round((span * k) / 4);
    if (!ticks.includes(v)) ticks.push(v);
  }
  const shapes = rows.map((r, i) => {
    const y = GAP + i * (ROW + GAP);
    const mid = y + ROW / 2;
    const numbers = `${r.policy}: min ${r.min}, lower quartile ${r.q1}, median ${r.median}, upper quartile ${r.q3}, max ${r.max}`;
    return el(
      'g',
      {},
      el('title', {}, numbers),
      el('text', { x: LABEL - 8, y: mid + 4, 'text-anchor': 'end', 'font-size': 13 }, r.policy),
      el('line', { x1: n1(xOf(r.min)), y1: mid, x2: n1(xOf(r.max)), y2: mid, stroke: '#333333' }),
      el('line', { x1: n1(xOf(r.min)), y1: y + 6, x2: n1(xOf(r.min)), y2: y + ROW - 6, stroke: '#333333' }),
      el('line', { x1: n1(xOf(r.max)), y1: y + 6, x2: n1(xOf(r.max)), y2: y + ROW - 6, stroke: '#333333' }),
      el('rect', { x: n1(xOf(r.q1)), y: y + 2, width: n1(Math.max(1, xOf(r.q3) - xOf(r.q1))), height: ROW - 4, fill: '#a9c4e2', stroke: '#335c85' }),
      el('line', { x1: n1(xOf(r.median)), y1: y + 2, x2: n1(xOf(r.median)), y2: y + ROW - 2, stroke: '#000000', 'stroke-width': 3 }),
    );
  });
  const axis = frag(
    el('line', { x1: LABEL, y1: axisY, x2: LABEL + PLOT, y2: axisY, stroke: '#666666' }),
    ...ticks.map((v) =>
      frag(el('line', { x1: n1(xOf(v)), y1: axisY, x2: n1(xOf(v)), y2: axisY + 5, stroke: '#666666' }), el('text', { x: n1(xOf(v)), y: axisY + 18, 'text-anchor': 'middle', 'font-size': 11 }, v)),
    ),
    el('line', { x1: n1(xOf(range.start)), y1: GAP - 4, x2: n1(xOf(range.start)), y2: axisY, stroke: '#B00020', 'stroke-dasharray': '4 3' }, el('title', {}, `start: ${range.start}`)),
  );
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', 'aria-label': label }, el('title', {}, label), ...shapes, axis);
}
