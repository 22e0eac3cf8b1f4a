/**
 * Class comparison: several groups' replays of the same scenario and seed, laid side by side turn
 * by turn for the debrief. For each turn: each group's choices (both sides), outcomes with chance and
 * draw, facilitator actions and indicator values; the first turn where the groups' decisions part;
 * a tree of shared decision prefixes (which groups walked the same path, and how far); each group's
 * ending and objective scores; and every indicator's series for all groups, for one chart.
 *
 * A group's *decisions* at a turn are what its players did: the facilitator injects fired before the
 * turn, the option of each side played by people (a side the model played counts as "model"), and any
 * forced outcome. Everything else (the model's picks, the draws, outcomes, indicators) follows from
 * the decisions and the seed. With the same seed, the same decisions give the same results, so
 * groups whose decisions agree up to a turn must agree on its results: {@link ClassComparison.anomalies}
 * lists any place where they do not, which can only mean an engine fault (it is always empty when
 * the engine is right, and a test says so).
 */

import type { GameState, Scenario, Side, TurnRecord } from '../engine';
import { betterFor, checkReplay, fireInject, type ReplayFile, resolveTurn, scoreObjectives, start } from '../engine';
import { describeDecisions, describeResults, type GroupTurn, groupTurnOf } from './compare-turn';
import type { Anomaly, CompareErrorCode, CompareResult, GroupReplay, GroupSummary, PathNode, Series, TurnRow } from './compare-types';

export type { GroupTurn, MoveCell } from './compare-turn';
export type * from './compare-types';

export const COMPARE_FORMAT = 'red-phone/compare@1';

const fail = (code: CompareErrorCode, message: string, groups: readonly string[]): CompareResult => ({ ok: false, error: { code, message, groups } });

/** Names grouped by a key, in first-seen order: `a.json, b.json: ip-theft; c.json: opm-breach`. */
function partition(groups: readonly GroupReplay[], key: (g: GroupReplay) => string): string {
  const keys: string[] = [];
  for (const g of groups) if (!keys.includes(key(g))) keys.push(key(g));
  return keys
    .map(
      (k) =>
        `${groups
          .filter((g) => key(g) === k)
          .map((g) => g.name)
          .join(', ')}: ${k}`,
    )
    .join('; ');
}

interface Played {
  readonly states: readonly GameState[];
  readonly turnStates: readonly GameState[];
  readonly records: readonly TurnRecord[];
  readonly injectsBefore: readonly (readonly string[])[];
  readonly series: readonly Record<string, number>[];
}

function replayGroup(scenario: Scenario, file: ReplayFile): Played {
  let state = start(scenario, file.seed, file.controllers, file.scenarioHash);
  const states: GameState[] = [state];
  const turnStates: GameState[] = [];
  const records: TurnRecord[] = [];
  const injectsBefore: string[][] = [[]];
  const series: Record<string, number>[] = [state.indicators];
  for (const action of file.actions) {
    const r = action.kind === 'inject' ? fireInject(scenario, state, action.inject) : resolveTurn(scenario, state, action);
    if (!r.ok) throw new Error(`compare: a checked replay failed to play (${r.error.code})`);
    state = r.state;
    states.push(state);
    if (r.record.kind === 'inject') {
      (injectsBefore[injectsBefore.length - 1] as string[]).push(r.record.inject);
    } else {
      records.push(r.record);
      turnStates.push(state);
      injectsBefore.push([]);
    }
    series[records.length] = state.indicators;
  }
  return { states, turnStates, records, injectsBefore, series };
}

/**
 * Compares the replays of several groups of one scenario and seed. Refuses, naming the groups: none
 * given (`compare/no-groups`), two with one name (`compare/duplicate-name`), replays of different
 * scenarios (`compare/mixed-scenarios`) or seeds (`compare/mixed-seeds`), a replay of another
 * scenario than `scenario` (`compare/wrong-scenario`) and one that does not play exactly
 * (`compare/replay`, with the replay's own reason). Groups keep the order given.
 */
