/**
 * Designer mode: open a scenario file from disk (a file input, or drop it on the page), read its
 * bytes with the game's own loader, and show the checker's messages, or the preview of a valid file
 * with Play and Map. An import whose id is taken asks before it replaces anything.
 */
import { DESIGNER_READ_BYTES } from '../../store/designer';
import { closeDesigner, type DesignerState, designer, forgetDesignerFile, loadDesignerFile, openMap, playInstalled, resolveConflict } from '../../store/designer-session';
import type { SessionStore } from '../../store/session';
import { actionButton, h, heading, hidden } from '../dom';
import type { Ctx, View } from '../view';
import { announce } from './announce';
import { diagnosticsList } from './diagnostics-list';
import { previewOf, sideBySide } from './preview';

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
    h('h2', { id: 'designer-open-title' }, 'Open a scenario file'),
    h(
      'p',
      { id: 'designer-file-help', class: 'help' },
      'Choose a scenario file (.yaml), or drop one anywhere on this page. It is checked exactly as ',
      h('code', {}, 'npm run scenario -- check'),
      ' checks it, and nothing is sent anywhere.',
    ),
    h('div', { class: 'row' }, h('label', { for: 'designer-file' }, 'Scenario file'), input),
  );
}

function conflictCard(session: SessionStore, state: DesignerState): HTMLElement | null {
  const conflict = state.conflict;
  const incoming = conflict?.checked.scenario;
  if (conflict === null || incoming == null) return null;
  return h(
    'section',
    { class: 'card designer-conflict', id: 'designer-conflict', role: 'group', 'aria-labelledby': 'designer-conflict-title' },
    h('h2', { id: 'designer-conflict-title', tabindex: -1 }, `A scenario with the id "${incoming.id}" is already here`),
    h('p', {}, 'Importing this file would replace it. Which one should this session use?'),
    sideBySide(conflict.existing, incoming, conflict.checked.file),
    h(
      'div',
      { class: 'actions' },
      actionButton('replace-scenario', 'Replace for this session', () => resolveConflict(session, true), { class: 'primary' }),
      actionButton('keep-scenario', 'Keep the existing one', () => resolveConflict(session, false)),
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
      h('p', { class: 'designer-verdict' }, `${checked.file} does not load. Fix the errors below, save, and open it again.`),
      diagnosticsList(checked.diagnostics, checked.lines, 'designer-errors-title', checked.file),
    );
  }
  if (state.conflict !== null) return previewOf(checked, scenario, null);
  const ready = state.installed === scenario.id;
  const actions = ready
    ? h(
        'div',
        { class: 'actions' },
        actionButton('designer-play', h('span', {}, 'Play', hidden(` ${scenario.file.title}`)), () => playInstalled(session), { class: 'primary' }),
        actionButton('open-map', h('span', {}, 'Map', hidden(` of ${scenario.file.title}`)), () => openMap(session, scenario.id)),
      )
    : h('p', { class: 'help', 'data-kept': 'existing' }, 'You kept the existing scenario; this file was not imported.');
  return previewOf(checked, scenario, actions);
}

function reloadCard(session: SessionStore, state: DesignerState): HTMLElement | null {
  if (state.reload?.kind !== 'broken') return null;
  const run = session.getState().run;
  return h(
    'section',
    { class: 'card designer-reload', 'aria-labelledby': 'designer-reload-title' },
    h('h2', { id: 'designer-reload-title' }, 'The edited scenario does not load'),
    h('p', {}, state.reload.message),
    run !== null ? actionButton('back-to-run', 'Back to the run', () => closeDesigner(session), { class: 'primary' }) : null,
  );
}

function importedCard(state: DesignerState): HTMLElement | null {
  if (state.imported.length === 0) return null;
  return h(
    'section',
    { class: 'card designer-imported', 'aria-labelledby': 'designer-imported-title' },
    h('h2', { id: 'designer-imported-title', tabindex: -1 }, 'Imported into this browser'),
    h(
      'p',
      { class: 'help' },
      'These files are kept in this browser and come back when the page reloads. Removing one takes effect at the next reload (a bundled scenario it replaced comes back then).',
    ),
    h(
      'ul',
      {},
      ...state.imported.map((id) =>
        h(
          'li',
          { 'data-imported': id },
          h('code', {}, id),
          ' ',
          actionButton('forget-import', h('span', {}, 'Remove', hidden(` ${id} from this browser`)), () => forgetDesignerFile(id)),
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
    h(
      'header',
      { class: 'masthead' },
      h('p', { class: 'kicker' }, 'Designer mode'),
      heading('Check and play a scenario file'),
      h('p', { class: 'lede' }, 'Open a scenario you are writing to see the checker’s messages, its preview, a map of its beats and endings, and to play it at once.'),
    ),
    body,
    h(
      'div',
      { class: 'actions' },
      actionButton('designer-back', 'Back to the title', () => closeDesigner(session)),
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
