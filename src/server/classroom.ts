/**
 * The class server's authority: every class session, its seats and its groups' logs. Each command is
 * checked (role, turn, legality by the engine), written to the store, then folded into memory; the
 * commands of one session run one at a time. Nothing here knows about sockets: src/server/io.ts calls
 * these methods and sends the views.
 */
import { type Action, defaultOption, isValidSeed, legalOptions, type Scenario, type Side } from '../engine';
import type { Ack, Choose, Extend, HostCreate, Inject, Join, Override, Pause } from '../net/protocol';
import { normaliseJoinCode } from '../net/protocol';
import { no, ok, sameSecret } from './ack';
import { afterRestart, leftOf } from './clock';
import type { ActionEvent, ClassEvent, ClassStore } from './events';
import { randomJoinCode, randomSalt, randomSeed, randomSessionId, randomToken } from './secrets';
import { apply, ClassSession, type Group, MINUTE_MS, type Seat } from './session';

export interface ClassroomOptions {
  readonly store: ClassStore;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly hostKey: string;
  /** Called after any change of a group (or of every group: null). */
  readonly onChange?: (session: ClassSession, group: number | null) => void;
  readonly warn?: (text: string) => void;
  readonly now?: () => number;
}

/** A running clock restored after a restart keeps at least this long. */
const RESTART_FLOOR_MS = MINUTE_MS;

export class Classroom {
  readonly sessions = new Map<string, ClassSession>();
  private readonly byCode = new Map<string, string>();
  private readonly bySeat = new Map<string, string>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly now: () => number;
  private closed = false;

  private constructor(private readonly o: ClassroomOptions) {
    this.now = o.now ?? Date.now;
  }

  /** A classroom with every session of the store restored at the turn it had reached. */
  static async open(o: ClassroomOptions): Promise<Classroom> {
    const room = new Classroom(o);
    const warn = o.warn ?? ((t: string) => process.stderr.write(`${t}\n`));
    for (const stored of await o.store.loadAll()) {
      const first = stored.events[0];
      if (first?.t !== 'session') continue;
      const scenario = o.scenarios.get(first.config.scenarioId);
      if (scenario === undefined) {
        warn(`class session ${stored.session}: scenario ${first.config.scenarioId} is not here; left out`);
        continue;
      }
      try {
        const s = new ClassSession(first.config, scenario);
        for (const e of stored.events) s.apply(e);
        room.add(s);
        for (const g of s.groups) if (g.clock !== null) g.clock = afterRestart(g.clock, room.now(), RESTART_FLOOR_MS);
        for (const g of s.groups) room.schedule(s, g);
      } catch (e) {
        warn(`class session ${stored.session} could not be restored (${e instanceof Error ? e.message : String(e)}); left out`);
      }
    }
    return room;
  }

  private add(s: ClassSession): void {
    this.sessions.set(s.id, s);
    this.byCode.set(s.config.joinCode, s.id);
    for (const token of s.seats.keys()) this.bySeat.set(token, s.id);
  }

