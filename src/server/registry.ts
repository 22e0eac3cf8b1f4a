/**
 * The class sessions one process holds, found by id, join code or seat token. With a shared store
 * (Redis) a session another process created is loaded on first use, and every session is brought up
 * to date with what the other processes appended before this process acts on it: it reads the events
 * from the position it has folded up to, in the store's one order, so every process folds the same list.
 */
import type { Scenario } from '../engine';
import { type ActionEvent, type ClassEvent, type ClassStore, isShared, type SharedStore } from './events';
import { ClassSession } from './session';

export class Registry {
  readonly sessions = new Map<string, ClassSession>();
  private readonly byCode = new Map<string, string>();
  private readonly bySeat = new Map<string, string>();
  private readonly loading = new Map<string, Promise<ClassSession | undefined>>();
  readonly shared: SharedStore | null;

  constructor(
    private readonly store: ClassStore,
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

  /** Writes an event (not an action) and folds it in: at once with one process, in the store's order with several. */
  async write(s: ClassSession, e: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<void> {
    if (this.shared === null) {
      await this.store.append(s.id, e);
      s.apply(e);
    } else await this.settle(s, e, await this.shared.appendAt(s.id, e));
  }

  /**
   * Like `write`, but with one process the event is folded in at once and `durable` resolves once it is
   * on the disk, so what follows from it can be written in the same batch; the caller awaits `durable`
   * before answering. With a shared store it is `write`.
   */
  async writeEarly(s: ClassSession, e: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<{ durable: Promise<void> }> {
    if (this.shared !== null) {
      await this.write(s, e);
      return { durable: Promise.resolve() };
    }
    const durable = this.store.append(s.id, e);
    durable.catch(() => undefined);
    s.apply(e);
    return { durable };
  }

  /** Appends an action if the group's log still has `e.n` actions (the compare-and-set); whether it did. */
  async writeAction(s: ClassSession, e: ActionEvent): Promise<boolean> {
    if (this.shared === null) {
      const done = await this.store.appendAction(s.id, e);
      if (done) s.apply(e);
      return done;
    }
    const at = await this.shared.appendActionAt(s.id, e);
    await (at > 0 ? this.settle(s, e, at) : this.catchUp(s));
    return at > 0;
  }

  /** Folds an event this process stored at `position` (1-based): at once when it is the next one, else by reading. */
  private settle(s: ClassSession, e: ClassEvent, position: number): Promise<void> {
    if (position > s.folded + 1) return this.catchUp(s);
    this.foldEvents(s, position - 1, [e]);
    return Promise.resolve();
  }

  /**
   * Folds what other processes appended to the session since this one last read it (shared store only).
   * Reads may overlap (each command reads at once, with no queue): every event is folded once, by its
   * position, whichever read brings it first.
   */
  async catchUp(s: ClassSession): Promise<void> {
    if (this.shared === null) return;
    const from = s.folded;
    this.foldEvents(s, from, await this.shared.eventsFrom(s.id, from));
  }

  /** Folds the events read from position `from` (0-based) on, those not folded yet. */
  private foldEvents(s: ClassSession, from: number, events: readonly (ClassEvent | null)[]): void {
    const groups = new Set<number>();
    let all = false;
    for (let i = s.folded - from; i < events.length; i++) {
      if (i < 0) break;
      const e = events[i] ?? null;
      s.folded++;
      if (e === null) continue;
      s.apply(e);
      if (e.t === 'seat') this.bySeat.set(e.token, s.id);
      if ('group' in e && e.group !== null) groups.add(e.group);
      else all = true;
    }
    if (all || groups.size > 0) this.onFold(s, all ? null : groups);
  }
}
