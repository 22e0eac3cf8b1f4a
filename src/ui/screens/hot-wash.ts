/** The hot wash after a debrief: the scenario's discussion questions, each with the facilitator's notes. */
import { PLAN_LIMITS, type PlanField } from '../../store/plan';
import { reportOf } from '../../store/report-export';
import type { SessionStore } from '../../store/session';
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
    planSection(store, reportOf(run, false).plan),
    h(
      'div',
      { class: 'actions' },
      actionButton('report', 'On to the after-action report', () => store.getState().showPanel('report'), { class: 'primary' }),
      actionButton('back-to-debrief', 'Back to the debrief', () => store.getState().showPanel('debrief')),
    ),
  );
  return { el };
}

/** The improvement plan: for each area for improvement of the report, a corrective action, an owner and a due date. */
function planSection(store: SessionStore, plan: ReturnType<typeof reportOf>['plan']): HTMLElement {
  const field = (i: number, name: PlanField, label: string, value: string, multiline: boolean): HTMLElement[] => {
    const id = `plan-${i}-${name}`;
    const input = multiline
      ? h('textarea', { id, rows: 2, maxlength: PLAN_LIMITS[name], 'data-plan': `${i}.${name}` })
      : h('input', { id, type: 'text', maxlength: PLAN_LIMITS[name], autocomplete: 'off', placeholder: name === 'due' ? 'a date, such as 2026-12-18' : undefined, 'data-plan': `${i}.${name}` });
    input.value = value;
    input.addEventListener('input', () => store.getState().setPlan(i, name, input.value));
    return [h('label', { for: id }, label), input];
  };
  return h(
    'section',
    { class: 'card improvement-plan', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title' }, 'Improvement plan'),
    plan.length === 0
      ? h('p', { class: 'help' }, 'No area for improvement stood out in the data: the report has nothing to plan for.')
      : h(
          'p',
          { class: 'help' },
          'For each area for improvement of the report, agree with the group what to do about it, who does it and by when. The plan is kept with this run and exported with the report.',
        ),
    h(
      'ol',
      { class: 'plan-entries' },
      ...plan.map((p, i) =>
        h(
          'li',
          { class: 'plan-entry' },
          h('p', { class: 'question', id: `plan-${i}-finding` }, p.finding),
          h(
            'div',
            { class: 'plan-fields', role: 'group', 'aria-labelledby': `plan-${i}-finding` },
            ...field(i, 'action', 'Corrective action', p.action, true),
            ...field(i, 'owner', 'Owner', p.owner, false),
            ...field(i, 'due', 'Due date', p.due, false),
          ),
        ),
      ),
    ),
  );
}
