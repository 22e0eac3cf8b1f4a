/**
 * The facilitator's page of a networked class: set-up, then the live console. The host key comes from
 * the address the class server printed (`?class=host#key=…`); it is moved into the tab's own storage
 * and out of the address bar at once, so a projected address bar never shows it. After the set-up the
 * tab keeps the session's facilitator token, so a reload returns to the console.
 */
import QRCode from 'qrcode';
import { lang, m } from '../../i18n/lang';
import { C2S, type Created, type FacView, type HostCreate } from '../../net/protocol';
import type { Catalog } from '../../store/catalog';
import type { ScenarioCard } from '../../store/catalog-cards';
import { CLASS_BUNDLE_FORMAT, type GroupFile } from '../../store/compare-files';
import { downloadText } from '../download';
import { clockText } from './clock';
import { consoleScreen } from './console';
import { hostSetupScreen } from './host-setup';
import { answerText, connectClass, type HostMemory, recall, remember } from './link';
import { liveComparison } from './live-compare';
import { painter } from './paint';

const KEY_SLOT = 'red-phone:class-key';

function takeKey(storage: Storage | null): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
  try {
    if (fromHash !== null) {
      storage?.setItem(KEY_SLOT, fromHash);
      history.replaceState(history.state, '', location.pathname + location.search);
      return fromHash;
    }
    return storage?.getItem(KEY_SLOT) ?? '';
  } catch {
    return fromHash ?? '';
  }
}

export function mountHost(ui: HTMLElement, announcer: HTMLElement, cards: readonly ScenarioCard[], catalog: Catalog, storage: Storage | null): void {
  const link = connectClass();
  const paint = painter(ui, announcer);
  const key = takeKey(storage);
  let memory: HostMemory | null = (() => {
    const r = recall(storage);
    return r?.kind === 'host' ? r : null;
  })();
  let view: FacView | null = null;
  let receivedAt = 0;
  let notice: string | null = null;
  let busy = false;
  let connected = false;
  let pendingShown = false;
  let qr: string | null = null;
  const compare = liveComparison(catalog);

  const answered = (answer: { ok: true } | { ok: false; code: Parameters<typeof answerText>[0]['code']; message: string }): void => {
    notice = answer.ok ? null : answerText(answer);
    render();
  };
  const handlers = {
    pause: (group: number | null, on: boolean) => void link.send(C2S.pause, group === null ? { on } : { group, on }).then(answered),
    extend: (group: number | null) => void link.send(C2S.extend, group === null ? { minutes: 1 } : { group, minutes: 1 }).then(answered),
    inject: (group: number, inject: string) => void link.send(C2S.inject, { group, inject }).then(answered),
    override: (group: number, side: 'us' | 'cn', outcome: string | null) => void link.send(C2S.override, { group, side, outcome }).then(answered),
    reveal: () => void link.send(C2S.reveal, {}).then(answered),
    downloadAll: () => {
      if (view === null) return;
      const groups = view.groups.map((g) => ({ name: `Group ${g.group}`, replay: JSON.parse(g.replay) as unknown }));
      downloadText(`red-phone-class-${view.scenario.id}-${view.joinCode}.json`, `${JSON.stringify({ format: CLASS_BUNDLE_FORMAT, groups }, null, 2)}\n`);
    },
    showPending: (on: boolean) => {
      pendingShown = on;
      render();
    },
  };

  function render(): void {
    if (memory === null || view === null) {
      paint.show(`setup:${notice ?? ''}:${busy}`, () => hostSetupScreen(cards, key, notice, busy, create), m.class_announce_setup());
      return;
    }
    const v = view;
    const files: GroupFile[] = v.groups.map((g) => ({ fileName: `Group ${g.group}.json`, text: g.replay }));
    const comparison = compare(files);
    paint.show(
      `console:${v.session}`,
      () => consoleScreen(v, { ...handlers, pendingShown, qr, notice, connected, sinceMs: performance.now() - receivedAt, comparison }),
      m.class_announce_console({ code: v.joinCode }),
    );
  }

  const accept = (next: FacView): void => {
    if (memory === null || next.session !== memory.session) return;
    if (view === null || view.joinUrl !== next.joinUrl || view.joinCode !== next.joinCode) {
      const url = new URL(next.joinUrl);
      url.searchParams.set('class', next.joinCode);
      void QRCode.toDataURL(url.toString(), { margin: 1, width: 200 }).then((data) => {
        qr = data;
        render();
      });
    }
    view = next;
    receivedAt = performance.now();
    render();
  };

  async function create(req: HostCreate): Promise<void> {
    busy = true;
    notice = null;
    render();
    const answer = await link.send<Created>(C2S.hostCreate, { ...req, lang: lang() });
    busy = false;
    if (!answer.ok) {
      answered(answer);
      return;
    }
    memory = { kind: 'host', session: answer.value.session, facToken: answer.value.facToken };
    remember(storage, memory);
    accept(answer.value.view);
  }

  async function resume(): Promise<void> {
    if (memory === null) return;
    const answer = await link.send<FacView>(C2S.hostResume, { session: memory.session, facToken: memory.facToken, lang: lang() });
    if (answer.ok) accept(answer.value);
    else {
      if (answer.code === 'bad-token') {
        memory = null;
        view = null;
        remember(storage, null);
      }
      answered(answer);
    }
  }

  link.onFacView(accept);
  link.onConnection((up) => {
    connected = up;
    if (up) void resume();
    render();
  });
  paint.tick(() => {
    if (view === null) return;
    for (const g of view.groups) {
      const el = ui.querySelector(`[data-clock-group="${g.group}"]`);
      if (el !== null && g.clock !== null) el.textContent = clockText(g.clock, performance.now() - receivedAt);
    }
  });
  render();
}
