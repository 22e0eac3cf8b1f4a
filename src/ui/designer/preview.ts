/** A valid scenario before play: what it is, how big, its content hash and its warnings. */
import type { Scenario } from '../../engine';
import type { CatalogEntry } from '../../store/catalog';
import type { Checked } from '../../store/designer';
import { h } from '../dom';
import { diagnosticsList } from './diagnostics-list';

export interface Counts {
  readonly beats: number;
  readonly options: number;
  readonly endings: number;
}

export function countsOf(scenario: Scenario): Counts {
  let options = 0;
  for (const b of scenario.file.beats) options += b.options.us.length + b.options.cn.length;
  return { beats: scenario.file.beats.length, options, endings: scenario.file.endings.length };
}

export function factsOf(scenario: Scenario): HTMLElement {
  const f = scenario.file;
  const c = countsOf(scenario);
  return h(
    'dl',
    { class: 'facts designer-facts' },
    h('dt', {}, 'Title'),
    h('dd', { 'data-fact': 'title' }, f.title),
    h('dt', {}, 'Id'),
    h('dd', { 'data-fact': 'id' }, h('code', {}, scenario.id)),
    h('dt', {}, 'Author'),
    h('dd', { 'data-fact': 'author' }, f.author),
    h('dt', {}, 'Version'),
    h('dd', { 'data-fact': 'version' }, scenario.version),
    h('dt', {}, 'Content hash'),
    h('dd', { 'data-fact': 'hash' }, h('code', {}, scenario.hash)),
    h('dt', {}, 'Size'),
    h(
      'dd',
      { 'data-fact': 'counts' },
      `${c.beats} ${c.beats === 1 ? 'beat' : 'beats'}, ${c.options} ${c.options === 1 ? 'option' : 'options'}, ${c.endings} ${c.endings === 1 ? 'ending' : 'endings'}`,
    ),
  );
}

/** The preview of a checked file that loads. */
export function previewOf(checked: Checked, scenario: Scenario, actions: HTMLElement | null): HTMLElement {
  const warnings = checked.diagnostics.filter((d) => d.severity === 'warning');
  return h(
    'section',
    { class: 'card designer-preview', id: 'designer-preview', 'aria-labelledby': 'designer-preview-title' },
    h('h2', { id: 'designer-preview-title', tabindex: -1 }, `${checked.file} loads: ${scenario.file.title}`),
    factsOf(scenario),
    warnings.length === 0 ? h('p', { 'data-warnings': 0 }, 'The checker has no warnings for this file.') : diagnosticsList(warnings, checked.lines, 'designer-warnings-title', 'Warnings'),
    actions,
  );
}

/** One side of the "which one?" question: title, version, hash and where it came from. */
export function sideBySide(existing: CatalogEntry, incoming: Scenario, incomingFile: string): HTMLElement {
  const row = (label: string, a: string, b: string, code = false): HTMLElement =>
    h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, code ? h('code', {}, a) : a), h('td', {}, code ? h('code', {}, b) : b));
  return h(
    'table',
    { class: 'designer-compare' },
    h('caption', { class: 'visually-hidden' }, 'The scenario already here and the imported file'),
    h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, 'Already here'), h('th', { scope: 'col' }, 'Imported file'))),
    h(
      'tbody',
      {},
      row('Title', existing.scenario.file.title, incoming.file.title),
      row('Version', existing.scenario.version, incoming.version),
      row('Content hash', existing.scenario.hash, incoming.hash, true),
      row('File', existing.file, incomingFile),
    ),
  );
}