export function compareRuns(scenario: Scenario, groups: readonly GroupReplay[]): CompareResult {
  if (groups.length === 0) return fail('compare/no-groups', 'choose at least one replay file to compare', []);
  for (let i = 0; i < groups.length; i++) {
    const name = (groups[i] as GroupReplay).name;
    if (groups.findIndex((g) => g.name === name) !== i) return fail('compare/duplicate-name', `two replays are both named ${name}; give each group its own name`, [name]);
  }
  const first = groups[0] as GroupReplay;
  if (groups.some((g) => g.file.scenarioId !== first.file.scenarioId))
    return fail(
      'compare/mixed-scenarios',
      `these replays are of different scenarios (${partition(groups, (g) => g.file.scenarioId)}); compare runs of one scenario`,
      groups.filter((g) => g.file.scenarioId !== first.file.scenarioId).map((g) => g.name),
    );
  if (groups.some((g) => g.file.seed !== first.file.seed))
    return fail(
      'compare/mixed-seeds',
      `these replays were played on different seeds (${partition(groups, (g) => `seed ${g.file.seed}`)}); a class comparison needs one seed`,
      groups.filter((g) => g.file.seed !== first.file.seed).map((g) => g.name),
    );
  if (first.file.scenarioId !== scenario.id)
    return fail(
      'compare/wrong-scenario',
      `${groups.map((g) => g.name).join(', ')}: these replays are of scenario ${first.file.scenarioId}, not ${scenario.id}`,
      groups.map((g) => g.name),
    );
  for (const g of groups) {
    const checked = checkReplay(scenario, g.file);
    if (!checked.ok) return fail('compare/replay', `${g.name}: ${checked.error.message}`, [g.name]);
  }

  const played = groups.map((g) => replayGroup(scenario, g.file));
  const names = groups.map((g) => g.name);
  const maxTurns = Math.max(...played.map((p) => p.records.length));
  const perGroup: GroupTurn[][] = played.map((p, i) => p.records.map((r, t) => groupTurnOf(scenario, names[i] as string, r, p.injectsBefore[t] ?? [], p.turnStates[t] as GameState)));

  const anomalies: Anomaly[] = [];
  const tree = buildTree(
    perGroup,
    names,
    0,
    names.map((_, i) => i),
    anomalies,
  );
  const rows: TurnRow[] = [];
  let firstDivergence: number | null = null;
  for (let t = 0; t < maxTurns; t++) {
    const cells = perGroup.map((turns) => turns[t] ?? null);
    const keys = cells.map((c) => (c === null ? '(ended)' : c.decisionKey));
    if (firstDivergence === null && keys.some((k) => k !== keys[0])) firstDivergence = t + 1;
    const date = cells.find((c) => c !== null)?.date ?? '';
    rows.push({ turn: t + 1, date, groups: cells, diverges: divergesAt(perGroup, t) });
  }

  const summaries: GroupSummary[] = played.map((p, i) => {
    const end = p.states[p.states.length - 1] as GameState;
    const objectives = scoreObjectives(scenario, end);
    const totals: Record<Side, number> = { us: 0, cn: 0 };
    for (const o of objectives) totals[o.side] += o.score;
    const e = scenario.file.endings.find((x) => x.id === end.ending);
    return {
      name: names[i] as string,
      controllers: end.controllers,
      turns: end.turn,
      ending: e === undefined ? null : { id: e.id, title: e.title, tone: e.tone },
      objectives,
      totals,
    };
  });

  const series: Series[] = scenario.file.indicators.map((ind) => ({
    indicator: ind.id,
    label: ind.label,
    min: ind.min,
    max: ind.max,
    better: { us: betterFor(ind.better, 'us'), cn: betterFor(ind.better, 'cn') },
    groups: played.map((p, i) => ({ name: names[i] as string, values: p.series.map((v) => v[ind.id] ?? ind.start) })),
  }));

  return {
    ok: true,
    value: {
      format: COMPARE_FORMAT,
      scenarioId: scenario.id,
      scenarioVersion: scenario.version,
      scenarioTitle: scenario.file.title,
      seed: first.file.seed,
      groups: summaries,
      turns: rows,
      firstDivergence,
      tree,
      anomalies,
      series,
    },
  };
}

/** True when two groups with the same decisions before turn `t` decide differently at it. */
function divergesAt(perGroup: readonly (readonly GroupTurn[])[], t: number): boolean {
  const seen = new Map<string, string>();
  for (const turns of perGroup) {
    const cell = turns[t];
    if (cell === undefined) continue;
    const prefix = turns
      .slice(0, t)
      .map((c) => c.decisionKey)
      .join('\n');
    const had = seen.get(prefix);
    if (had !== undefined && had !== cell.decisionKey) return true;
    seen.set(prefix, cell.decisionKey);
  }
  return false;
}

/**
 * The decision tree below the groups `members` (indices), which share every decision before turn
 * `t + 1`. Children are grouped by their decisions at turn `t + 1`, in the order of the first group of
 * each; a child's groups must agree on that turn's results, or an anomaly is recorded.
 */
export function buildTree(
  perGroup: readonly (readonly GroupTurn[])[],
  names: readonly string[],
  t: number,
  members: readonly number[],
  anomalies: Anomaly[],
  parent: GroupTurn | null = null,
): PathNode {
  const children: PathNode[] = [];
  const keys: string[] = [];
  for (const i of members) {
    const cell = perGroup[i]?.[t];
    if (cell !== undefined && !keys.includes(cell.decisionKey)) keys.push(cell.decisionKey);
  }
  for (const key of keys) {
    const same = members.filter((i) => perGroup[i]?.[t]?.decisionKey === key);
    const cells = same.map((i) => perGroup[i]?.[t] as GroupTurn);
    const lead = cells[0] as GroupTurn;
    const differ = cells.filter((c) => c.resultKey !== lead.resultKey);
    if (differ.length > 0) {
      anomalies.push({
        turn: t + 1,
        groups: same.map((i) => names[i] as string),
        message: `turn ${t + 1}: the same decisions on the same seed gave different results (${lead.group}: ${describeResults(lead)}; ${differ[0]?.group}: ${describeResults(differ[0] as GroupTurn)})`,
      });
    }
    children.push(buildTree(perGroup, names, t + 1, same, anomalies, lead));
  }
  return {
    turn: t,
    decisions: parent === null ? 'start' : describeDecisions(parent),
    results: parent === null ? '' : describeResults(parent),
    groups: members.map((i) => names[i] as string),
    children,
  };
}
