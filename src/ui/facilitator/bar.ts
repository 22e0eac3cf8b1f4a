/**
 * The facilitator bar: a toolbar apart from the players' text (pause, timer, odds, injects, outcome
 * override, projector mode), the cover over the options while paused or while the facilitator
 * decides, and the clock that feeds the store's `tick`. Ctrl+. shows or hides the bar.
 */
import type { Side } from '../../engine';
import { m } from '../../i18n/lang';
import { clockText, currentTimer, type Facilitation, type Held, isChoosing, modelPicks } from '../../store/facilitator';
import { packOf } from '../../store/pack-export';
import { askingSide, isHandover, type Run } from '../../store/run';
import type { SessionState, SessionStore } from '../../store/session';
import { actionButton, h } from '../dom';
import { downloadText } from '../download';
import { sideName } from '../format';
import { projectorRelay } from './relay';

const PLAY_SCREENS = new Set(['briefing', 'turn', 'outcome', 'debrief']);
/** How often the page's clock is read while a timer runs; the store counts the real time elapsed. */
const TICK_MS = 250;

/** The sides that have not chosen yet this turn (for "use the default option"). */
function waitingSides(run: Run): Side[] {
  if (run.side !== 'both') return [run.side];
  return run.pending === null ? ['us', 'cn'] : ['cn'];
}

function resolveStep(store: SessionStore, run: Run, held: Held): HTMLElement {
  const beat = run.scenario.beats.get(run.game.beat);
  const picks: { side: Side; option: string; by: 'team' | 'model' }[] = (['us', 'cn'] as const).flatMap((side) => {
    const id = held[side];
    return id === undefined ? [] : [{ side, option: id, by: 'team' as const }];
  });
  for (const p of modelPicks(run, held)) picks.push({ ...p, by: 'model' });
  const sides = picks.map((p) => p.side);
  const groups = picks.map(({ side, option: id, by }) => {
    const option = beat?.options[side].find((o) => o.id === id);
    const name = `fac-force-${side}`;
    const radio = (value: string, label: string, checked: boolean): HTMLElement => {
      const id = `${name}-${value === '' ? 'dice' : value}`;
      return h('div', { class: 'choice' }, h('input', { type: 'radio', name, value, id, checked }), h('label', { for: id }, label));
    };
    return h(
      'fieldset',
      { class: 'fac-force' },
      h('legend', {}, (by === 'team' ? m.fac_legend_chose : m.fac_legend_model)({ side: sideName(side), option: option?.file.label ?? id })),
      radio('', m.fac_dice_decide(), true),
      ...(option?.outcomes ?? []).map((o) => {
        // The outcome in its own words, never its id (the projector may show this step).
        const words = typeof o.file.text === 'string' ? o.file.text : (o.file.text[0]?.text ?? '');
        return radio(o.id, words.length > 110 ? `${words.slice(0, 108)}…` : words, false);
      }),
    );
  });
  const form = h('form', { class: 'fac-resolve', 'aria-labelledby': 'fac-resolve-title' }, h('h2', { id: 'fac-resolve-title' }, m.fac_resolve_title()), ...groups);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.append(
    actionButton(
      'fac-resolve',
      m.fac_resolve(),
      () => {
        const force: { us?: string; cn?: string } = {};
        for (const side of sides) {
          const picked = form.querySelector<HTMLInputElement>(`input[name="fac-force-${side}"]:checked`)?.value ?? '';
          if (picked !== '') force[side] = picked;
        }
        store.getState().facilitate({ kind: 'resolve', force });
      },
      { class: 'primary' },
    ),
  );
  return form;
}

function expiredStep(store: SessionStore, run: Run): HTMLElement {
  const [a, b] = waitingSides(run).map(sideName);
  const names = b === undefined ? (a ?? '') : m.fac_two_sides({ a: a ?? '', b });
  return h(
    'div',
    { class: 'fac-expired', role: 'group', 'aria-labelledby': 'fac-expired-title' },
    h('h2', { id: 'fac-expired-title' }, m.fac_time_up()),
    h(
      'div',
      { class: 'actions' },
      actionButton('fac-more-time', m.fac_more_time(), () => store.getState().facilitate({ kind: 'extend' })),
      actionButton('fac-use-default', m.fac_use_default({ names }), () => store.getState().facilitate({ kind: 'use-defaults' }), { class: 'primary' }),
    ),
  );
}

function toggle(action: string, label: string, pressed: boolean, onClick: () => void): HTMLButtonElement {
  return actionButton(action, label, onClick, { 'aria-pressed': pressed ? 'true' : 'false' });
}

function downloadReplay(text: string | null): void {
  if (text !== null) downloadText('red-phone-class-run.json', text);
}

