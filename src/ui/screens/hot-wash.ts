/** The hot wash after a debrief: the scenario's discussion questions, each with the facilitator's notes. */
import { extrasOf, MAX_NOTE_CHARS } from '../../store/trainee';
import { actionButton, h, heading } from '../dom';
import { playSideName } from '../format';
import type { Ctx, View } from '../view';

export function hotWashScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  if (run === null) return { el: h('div', { class: 'screen' }, heading('No run')) };
  const f = run.scenario.file;
  const notes = extrasOf(run).notes;
  const store = ctx.store;
  const el = h(
    'div',
    { id: 'hot-wash', class: 'screen hot-wash-screen' },
    h('p', { class: 'kicker' }, `${f.title} · ${playSideName(run.side)} · seed ${run.game.seed}`),
    heading('Hot wash: questions for discussion'),
    h('p', { class: 'help' }, 'Talk each question through with the group and type what it said. The notes are kept with this run and printed in the after-action report.'),
    h(
      'ol',
      { class: 'hot-wash-questions' },
      ...f.questions.map((q, i) => {
        const id = `note-${i}`;
        const area = h('textarea', { id, rows: 4, maxlength: MAX_NOTE_CHARS, 'data-note': i, 'aria-describedby': `${id}-q` });
        area.value = notes[i] ?? '';
        area.addEventListener('input', () => store.getState().setNote(i, area.value));
        return h('li', { class: 'card' }, h('p', { id: `${id}-q`, class: 'question' }, q), h('label', { for: id }, `Notes on question ${i + 1}`), area);
      }),
    ),
    h(
      'div',
      { class: 'actions' },
      actionButton('report', 'On to the after-action report', () => store.getState().showPanel('report'), { class: 'primary' }),
      actionButton('back-to-debrief', 'Back to the debrief', () => store.getState().showPanel('debrief')),
    ),
  );
  return { el };
}
