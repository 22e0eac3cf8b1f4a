/**
 * Indicators over time as an inline SVG built with createElementNS and text nodes: small multiples,
 * one panel per indicator with its own range, so the lines never need colour to be told apart and the
 * chart stays readable in a narrow column. A data table gives every value as its text alternative.
 */
import type { Side } from '../engine';
import { m } from '../i18n/lang';
import type { Series } from '../store/derive';
import { h, s } from './dom';

const COLUMNS = 2;
const CELL_W = 240;
const CELL_H = 104;
const PLOT = { left: 10, right: 12, top: 30, bottom: 22 };

/** Whether a step from `a` to `b` is good or bad for the side viewing. */
const stepClass = (a: number, b: number, better: 'higher' | 'lower'): string => (a === b ? 'same' : b > a === (better === 'higher') ? 'better' : 'worse');

function cell(sr: Series, col: number, row: number, labels: readonly string[], notes: readonly string[], viewer: Side): SVGGElement {
  const lastLabel = labels[labels.length - 1] ?? '';
  const x0 = col * CELL_W;
  const y0 = row * CELL_H;
  const span = sr.max - sr.min || 1;
  const steps = Math.max(1, sr.values.length - 1);
  const px = (i: number): number => x0 + PLOT.left + ((CELL_W - PLOT.left - PLOT.right) * i) / steps;
  const py = (v: number): number => y0 + PLOT.top + (CELL_H - PLOT.top - PLOT.bottom) * (1 - (v - sr.min) / span);
  const first = sr.values[0] ?? 0;
  const last = sr.values[sr.values.length - 1] ?? first;
  const g = s('g', { class: 'cell' });
  g.appendChild(s('rect', { x: x0 + 2, y: y0 + 2, width: CELL_W - 4, height: CELL_H - 4, rx: 4, class: 'cell-frame' }));
  g.appendChild(s('text', { x: x0 + PLOT.left, y: y0 + 19, class: 'cell-label' }, sr.label.length > 22 ? `${sr.label.slice(0, 21)}…` : sr.label));
  g.appendChild(s('text', { x: x0 + CELL_W - PLOT.right, y: y0 + 19, 'text-anchor': 'end', class: 'cell-value' }, `${first}→${last}`));
  g.appendChild(s('line', { x1: px(0), x2: px(steps), y1: py(first), y2: py(first), class: 'baseline' }));
  // A tick per turn, titled with the choices made in it; each step coloured good or bad for the viewer.
  for (let i = 1; i <= steps; i++) {
    const tick = s('line', { x1: px(i), x2: px(i), y1: y0 + PLOT.top - 4, y2: y0 + CELL_H - PLOT.bottom + 2, class: 'turn-tick', 'data-turn': labels[i] ?? String(i) });
    const note = notes[i - 1];
    if (note !== undefined && note !== '') tick.appendChild(s('title', {}, m.debrief_tick_note({ label: labels[i] ?? '', note })));
    g.appendChild(tick);
  }
  g.appendChild(s('polyline', { points: sr.values.map((v, i) => `${px(i)},${py(v)}`).join(' '), class: 'trace' }));
  for (let i = 1; i <= steps; i++) {
    const a = sr.values[i - 1] ?? first;
    const b = sr.values[i] ?? a;
    if (a !== b) g.appendChild(s('line', { x1: px(i - 1), x2: px(i), y1: py(a), y2: py(b), class: `step ${stepClass(a, b, sr.better[viewer])}` }));
  }
  g.appendChild(s('circle', { cx: px(steps), cy: py(last), r: 3.5, class: 'end-dot' }));
  g.appendChild(s('text', { x: x0 + PLOT.left, y: y0 + CELL_H - 6, class: 'cell-axis' }, sr.better[viewer] === 'higher' ? m.debrief_axis_higher() : m.debrief_axis_lower()));
  g.appendChild(s('text', { x: x0 + CELL_W - PLOT.right, y: y0 + CELL_H - 6, 'text-anchor': 'end', class: 'cell-axis' }, lastLabel));
  return g;
}

/** The chart: one small panel per indicator, scaled to its own range; the dashed line is its start. */
export function indicatorChart(series: readonly Series[], labels: readonly string[], viewer: Side = 'us', notes: readonly string[] = []): SVGSVGElement {
  const rows = Math.max(1, Math.ceil(series.length / COLUMNS));
  const svg = s('svg', { viewBox: `0 0 ${COLUMNS * CELL_W} ${rows * CELL_H}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'chart' });
  svg.appendChild(s('title', { id: 'chart-title' }, m.debrief_chart_title()));
  svg.appendChild(
    s(
      'desc',
      { id: 'chart-desc' },
      (viewer === 'us' ? m.debrief_chart_desc_us : m.debrief_chart_desc_cn)({
        list: series.map((sr) => m.debrief_chart_series({ label: sr.label, from: sr.values[0] ?? '', to: sr.values[sr.values.length - 1] ?? '' })).join(m.list_sep()),
      }),
    ),
  );
  series.forEach((sr, k) => {
    svg.appendChild(cell(sr, k % COLUMNS, Math.floor(k / COLUMNS), labels, notes, viewer));
  });
  return svg;
}

/** "Trust (0–100, higher is better for the United States)". */
function rowHead(sr: Series, viewer: Side): string {
  const said = { label: sr.label, min: sr.min, max: sr.max };
  const higher = sr.better[viewer] === 'higher';
  if (viewer === 'us') return higher ? m.debrief_row_higher_us(said) : m.debrief_row_lower_us(said);
  return higher ? m.debrief_row_higher_cn(said) : m.debrief_row_lower_cn(said);
}

/** The same data as a table: a row per indicator, a column per point in time. */
export function indicatorTable(series: readonly Series[], labels: readonly string[], viewer: Side = 'us'): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': m.debrief_values_scroll() },
    h(
      'table',
      { class: 'data-table' },
      h('caption', {}, m.debrief_values_caption()),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, m.play_indicator()), ...labels.map((l) => h('th', { scope: 'col' }, l)))),
      h('tbody', {}, ...series.map((sr) => h('tr', {}, h('th', { scope: 'row' }, rowHead(sr, viewer)), ...sr.values.map((v) => h('td', { class: 'num' }, String(v)))))),
    ),
  );
}
