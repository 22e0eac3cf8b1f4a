/**
 * The scenario map screen: the graph as SVG, the same nodes and edges as a table (the keyboard and
 * screen-reader view), the endings that can end play from any beat, and the Mermaid export.
 */
import type { Scenario } from '../../engine';
import { buildMap, type MapNode, percentOf, type ScenarioMap, sampleRuns } from '../../sim/map';
import { mapToMermaid } from '../../sim/map-mermaid';
import { closeMap, designer } from '../../store/designer-session';
import { runAnalysis } from '../analysis/client';
import { sourceOf } from '../analysis/compute';
import { actionButton, h, heading } from '../dom';
import type { Ctx, View } from '../view';
import { announce } from './announce';
import { mapSvg, toneWord } from './map-svg';

/** The sample behind the map's figures: this many random-policy runs, from this seed. */
export const MAP_RUNS = 500;
export const MAP_SEED = 'map';

const cache = new Map<string, ScenarioMap>();

/** The map of a scenario with its sample (computed once per scenario version). */
export function mapOf(scenario: Scenario): ScenarioMap {
  const key = `${scenario.id}:${scenario.hash}`;
  let map = cache.get(key);
  if (map === undefined) {
    map = buildMap(scenario, sampleRuns(scenario, { runs: MAP_RUNS, seed: MAP_SEED }));
    cache.set(key, map);
  }
  return map;
}

function share(count: number | null, runs: number): string {
  return count === null || runs === 0 ? '—' : `${percentOf(count, runs)}% (${count} of ${runs} runs)`;
}

function table(map: ScenarioMap): HTMLElement {
  const titleOf = new Map(map.nodes.map((n) => [n.id, n.title]));
  const kind = (n: MapNode): string => (n.kind === 'ending' ? `ending (${toneWord(n.tone)})` : n.id === map.start ? 'beat (start)' : 'beat');
  const rows = map.nodes.map((n) => {
    const out = map.edges.filter((e) => e.from === n.id);
    const leads =
      out.length === 0
        ? h('td', {}, n.kind === 'ending' ? 'ends play' : 'only by a condition or the turn limit')
        : h('td', {}, h('ul', { class: 'map-leads' }, ...out.map((e) => h('li', {}, `${titleOf.get(e.to) ?? e.to} (${e.to}) via ${e.via.join('; ')}: ${share(e.taken, map.runs)}`))));
    return h('tr', { 'data-node-row': n.id }, h('th', { scope: 'row' }, n.title, h('br'), h('code', {}, n.id)), h('td', {}, kind(n)), h('td', {}, share(n.reached, map.runs)), leads);
  });
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'map-table-title' },
    h(
      'table',
      { class: 'map-table', id: 'map-table' },
      h('caption', { id: 'map-table-title' }, 'Beats and endings, where each leads, and how often runs got there'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Node'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Reached'), h('th', { scope: 'col' }, 'Leads to'))),
      h('tbody', {}, ...rows),
    ),
  );
}

function conditional(map: ScenarioMap): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'map-conditional-title' },
    h('h2', { id: 'map-conditional-title' }, 'Endings that can end play from any beat'),
    map.conditional.length === 0
      ? h('p', {}, 'None: every ending is reached only through a named next.')
      : h('ul', { id: 'map-conditional' }, ...map.conditional.map((c) => h('li', {}, h('strong', {}, c.title), ` (${c.id}, ${toneWord(c.tone)}): when `, h('code', {}, c.when)))),
  );
}

