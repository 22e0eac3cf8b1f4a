/** A valid scenario before play: what it is, how big, its content hash and its warnings. */
import type { Scenario } from '../../engine';
import { m } from '../../i18n/lang';
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
    h('dt', {}, m.des_fact_title()),
    h('dd', { 'data-fact': 'title' }, f.title),
    h('dt', {}, m.des_fact_id()),
    h('dd', { 'data-fact': 'id' }, h('code', {}, scenario.id)),
    h('dt', {}, m.des_fact_author()),
    h('dd', { 'data-fact': 'author' }, f.author),
    h('dt', {}, m.des_fact_version()),
    h('dd', { 'data-fact': 'version' }, scenario.version),
    h('dt', {}, m.des_fact_hash()),
    h('dd', { 'data-fact': 'hash' }, h('code', {}, scenario.contentHash)),
    h('dt', {}, m.des_fact_size()),
    h('dd', { 'data-fact': 'counts' }, m.des_size({ beats: m.des_beats_n({ count: c.beats }), options: m.des_options_n({ count: c.options }), endings: m.des_endings_n({ count: c.endings }) })),
  );
}

/** The preview of a checked file that loads. */
export function previewOf(checked: Checked, scenario: Scenario, actions: HTMLElement | null): HTMLElement {
  const warnings = checked.diagnostics.filter((d) => d.severity === 'warning');
  return h(
    'section',
    { class: 'card designer-preview', id: 'designer-preview', 'aria-labelledby': 'designer-preview-title' },
    h('h2', { id: 'designer-preview-title', tabindex: -1 }, m.des_loads({ file: checked.file, title: scenario.file.title })),
    factsOf(scenario),
    warnings.length === 0 ? h('p', { 'data-warnings': 0 }, m.des_no_warnings()) : diagnosticsList(warnings, checked.lines, 'designer-warnings-title', m.des_warnings()),
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
    h('caption', { class: 'visually-hidden' }, m.des_compare_caption()),
    h('thead', {}, h('tr', {}, h('td', {}), h('th', { scope: 'col' }, m.des_already_here()), h('th', { scope: 'col' }, m.des_imported_file()))),
    h(
      'tbody',
      {},
      row(m.des_fact_title(), existing.scenario.file.title, incoming.file.title),
      row(m.des_fact_version(), existing.scenario.version, incoming.version),
      row(m.des_fact_hash(), existing.scenario.contentHash, incoming.contentHash, true),
      row(m.des_fact_file(), existing.file, incomingFile),
    ),
  );
}
