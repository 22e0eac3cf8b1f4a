/** How `scenario sim` writes its reports and flags as text. */
import { type Scenario, toneWords } from '../engine';
import type { BalanceFlag, Failure, GroupStats, SimReport } from '../sim';
import { percent, table } from './table';

/** The header shared by every report of one `sim` call. */
export function simHeaderLines(scenario: Scenario, first: SimReport, policies: readonly string[]): string[] {
  const other = first.side === 'us' ? 'cn' : 'us';
  return [
    `Simulation of ${scenario.file.title} (${scenario.id} ${scenario.version}, hash ${scenario.hash}), engine ${first.engineVersion}`,
    `${first.side} is played by the ${policies.length === 1 ? 'policy' : 'policies'} ${policies.join(', ')}; ${other} by the counterpart model.`,
    `Seed "${first.seed}": run i uses seed "${first.seed}-i"; ${first.runs} runs per policy.`,
  ];
}

/** Lines no wider than WRAP_AT (unless one item is): `head` then the items, comma-separated, continued indented. */
const WRAP_AT = 100;
function wrap(head: string, items: readonly string[]): string[] {
  const lines: string[] = [];
  let current = head;
  items.forEach((item, i) => {
    const piece = i < items.length - 1 ? `${item},` : item;
    if (current.trim() !== '' && current !== head && current.length + 1 + piece.length > WRAP_AT) {
      lines.push(current);
      current = `    ${piece}`;
    } else current = current === head ? `${head}${piece}` : `${current} ${piece}`;
  });
  lines.push(current);
  return lines;
}

function optionName(o: { beat: string; side: string; option: string }): string {
  return `${o.beat}/${o.side}/${o.option}`;
}

/** One policy's report: endings, objectives, turns, options and what follows them, unreached content, extremes. */
export function reportLines(scenario: Scenario, r: SimReport): string[] {
  const n = r.completed;
  const lines = ['', `== Policy ${r.policy}: ${r.runs} runs, ${n} completed ==`, '', 'Endings'];
  lines.push(...table([['ending', 'tone', 'runs', 'share'], ...r.endings.map((e) => [e.id, toneWords(e.tone), String(e.count), percent(e.count, n)])], ['l', 'l', 'r', 'r']));
  lines.push('', 'Objectives');
  lines.push(...table([['objective', 'side', 'mean score', 'met'], ...r.objectives.map((o) => [o.id, o.side, o.mean.toFixed(2), percent(o.met, n)])], ['l', 'l', 'r', 'r']));
  lines.push('', `Turns per run: min ${r.turns.min}, mean ${r.turns.mean.toFixed(2)}, max ${r.turns.max}`);
  lines.push(...table([['turns', 'runs', 'share'], ...r.turns.histogram.map((h) => [String(h.turns), String(h.runs), percent(h.runs, n)])], ['r', 'r', 'r']));

  lines.push('', 'Options (offered and chosen: decisions; chose and passed: runs that chose it, or were offered it and never did)');
  lines.push(
    ...table(
      [
        ['option', 'rung', 'offered', 'chosen', 'chose', 'passed'],
        ...r.options.map((o) => [optionName(o), scenario.ladder[o.rung]?.id ?? String(o.rung), String(o.offered), String(o.chosen), String(o.chose.runs), String(o.passed.runs)]),
      ],
      ['l', 'l', 'r', 'r', 'r', 'r'],
    ),
  );

  const endingIds = r.endings.map((e) => e.id);
  const objectiveIds = r.objectives.filter((o) => o.side === r.side).map((o) => o.id);
  const groups = (cells: (g: GroupStats) => string[]): string[][] => {
    const rows: string[][] = [];
    for (const o of r.options) {
      if (o.chose.runs + o.passed.runs === 0) continue;
      rows.push([optionName(o), 'chose', String(o.chose.runs), ...cells(o.chose)]);
      rows.push(['', 'passed', String(o.passed.runs), ...cells(o.passed)]);
    }
    return rows;
  };
  const right = (n: number): 'r'[] => Array.from({ length: n }, () => 'r' as const);
  lines.push('', 'Endings after each option (share of the runs that chose it, and of those offered it that passed it by)');
  lines.push(...table([['option', 'group', 'runs', ...endingIds], ...groups((g) => endingIds.map((id) => percent(g.endings[id] ?? 0, g.runs)))], ['l', 'l', ...right(1 + endingIds.length)]));
  lines.push('', `Scores after each option (mean score of each ${r.side} objective; --json has every objective)`);
  lines.push(
    ...table(
      [['option', 'group', 'runs', ...objectiveIds], ...groups((g) => objectiveIds.map((id) => (g.runs === 0 ? '-' : (g.objectives[id] ?? 0).toFixed(2))))],
      ['l', 'l', ...right(1 + objectiveIds.length)],
    ),
  );

  const u = r.unreached;
  lines.push('', 'Never reached');
  const list = (label: string, items: readonly string[]): string[] => wrap(`  ${label}: `, items.length === 0 ? ['none'] : items);
  lines.push(...list('beats', u.beats), ...list('options', u.options), ...list('outcomes', u.outcomes), ...list('endings', u.endings), ...list('injects', u.injects));
  if (u.facilitatorOnly.length > 0) lines.push(...list('injects only a facilitator fires', u.facilitatorOnly));

  lines.push('', `Extreme runs (score: total of the ${r.side} objectives' scores)`);
  if (r.extremes === null) lines.push('  none: no run completed');
  else {
    const x = r.extremes;
    const refs = [
      ['best', x.best],
      ['worst', x.worst],
      ['shortest', x.shortest],
      ['longest', x.longest],
    ] as const;
    lines.push(...table([['run', 'seed', 'score', 'turns'], ...refs.map(([label, ref]) => [label, ref.seed, String(ref.score), String(ref.turns)])], ['l', 'l', 'r', 'r']));
  }
  if (r.failures.length > 0) {
    lines.push('', `Failures: ${r.failures.length} runs stopped on an error`);
    for (const f of r.failures.slice(0, 20)) lines.push(`  ${failureWords(f)}`);
  }
  lines.push('', `Contradictions: ${r.contradictions.count}${r.contradictions.count === 0 ? ' (every turn told one story)' : ''}`);
  for (const c of r.contradictions.first) lines.push(`  seed ${c.seed}, turn ${c.turn}, ${c.where}: ${c.kind}: ${c.message}`);
  return lines;
}

