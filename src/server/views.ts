/**
 * What each screen of a class is sent, built from the engine's state. A seat sees its own side only:
 * its options, its own lock (of the other side only whether it has locked), odds and draws only when
 * the odds are shown, and never the seed, the salt or a hidden flag until the facilitator reveals seed
 * and salt at the debrief. The facilitator sees everything.
 */
import {
  actionsOf,
  beatTextOf,
  currentDate,
  encodeReplayCode,
  endingTextOf,
  fallbackText,
  formatLongDate,
  type ReplayFile,
  replayHeader,
  type Scenario,
  SIDE_NAMES,
  type Side,
  stringifyReplay,
} from '../engine';
import { type FacView, type GroupFacView, type PendingFacView, PROTOCOL_VERSION, type SeatView } from '../net/protocol';
import { rungLabel } from '../store/derive';
import { clockView } from './clock';
import type { ClassSession, Group, Seat } from './session';
import { indicatorViews, optionViews, turnView } from './view-parts';

const other = (side: Side): Side => (side === 'us' ? 'cn' : 'us');

/** Odds and draws are shown when the class shows them, and to everyone once seed and salt are revealed. */
export const oddsShown = (s: ClassSession): boolean => !s.config.oddsHidden || s.revealed;

const replays = new WeakMap<Group, { length: number; text: string; code: string | null }>();

/** The group's replay file, as the one-screen game records it (its actions in the engine's own form). */
function replayFile(s: ClassSession, g: Group): ReplayFile {
  const actions = actionsOf(s.stateOf(g));
  return { ...replayHeader(s.scenario), seed: s.config.seed, controllers: { ...s.controllers }, actions, hashes: g.hashes.slice(0, actions.length) };
}

/**
 * The group's replay file as JSON text (cached by log length), made from its log and the state hash
 * after each action, which the session keeps as it folds them (no game is replayed for it).
 */
export function replayText(s: ClassSession, g: Group): string {
  const hit = replays.get(g);
  if (hit !== undefined && hit.length === g.actions.length) return hit.text;
  const text = stringifyReplay(replayFile(s, g));
  replays.set(g, { length: g.actions.length, text, code: null });
  return text;
}

/** The group's replay file and its replay code (the code, which replays the game to check it, only when asked). */
export function replayOf(s: ClassSession, g: Group): { text: string; code: string } {
  const text = replayText(s, g);
  const hit = replays.get(g);
  if (hit !== undefined && hit.code !== null) return { text, code: hit.code };
  const code = encodeReplayCode(replayFile(s, g), s.scenario);
  const made = { length: g.actions.length, text, code: code.ok ? code.value : '' };
  replays.set(g, made);
  return made;
}

/**
 * One seat's view. `texts` is the scenario whose words the seat reads (the class's own, or the same
 * rules in the seat's language): the game is the class's, only its words change.
 */
