/**
 * Setting up a class exercise: the scenario, the seed (typed or random, kept secret or not), who plays
 * each side, the turn timer, and whether the facilitator decides outcomes.
 */
import type { Side } from '../../engine';
import { entryCard } from '../../store/catalog-cards';
import { codeFor } from '../../store/derive';
import { MAX_TIMER_MINUTES, type Player, playSideOf } from '../../store/facilitator';
import { packDownloads } from '../../store/pack-export';
import type { SessionState } from '../../store/session';
import { actionButton, h, heading } from '../dom';
import { sideName, spelled } from '../format';
import type { Ctx, View } from '../view';

const TIMER_CHOICES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, MAX_TIMER_MINUTES];

export function facilitatorSetupScreen(ctx: Ctx): View {
  const store = ctx.store;
  const entries = ctx.state.catalog.entries;
  const draft = ctx.state.draft;
  if (draft === null || entries.length === 0) return { el: h('div', { class: 'screen' }, heading('No scenario to run')) };
  const players: Record<Side, Player> = { us: 'people', cn: 'model' };

  const scenario = h('select', { id: 'fac-scenario' }, ...entries.map((e) => h('option', { value: e.id, selected: e.id === draft.scenarioId }, entryCard(e).title)));
  const seed = h('input', { id: 'fac-seed', type: 'text', value: draft.seed, autocomplete: 'off', spellcheck: 'false', maxlength: 64, 'aria-describedby': 'fac-seed-help' });
  seed.addEventListener('input', () => store.getState().setDraft({ seed: seed.value }));
  const secret = h('input', { type: 'checkbox', id: 'fac-secret', 'aria-describedby': 'fac-secret-help' });
  const timer = h('select', { id: 'fac-timer' }, h('option', { value: '' }, 'Off'), ...TIMER_CHOICES.map((m) => h('option', { value: String(m) }, m === 1 ? '1 minute' : `${m} minutes`)));
  const decide = h('input', { type: 'checkbox', id: 'fac-decide-setup', 'aria-describedby': 'fac-decide-help' });
  const code = h('p', { id: 'fac-code', class: 'exercise-code' });
  const problem = h('p', { id: 'fac-problem', class: 'help', role: 'status' });
  const start = actionButton('start-facilitated', 'Start the exercise', () => begin(), { class: 'primary', 'aria-describedby': 'fac-problem' });

  const chosen = (): ReturnType<typeof entryCard> | undefined => {
    const entry = entries.find((e) => e.id === scenario.value);
    return entry === undefined ? undefined : entryCard(entry);
  };
  const teams = (): boolean => chosen()?.teams ?? false;
  const sidesOfScenario = (): readonly Side[] => chosen()?.sides ?? [];
  const check = (state: SessionState = store.getState()): void => {
    const side = playSideOf(players, teams());
    const both = players.us === 'people' && players.cn === 'people';
    const allowed = side !== null && (side === 'both' || sidesOfScenario().includes(side));
    problem.textContent = allowed
      ? ''
      : both
        ? 'This scenario has no two-team play: let the counterpart model play one side.'
        : side === null
          ? 'At least one side must be played by a team of people.'
          : `People cannot play ${sideName(side)} in this scenario.`;
    start.disabled = !allowed;
    const text = state.draft === null ? null : codeFor(scenario.value, state.draft.seed);
    code.textContent = secret.checked ? 'Hidden until the debrief' : (text ?? 'no code for this seed');
    code.setAttribute('aria-label', secret.checked ? 'exercise code hidden until the debrief' : text === null ? 'no exercise code for this seed' : `exercise code ${spelled(text)}`);
    seed.type = secret.checked ? 'password' : 'text';
  };
  const begin = (): void => {
    const minutes = timer.value === '' ? null : Number(timer.value);
    store.getState().startFacilitated({ scenarioId: scenario.value, seed: seed.value, secret: secret.checked, players: { ...players }, timerMinutes: minutes, decideOutcomes: decide.checked });
  };
  scenario.addEventListener('change', () => check());
  secret.addEventListener('change', () => check());

  const playerGroup = (side: Side): HTMLElement => {
    const radio = (value: Player, label: string): HTMLElement => {
      const id = `fac-${side}-${value}`;
      const input = h('input', { type: 'radio', name: `fac-${side}`, value, id, checked: players[side] === value });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        players[side] = value;
        check();
      });
      return h('div', { class: 'choice' }, input, h('label', { for: id }, label));
    };
    return h('fieldset', { class: 'sides' }, h('legend', {}, `Who plays ${sideName(side)}`), radio('people', 'A team of people'), radio('model', 'The counterpart model'));
  };

  const el = h(
    'div',
    { class: 'screen facilitator-setup' },
    h('p', { class: 'kicker' }, 'Facilitator mode'),
    heading('Run a class exercise'),
    h(
      'form',
      { class: 'card', onsubmit: (e: Event) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'fac-scenario' }, 'Scenario'), scenario),
      h(
        'div',
        { class: 'seed' },
        h('label', { for: 'fac-seed' }, 'Seed'),
        h(
          'div',
          { class: 'row' },
          seed,
          actionButton('random-seed', 'New random seed', () => store.getState().rollSeed()),
        ),
        h('p', { id: 'fac-seed-help', class: 'help' }, 'The same seed and the same choices always play out the same way.'),
      ),
      h('div', { class: 'setting' }, secret, h('label', { for: 'fac-secret' }, 'Keep the seed and the odds hidden from players until the debrief')),
      h('p', { id: 'fac-secret-help', class: 'help' }, 'The exercise code, the seed and the chance of each outcome stay off the screen until the debrief reveals them.'),
      h('div', { class: 'code-box', 'aria-live': 'off' }, h('p', { class: 'label' }, 'Exercise code'), code),
      playerGroup('us'),
      playerGroup('cn'),
      h('div', { class: 'field' }, h('label', { for: 'fac-timer' }, 'Turn timer'), timer),
      h('div', { class: 'setting' }, decide, h('label', { for: 'fac-decide-setup' }, 'Let me decide outcomes')),
      h('p', { id: 'fac-decide-help', class: 'help' }, 'After each choice, you pick which outcome happens, or let the dice decide. Forced outcomes are marked in the log and the replay.'),
      problem,
      h(
        'div',
        { class: 'actions' },
        start,
        actionButton('back', 'Back', () => store.getState().back()),
      ),
    ),
  );
  el.append(packSection(ctx, () => scenario.value));
  check(ctx.state);
  return {
    el,
    update(state) {
      if (state.draft !== null && seed.value !== state.draft.seed) seed.value = state.draft.seed;
      check(state);
    },
  };
}

