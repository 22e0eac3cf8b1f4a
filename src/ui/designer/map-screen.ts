/**
 * The scenario map screen: the graph as SVG, the same nodes and edges as a table (the keyboard and
 * screen-reader view), the endings that can end play from any beat, and the Mermaid export.
 */
import type { Scenario } from '../../engine';
import { m } from '../../i18n/lang';
import { buildMap, type MapNode, percentOf, type ScenarioMap, sampleRuns } from '../../sim/map';
import { mapToMermaid } from '../../sim/map-mermaid';
import { sourceOf } from '../../store/analysis';
import { closeMap, designer } from '../../store/designer-session';
import { runAnalysis } from '../analysis/client';
import { actionButton, h, heading } from '../dom';
import type { Ctx, View } from '../view';
import { announce } from './announce';
import { mapSvg, toneWord } from './map-svg';
import { SLOT, slotted } from './slot';

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
  return count === null || runs === 0 ? '—' : m.des_share({ percent: percentOf(count, runs), count, runs });
}

function table(map: ScenarioMap): HTMLElement {
  const titleOf = new Map(map.nodes.map((n) => [n.id, n.title]));
  const kind = (n: MapNode): string => (n.kind === 'ending' ? m.des_kind_ending({ tone: toneWord(n.tone) }) : n.id === map.start ? m.des_kind_start() : m.des_kind_beat());
  const rows = map.nodes.map((n) => {
    const out = map.edges.filter((e) => e.from === n.id);
    const leads =
      out.length === 0
        ? h('td', {}, n.kind === 'ending' ? m.des_ends_play() : m.des_only_condition())
        : h(
            'td',
            {},
            h(
              'ul',
              { class: 'map-leads' },
              ...out.map((e) => h('li', {}, m.des_lead({ title: titleOf.get(e.to) ?? e.to, id: e.to, via: e.via.join(m.des_via_sep()), share: share(e.taken, map.runs) }))),
            ),
          );
    return h('tr', { 'data-node-row': n.id }, h('th', { scope: 'row' }, n.title, h('br'), h('code', {}, n.id)), h('td', {}, kind(n)), h('td', {}, share(n.reached, map.runs)), leads);
  });
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'map-table-title' },
    h(
      'table',
      { class: 'map-table', id: 'map-table' },
      h('caption', { id: 'map-table-title' }, m.des_table_caption()),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, m.des_col_node()),
          h('th', { scope: 'col' }, m.des_col_kind()),
          h('th', { scope: 'col' }, m.des_col_reached()),
          h('th', { scope: 'col' }, m.des_col_leads()),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

function conditional(map: ScenarioMap): HTMLElement {
  return h(
    'section',
    { 'aria-labelledby': 'map-conditional-title' },
    h('h2', { id: 'map-conditional-title' }, m.des_conditional_title()),
    map.conditional.length === 0
      ? h('p', {}, m.des_conditional_none())
      : h(
          'ul',
          { id: 'map-conditional' },
          ...map.conditional.map((c) => h('li', {}, h('strong', {}, c.title), ...slotted(m.des_conditional_item({ id: c.id, tone: toneWord(c.tone), when: SLOT }), h('code', {}, c.when)))),
        ),
  );
}

function exportSection(ctx: Ctx, scenario: Scenario, map: ScenarioMap): HTMLElement {
  const text = mapToMermaid(map);
  const pre = h('pre', { id: 'mermaid-text', class: 'mermaid-text', tabindex: 0, 'aria-label': m.des_mermaid_text() }, h('code', {}, text));
  const copy = (): void => {
    const done = (): void => announce(m.des_mermaid_copied());
    const fallback = (): void => {
      const range = document.createRange();
      range.selectNodeContents(pre);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      announce(m.des_mermaid_selected());
    };
    if (navigator.clipboard === undefined) fallback();
    else navigator.clipboard.writeText(text).then(done, fallback);
  };
  return h(
    'section',
    { 'aria-labelledby': 'map-export-title' },
    h('h2', { id: 'map-export-title' }, m.des_export()),
    h('p', { class: 'help' }, m.des_export_help()),
    h(
      'div',
      { class: 'actions' },
      actionButton('copy-mermaid', m.des_copy_mermaid(), copy),
      actionButton('download-mermaid', m.des_download_mmd(), () => ctx.download(`${scenario.id}-map.mmd`, text, 'text/vnd.mermaid')),
    ),
    h('details', {}, h('summary', {}, m.des_show_mermaid()), pre),
  );
}

function sections(ctx: Ctx, scenario: Scenario, map: ScenarioMap): HTMLElement[] {
  const side = scenario.file.sides[0] ?? 'us';
  const figures = map.runs > 0 ? (side === 'us' ? m.des_figures_us : m.des_figures_cn)({ runs: map.runs, seed: MAP_SEED }) : m.des_simulating({ runs: MAP_RUNS });
  return [
    h('p', { class: 'help', id: 'map-sample' }, m.des_sample({ figures, version: scenario.version, hash: scenario.hash })),
    h('div', { class: 'map-wrap', tabindex: 0, role: 'region', 'aria-label': m.des_map_drawing() }, mapSvg(map, scenario.file.title)),
    conditional(map),
    h('section', { 'aria-labelledby': 'map-table-heading' }, h('h2', { id: 'map-table-heading' }, m.des_map_table()), table(map)),
    exportSection(ctx, scenario, map),
  ];
}

export function mapScreen(ctx: Ctx): View {
  const id = designer.getState().mapId;
  const scenario = ctx.state.catalog.entries.find((e) => e.id === id)?.scenario ?? (ctx.state.run?.scenario.id === id ? ctx.state.run?.scenario : undefined);
  const back = actionButton('map-back', m.des_back(), () => closeMap(ctx.store));
  if (scenario === undefined) {
    return { el: h('div', { class: 'screen map-screen' }, heading(m.des_map_kicker()), h('p', {}, m.des_not_installed()), back) };
  }
  const cached = cache.get(`${scenario.id}:${scenario.hash}`);
  const content = h('div', { class: 'map-content', 'aria-busy': cached === undefined ? 'true' : 'false' }, ...sections(ctx, scenario, cached ?? buildMap(scenario)));
  const el = h(
    'div',
    { class: 'screen map-screen', 'data-map-ready': cached !== undefined },
    h('header', { class: 'masthead' }, h('p', { class: 'kicker' }, m.des_map_kicker()), heading(scenario.file.title)),
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
      announce(m.des_figures_ready({ runs: map.runs }));
    };
    runAnalysis({ kind: 'map', scenario: sourceOf(scenario), runs: MAP_RUNS, seed: MAP_SEED }).then(
      (answer) => show(answer.kind === 'map' ? answer.value : mapOf(scenario)),
      () => show(mapOf(scenario)),
    );
  }
  return { el };
}
