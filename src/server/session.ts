/**
 * A class session in memory: its setup, each group's action log and the state rebuilt from it by the
 * engine (start, then resolveTurn and fireInject, exactly as the hot-seat game plays), the seats, the
 * locks of the coming turn, the facilitator's overrides and each group's clock. Every change arrives
 * as a {@link ClassEvent} and is folded in by {@link ClassSession.apply}, live and on restore alike.
 */
import { type Action, type Controller, fireInject, type GameState, legalOptions, resolveTurn, type Scenario, type Side, start, stateHash } from '../engine';
import { type Clock, extendClock, pauseClock, startTurn } from './clock';
import { actionOf, type ClassEvent, type SessionConfig } from './events';
import { commitmentOf } from './secrets';

export const SIDES: readonly Side[] = ['us', 'cn'];
export const MINUTE_MS = 60_000;

export interface Group {
  readonly n: number;
  readonly actions: Action[];
  /** The state hash after each action folded so far (the replay file's `hashes`). */
  readonly hashes: string[];
  cache: { length: number; state: GameState };
  /** Each team side's locked option for the coming turn (sealed: the other side never sees it). */
  locks: { us?: string; cn?: string };
  overrides: { us: string | null; cn: string | null };
  paused: boolean;
  clock: Clock | null;
}

export interface Seat {
  readonly token: string;
  readonly group: number;
  readonly side: Side;
}

export class ClassSession {
  readonly id: string;
  readonly commitment: string;
  readonly controllers: Readonly<Record<Side, Controller>>;
  readonly groups: Group[] = [];
  readonly seats = new Map<string, Seat>();
  revealed = false;
  /** How many of the session's stored events are folded in (the read position in a shared store). */
  folded = 0;

  constructor(
    readonly config: SessionConfig,
    readonly scenario: Scenario,
  ) {
    this.id = config.session;
    this.commitment = commitmentOf(config.seed, config.salt);
    this.controllers = { us: config.players.us === 'team' ? 'people' : 'model', cn: config.players.cn === 'team' ? 'people' : 'model' };
    const first = start(scenario, config.seed, this.controllers);
    for (let n = 1; n <= config.groups; n++) {
      const clock = this.limitMs === null ? null : startTurn(this.limitMs, false, config.createdAt);
      this.groups.push({ n, actions: [], hashes: [], cache: { length: 0, state: first }, locks: {}, overrides: { us: null, cn: null }, paused: false, clock });
    }
  }

  get limitMs(): number | null {
    return this.config.timerMinutes === null ? null : this.config.timerMinutes * MINUTE_MS;
  }

  /** The sides played by teams (the others by the counterpart model). */
  teamSides(): Side[] {
    return SIDES.filter((s) => this.config.players[s] === 'team');
  }

  group(n: number): Group | undefined {
    return this.groups[n - 1];
  }

  /** The group's game, rebuilt from its log (from the cached state when the log has only grown). */
  stateOf(g: Group): GameState {
    let { length, state } = g.cache;
    while (length < g.actions.length) {
      const r = apply(this.scenario, state, g.actions[length] as Action);
      if (!r.ok) throw new Error(`group ${g.n}: the engine refused logged action ${length + 1}: ${r.error}`);
      state = r.state;
      g.hashes[length] = stateHash(state);
      length++;
    }
    g.cache = { length, state };
    return state;
  }

  /** Folds one event into memory. Events were checked before they were stored; a stale one is ignored. */
  apply(e: ClassEvent): void {
    switch (e.t) {
      case 'session':
        return;
      case 'seat':
        this.seats.set(e.token, { token: e.token, group: e.group, side: e.side });
        return;
      case 'reveal':
        this.revealed = true;
        return;
      case 'pause':
        for (const g of this.targets(e.group)) {
          g.paused = e.on;
          if (g.clock !== null) g.clock = pauseClock(g.clock, e.on, e.at);
        }
        return;
      case 'extend':
        for (const g of this.targets(e.group)) if (g.clock !== null) g.clock = extendClock(g.clock, e.ms);
        return;
    }
    const g = this.group(e.group);
    if (g === undefined) return;
    if (e.t === 'lock') {
      // The first lock of a side counts: a second one (another process did not know of the first) is stale.
      if (this.stateOf(g).turn === e.turn && g.locks[e.side] === undefined) g.locks[e.side] = e.option;
    } else if (e.t === 'override') {
      g.overrides[e.side] = e.outcome;
    } else if (e.t === 'action') {
      if (e.n !== g.actions.length) return;
      const action = actionOf(e);
      g.actions.push(action);
      const state = this.stateOf(g);
      if (action.kind === 'turn') {
        g.locks = {};
        g.overrides = { us: null, cn: null };
        const limit = this.limitMs;
        g.clock = limit === null || state.ending !== null ? null : startTurn(limit, g.paused, e.at);
      } else {
        // An inject can change what is offered: a lock on an option no longer offered is dropped.
        for (const side of SIDES) {
          const locked = g.locks[side];
          if (locked !== undefined && !legalOptions(this.scenario, state, side).some((o) => o.id === locked)) delete g.locks[side];
        }
        if (state.ending !== null) g.clock = null;
      }
    }
  }

  /**
   * The turn to resolve once every team side has locked, with the facilitator's overrides as `force`
   * (an override the turn rules out, because of the other side's move, gives way to the dice); null
   * while a team side has not locked or the game has ended.
   */
  turnAction(g: Group): Action | null {
    const state = this.stateOf(g);
    if (state.ending !== null || !this.teamSides().every((side) => g.locks[side] !== undefined)) return null;
    const base: Action = { kind: 'turn', ...g.locks };
    const forced = SIDES.filter((side) => g.overrides[side] !== null);
    const tries = [forced, ...forced.map((drop) => forced.filter((f) => f !== drop)), []];
    for (const sides of tries) {
      const force: { us?: string; cn?: string } = {};
      for (const side of sides) force[side] = g.overrides[side] as string;
      const action: Action = sides.length === 0 ? base : { ...base, force };
      if (apply(this.scenario, state, action).ok) return action;
    }
    throw new Error(`group ${g.n}: the engine refused the turn`);
  }

  /** Whether `outcome` is an outcome of an option `side` may play this turn (its locked one, once locked). */
  canForce(g: Group, side: Side, outcome: string): boolean {
    const beat = this.scenario.beats.get(this.stateOf(g).beat);
    const locked = g.locks[side];
    const options = (beat?.options[side] ?? []).filter((o) => locked === undefined || o.id === locked);
    return options.some((o) => o.outcomes.some((x) => x.id === outcome));
  }

  private targets(group: number | null): Group[] {
    if (group === null) return this.groups;
    const g = this.group(group);
    return g === undefined ? [] : [g];
  }
}

export function apply(scenario: Scenario, state: GameState, action: Action): { ok: true; state: GameState } | { ok: false; error: string } {
  const r = action.kind === 'inject' ? fireInject(scenario, state, action.inject) : resolveTurn(scenario, state, choiceOf(action));
  return r.ok ? { ok: true, state: r.state } : { ok: false, error: `${r.error.code}: ${r.error.message}` };
}

function choiceOf(action: Extract<Action, { kind: 'turn' }>): { us?: string; cn?: string; force?: { us?: string; cn?: string } } {
  const { kind: _kind, ...choice } = action;
  return choice;
}