/** The balance flags, one line each, or a line saying there are none. */
export function flagLines(flags: readonly BalanceFlag[], policies: readonly string[]): string[] {
  const lines = ['', `== Balance flags (${policies.join(', ')}) ==`];
  if (flags.length === 0) lines.push('  none');
  for (const f of flags) lines.push(`  ${f.kind}: ${f.message}`);
  return lines;
}

/** One failed run in words: its seed, turn and beat, the engine's code and message (which names the option). */
export function failureWords(f: Failure): string {
  return `seed ${f.seed}, turn ${f.turn}, beat "${f.beat}": ${f.code}: ${f.message}`;
}

/** The contradictions of every policy in one line, or null when there were none. */
export function contradictionLine(reports: readonly SimReport[]): string | null {
  const count = reports.reduce((n, r) => n + r.contradictions.count, 0);
  if (count === 0) return null;
  const first = reports.flatMap((r) => r.contradictions.first)[0];
  const where = first === undefined ? '' : `; first: seed ${first.seed}, turn ${first.turn}, ${first.where}: ${first.message}`;
  return `CONTRADICTIONS: ${count} (${reports.map((r) => `${r.policy} ${r.contradictions.count}`).join(', ')})${where}`;
}

/**
 * The failed runs of every policy in one line, or null when every run reached an ending: how many of
 * how many, per policy, and the first failure with its beat and option.
 */
export function failureLine(reports: readonly SimReport[]): string | null {
  const failed = reports.reduce((n, r) => n + r.failures.length, 0);
  if (failed === 0) return null;
  const total = reports.reduce((n, r) => n + r.runs, 0);
  const per = reports.map((r) => `${r.policy} ${r.failures.length}`).join(', ');
  const first = reports.flatMap((r) => r.failures)[0] as Failure;
  return `FAILED: ${failed} of ${total} runs stopped on an error (${per}); first: ${failureWords(first)}`;
}
