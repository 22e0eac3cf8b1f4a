/** The title screen: the scenarios on offer, the saved run, an exercise code, a replay file. */

import type { CatalogEntry } from '../../store/catalog';
import { entryCard } from '../../store/catalog-cards';
import { SIDE_NAMES } from '../../store/derive';
import { placeAfter } from '../../store/diagnostic-place';
import { REPLAY_READ_BYTES } from '../../store/review';
import { designerCard, mapButton } from '../designer/title-designer';
import { actionButton, h, heading, hidden } from '../dom';
import { lengthText, playSideName } from '../format';
import { codeEntryCard } from '../parts';
import type { Ctx, View } from '../view';
import { runsList } from './runs-list';
import { traineeCards } from './title-trainee';

function card(ctx: Ctx, entry: CatalogEntry): HTMLElement {
  const f = entryCard(entry);
  const titleId = `scenario-${entry.id}-title`;
  const sides = f.sides.map((s) => SIDE_NAMES[s]).join(' or ') + (f.teams ? '; or two teams' : '');
  return h(
    'article',
    { class: 'card scenario-card', 'data-scenario-card': entry.id, 'aria-labelledby': titleId },
    h('h2', { id: titleId }, f.title),
    h('p', { class: 'summary' }, f.summary),
    f.invented !== null ? h('p', { class: 'invented' }, h('strong', {}, 'Invented case: '), f.invented) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Play as'),
      h('dd', {}, sides),
      h('dt', {}, 'Length'),
      h('dd', {}, lengthText(f.maxTurns, f.turnDays)),
      h('dt', {}, 'Difficulty'),
      h('dd', {}, f.difficulty),
    ),
    actionButton('choose-scenario', h('span', {}, 'Play', hidden(` ${f.title}`)), () => ctx.store.getState().chooseScenario(entry.id), { class: 'primary' }),
    mapButton(ctx, { id: entry.id, file: { title: f.title } }),
  );
}

function continueCard(ctx: Ctx): HTMLElement | null {
  const run = ctx.state.run;
  if (run === null || run.review !== null) return null;
  const f = run.scenario.file;
  const where = run.game.ending !== null ? 'finished: debrief' : `turn ${run.game.turn + 1} of ${f.maxTurns}`;
  return h(
    'section',
    { class: 'card continue-card', 'aria-labelledby': 'continue-title' },
    h('h2', { id: 'continue-title' }, 'Your saved run'),
    h('p', {}, `${f.title}, ${playSideName(run.side)}, ${ctx.state.facilitation?.secret === true && run.game.ending === null ? 'seed hidden' : `seed ${run.game.seed}`}: ${where}.`),
    actionButton('continue-run', 'Continue the saved run', () => ctx.store.getState().continueRun(), { class: 'primary' }),
  );
}

function codeForm(ctx: Ctx): HTMLElement {
  return codeEntryCard({
    id: 'code',
    title: 'Open an exercise code',
    help: ['Type the code your facilitator read out, such as ', h('code', {}, 'IPT-K7Q3'), ': everyone with the same code gets the same dice.'],
    label: 'Exercise code',
    placeholder: 'IPT-K7Q3',
    action: 'open-code',
    button: 'Open code',
    inputAttrs: { autocapitalize: 'characters' },
    open: (text) => ctx.store.getState().openCode(text),
  });
}

function importForm(ctx: Ctx): HTMLElement {
  const file = h('input', { id: 'import-replay-file', type: 'file', accept: '.json,application/json', class: 'visually-hidden', tabindex: -1, 'aria-label': 'Replay file' });
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
    h('h2', { id: 'import-title' }, 'Watch a replay'),
    h('p', { class: 'help' }, 'Open a replay file to watch it turn by turn, or to play on from any turn.'),
    file,
    actionButton('import-replay', 'Import a replay file…', () => file.click()),
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
    h('h2', { id: 'settings-title' }, 'Settings'),
    box('setting-show-odds', 'Show odds: the chance of each outcome and the draw', ctx.state.settings.showOdds, (on) => store.getState().setSettings({ showOdds: on })),
    box('setting-reduced-motion', 'Reduce motion: no fades or moving effects', ctx.state.settings.reducedMotion, (on) => store.getState().setSettings({ reducedMotion: on })),
    box('setting-projector', 'Projector mode: large type, high contrast, thick focus ring', ctx.state.settings.projector, (on) => store.getState().setSettings({ projector: on })),
  );
}

function failures(ctx: Ctx): HTMLElement | null {
  const list = ctx.state.catalog.failures;
  if (list.length === 0) return null;
  return h(
    'section',
    { class: 'card failures', 'aria-labelledby': 'failures-title' },
    h('h2', { id: 'failures-title' }, 'Scenario files that did not load'),
    h(
      'ul',
      {},
      ...list.map((f) =>
        h(
          'li',
          {},
          h('strong', {}, f.file),
          h('ul', {}, ...f.diagnostics.slice(0, 5).map((d) => h('li', {}, `${d.line > 0 ? `line ${d.line}: ` : ''}${placeAfter(d) ? `${placeAfter(d)}: ` : ''}${d.message} (${d.code})`))),
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
    h(
      'header',
      { class: 'masthead' },
      h('p', { class: 'kicker' }, 'A crisis game on the US–China cyber agreement of 25 September 2015'),
      heading('Red Phone'),
      h(
        'p',
        { class: 'lede' },
        'Handle a cyber crisis between Washington and Beijing with the four terms of the agreement at hand. The same code gives everyone the same dice, so a class can compare what each group decided.',
      ),
    ),
    continueCard(ctx),
    runsList(ctx),
    h(
      'section',
      { class: 'card facilitator-card', 'aria-labelledby': 'facilitator-title' },
      h('h2', { id: 'facilitator-title' }, 'For a teacher'),
      h('p', { class: 'help' }, 'One projector, teams of students: set the seed, the sides, a turn timer, and keep control with pause, injects and outcome overrides.'),
      actionButton('facilitator', 'Run a class exercise', () => ctx.store.getState().openFacilitator(), { class: 'primary' }),
    ),
    h(
      'section',
      { class: 'scenarios', 'aria-labelledby': 'scenarios-title' },
      h('h2', { id: 'scenarios-title', class: 'section-title' }, 'Scenarios'),
      entries.length === 0 ? h('p', {}, 'No scenarios are installed yet.') : h('div', { class: 'cards' }, ...entries.map((e) => card(ctx, e))),
    ),
    h('div', { class: 'cards two' }, codeForm(ctx), importForm(ctx), ...traineeCards(ctx), designerCard(ctx), settingsForm(ctx)),
    failures(ctx),
  );
  return { el };
}
