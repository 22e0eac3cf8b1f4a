/**
 * The class comparison's indicators: one SVG per indicator with one line per group, the groups told
 * apart by marker shape and dash (never by colour alone) and named in a legend; a data table gives
 * every value.
 */

import { m } from '../../i18n/lang';
import type { ClassComparison, GroupSeries as Series } from '../../store/compare-files';
import { h, s } from '../dom';

const W = 480;
const H = 150;
const PAD = { left: 36, right: 14, top: 26, bottom: 22 };
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const;
const SHAPE_WORDS = [m.debrief_shape_circle, m.debrief_shape_square, m.debrief_shape_triangle, m.debrief_shape_diamond, m.debrief_shape_cross, m.debrief_shape_star] as const;

/** A marker of shape `k` centred on x, y. */
function marker(k: number, x: number, y: number): SVGElement {
  const r = 4.5;
  const shape = SHAPES[k % SHAPES.length];
  switch (shape) {
    case 'square':
      return s('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, class: 'marker' });
    case 'triangle':
      return s('polygon', { points: `${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`, class: 'marker' });
    case 'diamond':
      return s('polygon', { points: `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`, class: 'marker' });
    case 'cross':
      return s('path', { d: `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`, class: 'marker cross', 'stroke-width': 2.5, stroke: 'currentColor' });
    case 'star':
      return s('polygon', {
        points: `${x},${y - r - 2} ${x + 1.5},${y - 1.5} ${x + r + 2},${y} ${x + 1.5},${y + 1.5} ${x},${y + r + 2} ${x - 1.5},${y + 1.5} ${x - r - 2},${y} ${x - 1.5},${y - 1.5}`,
        class: 'marker',
      });
    default:
      return s('circle', { cx: x, cy: y, r, class: 'marker' });
  }
}

/** Which shape marks a group, in words (for the legend and the table). */
export const shapeWord = (k: number): string => (SHAPE_WORDS[k % SHAPE_WORDS.length] ?? m.debrief_shape_circle)();

function chart(sr: Series, index: number): SVGSVGElement {
  const span = sr.max - sr.min || 1;
  const steps = Math.max(1, ...sr.groups.map((g) => g.values.length - 1));
  const px = (i: number): number => PAD.left + ((W - PAD.left - PAD.right) * i) / steps;
  const py = (v: number): number => PAD.top + (H - PAD.top - PAD.bottom) * (1 - (v - sr.min) / span);
  const id = `compare-chart-${index}`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, class: 'chart compare-chart', 'data-indicator': sr.indicator });
  svg.appendChild(s('title', { id: `${id}-title` }, m.debrief_cc_title({ label: sr.label })));
  svg.appendChild(
    s(
      'desc',
      { id: `${id}-desc` },
      m.debrief_cc_desc({
        label: sr.label,
        min: sr.min,
        max: sr.max,
        better: betterWords(sr.better),
        list: sr.groups.map((g, k) => m.debrief_cc_group_values({ name: g.name, shape: shapeWord(k), values: g.values.join(m.comma_sep()) })).join(m.list_sep()),
      }),
    ),
  );
  svg.appendChild(
    s(
      'text',
      { x: PAD.left, y: 16, class: 'cell-label' },
      sr.better.us === sr.better.cn
        ? (sr.better.us === 'higher' ? m.debrief_cc_head_same_higher : m.debrief_cc_head_same_lower)({ label: sr.label })
        : m.debrief_cc_head_each({ label: sr.label, us: sr.better.us === 'higher' ? '↑' : '↓', cn: sr.better.cn === 'higher' ? '↑' : '↓' }),
    ),
  );
  svg.appendChild(s('text', { x: PAD.left - 4, y: py(sr.max) + 4, 'text-anchor': 'end', class: 'cell-axis' }, String(sr.max)));
  svg.appendChild(s('text', { x: PAD.left - 4, y: py(sr.min) + 4, 'text-anchor': 'end', class: 'cell-axis' }, String(sr.min)));
  svg.appendChild(s('line', { x1: PAD.left, x2: W - PAD.right, y1: py(sr.min), y2: py(sr.min), class: 'axis' }));
  svg.appendChild(s('text', { x: PAD.left, y: H - 4, class: 'cell-axis' }, m.debrief_cc_start()));
  svg.appendChild(s('text', { x: W - PAD.right, y: H - 4, 'text-anchor': 'end', class: 'cell-axis' }, m.debrief_cc_turn({ turn: steps })));
  sr.groups.forEach((g, k) => {
    const group = s('g', { 'data-group': g.name });
    group.appendChild(s('polyline', { points: g.values.map((v, i) => `${px(i)},${py(v)}`).join(' '), class: `group-line dash-${k % 3}` }));
    g.values.forEach((v, i) => {
      group.appendChild(marker(k, px(i), py(v)));
    });
    svg.appendChild(group);
  });
  return svg;
}

function legend(model: ClassComparison): HTMLElement {
  return h(
    'ul',
    { class: 'compare-legend', 'aria-label': m.debrief_cc_legend() },
    ...model.groups.map((g, k) => {
      const svg = s('svg', { viewBox: '3 3 14 14', 'aria-hidden': 'true', class: 'legend-mark' });
      svg.appendChild(marker(k, 10, 10));
      return h('li', {}, svg, m.debrief_cc_legend_item({ name: g.name, shape: shapeWord(k) }));
    }),
  );
}

function table(model: ClassComparison): HTMLElement {
  const steps = Math.max(1, ...model.series.flatMap((sr) => sr.groups.map((g) => g.values.length)));
  const labels = Array.from({ length: steps }, (_, i) => (i === 0 ? m.debrief_cc_start() : `T${i}`));
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': m.debrief_cc_table_scroll() },
    h(
      'table',
      { class: 'data-table' },
      h('caption', {}, m.debrief_cc_table_caption()),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, m.play_indicator()), h('th', { scope: 'col' }, m.debrief_cmp_group()), ...labels.map((l) => h('th', { scope: 'col' }, l)))),
      h(
        'tbody',
        {},
        ...model.series.flatMap((sr) =>
          sr.groups.map((g) =>
            h('tr', {}, h('th', { scope: 'row' }, sr.label), h('td', {}, g.name), ...labels.map((_, i) => h('td', { class: 'num' }, g.values[i] === undefined ? '' : String(g.values[i])))),
          ),
        ),
      ),
    ),
  );
}

/** Every indicator's chart, the legend, and the table. */
export function groupCharts(model: ClassComparison): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'compare-charts-title' },
    h('h2', { id: 'compare-charts-title' }, m.debrief_cc_heading()),
    legend(model),
    h('div', { class: 'compare-chart-grid' }, ...model.series.map((sr, i) => chart(sr, i))),
    h('details', {}, h('summary', {}, m.debrief_data_table()), table(model)),
  );
}

/** Which way is better, in words: once when both sides agree, else for each side. */
function betterWords(better: Readonly<Record<'us' | 'cn', 'higher' | 'lower'>>): string {
  const word = (b: 'higher' | 'lower'): string => (b === 'higher' ? m.debrief_cc_higher() : m.debrief_cc_lower());
  if (better.us === better.cn) return better.us === 'higher' ? m.debrief_cc_better_same_higher() : m.debrief_cc_better_same_lower();
  return m.debrief_cc_better_each({ us: word(better.us), cn: word(better.cn) });
}
