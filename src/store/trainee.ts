/**
 * A trainee's tools on a run: rewinding to a turn to choose differently (a branch; the run left behind
 * is kept as a replay code), the branches compared side by side, and the facilitator's hot-wash notes.
 * Branches and notes travel with the run and are kept in the save's settings (flat keys, 200
 * characters a value, so a long note or branch code is split over several keys). When they would
 * not fit, the change is refused with a message before anything is written: nothing is dropped.
 */

import type { SaveSettings } from '../engine';
import { type Action, actionsOf, decodeReplayCode, encodeReplayCode, type GameState, type ObjectiveResult, playActions, recordReplay, type Scenario, type Side, scoreObjectives } from '../engine';
import { type LuckResult, luckVersusChoice } from '../sim/luck';
import type { RunInput } from '../sim/luck-types';

export type { LuckReport, LuckResult } from '../sim/luck';

import { isEmptyEntry, planFromSettings, planSettings } from './plan';
import { type Branch, type Run, type RunExtras, runAt } from './run';

export type { Branch, RunExtras } from './run';

export const NO_EXTRAS: RunExtras = { branches: [], notes: [] };
/** Branches kept per run: a seminar explores a handful of alternatives, and each takes a save key. */
export const MAX_BRANCHES = 8;
/** Longest hot-wash note: five save values of 200 characters. */
export const MAX_NOTE_CHARS = 1000;
const PART = 200;
const PARTS = MAX_NOTE_CHARS / PART;
/** Save keys the extras may take: a save holds 64, and the store keeps a few of its own. */
const SETTING_KEYS = 56;

export const extrasOf = (run: Run): RunExtras => run.extras ?? NO_EXTRAS;

/** The number of turns a game has played (turn actions in its log). */
export function turnsPlayed(game: GameState): number {
  return game.log.filter((r) => r.kind === 'turn').length;
}

/** The actions of `game` up to and including its `turns`-th turn (facilitator injects before it kept). */
export function actionsUpTo(game: GameState, turns: number): Action[] {
  const out: Action[] = [];
  let seen = 0;
  for (const action of actionsOf(game)) {
    if (action.kind === 'turn') {
      if (seen === turns) break;
      seen++;
    }
    out.push(action);
  }
  return out;
}

export type RewindResult = { readonly ok: true; readonly run: Run } | { readonly ok: false; readonly message: string };

/**
 * Rewinds a run to just after its `turns`-th turn (0: before turn 1), keeping the run as it was as a
 * branch. The new run is at that turn's choice, or at the briefing for 0.
 */
export function rewind(run: Run, turns: number): RewindResult {
  if (run.review !== null) return { ok: false, message: 'a replay being watched cannot be rewound; play on from it first' };
  const played = turnsPlayed(run.game);
  if (!Number.isInteger(turns) || turns < 0 || turns >= played) return { ok: false, message: `choose a turn from 0 to ${played - 1}` };
  const recorded = recordReplay(run.scenario, run.game);
  if (!recorded.ok) return { ok: false, message: recorded.error.message };
  const code = encodeReplayCode(recorded.value, run.scenario);
  if (!code.ok) return { ok: false, message: code.error.message };
  const replayed = playActions(run.scenario, run.game.seed, run.game.controllers, actionsUpTo(run.game, turns), run.game.scenarioHash);
  if (!replayed.ok) return { ok: false, message: replayed.error.message };
  const extras = extrasOf(run);
  if (extras.branches.length >= MAX_BRANCHES)
    return { ok: false, message: `this run already keeps ${MAX_BRANCHES} branches, the most it can: export the report or the replay codes of the branches first` };
  const branches = [...extras.branches, { code: code.value, rewoundTo: turns }];
  const problem = extrasProblem({ ...extras, branches });
  if (problem !== null) return { ok: false, message: problem };
  const next = runAt(run, replayed.value.state, replayed.value.state.log.length === 0 ? 'briefing' : 'turn');
  return { ok: true, run: { ...next, extras: { ...extras, branches } } };
}

/** The replay code of a run (to hand it in), or why it cannot be written. */
export function replayCodeOf(run: Run): { readonly ok: true; readonly code: string } | { readonly ok: false; readonly reason: string } {
  const file = recordReplay(run.scenario, run.game);
  if (!file.ok) return { ok: false, reason: file.error.message };
  const code = encodeReplayCode(file.value, run.scenario);
  return code.ok ? { ok: true, code: code.value } : { ok: false, reason: code.error.message };
}

/** Luck versus choice (src/sim/luck.ts) for the first side people played in a finished run. */
export function luckOf(run: Run, side: Side = run.side === 'both' ? 'us' : run.side): LuckResult {
  return luckVersusChoice(run.scenario, luckInput(run), side);
}

/** The run as luck versus choice reads it: seed, who played each side, and the actions. */
export function luckInput(run: Run): RunInput {
  return { seed: run.game.seed, controllers: run.game.controllers, actions: actionsOf(run.game) };
}

/** One path of a run, as the branch comparison shows it. */
export interface PathView {
  readonly label: string;
  readonly current: boolean;
  readonly game: GameState;
  readonly endingTitle: string | null;
  readonly objectives: readonly ObjectiveResult[];
  /** The turn (1-based) at which this path first chose differently from the current run; null if it never did. */
  readonly splitTurn: number | null;
  /** The choices made on each turn, as option labels joined per side. */
  readonly choices: readonly string[];
}

function choicesOf(scenario: Scenario, game: GameState): string[] {
  const out: string[] = [];
  for (const record of game.log) {
    if (record.kind !== 'turn') continue;
    const beat = scenario.beats.get(record.beat);
    const moves = record.moves.filter((m) => m.by === 'people');
    out.push(moves.map((m) => beat?.options[m.side].find((o) => o.id === m.option)?.file.label ?? m.option).join(' / '));
  }
  return out;
}

