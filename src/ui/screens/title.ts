/** The title screen: the scenarios on offer, the saved run, an exercise code, a replay file. */

import { LANG_NAMES, lang, locales, m, switchLang } from '../../i18n/lang';
import type { CatalogEntry } from '../../store/catalog';
import { entryCard } from '../../store/catalog-cards';
import { placeAfter } from '../../store/diagnostic-place';
import { REPLAY_READ_BYTES } from '../../store/review';
import { designerCard, mapButton } from '../designer/title-designer';
import { actionButton, h, heading, hidden } from '../dom';
import { lengthText, playSideName, sideName } from '../format';
import { codeEntryCard } from '../parts';
import type { Ctx, View } from '../view';
import { runsList } from './runs-list';
import { traineeCards } from './title-trainee';

const DIFFICULTY = { introductory: m.title_difficulty_introductory, standard: m.title_difficulty_standard, advanced: m.title_difficulty_advanced } as const;

/** English or 简体中文: each name in its own language (and marked so for a screen reader); the page reloads in the one chosen. */
function langSwitch(): HTMLElement {
  return h(
    'nav',
    { class: 'lang-switch', 'aria-label': m.lang_switch() },
    ...locales.map((l) => actionButton(`lang-${l}`, h('span', { lang: l }, LANG_NAMES[l]), () => switchLang(l), { 'aria-pressed': String(l === lang()), 'aria-describedby': 'lang-note' })),
    h('p', { id: 'lang-note', class: 'visually-hidden' }, m.lang_note()),
  );
}

function card(ctx: Ctx, entry: CatalogEntry): HTMLElement {
  const f = entryCard(entry);
  const titleId = `scenario-${entry.id}-title`;
  const names = f.sides.map((s) => sideName(s));
  const either = names.length === 2 ? m.title_sides_or({ a: names[0] ?? '', b: names[1] ?? '' }) : (names[0] ?? '');
  const sides = f.teams ? m.title_sides_teams({ sides: either }) : either;
  return h(
    'article',
    { class: 'card scenario-card', 'data-scenario-card': entry.id, 'aria-labelledby': titleId },
    h('h2', { id: titleId }, f.title),
    h('p', { class: 'summary' }, f.summary),
    f.invented !== null ? h('p', { class: 'invented' }, h('strong', {}, m.title_invented()), f.invented) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, m.title_play_as()),
      h('dd', {}, sides),
      h('dt', {}, m.title_length()),
      h('dd', {}, lengthText(f.maxTurns, f.turnDays)),
      h('dt', {}, m.title_difficulty()),
      h('dd', {}, DIFFICULTY[f.difficulty]()),
    ),
    actionButton('choose-scenario', h('span', {}, m.title_play(), hidden(` ${f.title}`)), () => ctx.store.getState().chooseScenario(entry.id), { class: 'primary' }),
    mapButton(ctx, { id: entry.id, file: { title: f.title } }),
  );
}

function continueCard(ctx: Ctx): HTMLElement | null {
  const run = ctx.state.run;
  if (run === null || run.review !== null) return null;
  const f = run.scenario.file;
  const where = run.game.ending !== null ? m.title_where_finished() : m.title_where_turn({ turn: run.game.turn + 1, of: f.maxTurns });
  return h(
    'section',
    { class: 'card continue-card', 'aria-labelledby': 'continue-title' },
    h('h2', { id: 'continue-title' }, m.title_saved_run()),
    h(
      'p',
      {},
      m.title_saved_line({
        title: f.title,
        side: playSideName(run.side),
        seed: ctx.state.facilitation?.secret === true && run.game.ending === null ? m.title_seed_hidden() : m.title_seed({ seed: run.game.seed }),
        where,
      }),
    ),
    actionButton('continue-run', m.title_continue(), () => ctx.store.getState().continueRun(), { class: 'primary' }),
  );
}

function codeForm(ctx: Ctx): HTMLElement {
  return codeEntryCard({
    id: 'code',
    title: m.title_code_title(),
    help: [m.title_code_help({ example: 'IPT-K7Q3' })],
    label: m.title_code_label(),
    placeholder: 'IPT-K7Q3',
    action: 'open-code',
    button: m.title_code_button(),
    inputAttrs: { autocapitalize: 'characters' },
    open: (text) => ctx.store.getState().openCode(text),
  });
}

