/** A new run: the side, the seed (random or typed) and the exercise code to read out to the class. */
import { m } from '../../i18n/lang';
import { codeFor } from '../../store/derive';
import { sidesOf } from '../../store/links';
import type { PlaySide } from '../../store/run';
import type { SessionState } from '../../store/session';
import { actionButton, h, heading } from '../dom';
import { lengthText, playSideName, spelled } from '../format';
import type { Ctx, View } from '../view';

const SIDE_HELP: Readonly<Record<PlaySide, () => string>> = {
  us: m.play_side_help_us,
  cn: m.play_side_help_cn,
  both: m.play_side_help_both,
};

const DIFFICULTY = { introductory: m.title_difficulty_introductory, standard: m.title_difficulty_standard, advanced: m.title_difficulty_advanced } as const;

/** A word before starting when there is a saved run: it stays on the list of runs, or starting asks before it replaces it (a secret seed stays unsaid). */
function replaces(ctx: Ctx): HTMLElement | null {
  const run = ctx.state.run;
  if (run === null || run.review !== null || run.game.ending !== null) return null;
  const secret = ctx.state.facilitation?.secret === true;
  const after = ctx.state.keepsRuns && !secret ? m.play_saved_stays() : m.play_saved_asks();
  const said = { title: run.scenario.file.title, turn: run.game.turn + 1, after };
  return h('p', { class: 'help' }, secret ? m.play_saved_run(said) : m.play_saved_run_seed({ ...said, seed: run.game.seed }));
}

export function newRunScreen(ctx: Ctx): View {
  const draft = ctx.state.draft;
  const entry = ctx.state.catalog.entries.find((e) => e.id === draft?.scenarioId);
  if (draft === null || entry === undefined) return { el: h('div', { class: 'screen' }, heading(m.play_no_scenario())) };
  const f = entry.scenario.file;
  const store = ctx.store;

  const radios = sidesOf(ctx.state.catalog, entry.id).map((side) => {
    const id = `side-${side}`;
    const input = h('input', { type: 'radio', name: 'side', value: side, id, checked: draft.side === side, 'aria-describedby': `${id}-help` });
    input.addEventListener('change', () => {
      if (input.checked) store.getState().setDraft({ side });
    });
    return h('div', { class: 'choice' }, input, h('label', { for: id }, playSideName(side)), h('p', { id: `${id}-help`, class: 'help' }, SIDE_HELP[side]()));
  });

  const seed = h('input', { id: 'seed-input', type: 'text', value: draft.seed, autocomplete: 'off', spellcheck: 'false', maxlength: 64, 'aria-describedby': 'seed-help' });
  seed.addEventListener('input', () => store.getState().setDraft({ seed: seed.value }));
  seed.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      store.getState().startRun();
    }
  });
  const code = h('p', { id: 'exercise-code', class: 'exercise-code' });
  const spoken = h('p', { id: 'exercise-code-spoken', class: 'help' });

  const showCode = (state: SessionState): void => {
    const d = state.draft;
    const text = d === null ? null : codeFor(d.scenarioId, d.seed, d.hidden === true);
    code.textContent = text ?? m.play_no_code();
    code.setAttribute('aria-label', text === null ? m.play_no_code_label() : m.play_code_label({ spelled: spelled(text) }));
    spoken.textContent = text === null ? m.play_code_none_help() : m.play_code_read_aloud({ spelled: spelled(text) });
  };
  showCode(ctx.state);
  const hide = h('input', { type: 'checkbox', id: 'hide-odds', checked: ctx.state.draft?.hidden === true, 'aria-describedby': 'hide-odds-help' });
  hide.addEventListener('change', () => store.getState().setDraft({ hidden: hide.checked }));
  const hideSetting = h('div', { class: 'setting' }, hide, h('label', { for: 'hide-odds' }, m.play_hide_odds()), h('p', { id: 'hide-odds-help', class: 'help' }, m.play_hide_odds_help()));

  const el = h(
    'div',
    { class: 'screen new-run-screen' },
    h('p', { class: 'kicker' }, `${f.title} · ${lengthText(f.maxTurns, f.calendar.turnDays)} · ${DIFFICULTY[f.difficulty]()}`),
    heading(m.play_new_run()),
    h(
      'form',
      { class: 'card', onsubmit: (e: Event) => e.preventDefault() },
      h('div', { class: 'code-box', 'aria-live': 'off' }, h('p', { class: 'label' }, m.play_exercise_code()), code, spoken),
      hideSetting,
      h(
        'div',
        { class: 'seed' },
        h('label', { for: 'seed-input' }, m.play_seed()),
        h(
          'div',
          { class: 'row' },
          seed,
          actionButton('random-seed', m.play_random_seed(), () => store.getState().rollSeed()),
        ),
        h('p', { id: 'seed-help', class: 'help' }, m.play_seed_help()),
      ),
      h('fieldset', { class: 'sides' }, h('legend', {}, m.play_your_side()), ...radios),
      replaces(ctx),
      h(
        'div',
        { class: 'actions' },
        actionButton('start-run', m.play_start_run(), () => store.getState().startRun(), { class: 'primary' }),
        actionButton('back', m.play_back(), () => store.getState().back()),
      ),
    ),
  );

  return {
    el,
    update(state) {
      const d = state.draft;
      if (d === null) return;
      if (seed.value !== d.seed) seed.value = d.seed;
      hide.checked = d.hidden === true;
      for (const input of el.querySelectorAll<HTMLInputElement>('input[name="side"]')) input.checked = input.value === d.side;
      showCode(state);
    },
  };
}
