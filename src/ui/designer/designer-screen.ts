/**
 * Designer mode: open a scenario file from disk (a file input, or drop it on the page), read its
 * bytes with the game's own loader, and show the checker's messages, or the preview of a valid file
 * with Play and Map. An import whose id is taken asks before it replaces anything.
 */
import { m } from '../../i18n/lang';
import { DESIGNER_READ_BYTES } from '../../store/designer';
import { closeDesigner, type DesignerState, designer, forgetDesignerFile, loadDesignerFile, openMap, playInstalled, resolveConflict } from '../../store/designer-session';
import type { SessionStore } from '../../store/session';
import { actionButton, h, heading, hidden } from '../dom';
import type { Ctx, View } from '../view';
import { announce } from './announce';
import { diagnosticsList } from './diagnostics-list';
import { previewOf, sideBySide } from './preview';
import { SLOT, slotted } from './slot';

export function readFile(session: SessionStore, file: File): void {
  file
    .slice(0, DESIGNER_READ_BYTES)
    .arrayBuffer()
    .then(
      (buffer) => loadDesignerFile(session, new Uint8Array(buffer), file.name),
      () => loadDesignerFile(session, new Uint8Array(0), file.name),
    );
}

function loadCard(session: SessionStore): HTMLElement {
  const input = h('input', { id: 'designer-file', type: 'file', accept: '.yaml,.yml,text/yaml,application/yaml', 'aria-describedby': 'designer-file-help' });
  input.addEventListener('change', () => {
    const chosen = input.files?.[0];
    if (chosen !== undefined) readFile(session, chosen);
    input.value = '';
  });
  return h(
    'section',
    { class: 'card designer-drop', 'aria-labelledby': 'designer-open-title' },
    h('h2', { id: 'designer-open-title' }, m.des_open_title()),
    h('p', { id: 'designer-file-help', class: 'help' }, ...slotted(m.des_open_help({ command: SLOT }), h('code', {}, 'npm run scenario -- check'))),
    h('div', { class: 'row' }, h('label', { for: 'designer-file' }, m.des_file_label()), input),
  );
}

function conflictCard(session: SessionStore, state: DesignerState): HTMLElement | null {
  const conflict = state.conflict;
  const incoming = conflict?.checked.scenario;
  if (conflict === null || incoming == null) return null;
  return h(
    'section',
    { class: 'card designer-conflict', id: 'designer-conflict', role: 'group', 'aria-labelledby': 'designer-conflict-title' },
    h('h2', { id: 'designer-conflict-title', tabindex: -1 }, m.des_conflict_title({ id: incoming.id })),
    h('p', {}, m.des_conflict_help()),
    sideBySide(conflict.existing, incoming, conflict.checked.file),
    h(
      'div',
      { class: 'actions' },
      actionButton('replace-scenario', m.des_replace(), () => resolveConflict(session, true), { class: 'primary' }),
      actionButton('keep-scenario', m.des_keep(), () => resolveConflict(session, false)),
    ),
  );
}

function results(session: SessionStore, state: DesignerState): HTMLElement | null {
  const checked = state.checked;
  if (checked === null) return null;
  const scenario = checked.scenario;
  if (scenario === null) {
    return h(
      'div',
      { id: 'designer-errors' },
      h('p', { class: 'designer-verdict' }, m.des_does_not_load({ file: checked.file })),
      diagnosticsList(checked.diagnostics, checked.lines, 'designer-errors-title', checked.file),
    );
  }
  if (state.conflict !== null) return previewOf(checked, scenario, null);
  const ready = state.installed === scenario.id;
  const actions = ready
    ? h(
        'div',
        { class: 'actions' },
        actionButton('designer-play', h('span', {}, m.des_play(), hidden(` ${scenario.file.title}`)), () => playInstalled(session), { class: 'primary' }),
        actionButton('open-map', h('span', {}, m.des_map(), hidden(m.des_map_of({ title: scenario.file.title }))), () => openMap(session, scenario.id)),
      )
    : h('p', { class: 'help', 'data-kept': 'existing' }, m.des_kept());
  return previewOf(checked, scenario, actions);
}

function reloadCard(session: SessionStore, state: DesignerState): HTMLElement | null {
  if (state.reload?.kind !== 'broken') return null;
  const run = session.getState().run;
  return h(
    'section',
    { class: 'card designer-reload', 'aria-labelledby': 'designer-reload-title' },
    h('h2', { id: 'designer-reload-title' }, m.des_reload_broken()),
    h('p', {}, state.reload.message),
    run !== null ? actionButton('back-to-run', m.des_back_to_run(), () => closeDesigner(session), { class: 'primary' }) : null,
  );
}

function importedCard(state: DesignerState): HTMLElement | null {
  if (state.imported.length === 0) return null;
  return h(
    'section',
    { class: 'card designer-imported', 'aria-labelledby': 'designer-imported-title' },
    h('h2', { id: 'designer-imported-title', tabindex: -1 }, m.des_imported_title()),
    h('p', { class: 'help' }, m.des_imported_help()),
    h(
      'ul',
      {},
      ...state.imported.map((id) =>
        h(
          'li',
          { 'data-imported': id },
          h('code', {}, id),
          ' ',
          actionButton('forget-import', h('span', {}, m.des_remove(), hidden(m.des_remove_hidden({ id }))), () => forgetDesignerFile(id)),
        ),
      ),
    ),
  );
}

/** The heading that should take focus after a change of the designer's state, or null. */
function focusTarget(el: HTMLElement, state: DesignerState, prev: DesignerState | null): HTMLElement | null {
  if (prev === null) return null;
  if (state.conflict !== null && prev.conflict === null) return el.querySelector<HTMLElement>('#designer-conflict-title');
  if (state.checked !== prev.checked || state.installed !== prev.installed || state.kept !== prev.kept) {
    return el.querySelector<HTMLElement>('#designer-preview-title') ?? el.querySelector<HTMLElement>('#designer-errors-title');
  }
  if (state.imported !== prev.imported) return el.querySelector<HTMLElement>('#designer-imported-title') ?? el.querySelector<HTMLElement>('[data-heading]');
  return null;
}

export function designerScreen(ctx: Ctx): View {
  const session = ctx.store;
  const body = h('div', { class: 'designer-body' });
  const el = h(
    'div',
    { class: 'screen designer-screen' },
    h('header', { class: 'masthead' }, h('p', { class: 'kicker' }, m.des_kicker()), heading(m.des_heading()), h('p', { class: 'lede' }, m.des_lede())),
    body,
    h(
      'div',
      { class: 'actions' },
      actionButton('designer-back', m.des_back_to_title(), () => closeDesigner(session)),
    ),
  );
  const paint = (state: DesignerState, prev: DesignerState | null): void => {
    body.replaceChildren(...[reloadCard(session, state), loadCard(session), conflictCard(session, state), results(session, state), importedCard(state)].filter((n): n is HTMLElement => n !== null));
    const target = focusTarget(el, state, prev);
    if (target !== null) {
      target.focus();
      announce(target.textContent ?? '');
    }
  };
  paint(designer.getState(), null);
  const unsubscribe = designer.subscribe((state, prev) => {
    if (!el.isConnected) {
      unsubscribe();
      return;
    }
    paint(state, prev);
  });
  return { el };
}
