/** The decision-impact section of `scenario sim`, as text: one line per finding, flags last. */
import type { Scenario } from '../engine';
import type { ImpactFlag, ImpactReport } from '../sim';
import { table } from './table';

/** Runs per alternative of the decision-impact study: enough to tell a 5-point difference, a second or two per scenario. */
export const IMPACT_RUNS = 300;

/** A flag with the scenario's own justification, if it gives one. */
export function justification(scenario: Scenario, flag: ImpactFlag): string | undefined {
  return scenario.file.justified?.[flag.key];
}

export function impactLines(scenario: Scenario, r: ImpactReport): string[] {
  const side = r.side === 'us' ? 'the United States' : 'China';
  const lines = ['', `== Decision impact (${side}, the same seeds under every alternative) ==`];
  lines.push(`Spread of ${side}'s total score: choices ${r.variance.choices}%, dice ${r.variance.dice}%, the two together ${r.variance.interaction}% (${r.variance.runs} runs: strategies x seeds)`);
  lines.push('', 'Decisions: how far each option moves the endings (largest distance between two options) and the score');
  lines.push(
    ...table(
      [
        ['beat', 'endings moved', 'score spread', 'options (mean score, runs)'],
        ...r.decisions.map((d) => [d.beat, `${Math.round(d.endingSpread * 100)}%`, String(d.scoreSpread), d.options.map((o) => `${o.option} ${o.score} (${o.runs})`).join(', ')]),
      ],
      ['l', 'r', 'r', 'l'],
    ),
  );
  const decisive = [...r.pivotal.byTurn].sort((a, b) => b.runs - a.runs)[0];
  lines.push(
    '',
    `Rolls that decide the ending: ${decisive === undefined ? 'no single roll decides it in any run' : `turn ${decisive.turn} most often (${decisive.percent}% of runs)`}; the last turn's roll in ${r.pivotal.lastRollShare}% of ${r.pivotal.runs} runs`,
  );
  if (r.terms.length > 0)
    lines.push(`Cost of breaking a term (score, success points lost when straining it whenever possible): ${r.terms.map((t) => `${t.term} ${t.scoreCost}/${t.successCost}`).join(', ')}`);
  lines.push(`Policies (mean total score, success endings): ${r.policies.map((p) => `${p.policy} ${p.meanScore}/${p.successPercent}%`).join(', ')}`);
  lines.push('', 'Impact flags:');
  if (r.flags.length === 0) lines.push('  none');
  for (const f of r.flags) {
    const why = justification(scenario, f);
    lines.push(why === undefined ? `  ${f.key}: ${f.message}` : `  ${f.key} (justified in the file: ${why}): ${f.message}`);
  }
  return lines;
}