function keyOf(game: GameState): string[] {
  return actionsOf(game)
    .filter((a) => a.kind === 'turn')
    .map((a) => JSON.stringify(a));
}

/** The first turn (1-based) where two games' turn choices differ, or null when one is a prefix of the other. */
export function splitTurn(a: GameState, b: GameState): number | null {
  const ka = keyOf(a);
  const kb = keyOf(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) if (ka[i] !== kb[i]) return i + 1;
  return null;
}

function pathOf(scenario: Scenario, game: GameState, label: string, current: GameState | null): PathView {
  return {
    label,
    current: current === null,
    game,
    endingTitle: game.ending === null ? null : (scenario.file.endings.find((e) => e.id === game.ending)?.title ?? game.ending),
    objectives: scoreObjectives(scenario, game),
    splitTurn: current === null ? null : splitTurn(game, current),
    choices: choicesOf(scenario, game),
  };
}

/**
 * Names that stay put: the first run is "Your run" for good, and each path a rewind started is "Branch
 * from turn N" (the turn it chose again), with "(2)", "(3)" for a second rewind to the same turn. The
 * kept paths are named in the order they were kept; the last name is the current path's.
 */
export function pathLabels(run: Run): string[] {
  const branches = extrasOf(run).branches;
  const seen = new Map<number, number>();
  const labels = ['Your run'];
  for (const b of branches) {
    const turn = b.rewoundTo + 1;
    const n = (seen.get(turn) ?? 0) + 1;
    seen.set(turn, n);
    labels.push(`Branch from turn ${turn}${n > 1 ? ` (${n})` : ''}`);
  }
  return labels;
}

/** The current run and every kept branch that still decodes (oldest branch first, the current run last). */
export function pathsOf(run: Run): PathView[] {
  const out: PathView[] = [];
  const labels = pathLabels(run);
  extrasOf(run).branches.forEach((b, i) => {
    const file = decodeReplayCode(b.code, [run.scenario]);
    if (!file.ok) return;
    const played = playActions(run.scenario, file.value.seed, file.value.controllers, file.value.actions, file.value.scenarioHash);
    if (played.ok) out.push(pathOf(run.scenario, played.value.state, labels[i] ?? `Path ${i + 1}`, run.game));
  });
  out.push(pathOf(run.scenario, run.game, labels[labels.length - 1] ?? 'Your run', null));
  return out;
}

/** The run with hot-wash note `index` set (trimmed to {@link MAX_NOTE_CHARS}). */
export function withNote(run: Run, index: number, text: string): Run {
  const extras = extrasOf(run);
  const notes = [...extras.notes];
  while (notes.length <= index) notes.push('');
  notes[index] = text.slice(0, MAX_NOTE_CHARS);
  return { ...run, extras: { ...extras, notes } };
}

/**
 * The extras as save settings: `branch.<i>` holds `<turn>:<code>` cut to 200 characters, a longer
 * code going on in `branch.<i>.<p>`; `note.<q>.<part>` up to 200 characters each; the improvement
 * plan in `plan.<i>` (src/store/plan.ts). Everything is
 * written or nothing: {@link extrasProblem} says beforehand when the extras would not fit.
 */
export function extrasSettings(extras: RunExtras | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (extras === undefined) return out;
  extras.branches.forEach((b, i) => {
    const text = `${b.rewoundTo}:${b.code}`;
    for (let p = 0; p * PART < text.length; p++) out[p === 0 ? `branch.${i}` : `branch.${i}.${p}`] = text.slice(p * PART, (p + 1) * PART);
  });
  extras.notes.forEach((note, q) => {
    for (let p = 0; p < PARTS && p * PART < note.length; p++) out[`note.${q}.${p}`] = note.slice(p * PART, (p + 1) * PART);
  });
  Object.assign(out, planSettings(extras.plan));
  return out;
}

/** Why these extras cannot be saved in full (the save holds {@link SETTING_KEYS} values of 200 characters), or null. */
export function extrasProblem(extras: RunExtras | undefined): string | null {
  const used = Object.keys(extrasSettings(extras)).length;
  if (used <= SETTING_KEYS) return null;
  const what = (extras?.plan ?? []).some((e) => !isEmptyEntry(e)) ? 'the notes, improvement plan and branches' : 'the notes and branches';
  return `${what} of this run would need ${used} save values and the save holds ${SETTING_KEYS} (200 characters each): shorten a note, or print or export the report to keep the rest`;
}

/** The extras read back from save settings (unknown or malformed keys ignored). */
export function extrasFromSettings(settings: SaveSettings): RunExtras | undefined {
  const branches: Branch[] = [];
  const notes: string[] = [];
  for (let i = 0; i < MAX_BRANCHES; i++) {
    let v = settings[`branch.${i}`];
    for (let p = 1; typeof v === 'string' && typeof settings[`branch.${i}.${p}`] === 'string'; p++) v += settings[`branch.${i}.${p}`] as string;
    const m = typeof v === 'string' ? /^(\d{1,4}):(\S+)$/.exec(v) : null;
    if (m !== null) branches.push({ rewoundTo: Number(m[1]), code: m[2] as string });
  }
  for (let q = 0; q < 32; q++) {
    let note = '';
    for (let p = 0; p < PARTS; p++) {
      const v = settings[`note.${q}.${p}`];
      if (typeof v === 'string') note += v;
    }
    notes.push(note);
  }
  while (notes.length > 0 && notes[notes.length - 1] === '') notes.pop();
  const plan = planFromSettings(settings);
  if (branches.length === 0 && notes.length === 0 && plan.length === 0) return undefined;
  return plan.length === 0 ? { branches, notes } : { branches, notes, plan };
}
