/**
 * The class server's authority: every class session, its seats and its groups' logs. Each command is
 * checked (role, turn, legality by the engine), written to the store, then folded into memory; the
 * commands of one group run one at a time, different groups' side by side (src/server/lanes.ts). Nothing here knows about sockets: src/server/io.ts calls
 * these methods and sends the views. With a shared store (Redis, several processes) each command first
 * folds what the other processes appended (src/server/registry.ts), and after writing folds its own
 * event in the store's order; a compare-and-set lost to another process is no error: its turn stands.
 */
import { type Action, defaultOption, isValidSeed, legalOptions, type Scenario, type Side } from '../engine';
import type { Ack, Choose, Extend, HostCreate, Inject, Join, Override, Pause } from '../net/protocol';
import { normaliseJoinCode } from '../net/protocol';
import { no, ok, sameSecret } from './ack';
import { afterRestart, leftOf } from './clock';
import type { ActionEvent, ClassEvent, ClassStore } from './events';
import { Lanes } from './lanes';
import { Registry } from './registry';
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
  private readonly registry: Registry;
  private readonly lanes = new Map<string, Lanes>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly now: () => number;
  private closed = false;

  private constructor(private readonly o: ClassroomOptions) {
    this.now = o.now ?? Date.now;
    const warn = o.warn ?? ((t: string) => process.stderr.write(`${t}\n`));
    this.registry = new Registry(o.store, o.scenarios, warn, (s, groups) => {
      for (const g of s.groups) if (groups === null || groups.has(g.n)) this.schedule(s, g);
    });
  }

  /**
   * A classroom with every session of the store restored at the turn it had reached. A shared store's
   * sessions are loaded when first used instead (another process may be playing them).
   */
  static async open(o: ClassroomOptions): Promise<Classroom> {
    const room = new Classroom(o);
    if (room.registry.shared !== null) return room;
    for (const stored of await o.store.loadAll()) {
      const s = room.registry.build(stored.session, stored.events);
      if (s === null) continue;
      room.registry.add(s);
      for (const g of s.groups) if (g.clock !== null) g.clock = afterRestart(g.clock, room.now(), RESTART_FLOOR_MS);
      for (const g of s.groups) room.schedule(s, g);
    }
    return room;
  }

  get sessions(): ReadonlyMap<string, ClassSession> {
    return this.registry.sessions;
  }

  /** Whether several processes share the store (views then go to rooms whose sockets may be elsewhere). */
  get shared(): boolean {
    return this.registry.shared !== null;
  }

  /** Runs a command in its group's lane (null: the whole session's), after folding what other processes appended. */
  private serial<T>(s: ClassSession, lane: number | null, fn: () => Promise<T>): Promise<T> {
    let lanes = this.lanes.get(s.id);
    if (lanes === undefined) {
      lanes = new Lanes();
      this.lanes.set(s.id, lanes);
    }
    return lanes.run(lane, async () => {
      await this.registry.catchUp(s);
      return fn();
    });
  }

  private record(s: ClassSession, e: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<void> {
    return this.registry.write(s, e);
  }

  private act(s: ClassSession, g: Group, action: Action): Promise<boolean> {
    return this.registry.writeAction(s, { t: 'action', group: g.n, n: g.actions.length, action, at: this.now() });
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
    for (let i = 0; i < 100 && this.registry.hasCode(joinCode); i++) joinCode = randomJoinCode();
    if (this.registry.hasCode(joinCode)) return no('server-busy', 'no free join code; try again');
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
    s.folded = 1;
    this.registry.add(s);
    for (const g of s.groups) this.schedule(s, g);
    return ok(s);
  }

  async hostResume(session: string, facToken: string): Promise<Ack<ClassSession>> {
    const s = await this.registry.byId(session);
    if (s === undefined || !sameSecret(facToken, s.config.facToken)) return no('bad-token', 'facToken: not the facilitator of this session');
    await this.refresh(s);
    return ok(s);
  }

  async join(m: Join): Promise<Ack<{ session: ClassSession; seat: Seat }>> {
    const s = await this.registry.ofCode(normaliseJoinCode(m.code));
    if (s === undefined) return no('bad-code', 'code: no class with this join code');
    if (s.group(m.group) === undefined) return no('no-such-group', `group: this class has groups 1 to ${s.groups.length}`);
    if (s.config.players[m.side] !== 'team') return no('not-allowed', `side: ${m.side} is played by the counterpart model in this class`);
    const token = randomToken();
    return this.serial(s, m.group, async () => {
      await this.record(s, { t: 'seat', token, group: m.group, side: m.side, at: this.now() });
      this.registry.addSeat(token, s.id);
      return ok({ session: s, seat: s.seats.get(token) as Seat });
    });
  }

  /** Brings a session up to date with what other processes appended (nothing to do with one process). */
  refresh(s: ClassSession): Promise<void> {
    return this.registry.catchUp(s);
  }

  /** The seat a token holds, with its session brought up to date. */
  async seatOf(token: string): Promise<{ session: ClassSession; seat: Seat } | null> {
    const s = await this.registry.ofSeat(token);
    if (s === undefined) return null;
    await this.refresh(s);
    const seat = s.seats.get(token);
    return seat === undefined ? null : { session: s, seat };
  }

  choose(s: ClassSession, seat: Seat, m: Choose): Promise<Ack<null>> {
    return this.serial(s, seat.group, async () => {
      const g = s.group(seat.group) as Group;
      const state = s.stateOf(g);
      if (state.ending !== null) return no('engine-refused', 'the game has ended');
      if (m.turn !== state.turn) return no('stale-turn', `turn: the group is choosing turn ${state.turn}, not ${m.turn}`);
      if (g.locks[seat.side] !== undefined) return no('already-locked', `your side has locked in its choice for turn ${state.turn}`);
      if (!legalOptions(s.scenario, state, seat.side).some((o) => o.id === m.option)) return no('engine-refused', `option: "${m.option}" is not offered to ${seat.side} now`);
      // The turn's action (when this lock completes it) joins the lock in one write to the disk.
      const { durable } = await this.registry.writeEarly(s, { t: 'lock', group: g.n, turn: state.turn, side: seat.side, option: m.option, at: this.now() });
      await this.resolveIfReady(s, g);
      await durable;
      this.changed(s, g);
      return ok(null);
    });
  }

  /**
   * Resolves the turn once every team side has locked. Only a shared store's other process can win the
   * compare-and-set meanwhile: its turn is folded in and stands.
   */
  private async resolveIfReady(s: ClassSession, g: Group): Promise<void> {
    const action = s.turnAction(g);
    if (action !== null && !(await this.act(s, g, action)) && !this.shared) throw new Error('another writer resolved this turn');
  }

  private groupsOf(s: ClassSession, group: number | undefined): Ack<Group | null> {
    if (group === undefined) return ok(null);
    const g = s.group(group);
    return g === undefined ? no('no-such-group', `group: this class has groups 1 to ${s.groups.length}`) : ok(g);
  }

  pause(s: ClassSession, m: Pause): Promise<Ack<null>> {
    return this.serial(s, m.group ?? null, async () => {
      const g = this.groupsOf(s, m.group);
      if (!g.ok) return g;
      await this.record(s, { t: 'pause', group: m.group ?? null, on: m.on, at: this.now() });
      this.changed(s, g.value);
      return ok(null);
    });
  }

  extend(s: ClassSession, m: Extend): Promise<Ack<null>> {
    return this.serial(s, m.group ?? null, async () => {
      const g = this.groupsOf(s, m.group);
      if (!g.ok) return g;
      if (s.limitMs === null) return no('not-allowed', 'this class has no turn timer');
      await this.record(s, { t: 'extend', group: m.group ?? null, ms: m.minutes * MINUTE_MS, at: this.now() });
      this.changed(s, g.value);
      return ok(null);
    });
  }

  inject(s: ClassSession, m: Inject): Promise<Ack<null>> {
    return this.serial(s, m.group, async () => {
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
    return this.serial(s, m.group, async () => {
      const g = s.group(m.group);
      if (g === undefined) return no('no-such-group', `group: this class has groups 1 to ${s.groups.length}`);
      const state = s.stateOf(g);
      if (state.ending !== null) return no('engine-refused', 'the game has ended');
      if (m.outcome !== null && !s.canForce(g, m.side, m.outcome)) return no('engine-refused', `outcome: no option of ${m.side} this turn has an outcome "${m.outcome}"`);
      await this.record(s, { t: 'override', group: g.n, side: m.side, outcome: m.outcome, at: this.now() });
      this.changed(s, g);
      return ok(null);
    });
  }

  reveal(s: ClassSession): Promise<Ack<null>> {
    return this.serial(s, null, async () => {
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
    return this.serial(s, g.n, async () => {
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
    await Promise.all([...this.lanes.values()].map((l) => l.idle()));
    await this.o.store.close();
  }
}
