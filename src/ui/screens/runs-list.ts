/**
 * "Your runs" on the title screen: every run kept in the browser (src/store/run-shelf.ts), finished or
 * not, with its scenario, side, seed, dates, how far it got, its ending and its notes; each can be
 * opened where it was left, exported as a save file, or deleted (after a second, explicit press).
 * The list is read once the screen is shown (IndexedDB answers later than the page draws).
 */
import { lang, m } from '../../i18n/lang';
import type { RunRecord } from '../../store/run-shelf';
import { actionButton, h } from '../dom';
import type { Ctx } from '../view';

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? m.play_date_unknown() : d.toLocaleString(lang() === 'en' ? undefined : lang(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** The side as the record keeps it (written in English when the run was saved), in the page's language. */
const SIDE_WORDS: Readonly<Record<string, () => string>> = { 'the United States': m.play_kept_side_us, China: m.play_kept_side_cn, 'both sides (two teams)': m.play_kept_side_both };

function summary(r: RunRecord): string {
  const where = r.ending !== null ? m.play_kept_ended({ turn: r.turn, ending: r.ending }) : r.turn === 0 ? m.play_kept_briefing() : m.play_kept_turn({ turn: r.turn + 1, of: r.maxTurns });
  const extras = [r.notes > 0 ? m.play_kept_notes({ count: r.notes }) : '', r.branches > 0 ? m.play_kept_branches({ count: r.branches }) : ''].filter((x) => x !== '');
  const said = { side: SIDE_WORDS[r.sideWords]?.() ?? r.sideWords, seed: r.seed, where };
  return extras.length > 0 ? m.play_kept_summary_extras({ ...said, extras: extras.join(m.comma_sep()) }) : m.play_kept_summary(said);
}

function row(ctx: Ctx, r: RunRecord, index: number, refresh: () => void, status: HTMLElement): HTMLElement {
  const open = ctx.state.run?.id === r.id;
  const id = `kept-${index}`;
  const confirm = h('span', { class: 'confirm-delete', hidden: true });
  const deleteButton = actionButton(
    'delete-kept',
    m.play_delete(),
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
      m.play_confirm_delete(),
      () => {
        void ctx.store
          .getState()
          .deleteKept(r.id)
          .then((done) => {
            status.textContent = done.ok ? m.play_deleted({ title: r.scenarioTitle, seed: r.seed }) : m.play_not_deleted({ reason: done.message });
            refresh();
          });
      },
      { 'aria-describedby': id },
    ),
    actionButton('cancel-delete-kept', m.play_keep_it(), () => {
      confirm.hidden = true;
      deleteButton.hidden = false;
      deleteButton.focus();
    }),
  );
  return h(
    'li',
    { class: 'kept-run', 'data-kept': r.id, 'data-open': open ? 'true' : 'false' },
    h('p', { id }, h('strong', {}, r.scenarioTitle), m.play_kept_line({ summary: summary(r), started: when(r.startedAt), saved: when(r.savedAt) }), open ? h('em', {}, m.play_open_now()) : null),
    h(
      'div',
      { class: 'actions' },
      open ? null : actionButton('open-kept', m.play_open(), () => ctx.store.getState().openKept(r), { 'aria-describedby': id }),
      actionButton('export-kept', m.play_export(), () => ctx.download(`red-phone-save-${r.scenarioId}-${r.seed.replace(/[^A-Za-z0-9-]/g, '_').slice(0, 24)}.json`, r.save), { 'aria-describedby': id }),
      open ? null : deleteButton,
      open ? null : confirm,
    ),
  );
}

export function runsList(ctx: Ctx): HTMLElement | null {
  if (!ctx.state.keepsRuns) return null;
  const list = h('ul', { class: 'kept-runs', 'aria-label': m.play_runs_kept_label() });
  const status = h('p', { class: 'help', role: 'status', id: 'kept-status' }, m.play_reading_runs());
  const refresh = (): void => {
    void ctx.store
      .getState()
      .keptRuns()
      .then((kept) => {
        if (!kept.ok) {
          status.textContent = m.play_runs_unlisted({ reason: kept.message });
          return;
        }
        list.replaceChildren(...kept.value.map((r, i) => row(ctx, r, i, refresh, status)));
        if (status.textContent === m.play_reading_runs()) status.textContent = kept.value.length === 0 ? m.play_no_runs() : m.play_runs_count({ count: kept.value.length });
      });
  };
  refresh();
  return h('section', { class: 'card runs-card', 'aria-labelledby': 'runs-title', id: 'runs' }, h('h2', { id: 'runs-title' }, m.play_your_runs()), status, list);
}