/** The exercise pack of the chosen scenario: five printable pages to download before class (issue 12). */
function packSection(ctx: Ctx, scenarioId: () => string): HTMLElement {
  const PAGES = [
    ['situation-manual-us.html', 'Situation manual: United States team'],
    ['situation-manual-cn.html', 'Situation manual: China team'],
    ['facilitator-guide.html', 'Facilitator guide'],
    ['evaluation-guide.html', 'Evaluation guide'],
    ['feedback-form.html', 'Participant feedback form'],
  ] as const;
  const save = (name: string): void => {
    const page = packDownloads(ctx.state.catalog, scenarioId()).find((p) => p.name === name);
    if (page !== undefined) ctx.download(page.fileName, page.html, 'text/html');
  };
  return h(
    'section',
    { class: 'card exercise-pack', 'aria-labelledby': 'pack-title' },
    h('h2', { id: 'pack-title' }, 'Exercise pack'),
    h(
      'p',
      { class: 'help' },
      "Printable pages for the scenario chosen above: open one and print it, or save it as a PDF (Ctrl+P or ⌘P). Each team gets only its own situation manual; the guides hold both sides' secrets.",
    ),
    h('div', { class: 'actions' }, ...PAGES.map(([name, label]) => actionButton(`pack-${name.replace(/\.html$/, '')}`, `Download ${label}`, () => save(name)))),
  );
}
