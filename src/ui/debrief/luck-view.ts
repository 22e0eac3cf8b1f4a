/**
 * Luck versus choice shown: the summary in plain words, a histogram of the side's total score over
 * the other seeds with the player's own result marked, the policies on the player's seed, and the
 * same numbers as tables.
 */
import { m } from '../../i18n/lang';
import type { LuckReport } from '../../store/trainee';
import { h, s } from '../dom';

const W = 480;
const H = 190;
const PAD = { left: 36, right: 12, top: 34, bottom: 34 };
const BINS = 10;

function histogram(report: LuckReport, max: number): { counts: number[]; width: number } {
  const width = Math.max(1, Math.ceil(max / BINS));
  const counts = new Array<number>(BINS).fill(0);
  for (const t of report.withYourChoices.totals) {
    const i = Math.min(BINS - 1, Math.floor(t / width));
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { counts, width };
}

function chart(report: LuckReport, max: number): SVGSVGElement {
  const { counts, width } = histogram(report, max);
  const top = Math.max(1, ...counts);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = plotW / BINS;
  const x = (v: number): number => PAD.left + (plotW * v) / (width * BINS);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'luck-chart-title luck-chart-desc', class: 'chart luck-chart' });
  svg.appendChild(s('title', { id: 'luck-chart-title' }, m.debrief_luck_chart_title()));
  svg.appendChild(
    s(
      'desc',
      { id: 'luck-chart-desc' },
      m.debrief_luck_chart_desc({
        runs: report.withYourChoices.runs,
        min: report.withYourChoices.total.min,
        max: report.withYourChoices.total.max,
        mean: report.withYourChoices.total.mean,
        total: report.actual.total,
        percentile: report.percentile,
      }),
    ),
  );
  counts.forEach((c, i) => {
    const bh = (plotH * c) / top;
    svg.appendChild(s('rect', { x: PAD.left + i * bw + 1, y: PAD.top + plotH - bh, width: bw - 2, height: bh, class: 'bar' }));
    if (c > 0) svg.appendChild(s('text', { x: PAD.left + i * bw + bw / 2, y: PAD.top + plotH - bh - 3, 'text-anchor': 'middle', class: 'cell-axis' }, String(c)));
  });
  svg.appendChild(s('line', { x1: PAD.left, x2: W - PAD.right, y1: PAD.top + plotH, y2: PAD.top + plotH, class: 'axis' }));
  svg.appendChild(s('text', { x: PAD.left, y: H - 16, class: 'cell-axis' }, '0'));
  svg.appendChild(s('text', { x: W - PAD.right, y: H - 16, 'text-anchor': 'end', class: 'cell-axis' }, String(width * BINS)));
  svg.appendChild(s('text', { x: PAD.left + plotW / 2, y: H - 3, 'text-anchor': 'middle', class: 'cell-axis' }, m.debrief_luck_axis()));
  const mx = x(report.actual.total);
  svg.appendChild(s('line', { x1: mx, x2: mx, y1: 18, y2: PAD.top + plotH, class: 'marker-line' }));
  svg.appendChild(s('text', { x: Math.max(40, Math.min(mx, W - 60)), y: 13, 'text-anchor': 'middle', class: 'cell-label' }, m.debrief_you_marker({ total: report.actual.total })));
  return svg;
}

