/**
 * Setting up a class exercise: the scenario, the seed (typed or random, kept secret or not), who plays
 * each side, the turn timer, and whether the facilitator decides outcomes.
 */
import type { Side } from '../../engine';
import { m as msg } from '../../i18n/lang';
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
  if (draft === null || entries.length === 0) return { el: h('div', { class: 'screen' }, heading(msg.play_fac_no_scenario())) };
  const players: Record<Side, Player> = { us: 'people', cn: 'model' };

  const scenario = h('select', { id: 'fac-scenario' }, ...entries.map((e) => h('option', { value: e.id, selected: e.id === draft.scenarioId }, entryCard(e).title)));
  const seed = h('input', { id: 'fac-seed', type: 'text', value: draft.seed, autocomplete: 'off', spellcheck: 'false', maxlength: 64, 'aria-describedby': 'fac-seed-help' });
  seed.addEventListener('input', () => store.getState().setDraft({ seed: seed.value }));
  const secret = h('input', { type: 'checkbox', id: 'fac-secret', 'aria-describedby': 'fac-secret-help' });
  const timer = h('select', { id: 'fac-timer' }, h('option', { value: '' }, msg.play_fac_off()), ...TIMER_CHOICES.map((m) => h('option', { value: String(m) }, msg.play_fac_minutes({ count: m }))));
  const decide = h('input', { type: 'checkbox', id: 'fac-decide-setup', 'aria-describedby': 'fac-decide-help' });
  const code = h('p', { id: 'fac-code', class: 'exercise-code' });
  const problem = h('p', { id: 'fac-problem', class: 'help', role: 'status' });
  const start = actionButton('start-facilitated', msg.play_fac_start(), () => begin(), { class: 'primary', 'aria-describedby': 'fac-problem' });

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
    problem.textContent = allowed ? '' : both ? msg.play_fac_no_teams() : side === null ? msg.play_fac_one_side() : msg.play_fac_cannot_play({ side: sideName(side) });
    start.disabled = !allowed;
    const text = state.draft === null ? null : codeFor(scenario.value, state.draft.seed);
    code.textContent = secret.checked ? msg.play_fac_hidden() : (text ?? msg.play_fac_no_code());
    code.setAttribute('aria-label', secret.checked ? msg.play_fac_code_hidden_label() : text === null ? msg.play_no_code_label() : msg.play_code_label({ spelled: spelled(text) }));
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
    return h('fieldset', { class: 'sides' }, h('legend', {}, msg.play_fac_who_plays({ side: sideName(side) })), radio('people', msg.play_fac_people()), radio('model', msg.play_fac_model()));
  };

  const el = h(
    'div',
    { class: 'screen facilitator-setup' },
    h('p', { class: 'kicker' }, msg.play_fac_mode()),
    heading(msg.play_fac_heading()),
    h(
      'form',
      { class: 'card', onsubmit: (e: Event) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'fac-scenario' }, msg.play_fac_scenario()), scenario),
      h(
        'div',
        { class: 'seed' },
        h('label', { for: 'fac-seed' }, msg.play_seed()),
        h(
          'div',
          { class: 'row' },
          seed,
          actionButton('random-seed', msg.play_random_seed(), () => store.getState().rollSeed()),
        ),
        h('p', { id: 'fac-seed-help', class: 'help' }, msg.play_fac_seed_help()),
      ),
      h('div', { class: 'setting' }, secret, h('label', { for: 'fac-secret' }, msg.play_fac_secret())),
      h('p', { id: 'fac-secret-help', class: 'help' }, msg.play_fac_secret_help()),
      h('div', { class: 'code-box', 'aria-live': 'off' }, h('p', { class: 'label' }, msg.play_exercise_code()), code),
      playerGroup('us'),
      playerGroup('cn'),
      h('div', { class: 'field' }, h('label', { for: 'fac-timer' }, msg.play_fac_timer()), timer),
      h('div', { class: 'setting' }, decide, h('label', { for: 'fac-decide-setup' }, msg.play_fac_decide())),
      h('p', { id: 'fac-decide-help', class: 'help' }, msg.play_fac_decide_help()),
      problem,
      h(
        'div',
        { class: 'actions' },
        start,
        actionButton('back', msg.play_back(), () => store.getState().back()),
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
    ['situation-manual-us.html', msg.play_fac_page_us()],
    ['situation-manual-cn.html', msg.play_fac_page_cn()],
    ['facilitator-guide.html', msg.play_fac_page_guide()],
    ['evaluation-guide.html', msg.play_fac_page_eval()],
    ['feedback-form.html', msg.play_fac_page_feedback()],
  ] as const;
  const save = (name: string): void => {
    const page = packDownloads(ctx.state.catalog, scenarioId()).find((p) => p.name === name);
    if (page !== undefined) ctx.download(page.fileName, page.html, 'text/html');
  };
  return h(
    'section',
    { class: 'card exercise-pack', 'aria-labelledby': 'pack-title' },
    h('h2', { id: 'pack-title' }, msg.play_fac_pack()),
    h('p', { class: 'help' }, msg.play_fac_pack_help()),
    h('div', { class: 'actions' }, ...PAGES.map(([name, label]) => actionButton(`pack-${name.replace(/\.html$/, '')}`, msg.play_fac_download({ label }), () => save(name)))),
  );
}
