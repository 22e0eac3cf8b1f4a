/** The hot wash after a debrief: the scenario's discussion questions, each with the facilitator's notes. */
import { m } from '../../i18n/lang';
import { PLAN_LIMITS, type PlanField } from '../../store/plan';
import { reportOf } from '../../store/report-export';
import type { SessionStore } from '../../store/session';
import { extrasOf, MAX_NOTE_CHARS } from '../../store/trainee';
import { actionButton, h, heading } from '../dom';
import { planFindingLines } from '../findings';
import { playSideName } from '../format';
import type { Ctx, View } from '../view';

export function hotWashScreen(ctx: Ctx): View {
  const run = ctx.state.run;
  if (run === null) return { el: h('div', { class: 'screen' }, heading(m.debrief_no_run())) };
  const f = run.scenario.file;
  const notes = extrasOf(run).notes;
  const store = ctx.store;
  const el = h(
    'div',
    { id: 'hot-wash', class: 'screen hot-wash-screen' },
    h('p', { class: 'kicker' }, m.debrief_hot_wash_kicker({ title: f.title, side: playSideName(run.side), seed: run.game.seed })),
    heading(m.debrief_hot_wash_heading()),
    h('p', { class: 'help' }, m.debrief_hot_wash_intro()),
    h(
      'ol',
      { class: 'hot-wash-questions' },
      ...f.questions.map((q, i) => {
        const id = `note-${i}`;
        const area = h('textarea', { id, rows: 4, maxlength: MAX_NOTE_CHARS, 'data-note': i, 'aria-describedby': `${id}-q` });
        area.value = notes[i] ?? '';
        area.addEventListener('input', () => store.getState().setNote(i, area.value));
        return h('li', { class: 'card' }, h('p', { id: `${id}-q`, class: 'question' }, q), h('label', { for: id }, m.debrief_notes_on({ n: i + 1 })), area);
      }),
    ),
    planSection(store, reportOf(run, false)),
    h(
      'div',
      { class: 'actions' },
      actionButton('report', m.debrief_on_to_report(), () => store.getState().showPanel('report'), { class: 'primary' }),
      actionButton('back-to-debrief', m.debrief_back_to_debrief(), () => store.getState().showPanel('debrief')),
    ),
  );
  return { el };
}

/** The improvement plan: for each area for improvement of the report, a corrective action, an owner and a due date. */
function planSection(store: SessionStore, r: ReturnType<typeof reportOf>): HTMLElement {
  const plan = r.plan;
  const areas = planFindingLines(r);
  const field = (i: number, name: PlanField, label: string, value: string, multiline: boolean): HTMLElement[] => {
    const id = `plan-${i}-${name}`;
    const input = multiline
      ? h('textarea', { id, rows: 2, maxlength: PLAN_LIMITS[name], 'data-plan': `${i}.${name}` })
      : h('input', { id, type: 'text', maxlength: PLAN_LIMITS[name], autocomplete: 'off', placeholder: name === 'due' ? m.debrief_due_placeholder() : undefined, 'data-plan': `${i}.${name}` });
    input.value = value;
    input.addEventListener('input', () => store.getState().setPlan(i, name, input.value));
    return [h('label', { for: id }, label), input];
  };
  return h(
    'section',
    { class: 'card improvement-plan', 'aria-labelledby': 'plan-title' },
    h('h2', { id: 'plan-title' }, m.debrief_plan_title()),
    plan.length === 0 ? h('p', { class: 'help' }, m.debrief_plan_none()) : h('p', { class: 'help' }, m.debrief_plan_help()),
    h(
      'ol',
      { class: 'plan-entries' },
      ...plan.map((p, i) =>
        h(
          'li',
          { class: 'plan-entry' },
          h('p', { class: 'question', id: `plan-${i}-finding` }, areas[i] ?? p.finding),
          h(
            'div',
            { class: 'plan-fields', role: 'group', 'aria-labelledby': `plan-${i}-finding` },
            ...field(i, 'action', m.debrief_plan_action(), p.action, true),
            ...field(i, 'owner', m.debrief_plan_owner(), p.owner, false),
            ...field(i, 'due', m.debrief_plan_due(), p.due, false),
          ),
        ),
      ),
    ),
  );
}