export function seatView(s: ClassSession, seat: Seat, now: number, texts: Scenario = s.scenario): SeatView {
  const g = s.group(seat.group) as Group;
  const state = s.stateOf(g);
  const scenario = texts;
  const side = seat.side;
  const shown = oddsShown(s);
  const team = s.config.players[side] === 'team';
  const date = formatLongDate(currentDate(scenario, state));
  const lastRecord = state.log[state.log.length - 1];
  const ending = state.ending === null ? undefined : scenario.endings.find((e) => e.id === state.ending);
  const endingFile = scenario.file.endings.find((e) => e.id === state.ending);
  return {
    protocol: PROTOCOL_VERSION,
    session: s.id,
    group: g.n,
    side,
    scenario: { id: scenario.id, title: scenario.file.title, sideName: SIDE_NAMES[side], otherName: SIDE_NAMES[other(side)] },
    seen: g.actions.length,
    turn: state.turn,
    maxTurns: scenario.file.maxTurns,
    date,
    beatTitle: scenario.beats.get(state.beat)?.file.title ?? '',
    text: ending === undefined ? beatTextOf(scenario, state, side) : endingTextOf(scenario, state, side),
    indicators: indicatorViews(scenario, state, side),
    rungs: { us: rungLabel(scenario, state.rung.us), cn: rungLabel(scenario, state.rung.cn) },
    hotline: state.hotline.status,
    options: team && state.ending === null ? optionViews(scenario, state, side, shown) : null,
    locked: { mine: g.locks[side] ?? null, us: g.locks.us !== undefined, cn: g.locks.cn !== undefined },
    teams: { us: s.config.players.us === 'team', cn: s.config.players.cn === 'team' },
    clock: g.clock === null ? null : clockView(g.clock, now),
    last: lastRecord === undefined ? null : turnView(scenario, lastRecord, side, shown, date),
    ending: ending === undefined ? null : { title: endingFile?.title ?? ending.id, text: endingTextOf(scenario, state, side), tone: ending.tone[side] },
    commitment: s.commitment,
    reveal: s.revealed ? { seed: s.config.seed, salt: s.config.salt, replay: replayOf(s, g).text, code: replayOf(s, g).code } : null,
  };
}

function pendingOf(s: ClassSession, g: Group, side: Side, texts: Scenario): PendingFacView | null {
  const locked = g.locks[side];
  const state = s.stateOf(g);
  const option = locked === undefined ? undefined : texts.beats.get(state.beat)?.options[side].find((o) => o.id === locked);
  if (option === undefined) return null;
  const label = texts.file.beats.find((b) => b.id === state.beat)?.options[side].find((o) => o.id === locked);
  return {
    option: option.id,
    label: label === undefined ? option.id : fallbackText(label.label),
    outcomes: option.outcomes.map((o) => ({ id: o.id, label: fallbackText(o.file.text) })),
  };
}

export function groupFacView(s: ClassSession, g: Group, connected: (group: number, side: Side) => number, now: number, texts: Scenario = s.scenario): GroupFacView {
  const state = s.stateOf(g);
  const scenario = texts;
  return {
    group: g.n,
    turn: state.turn,
    ending: state.ending === null ? null : (scenario.file.endings.find((e) => e.id === state.ending)?.title ?? state.ending),
    rungs: { us: rungLabel(scenario, state.rung.us), cn: rungLabel(scenario, state.rung.cn) },
    indicators: indicatorViews(scenario, state, 'us'),
    locked: { us: g.locks.us !== undefined, cn: g.locks.cn !== undefined },
    connected: { us: connected(g.n, 'us'), cn: connected(g.n, 'cn') },
    clock: g.clock === null ? null : clockView(g.clock, now),
    injects: state.ending !== null ? [] : scenario.file.injects.filter((i) => !state.firedInjects.includes(i.id)).map((i) => ({ id: i.id, title: i.title })),
    pending: { us: pendingOf(s, g, 'us', texts), cn: pendingOf(s, g, 'cn', texts) },
    overrides: { us: g.overrides.us, cn: g.overrides.cn },
    replay: replayText(s, g),
  };
}

/** The facilitator's view; `texts` is the scenario whose words the console reads (the class's own, or the same rules in its language). */
export function facView(s: ClassSession, joinUrl: string, connected: (group: number, side: Side) => number, now: number, texts: Scenario = s.scenario): FacView {
  return {
    protocol: PROTOCOL_VERSION,
    session: s.id,
    joinCode: s.config.joinCode,
    joinUrl,
    scenario: { id: s.scenario.id, title: texts.file.title },
    seed: s.config.seed,
    commitment: s.commitment,
    revealed: s.revealed,
    oddsHidden: s.config.oddsHidden,
    teams: { us: s.config.players.us === 'team', cn: s.config.players.cn === 'team' },
    groups: s.groups.map((g) => groupFacView(s, g, connected, now, texts)),
  };
}
