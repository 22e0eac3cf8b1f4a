/**
 * The facilitator bar: a toolbar apart from the players' text (pause, timer, odds, injects, outcome
 * override, projector mode), the cover over the options while paused or while the facilitator
 * decides, and the clock that feeds the store's `tick`. Ctrl+. shows or hides the bar.
 */
import type { Side } from '../../engine';
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
  const picks: { side: Side; option: string; by: string }[] = (['us', 'cn'] as const).flatMap((side) => {
    const id = held[side];
    return id === undefined ? [] : [{ side, option: id, by: 'chose' }];
  });
  for (const p of modelPicks(run, held)) picks.push({ ...p, by: '(counterpart model) will choose' });
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
      h('legend', {}, `${sideName(side)} ${by}: ${option?.file.label ?? id}. Resolve as…`),
      radio('', 'Let the dice decide', true),
      ...(option?.outcomes ?? []).map((o) => {
        // The outcome in its own words, never its id (the projector may show this step).
        const words = typeof o.file.text === 'string' ? o.file.text : (o.file.text[0]?.text ?? '');
        return radio(o.id, words.length > 110 ? `${words.slice(0, 108)}…` : words, false);
      }),
    );
  });
  const form = h('form', { class: 'fac-resolve', 'aria-labelledby': 'fac-resolve-title' }, h('h2', { id: 'fac-resolve-title' }, 'The choice is in: resolve it'), ...groups);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.append(
    actionButton(
      'fac-resolve',
      'Resolve the turn',
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
  const names = waitingSides(run).map(sideName).join(' and ');
  return h(
    'div',
    { class: 'fac-expired', role: 'group', 'aria-labelledby': 'fac-expired-title' },
    h('h2', { id: 'fac-expired-title' }, 'Time is up'),
    h(
      'div',
      { class: 'actions' },
      actionButton('fac-more-time', 'Give 1 more minute', () => store.getState().facilitate({ kind: 'extend' })),
      actionButton('fac-use-default', `Use the default option for ${names}`, () => store.getState().facilitate({ kind: 'use-defaults' }), { class: 'primary' }),
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
  const select = h('select', { id: 'fac-inject', 'aria-label': 'Inject to fire' }, ...injects.map((i) => h('option', { value: i.id }, i.title)));
  const decide = h('input', { type: 'checkbox', id: 'fac-decide', checked: fac.decideOutcomes });
  decide.addEventListener('change', () => get().facilitate({ kind: 'decide-outcomes', on: decide.checked }));
  const row = h(
    'div',
    { class: 'fac-row' },
    h('p', { class: 'fac-clock' }, h('span', { class: 'label' }, 'Turn timer: '), h('span', { id: 'fac-clock' })),
    playing
      ? actionButton(
          'fac-pause',
          fac.paused ? 'Resume play' : 'Pause',
          () => {
            get().facilitate({ kind: 'pause', on: !fac.paused });
            // After Resume, Enter continues the game again (focus leaves the bar's button).
            if (fac.paused) place.afterResume();
          },
          { class: fac.paused ? 'primary' : undefined },
        )
      : null,
    timer !== null && playing ? actionButton('fac-extend', '+1 minute', () => get().facilitate({ kind: 'extend' })) : null,
    toggle('fac-odds', 'Show the odds', state.settings.showOdds, () => get().setSettings({ showOdds: !state.settings.showOdds })),
    toggle('fac-projector', 'Projector mode', state.settings.projector, () => get().setSettings({ projector: !state.settings.projector })),
    actionButton('fac-hide', 'Hide bar (Ctrl+.)', () => get().facilitate({ kind: 'toggle-bar' })),
    place.openWindow === null ? null : actionButton('fac-window', 'Controls in a second window', place.openWindow),
    // The secret seed stays in this tab until the debrief: the facilitator's own copy of the run, to reopen as a replay and play on.
    fac.secret && playing ? actionButton('fac-export', 'Export the class run (holds the seed)', () => downloadReplay(get().exportReplay(true))) : null,
  );
  const tools = playing
    ? h(
        'div',
        { class: 'fac-row' },
        injects.length > 0
          ? h(
              'span',
              { class: 'fac-inject' },
              h('label', { for: 'fac-inject' }, 'Inject'),
              select,
              actionButton('fac-fire', 'Fire inject', () => get().facilitate({ kind: 'inject', inject: select.value })),
            )
          : h('span', { class: 'help' }, 'Every inject has fired.'),
        h('span', { class: 'setting' }, decide, h('label', { for: 'fac-decide' }, 'Let me decide outcomes')),
      )
    : h('p', { class: 'help' }, 'The run has ended: the debrief shows the seed and the odds.');
  // The pack is handed out at the briefing and the debrief; during play the bar stays small.
  const pack = h('select', { id: 'fac-pack', 'aria-label': 'Exercise pack page' }, ...packOf(run.scenario).map((p) => h('option', { value: p.name }, p.title)));
  const packRow = h(
    'div',
    { class: 'fac-row' },
    h('label', { for: 'fac-pack' }, 'Exercise pack'),
    pack,
    actionButton('fac-pack-download', 'Download page', () => {
      const page = packOf(run.scenario).find((p) => p.name === pack.value);
      if (page !== undefined) downloadText(page.fileName, page.html, 'text/html');
    }),
  );
  const steps: HTMLElement[] = [];
  if (fac.held !== null && state.screen === 'turn') steps.push(resolveStep(store, run, fac.held));
  else if (timer?.expired && isChoosing(run, fac, state.screen)) steps.push(expiredStep(store, run));
  return [h('h2', { class: 'fac-title' }, 'Facilitator'), row, tools, ...(state.screen === 'briefing' || !playing ? [packRow] : []), ...steps];
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
  const bar = h('nav', { id: 'facilitator-bar', 'aria-label': 'Facilitator controls', hidden: true });
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
    const coverText = relayed ? '' : paused ? 'Paused' : deciding ? 'The facilitator is resolving the turn' : '';
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
    const clock = timer === null ? 'no turn timer' : `${clockText(timer.leftMs)}${fac.paused ? ' (paused)' : ''}`;
    if (key === shown) {
      const el = bar.querySelector('#fac-clock');
      if (el !== null && el.textContent !== clock) el.textContent = clock;
      return;
    }
    shown = key;
    const focusAction =
      document.activeElement instanceof HTMLElement && bar.contains(document.activeElement) ? (document.activeElement.getAttribute('data-action') ?? document.activeElement.id) : null;
    bar.classList.toggle('collapsed', !fac.barOpen);
    bar.replaceChildren(
      ...(fac.barOpen ? barContent(store, state, run, fac, place) : [actionButton('fac-show', 'Facilitator controls (Ctrl+.)', () => store.getState().facilitate({ kind: 'toggle-bar' }))]),
    );
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