function policyChart(report: LuckReport, max: number): SVGSVGElement {
  const rowH = 26;
  const h0 = 20 + rowH * report.onYourSeed.length;
  const left = 150;
  const plotW = W - left - PAD.right;
  const x = (v: number): number => left + (plotW * v) / Math.max(1, max);
  const svg = s('svg', { viewBox: `0 0 ${W} ${h0}`, role: 'img', 'aria-labelledby': 'policy-chart-title policy-chart-desc', class: 'chart policy-chart' });
  svg.appendChild(s('title', { id: 'policy-chart-title' }, m.debrief_policy_chart_title()));
  svg.appendChild(
    s(
      'desc',
      { id: 'policy-chart-desc' },
      m.debrief_your_total({
        list: report.onYourSeed
          .map((p) => m.debrief_policy_desc({ policy: p.policy, min: p.distribution.total.min, max: p.distribution.total.max, mean: p.distribution.total.mean }))
          .join(m.list_sep()),
        total: report.actual.total,
      }),
    ),
  );
  report.onYourSeed.forEach((p, i) => {
    const y = 16 + i * rowH + rowH / 2;
    const t = p.distribution.total;
    svg.appendChild(s('text', { x: 4, y: y + 4, class: 'cell-label' }, m.debrief_policy({ policy: p.policy })));
    svg.appendChild(s('line', { x1: x(t.min), x2: x(t.max), y1: y, y2: y, class: 'range' }));
    svg.appendChild(s('circle', { cx: x(t.mean), cy: y, r: 4, class: 'end-dot' }));
  });
  const mx = x(report.actual.total);
  svg.appendChild(s('line', { x1: mx, x2: mx, y1: 8, y2: h0 - 2, class: 'marker-line' }));
  svg.appendChild(s('text', { x: Math.min(mx + 4, W - 70), y: 12, class: 'cell-axis' }, m.debrief_you({ total: report.actual.total })));
  return svg;
}

function tables(report: LuckReport): HTMLElement {
  const d = report.withYourChoices;
  return h(
    'div',
    {},
    h(
      'table',
      { class: 'data-table' },
      h('caption', {}, m.debrief_luck_endings_caption()),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, m.debrief_ending()), h('th', { scope: 'col' }, m.debrief_runs()), h('th', { scope: 'col' }, m.debrief_percent()))),
      h(
        'tbody',
        {},
        ...d.endings.map((e) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, e.id === report.actual.ending ? m.debrief_yours({ title: e.title }) : e.title),
            h('td', { class: 'num' }, String(e.runs)),
            h('td', { class: 'num' }, `${e.percent}%`),
          ),
        ),
      ),
    ),
    h(
      'table',
      { class: 'data-table' },
      h('caption', {}, m.debrief_luck_total_caption()),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, m.debrief_who_chose()),
          h('th', { scope: 'col' }, m.debrief_runs()),
          h('th', { scope: 'col' }, m.debrief_mean()),
          h('th', { scope: 'col' }, m.debrief_lowest()),
          h('th', { scope: 'col' }, m.debrief_highest()),
        ),
      ),
      h(
        'tbody',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, m.debrief_your_choices_other()),
          h('td', { class: 'num' }, String(d.runs)),
          h('td', { class: 'num' }, String(d.total.mean)),
          h('td', { class: 'num' }, String(d.total.min)),
          h('td', { class: 'num' }, String(d.total.max)),
        ),
        ...report.onYourSeed.map((p) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, m.debrief_policy_your_seed({ policy: p.policy })),
            h('td', { class: 'num' }, String(p.distribution.runs)),
            h('td', { class: 'num' }, String(p.distribution.total.mean)),
            h('td', { class: 'num' }, String(p.distribution.total.min)),
            h('td', { class: 'num' }, String(p.distribution.total.max)),
          ),
        ),
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, m.debrief_your_run()),
          h('td', { class: 'num' }, '1'),
          h('td', { class: 'num' }, String(report.actual.total)),
          h('td', { class: 'num' }, String(report.actual.total)),
          h('td', { class: 'num' }, String(report.actual.total)),
        ),
      ),
    ),
  );
}

/** The luck-versus-choice report as the debrief shows it. */
export function luckView(report: LuckReport): HTMLElement {
  const max = 100 * report.actual.objectives.length;
  return h(
    'div',
    { class: 'luck-view' },
    h('h3', {}, m.debrief_plain_words()),
    h('ul', { class: 'luck-summary' }, ...report.summary.map((line) => h('li', {}, line))),
    h('h3', {}, m.debrief_choices_200()),
    chart(report, max),
    h('h3', {}, m.debrief_other_strategies()),
    policyChart(report, max),
    h('details', {}, h('summary', {}, m.debrief_numbers_tables()), tables(report)),
  );
}
