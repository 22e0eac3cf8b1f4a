/**
 * Indicators over time as an inline SVG (built with createElementNS and text nodes), with a data
 * table as its text alternative. Lines differ in dash pattern and marker shape as well as colour,
 * and each is labelled at its end, so nothing relies on colour alone.
 */
import type { Series } from '../store/derive';
import { h, s } from './dom';

const W = 720;
const H = 300;
const PAD = { left: 44, right: 150, top: 16, bottom: 36 };
const DASHES = ['', '8 5', '2 4', '12 4 2 4', '4 4', '1 3'];
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

function marker(kind: (typeof MARKERS)[number], x: number, y: number): SVGElement {
  const r = 4.5;
  if (kind === 'circle') return s('circle', { cx: x, cy: y, r });
  if (kind === 'square') return s('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r });
  if (kind === 'triangle') return s('polygon', { points: `${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}` });
  return s('polygon', { points: `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}` });
}

/** The chart: each indicator scaled to its own range (0% at its minimum, 100% at its maximum). */
export function indicatorChart(series: readonly Series[], labels: readonly string[]): SVGSVGElement {
  const points = Math.max(1, (series[0]?.values.length ?? 1) - 1);
  const x = (i: number): number => PAD.left + ((W - PAD.left - PAD.right) * i) / points;
  const y = (share: number): number => PAD.top + (H - PAD.top - PAD.bottom) * (1 - share);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'chart' });
  svg.appendChild(s('title', { id: 'chart-title' }, 'Indicators over time'));
  svg.appendChild(s('desc', { id: 'chart-desc' }, `Each indicator as a share of its range, from the start to the end of the run: ${series.map((sr) => `${sr.label} from ${sr.values[0]} to ${sr.values[sr.values.length - 1]}`).join('; ')}. The table below gives every value.`));
  const grid = s('g', { class: 'grid', 'aria-hidden': 'true' });
  for (const share of [0, 0.5, 1]) {
    grid.appendChild(s('line', { x1: PAD.left, x2: W - PAD.right, y1: y(share), y2: y(share) }));
    grid.appendChild(s('text', { x: PAD.left - 6, y: y(share) + 5, 'text-anchor': 'end' }, share === 0 ? 'min' : share === 1 ? 'max' : 'mid'));
  }
  labels.forEach((label, i) => {
    if (points > 12 && i % 2 === 1 && i !== labels.length - 1) return;
    grid.appendChild(s('text', { x: x(i), y: H - 12, 'text-anchor': 'middle' }, label));
  });
  svg.appendChild(grid);
  series.forEach((sr, k) => {
    const span = sr.max - sr.min || 1;
    const pts = sr.values.map((v, i) => [x(i), y((v - sr.min) / span)] as const);
    const g = s('g', { class: `series series-${k % 6}`, 'aria-hidden': 'true' });
    g.appendChild(s('polyline', { points: pts.map(([px, py]) => `${px},${py}`).join(' '), 'stroke-dasharray': DASHES[k % DASHES.length] ?? '', fill: 'none' }));
    const kind = MARKERS[k % MARKERS.length] ?? 'circle';
    for (const [px, py] of pts) g.appendChild(marker(kind, px, py));
    const lastPoint = pts[pts.length - 1];
    if (lastPoint !== undefined) g.appendChild(s('text', { x: lastPoint[0] + 10, y: lastPoint[1] + 5 + ((k % 3) - 1) * 4, class: 'series-label' }, `${sr.label} ${sr.values[sr.values.length - 1]}`));
    svg.appendChild(g);
  });
  return svg;
}

/** The same data as a table: a row per indicator, a column per point in time. */
export function indicatorTable(series: readonly Series[], labels: readonly string[]): HTMLTableElement {
  return h(
    'table',
    { class: 'data-table' },
    h('caption', {}, 'Indicator values at the start and after each turn'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Indicator'), ...labels.map((l) => h('th', { scope: 'col' }, l)))),
    h('tbody', {}, ...series.map((sr) => h('tr', {}, h('th', { scope: 'row' }, `${sr.label} (${sr.min}–${sr.max}, ${sr.better} is better)`), ...sr.values.map((v) => h('td', { class: 'num' }, String(v)))))),
  );
}