/** What the page around the bar offers it: a second window for the controls, and where focus goes on Resume. */
interface BarPlace {
  readonly openWindow: (() => void) | null;
  readonly afterResume: () => void;
}

function barContent(store: SessionStore, state: SessionState, run: Run, fac: Facilitation, place: BarPlace): HTMLElement[] {
  const get = (): SessionState => store.getState();
  const playing = run.game.ending === null;
  const timer = fac.timer === null ? null : currentTimer(run, fac.timer);
  const injects = run.scenario.injects.filter((i) => !run.game.firedInjects.includes(i.id));
  const select = h('select', { id: 'fac-inject', 'aria-label': m.fac_inject_to_fire() }, ...injects.map((i) => h('option', { value: i.id }, i.title)));
  const decide = h('input', { type: 'checkbox', id: 'fac-decide', checked: fac.decideOutcomes });
  decide.addEventListener('change', () => get().facilitate({ kind: 'decide-outcomes', on: decide.checked }));
  const row = h(
    'div',
    { class: 'fac-row' },
    h('p', { class: 'fac-clock' }, h('span', { class: 'label' }, m.fac_turn_timer()), h('span', { id: 'fac-clock' })),
    playing
      ? actionButton(
          'fac-pause',
          fac.paused ? m.fac_resume() : m.fac_pause(),
          () => {
            get().facilitate({ kind: 'pause', on: !fac.paused });
            // After Resume, Enter continues the game again (focus leaves the bar's button).
            if (fac.paused) place.afterResume();
          },
          { class: fac.paused ? 'primary' : undefined },
        )
      : null,
    timer !== null && playing ? actionButton('fac-extend', m.fac_extend(), () => get().facilitate({ kind: 'extend' })) : null,
    toggle('fac-odds', m.fac_show_odds(), state.settings.showOdds, () => get().setSettings({ showOdds: !state.settings.showOdds })),
    toggle('fac-projector', m.fac_projector(), state.settings.projector, () => get().setSettings({ projector: !state.settings.projector })),
    actionButton('fac-hide', m.fac_hide(), () => get().facilitate({ kind: 'toggle-bar' })),
    place.openWindow === null ? null : actionButton('fac-window', m.fac_window(), place.openWindow),
    // The secret seed stays in this tab until the debrief: the facilitator's own copy of the run, to reopen as a replay and play on.
    fac.secret && playing ? actionButton('fac-export', m.fac_export(), () => downloadReplay(get().exportReplay(true))) : null,
  );
  const tools = playing
    ? h(
        'div',
        { class: 'fac-row' },
        injects.length > 0
          ? h(
              'span',
              { class: 'fac-inject' },
              h('label', { for: 'fac-inject' }, m.fac_inject()),
              select,
              actionButton('fac-fire', m.fac_fire(), () => get().facilitate({ kind: 'inject', inject: select.value })),
            )
          : h('span', { class: 'help' }, m.fac_all_fired()),
        h('span', { class: 'setting' }, decide, h('label', { for: 'fac-decide' }, m.fac_decide())),
      )
    : h('p', { class: 'help' }, m.fac_run_ended());
  // The pack is handed out at the briefing and the debrief; during play the bar stays small.
  const pack = h('select', { id: 'fac-pack', 'aria-label': m.fac_pack_page() }, ...packOf(run.scenario).map((p) => h('option', { value: p.name }, p.title)));
  const packRow = h(
    'div',
    { class: 'fac-row' },
    h('label', { for: 'fac-pack' }, m.fac_pack()),
    pack,
    actionButton('fac-pack-download', m.fac_pack_download(), () => {
      const page = packOf(run.scenario).find((p) => p.name === pack.value);
      if (page !== undefined) downloadText(page.fileName, page.html, 'text/html');
    }),
  );
  const steps: HTMLElement[] = [];
  if (fac.held !== null && state.screen === 'turn') steps.push(resolveStep(store, run, fac.held));
  else if (timer?.expired && isChoosing(run, fac, state.screen)) steps.push(expiredStep(store, run));
  return [h('h2', { class: 'fac-title' }, m.fac_title()), row, tools, ...(state.screen === 'briefing' || !playing ? [packRow] : []), ...steps];
}

/** Mounts the bar and the cover into `#app`; returns the function that removes them. */
export interface BarOptions {
  /** The controls window (src/ui/facilitator/controls-page.ts): actions go to the projected page, which keeps the clock. */
  readonly relayed?: boolean;
  /** The tab's own storage, where the projected page keeps the token of its controls window. */
  readonly tabStorage?: Storage | null;
}

