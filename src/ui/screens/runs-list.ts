/**
 * "Your runs" on the title screen: every run kept in the browser (src/store/run-shelf.ts), finished or
 * not, with its scenario, side, seed, dates, how far it got, its ending and its notes; each can be
 * opened where it was left, exported as a save file, or deleted (after a second, explicit press).
 * The list is read once the screen is shown (IndexedDB answers later than the page draws).
 */
import type { RunRecord } from '../../store/run-shelf';
import { actionButton, h } from '../dom';
import type { Ctx } from '../view';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'date unknown' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function summary(r: RunRecord): string {
  const where = r.ending !== null ? `ended after turn ${r.turn}: ${r.ending}` : r.turn === 0 ? 'at the briefing' : `turn ${r.turn + 1} of ${r.maxTurns}`;
  const extras = [r.notes > 0 ? `${r.notes} hot-wash note${r.notes === 1 ? '' : 's'}` : '', r.branches > 0 ? `${r.branches} branch${r.branches === 1 ? '' : 'es'} kept` : ''].filter((x) => x !== '');
  return `${r.sideWords}, seed ${r.seed}, ${where}${extras.length > 0 ? `; ${extras.join(', ')}` : ''}.`;
}

function row(ctx: Ctx, r: RunRecord, index: number, refresh: () => void, status: HTMLElement): HTMLElement {
  const open = ctx.state.run?.id === r.id;
  const id = `kept-${index}`;
  const confirm = h('span', { class: 'confirm-delete', hidden: true });
  const deleteButton = actionButton(
    'delete-kept',
    'Delete…',
    () => {
      confirm.hidden = false;
      deleteButton.hidden = true;
      confirm.querySelector<HTMLButtonElement>('button')?.focus();
    },
    { 'aria-describedby': id, 'data-kept': r.id },
  );
  confirm.append(
    actionButton(
      'confirm-delete-kept',
      'Yes, delete this run',
      () => {
        void ctx.store
          .getState()
          .deleteKept(r.id)
          .then((done) => {
            status.textContent = done.ok ? `Deleted: ${r.scenarioTitle}, seed ${r.seed}.` : `Not deleted: ${done.message}.`;
            refresh();
          });
      },
      { 'aria-describedby': id },
    ),
    actionButton('cancel-delete-kept', 'Keep it', () => {
      confirm.hidden = true;
      deleteButton.hidden = false;
      deleteButton.focus();
    }),
  );
  return h(
    'li',
    { class: 'kept-run', 'data-kept': r.id, 'data-open': open ? 'true' : 'false' },
    h('p', { id }, h('strong', {}, r.scenarioTitle), `: ${summary(r)} Started ${when(r.startedAt)}, last saved ${when(r.savedAt)}.`, open ? h('em', {}, ' (open now)') : null),
    h(
      'div',
      { class: 'actions' },
      open ? null : actionButton('open-kept', 'Open', () => ctx.store.getState().openKept(r), { 'aria-describedby': id }),
      actionButton('export-kept', 'Export', () => ctx.download(`red-phone-save-${r.scenarioId}-${r.seed.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 24)}.json`, r.save), { 'aria-describedby': id }),
      open ? null : deleteButton,
      open ? null : confirm,
    ),
  );
}

export function runsList(ctx: Ctx): HTMLElement | null {
  if (!ctx.state.keepsRuns) return null;
  const list = h('ul', { class: 'kept-runs', 'aria-label': 'Runs kept in this browser' });
  const status = h('p', { class: 'help', role: 'status', id: 'kept-status' }, 'Reading your runs…');
  const refresh = (): void => {
    void ctx.store
      .getState()
      .keptRuns()
      .then((kept) => {
        if (!kept.ok) {
          status.textContent = `Your runs cannot be listed: ${kept.message}.`;
          return;
        }
        list.replaceChildren(...kept.value.map((r, i) => row(ctx, r, i, refresh, status)));
        if (status.textContent === 'Reading your runs…')
          status.textContent = kept.value.length === 0 ? 'No runs yet: a run you start is kept here.' : `${kept.value.length} run${kept.value.length === 1 ? '' : 's'} kept in this browser.`;
      });
  };
  refresh();
  return h('section', { class: 'card runs-card', 'aria-labelledby': 'runs-title', id: 'runs' }, h('h2', { id: 'runs-title' }, 'Your runs'), status, list);
}
