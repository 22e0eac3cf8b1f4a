/**
 * The list of runs kept in the browser (issue 17): every run, finished or not, under its own id, with
 * what a person needs to tell runs apart (scenario, side, seed, when, how far, ending, notes) and its
 * save text to open it again. A new run never replaces another. The page keeps the list in IndexedDB
 * (src/ui/idb-shelf.ts); the store sees only this interface, so tests use the one in memory.
 *
 * A class run whose seed the facilitator keeps secret is not put on the shelf before its debrief (the
 * seed would be in it); it lands there at the debrief like any run.
 */
import type { PlaySide, Run } from './run';
import { extrasOf } from './trainee';

const SIDE_WORDS: Readonly<Record<PlaySide, string>> = { us: 'the United States', cn: 'China', both: 'both sides (two teams)' };

export interface RunRecord {
  readonly id: string;
  readonly scenarioId: string;
  readonly scenarioTitle: string;
  readonly sideWords: string;
  readonly seed: string;
  /** ISO dates, from the page's clock. */
  readonly startedAt: string;
  readonly savedAt: string;
  /** Turns resolved, and the scenario's most. */
  readonly turn: number;
  readonly maxTurns: number;
  /** The ending's title, or null while the run goes on. */
  readonly ending: string | null;
  /** Hot-wash notes written, and branches kept. */
  readonly notes: number;
  readonly branches: number;
  /** The save file's text (src/engine/replay/save.ts): opening the run restores it. */
  readonly save: string;
}

export type ShelfResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export interface RunShelf {
  put(record: RunRecord): Promise<ShelfResult<null>>;
  /** Every kept run, most recently saved first. */
  list(): Promise<ShelfResult<RunRecord[]>>;
  remove(id: string): Promise<ShelfResult<null>>;
}

/** A run's id: when it started, and a random code so two runs started in the same millisecond differ. */
export function newRunId(now: string, random: string): string {
  return `${now}~${random}`;
}

export function startedAtOf(id: string): string {
  return id.split('~')[0] ?? id;
}

export function recordOf(run: Run, id: string, save: string, savedAt: string): RunRecord {
  const extras = extrasOf(run);
  return {
    id,
    scenarioId: run.scenario.id,
    scenarioTitle: run.scenario.file.title,
    sideWords: SIDE_WORDS[run.side],
    seed: run.game.seed,
    startedAt: startedAtOf(id),
    savedAt,
    turn: run.game.turn,
    maxTurns: run.scenario.file.maxTurns,
    ending: run.game.ending === null ? null : (run.scenario.file.endings.find((e) => e.id === run.game.ending)?.title ?? run.game.ending),
    notes: extras.notes.filter((n) => n.trim() !== '').length,
    branches: extras.branches.length,
    save,
  };
}

/** Reads a stored value back as a record, or null when it is not one (a damaged or foreign entry is skipped). */
export function asRecord(value: unknown): RunRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = ['id', 'scenarioId', 'scenarioTitle', 'sideWords', 'seed', 'startedAt', 'savedAt', 'save'] as const;
  const numbers = ['turn', 'maxTurns', 'notes', 'branches'] as const;
  if (strings.some((k) => typeof v[k] !== 'string') || numbers.some((k) => typeof v[k] !== 'number')) return null;
  if (v.ending !== null && typeof v.ending !== 'string') return null;
  return {
    id: v.id as string,
    scenarioId: v.scenarioId as string,
    scenarioTitle: v.scenarioTitle as string,
    sideWords: v.sideWords as string,
    seed: v.seed as string,
    startedAt: v.startedAt as string,
    savedAt: v.savedAt as string,
    turn: v.turn as number,
    maxTurns: v.maxTurns as number,
    ending: v.ending as string | null,
    notes: v.notes as number,
    branches: v.branches as number,
    save: v.save as string,
  };
}

/** A shelf in memory (tests, and a browser without IndexedDB: kept until the page closes). */
export function memoryShelf(): RunShelf & { readonly data: Map<string, RunRecord> } {
  const data = new Map<string, RunRecord>();
  return {
    data,
    async put(record) {
      data.set(record.id, record);
      return { ok: true, value: null };
    },
    async list() {
      return { ok: true, value: [...data.values()].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0)) };
    },
    async remove(id) {
      data.delete(id);
      return { ok: true, value: null };
    },
  };
}
