/** The decision-impact section of the HTML balance report (see src/sim/impact.ts). */
import type { Scenario } from '../engine';
import type { ImpactReport } from '../sim';
import { justification } from './impact-text';
import { el, type Html } from './report-html';

export function impactSection(scenario: Scenario, r: ImpactReport): Html {
  const side = r.side === 'us' ? 'the United States' : 'China';
  const num = (v: string | number): Html => el('td', { class: 'num' }, String(v));
  return el(
    'section',
    {},
    el('h2', { id: 'impact' }, 'Decision impact'),
    el(
      'p',
      {},
      `Each alternative is played on the same seeds, so differences come from the decision, not the dice. Spread of ${side}'s total score: choices ${r.variance.choices}%, dice ${r.variance.dice}%, the two together ${r.variance.interaction}% (${r.variance.runs} runs, strategies x seeds).`,
    ),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, el('th', {}, 'Decision'), el('th', {}, 'Endings moved'), el('th', {}, 'Score spread'), el('th', {}, 'Options: mean score (runs)'))),
      el(
        'tbody',
        {},
        ...r.decisions.map((d) =>
          el(
            'tr',
            {},
            el('td', {}, el('code', {}, d.beat)),
            num(`${Math.round(d.endingSpread * 100)}%`),
            num(d.scoreSpread),
            el('td', {}, d.options.map((o) => `${o.option} ${o.score} (${o.runs})`).join(', ')),
          ),
        ),
      ),
    ),
    el(
      'p',
      {},
      `The roll that decides the ending: ${r.pivotal.byTurn.length === 0 ? 'none in any run' : r.pivotal.byTurn.map((t) => `turn ${t.turn} in ${t.percent}%`).join(', ')} of ${r.pivotal.runs} runs; the last turn's roll in ${r.pivotal.lastRollShare}%.`,
    ),
    el(
      'p',
      {},
      `Cost of breaking a term (score points, success points): ${r.terms.length === 0 ? 'no term can be strained' : r.terms.map((t) => `${t.term} ${t.scoreCost}, ${t.successCost}`).join('; ')}.`,
    ),
    el('p', {}, `Policies (mean total score, success endings): ${r.policies.map((p) => `${p.policy} ${p.meanScore}, ${p.successPercent}%`).join('; ')}.`),
    r.flags.length === 0
      ? el('p', { class: 'ok' }, 'No impact flag: every decision moves something, no term is free to break, no single last roll decides most runs.')
      : el(
          'ul',
          {},
          ...r.flags.map((f) => {
            const why = justification(scenario, f);
            return el('li', {}, el('code', {}, f.key), why === undefined ? ` ${f.message}` : ` ${f.message}. Justified in the file: ${why}`);
          }),
        ),
  );
}