  /** Runs one session's commands one at a time. */
  private serial<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(id) ?? Promise.resolve()).then(fn, fn);
    this.queues.set(
      id,
      next.catch(() => undefined),
    );
    return next;
  }

  private async record(s: ClassSession, e: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<void> {
    await this.o.store.append(s.id, e);
    s.apply(e);
  }

  private async act(s: ClassSession, g: Group, action: Action): Promise<boolean> {
    const e: ActionEvent = { t: 'action', group: g.n, n: g.actions.length, action, at: this.now() };
    if (!(await this.o.store.appendAction(s.id, e))) return false;
    s.apply(e);
    return true;
  }

  private changed(s: ClassSession, g: Group | null): void {
    for (const x of g === null ? s.groups : [g]) this.schedule(s, x);
    this.o.onChange?.(s, g === null ? null : g.n);
  }

  checkHostKey(key: string): boolean {
    return sameSecret(key, this.o.hostKey);
  }

  async create(m: HostCreate): Promise<Ack<ClassSession>> {
    if (!this.checkHostKey(m.key)) return no('bad-key', 'key: not the host key this server printed');
    const scenario = this.o.scenarios.get(m.scenarioId);
    if (scenario === undefined) return no('unknown-scenario', `scenarioId: no scenario "${m.scenarioId}" on this server`);
    if (m.seed !== undefined && !isValidSeed(m.seed)) return no('bad-message', 'seed: 1 to 64 characters with no control characters');
    if (m.players.us === 'model' && m.players.cn === 'model') return no('bad-message', 'players: at least one side is played by a team');
    let joinCode = randomJoinCode();
    for (let i = 0; i < 100 && this.byCode.has(joinCode); i++) joinCode = randomJoinCode();
    if (this.byCode.has(joinCode)) return no('server-busy', 'no free join code; try again');
    const config = {
      session: randomSessionId(),
      scenarioId: scenario.id,
      seed: m.seed ?? randomSeed(),
      salt: randomSalt(),
      joinCode,
      facToken: randomToken(),
      players: m.players,
      oddsHidden: m.oddsHidden,
      timerMinutes: m.timerMinutes,
      groups: m.groups,
      createdAt: this.now(),
    };
    const s = new ClassSession(config, scenario);
    await this.o.store.create(config);
    this.add(s);
    for (const g of s.groups) this.schedule(s, g);
    return ok(s);
  }

  hostResume(session: string, facToken: string): Ack<ClassSession> {
    const s = this.sessions.get(session);
    if (s === undefined || !sameSecret(facToken, s.config.facToken)) return no('bad-token', 'facToken: not the facilitator of this session');
    return ok(s);
  }

  async join(m: Join): Promise<Ack<{ session: ClassSession; seat: Seat }>> {
    const id = this.byCode.get(normaliseJoinCode(m.code));
    const s = id === undefined ? undefined : this.sessions.get(id);
    if (s === undefined) return no('bad-code', 'code: no class with this join code');
    if (s.group(m.group) === undefined) return no('no-such-group', `group: this class has groups 1 to ${s.groups.length}`);
    if (s.config.players[m.side] !== 'team') return no('not-allowed', `side: ${m.side} is played by the counterpart model in this class`);
    const token = randomToken();
    return this.serial(s.id, async () => {
      await this.record(s, { t: 'seat', token, group: m.group, side: m.side, at: this.now() });
      this.bySeat.set(token, s.id);
      return ok({ session: s, seat: s.seats.get(token) as Seat });
    });
  }

  seatOf(token: string): { session: ClassSession; seat: Seat } | null {
    const s = this.sessions.get(this.bySeat.get(token) ?? '');
    const seat = s?.seats.get(token);
    return s === undefined || seat === undefined ? null : { session: s, seat };
  }

  choose(s: ClassSession, seat: Seat, m: Choose): Promise<Ack<null>> {
    return this.serial(s.id, async () => {
      const g = s.group(seat.group) as Group;
      const state = s.stateOf(g);
      if (state.ending !== null) return no('engine-refused', 'the game has ended');
      if (m.turn !== state.turn) return no('stale-turn', `turn: the group is choosing turn ${state.turn}, not ${m.turn}`);
      if (g.locks[seat.side] !== undefined) return no('already-locked', `your side has locked in its choice for turn ${state.turn}`);
      if (!legalOptions(s.scenario, state, seat.side).some((o) => o.id === m.option)) return no('engine-refused', `option: "${m.option}" is not offered to ${seat.side} now`);
      await this.record(s, { t: 'lock', group: g.n, turn: state.turn, side: seat.side, option: m.option, at: this.now() });
      await this.resolveIfReady(s, g);
      this.changed(s, g);
      return ok(null);
    });
  }

  /** Resolves the turn once every team side has locked, with the facilitator's overrides as `force`. */
  private async resolveIfReady(s: ClassSession, g: Group): Promise<void> {
    const state = s.stateOf(g);
    if (state.ending !== null || !s.teamSides().every((side) => g.locks[side] !== undefined)) return;
    const base: Action = { kind: 'turn', ...g.locks };
    const forced = (['us', 'cn'] as const).filter((side) => g.overrides[side] !== null);
    // An override the turn rules out (the other side's move made it impossible) gives way to the dice.
    const tries = [forced, ...forced.map((drop) => forced.filter((f) => f !== drop)), []];
    for (const sides of tries) {
      const force: { us?: string; cn?: string } = {};
      for (const side of sides) force[side] = g.overrides[side] as string;
      const action: Action = sides.length === 0 ? base : { ...base, force };
      if (apply(s.scenario, state, action).ok) {
        if (!(await this.act(s, g, action))) throw new Error('another writer resolved this turn');
        return;
      }
    }
    throw new Error(`group ${g.n}: the engine refused the turn`);
  }

  private groupsOf(s: ClassSession, group: number | undefined): Ack<Group | null> {
    if (group === undefined) return ok(null);
    const g = s.group(group);
    return g === undefined ? no('no-such-group', `group: this class has groups 1 to ${s.groups.length}`) : ok(g);
  }

  pause(s: ClassSession, m: Pause): Promise<Ack<null>> {
    return this.serial(s.id, async () => {
      const g = this.groupsOf(s, m.group);
      if (!g.ok) return g;
      await this.record(s, { t: 'pause', group: m.group ?? null, on: m.on, at: this.now() });
      this.changed(s, g.value);
      return ok(null);
    });
  }

  extend(s: ClassSession, m: Extend): Promise<Ack<null>> {
    return this.serial(s.id, async () => {
      const g = this.groupsOf(s, m.group);
      if (!g.ok) return g;
      if (s.limitMs === null) return no('not-allowed', 'this class has no turn timer');
      await this.record(s, { t: 'extend', group: m.group ?? null, ms: m.minutes * MINUTE_MS, at: this.now() });
      this.changed(s, g.value);
      return ok(null);
    });
  }

  inject(s: ClassSession, m: Inject): Promise<Ack<null>> {
    return this.serial(s.id, async () => {
      const g = s.group(m.group);
      if (g === undefined) return no('no-such-group', `group: this class has groups 1 to ${s.groups.length}`);
      const action: Action = { kind: 'inject', inject: m.inject };
      const r = apply(s.scenario, s.stateOf(g), action);
      if (!r.ok) return no('engine-refused', `inject: ${r.error}`);
      if (!(await this.act(s, g, action))) return no('server-busy', 'the group changed meanwhile; try again');
      this.changed(s, g);
      return ok(null);
    });
  }

  override(s: ClassSession, m: Override): Promise<Ack<null>> {
    return this.serial(s.id, async () => {
      const g = s.group(m.group);
      if (g === undefined) return no('no-such-group', `group: this class has groups 1 to ${s.groups.length}`);
      const state = s.stateOf(g);
      if (state.ending !== null) return no('engine-refused', 'the game has ended');
      if (m.outcome !== null) {
        const beat = s.scenario.beats.get(state.beat);
        const locked = g.locks[m.side];
        const options = (beat?.options[m.side] ?? []).filter((o) => locked === undefined || o.id === locked);
        if (!options.some((o) => o.outcomes.some((x) => x.id === m.outcome))) return no('engine-refused', `outcome: no option of ${m.side} this turn has an outcome "${m.outcome}"`);
      }
      await this.record(s, { t: 'override', group: g.n, side: m.side, outcome: m.outcome, at: this.now() });
      this.changed(s, g);
      return ok(null);
    });
  }

  reveal(s: ClassSession): Promise<Ack<null>> {
    return this.serial(s.id, async () => {
      if (!s.revealed) await this.record(s, { t: 'reveal', at: this.now() });
      this.changed(s, null);
      return ok(null);
    });
  }

  /** Sets the group's timer: when it runs out, each unlocked team side takes its default option. */
  private schedule(s: ClassSession, g: Group): void {
    const key = `${s.id}:${g.n}`;
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    if (this.closed || g.clock === null || g.clock.paused || s.stateOf(g).ending !== null) return;
    const wait = Math.max(0, leftOf(g.clock, this.now()));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timeUp(s, g).catch((e: unknown) => (this.o.warn ?? console.error)(`class timer: ${e instanceof Error ? e.message : String(e)}`));
      }, wait),
    );
  }

  private timeUp(s: ClassSession, g: Group): Promise<void> {
    return this.serial(s.id, async () => {
      const state = s.stateOf(g);
      if (g.clock === null || g.clock.paused || leftOf(g.clock, this.now()) > 0 || state.ending !== null) return this.schedule(s, g);
      for (const side of s.teamSides() as Side[]) {
        const fallback = g.locks[side] === undefined ? defaultOption(s.scenario, state, side) : null;
        if (fallback !== null) await this.record(s, { t: 'lock', group: g.n, turn: state.turn, side, option: fallback.id, at: this.now() });
      }
      await this.resolveIfReady(s, g);
      this.changed(s, g);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...this.queues.values()]);
    await this.o.store.close();
  }
}
