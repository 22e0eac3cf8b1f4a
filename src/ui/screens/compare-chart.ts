/**
 * The class comparison's indicators: one SVG per indicator with one line per group, the groups told
 * apart by marker shape and dash (never by colour alone) and named in a legend; a data table gives
 * every value.
 */
import type { ClassComparison, GroupSeries as Series } from '../../store/compare-files';
import { h, s } from '../dom';

const W = 480;
const H = 150;
const PAD = { left: 36, right: 14, top: 26, bottom: 22 };
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const;
const SHAPE_WORDS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'];

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
export const shapeWord = (k: number): string => SHAPE_WORDS[k % SHAPE_WORDS.length] ?? 'circle';

function chart(sr: Series, index: number): SVGSVGElement {
  const span = sr.max - sr.min || 1;
  const steps = Math.max(1, ...sr.groups.map((g) => g.values.length - 1));
  const px = (i: number): number => PAD.left + ((W - PAD.left - PAD.right) * i) / steps;
  const py = (v: number): number => PAD.top + (H - PAD.top - PAD.bottom) * (1 - (v - sr.min) / span);
  const id = `compare-chart-${index}`;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, class: 'chart compare-chart', 'data-indicator': sr.indicator });
  svg.appendChild(s('title', { id: `${id}-title` }, `${sr.label} for each group`));
  svg.appendChild(
    s(
      'desc',
      { id: `${id}-desc` },
      `${sr.label} (${sr.min} to ${sr.max}, ${betterWords(sr.better)}), from the start to each group's last turn: ${sr.groups.map((g, k) => `${g.name} (${shapeWord(k)}) ${g.values.join(', ')}`).join('; ')}.`,
    ),
  );
  svg.appendChild(
    s(
      'text',
      { x: PAD.left, y: 16, class: 'cell-label' },
      `${sr.label} (${sr.better.us === sr.better.cn ? `${sr.better.us === 'higher' ? '↑' : '↓'} better` : `US ${sr.better.us === 'higher' ? '↑' : '↓'}, China ${sr.better.cn === 'higher' ? '↑' : '↓'} better`})`,
    ),
  );
  svg.appendChild(s('text', { x: PAD.left - 4, y: py(sr.max) + 4, 'text-anchor': 'end', class: 'cell-axis' }, String(sr.max)));
  svg.appendChild(s('text', { x: PAD.left - 4, y: py(sr.min) + 4, 'text-anchor': 'end', class: 'cell-axis' }, String(sr.min)));
  svg.appendChild(s('line', { x1: PAD.left, x2: W - PAD.right, y1: py(sr.min), y2: py(sr.min), class: 'axis' }));
  svg.appendChild(s('text', { x: PAD.left, y: H - 4, class: 'cell-axis' }, 'start'));
  svg.appendChild(s('text', { x: W - PAD.right, y: H - 4, 'text-anchor': 'end', class: 'cell-axis' }, `turn ${steps}`));
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
    { class: 'compare-legend', 'aria-label': 'Legend: the marker of each group' },
    ...model.groups.map((g, k) => {
      const svg = s('svg', { viewBox: '3 3 14 14', 'aria-hidden': 'true', class: 'legend-mark' });
      svg.appendChild(marker(k, 10, 10));
      return h('li', {}, svg, ` ${g.name}: ${shapeWord(k)}`);
    }),
  );
}

function table(model: ClassComparison): HTMLElement {
  const steps = Math.max(1, ...model.series.flatMap((sr) => sr.groups.map((g) => g.values.length)));
  const labels = Array.from({ length: steps }, (_, i) => (i === 0 ? 'start' : `T${i}`));
  return h(
    'div',
    { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': 'Indicator values of every group, scrollable' },
    h(
      'table',
      { class: 'data-table' },
      h('caption', {}, 'Indicator values of each group at the start and after each turn'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Indicator'), h('th', { scope: 'col' }, 'Group'), ...labels.map((l) => h('th', { scope: 'col' }, l)))),
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
    h('h2', { id: 'compare-charts-title' }, 'Indicators, every group'),
    legend(model),
    h('div', { class: 'compare-chart-grid' }, ...model.series.map((sr, i) => chart(sr, i))),
    h('details', {}, h('summary', {}, 'The data as a table'), table(model)),
  );
}

/** Which way is better, in words: once when both sides agree, else for each side. */
function betterWords(better: Readonly<Record<'us' | 'cn', 'higher' | 'lower'>>): string {
  return better.us === better.cn ? `${better.us} is better` : `${better.us} is better for the United States, ${better.cn} for China`;
}