function exportSection(ctx: Ctx, scenario: Scenario, map: ScenarioMap): HTMLElement {
  const text = mapToMermaid(map);
  const pre = h('pre', { id: 'mermaid-text', class: 'mermaid-text', tabindex: 0, 'aria-label': 'Mermaid text' }, h('code', {}, text));
  const copy = (): void => {
    const done = (): void => announce('Mermaid text copied.');
    const fallback = (): void => {
      const range = document.createRange();
      range.selectNodeContents(pre);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      announce('The Mermaid text is selected: press Control+C (Command+C on a Mac) to copy it.');
    };
    if (navigator.clipboard === undefined) fallback();
    else navigator.clipboard.writeText(text).then(done, fallback);
  };
  return h(
    'section',
    { 'aria-labelledby': 'map-export-title' },
    h('h2', { id: 'map-export-title' }, 'Export'),
    h('p', { class: 'help' }, 'The map as a Mermaid flowchart, to paste into a wiki, an issue or a Markdown file.'),
    h(
      'div',
      { class: 'actions' },
      actionButton('copy-mermaid', 'Copy Mermaid', copy),
      actionButton('download-mermaid', 'Download .mmd', () => ctx.download(`${scenario.id}-map.mmd`, text, 'text/vnd.mermaid')),
    ),
    h('details', {}, h('summary', {}, 'Show the Mermaid text'), pre),
  );
}

function sections(ctx: Ctx, scenario: Scenario, map: ScenarioMap): HTMLElement[] {
  const side = scenario.file.sides[0] ?? 'us';
  const figures =
    map.runs > 0
      ? `Figures from ${map.runs} simulated runs (random choices for ${side === 'us' ? 'the United States' : 'China'}, the counterpart model for the other side, seed "${MAP_SEED}"). Thicker lines: taken in more runs.`
      : `Simulating ${MAP_RUNS} runs for the figures…`;
  return [
    h('p', { class: 'help', id: 'map-sample' }, `${figures} Version ${scenario.version}, hash ${scenario.hash}.`),
    h('div', { class: 'map-wrap', tabindex: 0, role: 'region', 'aria-label': 'Map drawing (scrolls)' }, mapSvg(map, scenario.file.title)),
    conditional(map),
    h('section', { 'aria-labelledby': 'map-table-heading' }, h('h2', { id: 'map-table-heading' }, 'The map as a table'), table(map)),
    exportSection(ctx, scenario, map),
  ];
}

export function mapScreen(ctx: Ctx): View {
  const id = designer.getState().mapId;
  const scenario = ctx.state.catalog.entries.find((e) => e.id === id)?.scenario ?? (ctx.state.run?.scenario.id === id ? ctx.state.run?.scenario : undefined);
  const back = actionButton('map-back', 'Back', () => closeMap(ctx.store));
  if (scenario === undefined) {
    return { el: h('div', { class: 'screen map-screen' }, heading('Scenario map'), h('p', {}, 'That scenario is not installed.'), back) };
  }
  const cached = cache.get(`${scenario.id}:${scenario.hash}`);
  const content = h('div', { class: 'map-content', 'aria-busy': cached === undefined ? 'true' : 'false' }, ...sections(ctx, scenario, cached ?? buildMap(scenario)));
  const el = h(
    'div',
    { class: 'screen map-screen', 'data-map-ready': cached !== undefined },
    h('header', { class: 'masthead' }, h('p', { class: 'kicker' }, 'Scenario map'), heading(scenario.file.title)),
    content,
    h('div', { class: 'actions' }, back),
  );
  if (cached === undefined) {
    // The sample takes a moment on a long scenario: the structure shows at once, the figures follow.
    // The sample runs in the analysis worker, so the page stays responsive meanwhile.
    const key = `${scenario.id}:${scenario.hash}`;
    const show = (map: ScenarioMap): void => {
      cache.set(key, map);
      if (!el.isConnected) return;
      content.replaceChildren(...sections(ctx, scenario, map));
      content.setAttribute('aria-busy', 'false');
      el.setAttribute('data-map-ready', '');
      announce(`Figures from ${map.runs} simulated runs are on the map.`);
    };
    runAnalysis({ kind: 'map', scenario: sourceOf(scenario), runs: MAP_RUNS, seed: MAP_SEED }).then(
      (answer) => show(answer.kind === 'map' ? answer.value : mapOf(scenario)),
      () => show(mapOf(scenario)),
    );
  }
  return { el };
}
