/**
 * The class sessions one process holds, found by id, join code or seat token. With a shared store
 * (Redis) a session another process created is loaded on first use, and every session is brought up
 * to date with what the other processes appended before this process acts on it: it reads the events
 * from the position it has folded up to, in the store's one order, so every process folds the same list.
 */
import type { Scenario } from '../engine';
import { type ClassEvent, type ClassStore, isShared, type SharedStore } from './events';
import { ClassSession } from './session';

export class Registry {
  readonly sessions = new Map<string, ClassSession>();
  private readonly byCode = new Map<string, string>();
  private readonly bySeat = new Map<string, string>();
  private readonly loading = new Map<string, Promise<ClassSession | undefined>>();
  private readonly catching = new Map<string, Promise<void>>();
  readonly shared: SharedStore | null;

  constructor(
    store: ClassStore,
    private readonly scenarios: ReadonlyMap<string, Scenario>,
    private readonly warn: (text: string) => void,
    /** Called with a session loaded from the shared store, and with the groups changed by a catch-up (null: all). */
    private readonly onFold: (s: ClassSession, groups: ReadonlySet<number> | null) => void,
  ) {
    this.shared = isShared(store) ? store : null;
  }

  /** A session rebuilt from its events (null when its scenario is missing or the engine refuses its log). */
  build(id: string, events: readonly (ClassEvent | null)[]): ClassSession | null {
    const first = events[0];
    if (first?.t !== 'session') return null;
    const scenario = this.scenarios.get(first.config.scenarioId);
    if (scenario === undefined) {
      this.warn(`class session ${id}: scenario ${first.config.scenarioId} is not here; left out`);
      return null;
    }
    try {
      const s = new ClassSession(first.config, scenario);
      for (const e of events) if (e !== null) s.apply(e);
      s.folded = events.length;
      return s;
    } catch (e) {
      this.warn(`class session ${id} could not be restored (${e instanceof Error ? e.message : String(e)}); left out`);
      return null;
    }
  }

  add(s: ClassSession): void {
    this.sessions.set(s.id, s);
    this.byCode.set(s.config.joinCode, s.id);
    for (const token of s.seats.keys()) this.bySeat.set(token, s.id);
  }

  hasCode(code: string): boolean {
    return this.byCode.has(code);
  }

  addSeat(token: string, session: string): void {
    this.bySeat.set(token, session);
  }

  /** The session with this id: held here, or loaded from the shared store. */
  async byId(id: string | undefined): Promise<ClassSession | undefined> {
    if (id === undefined) return undefined;
    const held = this.sessions.get(id);
    if (held !== undefined || this.shared === null) return held;
    const shared = this.shared;
    let pending = this.loading.get(id);
    if (pending === undefined) {
      pending = shared.eventsFrom(id, 0).then((events) => {
        const s = this.sessions.get(id) ?? this.build(id, events) ?? undefined;
        if (s !== undefined && !this.sessions.has(id)) {
          this.add(s);
          this.onFold(s, null);
        }
        return s;
      });
      this.loading.set(id, pending);
      pending.finally(() => this.loading.delete(id)).catch(() => undefined);
    }
    return pending;
  }

  async ofCode(code: string): Promise<ClassSession | undefined> {
    const id = this.byCode.get(code);
    return this.byId(id ?? (this.shared === null ? undefined : ((await this.shared.sessionOfCode(code)) ?? undefined)));
  }

  async ofSeat(token: string): Promise<ClassSession | undefined> {
    const id = this.bySeat.get(token);
    return this.byId(id ?? (this.shared === null ? undefined : ((await this.shared.sessionOfSeat(token)) ?? undefined)));
  }

  /** Folds what other processes appended to the session since this one last read it (shared store only; one read at a time). */
  catchUp(s: ClassSession): Promise<void> {
    if (this.shared === null) return Promise.resolve();
    const shared = this.shared;
    const next = (this.catching.get(s.id) ?? Promise.resolve()).then(() => this.fold(s, shared));
    this.catching.set(
      s.id,
      next.catch(() => undefined),
    );
    return next;
  }

  private async fold(s: ClassSession, shared: SharedStore): Promise<void> {
    const events = await shared.eventsFrom(s.id, s.folded);
    if (events.length === 0) return;
    const groups = new Set<number>();
    let all = false;
    for (const e of events) {
      s.folded++;
      if (e === null) continue;
      s.apply(e);
      if (e.t === 'seat') this.bySeat.set(e.token, s.id);
      if ('group' in e && e.group !== null) groups.add(e.group);
      else all = true;
    }
    this.onFold(s, all ? null : groups);
  }
}