function importForm(ctx: Ctx): HTMLElement {
  const file = h('input', { id: 'import-replay-file', type: 'file', accept: '.json,application/json', class: 'visually-hidden', tabindex: -1, 'aria-label': m.title_replay_file() });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (chosen === undefined) return;
    chosen
      .slice(0, REPLAY_READ_BYTES)
      .text()
      .then(
        (text) => ctx.store.getState().importReplay(text, chosen.name),
        () => ctx.store.getState().importReplay('', chosen.name),
      );
    file.value = '';
  });
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, m.title_watch()),
    h('p', { class: 'help' }, m.title_watch_help()),
    file,
    actionButton('import-replay', m.title_import(), () => file.click()),
  );
}

function settingsForm(ctx: Ctx): HTMLElement {
  const box = (id: string, label: string, checked: boolean, onChange: (on: boolean) => void): HTMLElement => {
    const input = h('input', { type: 'checkbox', id, checked });
    input.addEventListener('change', () => onChange(input.checked));
    return h('div', { class: 'setting' }, input, h('label', { for: id }, label));
  };
  const store = ctx.store;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'settings-title' },
    h('h2', { id: 'settings-title' }, m.title_settings()),
    box('setting-show-odds', m.title_show_odds(), ctx.state.settings.showOdds, (on) => store.getState().setSettings({ showOdds: on })),
    box('setting-reduced-motion', m.title_reduce_motion(), ctx.state.settings.reducedMotion, (on) => store.getState().setSettings({ reducedMotion: on })),
    box('setting-projector', m.title_projector(), ctx.state.settings.projector, (on) => store.getState().setSettings({ projector: on })),
  );
}

function failures(ctx: Ctx): HTMLElement | null {
  const list = ctx.state.catalog.failures;
  if (list.length === 0) return null;
  return h(
    'section',
    { class: 'card failures', 'aria-labelledby': 'failures-title' },
    h('h2', { id: 'failures-title' }, m.title_failures()),
    h(
      'ul',
      {},
      ...list.map((f) =>
        h(
          'li',
          {},
          h('strong', {}, f.file),
          h(
            'ul',
            {},
            ...f.diagnostics.slice(0, 5).map((d) => h('li', {}, `${d.line > 0 ? m.title_failure_line({ line: d.line }) : ''}${placeAfter(d) ? `${placeAfter(d)}: ` : ''}${d.message} (${d.code})`)),
          ),
        ),
      ),
    ),
  );
}

export function titleScreen(ctx: Ctx): View {
  const entries = ctx.state.catalog.entries;
  const el = h(
    'div',
    { class: 'screen title-screen' },
    h('header', { class: 'masthead' }, h('p', { class: 'kicker' }, m.title_kicker()), langSwitch(), heading('Red Phone'), h('p', { class: 'lede' }, m.title_lede())),
    continueCard(ctx),
    runsList(ctx),
    h(
      'section',
      { class: 'card facilitator-card', 'aria-labelledby': 'facilitator-title' },
      h('h2', { id: 'facilitator-title' }, m.title_teacher()),
      h('p', { class: 'help' }, m.title_teacher_help()),
      actionButton('facilitator', m.title_teacher_button(), () => ctx.store.getState().openFacilitator(), { class: 'primary' }),
    ),
    h(
      'section',
      { class: 'scenarios', 'aria-labelledby': 'scenarios-title' },
      h('h2', { id: 'scenarios-title', class: 'section-title' }, m.title_scenarios()),
      entries.length === 0 ? h('p', {}, m.title_no_scenarios()) : h('div', { class: 'cards' }, ...entries.map((e) => card(ctx, e))),
    ),
    h('div', { class: 'cards two' }, codeForm(ctx), importForm(ctx), ...traineeCards(ctx), designerCard(ctx), settingsForm(ctx)),
    failures(ctx),
  );
  return { el };
}
