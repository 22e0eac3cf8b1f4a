/** A new run: the side, the seed (random or typed) and the exercise code to read out to the class. */
import { codeFor } from '../../store/derive';
import { sidesOf } from '../../store/links';
import type { PlaySide } from '../../store/run';
import type { SessionState } from '../../store/session';
import { actionButton, h, heading } from '../dom';
import { lengthText, playSideName, spelled } from '../format';
import type { Ctx, View } from '../view';

const SIDE_HELP: Readonly<Record<PlaySide, string>> = {
  us: 'You decide for Washington; the counterpart model plays China.',
  cn: 'You decide for Beijing; the counterpart model plays the United States.',
  both: 'Two teams at one screen: the US team chooses, its choice is covered, then the China team chooses.',
};

/** A word before starting when there is a saved run: it stays on the list of runs, or starting asks before it replaces it (a secret seed stays unsaid). */
function replaces(ctx: Ctx): HTMLElement | null {
  const run = ctx.state.run;
  if (run === null || run.review !== null || run.game.ending !== null) return null;
  const secret = ctx.state.facilitation?.secret === true;
  const seed = secret ? '' : `, seed ${run.game.seed}`;
  const after = ctx.state.keepsRuns && !secret ? 'it stays in your list of runs on the title screen.' : 'starting asks before it replaces it, and offers to export it.';
  return h('p', { class: 'help' }, `You have a saved run (${run.scenario.file.title}${seed}, turn ${run.game.turn + 1}): ${after}`);
}

export function newRunScreen(ctx: Ctx): View {
  const draft = ctx.state.draft;
  const entry = ctx.state.catalog.entries.find((e) => e.id === draft?.scenarioId);
  if (draft === null || entry === undefined) return { el: h('div', { class: 'screen' }, heading('No scenario chosen')) };
  const f = entry.scenario.file;
  const store = ctx.store;

  const radios = sidesOf(ctx.state.catalog, entry.id).map((side) => {
    const id = `side-${side}`;
    const input = h('input', { type: 'radio', name: 'side', value: side, id, checked: draft.side === side, 'aria-describedby': `${id}-help` });
    input.addEventListener('change', () => {
      if (input.checked) store.getState().setDraft({ side });
    });
    return h('div', { class: 'choice' }, input, h('label', { for: id }, playSideName(side)), h('p', { id: `${id}-help`, class: 'help' }, SIDE_HELP[side]));
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
    code.textContent = text ?? 'no code';
    code.setAttribute('aria-label', text === null ? 'no exercise code for this seed' : `exercise code ${spelled(text)}`);
    spoken.textContent =
      text === null
        ? 'Only a 4-character seed from 2–9 and A–Z (without I, L, O) makes an exercise code; this seed can still be typed in on another machine.'
        : `Read aloud: ${spelled(text)}. Type it under “Open an exercise code” on another machine for the same game.`;
  };
  showCode(ctx.state);
  const hide = h('input', { type: 'checkbox', id: 'hide-odds', checked: ctx.state.draft?.hidden === true, 'aria-describedby': 'hide-odds-help' });
  hide.addEventListener('change', () => store.getState().setDraft({ hidden: hide.checked }));
  const hideSetting = h(
    'div',
    { class: 'setting' },
    hide,
    h('label', { for: 'hide-odds' }, 'For a class: hide the odds and the scenario map until the debrief'),
    h('p', { id: 'hide-odds-help', class: 'help' }, 'The exercise code then ends in H, and a run started from it shows neither the chance of each outcome nor the map before its debrief.'),
  );

  const el = h(
    'div',
    { class: 'screen new-run-screen' },
    h('p', { class: 'kicker' }, `${f.title} · ${lengthText(f.maxTurns, f.calendar.turnDays)} · ${f.difficulty}`),
    heading('New run'),
    h(
      'form',
      { class: 'card', onsubmit: (e: Event) => e.preventDefault() },
      h('div', { class: 'code-box', 'aria-live': 'off' }, h('p', { class: 'label' }, 'Exercise code'), code, spoken),
      hideSetting,
      h(
        'div',
        { class: 'seed' },
        h('label', { for: 'seed-input' }, 'Seed'),
        h(
          'div',
          { class: 'row' },
          seed,
          actionButton('random-seed', 'New random seed', () => store.getState().rollSeed()),
        ),
        h('p', { id: 'seed-help', class: 'help' }, 'The seed fixes the dice: the same seed and the same choices always play out the same way.'),
      ),
      h('fieldset', { class: 'sides' }, h('legend', {}, 'Your side'), ...radios),
      replaces(ctx),
      h(
        'div',
        { class: 'actions' },
        actionButton('start-run', 'Start the run', () => store.getState().startRun(), { class: 'primary' }),
        actionButton('back', 'Back', () => store.getState().back()),
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