export function mountFacilitator(app: HTMLElement, ui: HTMLElement, announcer: HTMLElement, store: SessionStore, options: BarOptions = {}): () => void {
  const relayed = options.relayed === true;
  const bar = h('nav', { id: 'facilitator-bar', 'aria-label': m.fac_controls(), hidden: true });
  const cover = h('div', { id: 'fac-cover', hidden: true }, h('p', { class: 'fac-cover-text' }));
  app.insertBefore(bar, ui);
  app.insertBefore(cover, ui.nextSibling);
  let shown = '';
  let said = 0;
  const relay = relayed
    ? null
    : projectorRelay(store, options.tabStorage ?? null, () => {
        shown = '';
        render(store.getState());
      });
  const place: BarPlace = {
    openWindow: relay === null ? null : () => relay.open(),
    afterResume: () => ui.querySelector<HTMLElement>('[data-heading]')?.focus(),
  };
  let ticker: ReturnType<typeof setInterval> | undefined;
  let last = 0;

  const render = (state: SessionState): void => {
    const fac = state.facilitation;
    const run = state.run;
    app.classList.toggle('projector', state.settings.projector);
    const active = fac !== null && run !== null && run.review === null && PLAY_SCREENS.has(state.screen);
    const paused = active && fac.paused && run.game.ending === null;
    const deciding = active && fac.held !== null && state.screen === 'turn';
    const coverText = relayed ? '' : paused ? m.fac_cover_paused() : deciding ? m.fac_cover_deciding() : '';
    cover.hidden = coverText === '';
    (cover.firstChild as HTMLElement).textContent = coverText;
    ui.inert = coverText !== '';
    if (fac !== null && fac.say !== null && fac.say.n !== said) {
      said = fac.say.n;
      announcer.textContent = fac.say.text;
    }
    // Only the projected page runs the clock; the controls window shows what it is sent.
    const running = !relayed && active && fac.timer !== null && !fac.paused && isChoosing(run, fac, state.screen);
    if (running && ticker === undefined) {
      last = Date.now();
      ticker = setInterval(() => {
        const now = Date.now();
        const ms = now - last;
        last = now;
        store.getState().facilitate({ kind: 'tick', ms });
      }, TICK_MS);
    } else if (!running && ticker !== undefined) {
      clearInterval(ticker);
      ticker = undefined;
    }
    // While a controls window is open the projected page shows none of the bar: the class sees the story.
    if (!active || relay?.detached() === true) {
      bar.hidden = true;
      return;
    }
    bar.hidden = false;
    const timer = fac.timer === null ? null : currentTimer(run, fac.timer);
    const key = JSON.stringify([
      fac.barOpen,
      fac.paused,
      fac.decideOutcomes,
      fac.held,
      timer === null ? null : timer.expired,
      state.screen,
      run.game.log.length,
      run.pending,
      state.settings.showOdds,
      state.settings.projector,
      isHandover(run),
      askingSide(run),
    ]);
    const clock = timer === null ? m.fac_no_timer() : fac.paused ? m.fac_clock_paused({ clock: clockText(timer.leftMs) }) : clockText(timer.leftMs);
    if (key === shown) {
      const el = bar.querySelector('#fac-clock');
      if (el !== null && el.textContent !== clock) el.textContent = clock;
      return;
    }
    shown = key;
    const focusAction =
      document.activeElement instanceof HTMLElement && bar.contains(document.activeElement) ? (document.activeElement.getAttribute('data-action') ?? document.activeElement.id) : null;
    bar.classList.toggle('collapsed', !fac.barOpen);
    bar.replaceChildren(...(fac.barOpen ? barContent(store, state, run, fac, place) : [actionButton('fac-show', m.fac_show(), () => store.getState().facilitate({ kind: 'toggle-bar' }))]));
    const clockEl = bar.querySelector('#fac-clock');
    if (clockEl !== null) clockEl.textContent = clock;
    if (focusAction !== null) {
      const target = bar.querySelector<HTMLElement>(`[data-action="${CSS.escape(focusAction)}"], #${CSS.escape(focusAction)}`) ?? bar.querySelector<HTMLElement>('button');
      target?.focus();
    } else if (fac.held !== null && state.screen === 'turn') bar.querySelector<HTMLElement>('.fac-resolve input:checked')?.focus();
  };

  const onKey = (e: KeyboardEvent): void => {
    if (!e.ctrlKey || e.key !== '.' || store.getState().facilitation === null) return;
    e.preventDefault();
    store.getState().facilitate({ kind: 'toggle-bar' });
    bar.querySelector<HTMLElement>('button')?.focus();
  };
  render(store.getState());
  const unsubscribe = store.subscribe((state) => render(state));
  document.addEventListener('keydown', onKey);
  return () => {
    unsubscribe();
    relay?.close();
    document.removeEventListener('keydown', onKey);
    clearInterval(ticker);
    bar.remove();
    cover.remove();
  };
}
