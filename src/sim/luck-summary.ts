/**
 * The plain-language summary of a luck-versus-choice report: a few sentences for the debrief, in a
 * fixed order, with numbers written without locale. "You" is the side the report is for.
 */
import type { Distribution, EndingShare, LuckReport } from './luck-types';

const quoted = (e: { readonly title: string }): string => `"${e.title}"`;

function mostCommon(d: Distribution): EndingShare | null {
  let best: EndingShare | null = null;
  for (const e of d.endings) if (e.runs > 0 && (best === null || e.runs > best.runs)) best = e;
  return best;
}

/** Sentences describing `report` (every field but the summary itself). */
export function luckSummary(report: Omit<LuckReport, 'summary'>): string[] {
  const out: string[] = [];
  const a = report.withYourChoices;
  const title = `"${report.actual.endingTitle}"`;
  if (a.runs > 0) {
    out.push(`With your choices, ${report.sameEnding}% of ${a.runs} other seeds reached ${title}; you got it on your seed.`);
    const top = mostCommon(a);
    if (top !== null && top.id !== report.actual.ending) out.push(`The most common ending with your choices was ${quoted(top)} (${top.percent}%).`);
    out.push(
      `Your total score was ${report.actual.total} (the sum of your ${report.actual.objectives.length} objectives); with your choices on other seeds it ranged from ${a.total.min} to ${a.total.max}, mean ${a.total.mean}: your result was better than ${report.percentile}% of those runs (ties count half).`,
    );
  }
  const parts: string[] = [];
  for (const p of report.onYourSeed) {
    const d = p.distribution;
    const top = mostCommon(d);
    if (top === null) continue;
    if (top.runs === d.runs) parts.push(`the ${p.policy} policy always reached ${quoted(top)} (mean total ${d.total.mean})`);
    else parts.push(`the ${p.policy} policy reached ${quoted(top)} most often (${top.percent}% of ${d.runs} runs, mean total ${d.total.mean})`);
  }
  if (parts.length > 0) out.push(`On your seed, ${parts.join('; ')}.`);
  if (report.diceShare === null) {
    out.push('Neither the dice nor other choices changed the total score here: the result was set by the scenario.');
  } else {
    out.push(
      `Dice or choices: with your choices fixed, the dice moved the total by ${report.diceSpread} points on average; with your dice fixed, other choices moved it by ${report.choiceSpread}. About ${report.diceShare}% of the variation came from the dice.`,
    );
  }
  return out;
}
