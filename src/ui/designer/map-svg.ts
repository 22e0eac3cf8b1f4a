/**
 * The scenario map drawn as SVG: beats as boxes, endings as rounded boxes with their tone in words,
 * lines as thick as the share of runs that took them. Built with createElementNS and text nodes only.
 */

import { lang, m } from '../../i18n/lang';
import { type MapNode, percentOf, type ScenarioMap } from '../../sim/map';
import { layoutMap } from '../../sim/map-layout';
import type { SideTones } from '../../sim/report';
import { s } from '../dom';

/** Characters of a title that fit a box: fewer in Chinese, whose glyphs are about twice as wide. */
const titleChars = (): number => (lang() === 'zh-Hans' ? 13 : 24);

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** "reached in 62% of runs", or "" without a sample. */
export function reachedText(node: MapNode, runs: number): string {
  return node.reached === null || runs === 0 ? '' : m.des_reached({ percent: percentOf(node.reached, runs) });
}

const TONE = { success: m.des_tone_success, mixed: m.des_tone_mixed, failure: m.des_tone_failure } as const;

export function toneWord(tone: SideTones | null): string {
  if (tone === null) return '';
  if (tone.us === tone.cn) return m.des_tone_both({ tone: TONE[tone.us]() });
  return m.des_tone_each({ us: TONE[tone.us](), cn: TONE[tone.cn]() });
}

/** The colour class of a verdict: shared success or failure, else mixed. */
const toneClass = (tone: SideTones): string => (tone.us === tone.cn ? tone.us : 'mixed');

export function mapSvg(map: ScenarioMap, title: string): SVGSVGElement {
  const layout = layoutMap(map);
  const svg = s('svg', {
    class: 'scenario-map',
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'img',
    'aria-labelledby': 'map-svg-title map-svg-desc',
  });
  svg.appendChild(s('title', { id: 'map-svg-title' }, m.des_map_svg_title({ title })));
  svg.appendChild(s('desc', { id: 'map-svg-desc' }, m.des_map_svg_desc({ beats: map.nodes.filter((n) => n.kind === 'beat').length, endings: map.nodes.filter((n) => n.kind === 'ending').length })));
  svg.appendChild(
    s(
      'defs',
      {},
      s(
        'marker',
        { id: 'map-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
        s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'map-arrow' }),
      ),
    ),
  );
  const edges = s('g', { class: 'map-edges' });
  for (const line of layout.lines) {
    edges.appendChild(s('path', { d: line.d, class: 'map-edge', 'stroke-width': line.width, 'marker-end': 'url(#map-arrow)', 'data-edge': `${line.edge.from}>${line.edge.to}` }));
  }
  svg.appendChild(edges);
  const nodes = s('g', { class: 'map-nodes' });
  for (const node of map.nodes) {
    const box = layout.boxes.get(node.id);
    if (box === undefined) continue;
    const cx = box.x + box.width / 2;
    const kindLine = node.kind === 'ending' ? m.des_node_ending({ tone: toneWord(node.tone) }) : node.id === map.start ? m.des_node_start() : m.des_node_beat();
    const reached = reachedText(node, map.runs);
    nodes.appendChild(
      s(
        'g',
        { class: `map-node ${node.kind}${node.tone !== null ? ` tone-${toneClass(node.tone)}` : ''}`, 'data-node': node.id, 'data-kind': node.kind },
        s('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: node.kind === 'ending' ? 22 : 3 }),
        s('text', { x: cx, y: box.y + 19, class: 'map-node-title', 'text-anchor': 'middle' }, clip(node.title, titleChars())),
        s('text', { x: cx, y: box.y + 37, class: 'map-node-kind', 'text-anchor': 'middle' }, kindLine),
        reached !== '' ? s('text', { x: cx, y: box.y + 54, class: 'map-node-reached', 'text-anchor': 'middle' }, reached) : null,
      ),
    );
  }
  svg.appendChild(nodes);
  return svg;
}
