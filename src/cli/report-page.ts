/**
 * The balance report as one self-contained HTML page: inline CSS and SVG, no script, no external
 * resource, no date or timing, so the same study gives the same bytes. Scenario text goes through the
 * escaping builder only.
 */
import { fallbackText, type Scenario, SIDE_NAMES, toneWords } from '../engine';
import { DOMINANT_MARGIN, DOMINANT_MIN_RUNS, type ImpactReport, LUCK_MIN_PERCENT, LUCK_SPREAD_PP, POLICY_KINDS, POLICY_WORDS, type SimReport } from '../sim';
import { type BalanceStudy, choiceExtremes, type ExtremeKind, LOPSIDED_PERCENT, type ReportFlag } from '../sim/balance';
import { type Child, documentOf, el, frag, type Html, styleText } from './report-html';
import { impactSection } from './report-impact';
import { boxPlot, colourOf, endingsChart } from './report-svg';
import { percent } from './table';

const CSS = `
body { font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #cccccc; } h3 { margin-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.6rem 0; } th, td { border: 1px solid #cccccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code { background: #f2f2f2; padding: 0 0.2rem; overflow-wrap: anywhere; }
code.seed { white-space: nowrap; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.3rem; vertical-align: -0.1rem; border: 1px solid #666666; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
.flag { border-left: 4px solid #B00020; padding: 0.2rem 0.8rem; margin: 0.8rem 0; background: #fff5f5; }
.ok { border-left: 4px solid #009E73; padding: 0.2rem 0.8rem; background: #f3fbf7; }
.muted { color: #555555; }
svg { max-width: 100%; height: auto; font-family: system-ui, sans-serif; }
@media print { body { margin: 0; } h2 { break-after: avoid; } svg, table { break-inside: avoid; } }
`;

/** `s` as one word for a POSIX shell: unchanged when plain, else single-quoted. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_./:=,@+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const num = (x: number | string): Html => el('td', { class: 'n' }, String(x));
const th = (text: string, numeric = false): Html => el('th', numeric ? { class: 'n' } : {}, text);

const FLAG_NAMES: Readonly<Record<ReportFlag['kind'], string>> = {
  unwinnable: 'Unwinnable',
  lopsided: 'Lopsided',
  'luck-alone': 'Luck alone',
  'dominant-option': 'Dominant option',
};

const FLAG_HELP: Readonly<Record<ReportFlag['kind'], string>> = {
  unwinnable:
    'No run under any policy reached an ending whose tone is success. Either no path leads to a success ending, or its conditions are too strict. Check the success endings\u2019 "when" and the outcomes that name them, and play the best runs below to see how close they came.',
  lopsided: `One ending takes more than ${LOPSIDED_PERCENT}% of the runs under every policy: whatever the players do, nearly every group ends the same way, and a class has little to compare. Open other paths to the other endings, or make this one depend on choices.`,
  'luck-alone': `This ending comes about as often under every policy (within ${LUCK_SPREAD_PP} percentage points, and in more than ${LUCK_MIN_PERCENT}% of runs): the dice decide it, not the players. Make its chance depend on what the players choose, for example with weights that read chose.<side>.<option> or indicators their options move.`,
  'dominant-option': `Runs that chose this option scored at least ${DOMINANT_MARGIN} points higher on every objective of the played side than runs offered it that passed it by (compared only where both groups have at least ${DOMINANT_MIN_RUNS} runs). A player who finds it has no reason to pick anything else: give it a cost or a risk, or strengthen the alternatives.`,
};

const EXTREME_NAMES: Readonly<Record<ExtremeKind, string>> = {
  best: 'best score',
  worst: 'worst score',
  shortest: 'shortest',
  longest: 'longest',
};

function flagsSection(flags: readonly ReportFlag[]): Html {
  const body: Child[] =
    flags.length === 0
      ? [el('p', { class: 'ok' }, 'No balance flag was raised under the three policies.')]
      : flags.map((f) => el('div', { class: 'flag' }, el('p', {}, el('strong', {}, `${FLAG_NAMES[f.kind]}: `), f.message), el('p', {}, FLAG_HELP[f.kind])));
  return frag(el('h2', { id: 'flags' }, 'Balance flags'), ...body);
}

function endingsSection(scenario: Scenario, reports: readonly SimReport[]): Html {
  const endings = scenario.file.endings;
  const bars = reports.map((r) => ({ policy: r.policy, completed: r.completed, segments: endings.map((e, i) => ({ title: e.title, count: r.endings[i]?.count ?? 0 })) }));
  const legend = el('ul', { class: 'legend' }, ...endings.map((e, i) => el('li', {}, el('span', { class: 'swatch', style: `background:${colourOf(i)}` }), e.title)));
  const rows = endings.map((e, i) =>
    el(
      'tr',
      {},
      el('td', {}, el('span', { class: 'swatch', style: `background:${colourOf(i)}` }), e.title, ' ', el('code', {}, e.id)),
      el('td', {}, toneWords(e.tone)),
      ...reports.map((r) => num(`${r.endings[i]?.count ?? 0} (${percent(r.endings[i]?.count ?? 0, r.completed)})`)),
    ),
  );
  return frag(
    el('h2', { id: 'endings' }, 'Endings under each policy'),
    el('p', {}, 'The share of completed runs that reached each ending. Tones are for the United States, as the scenario gives them.'),
    endingsChart(bars, 'Endings under each policy'),
    legend,
    el('table', {}, el('thead', {}, el('tr', {}, th('ending'), th('tone'), ...reports.map((r) => th(`${r.policy} (${r.completed} runs)`, true)))), el('tbody', {}, ...rows)),
  );
}

function indicatorsSection(scenario: Scenario, study: BalanceStudy): Html {
  const parts = scenario.file.indicators.map((ind, i) => {
    const rows = study.policies.flatMap((p) => {
      const s = p.spreads[i];
      return s === undefined ? [] : [{ policy: p.report.policy, min: s.min, q1: s.q1, median: s.median, q3: s.q3, max: s.max }];
    });
    const label = `${ind.label}: final values under each policy, on its range ${ind.min} to ${ind.max}`;
    return frag(
      el('h3', {}, ind.label, ' ', el('code', {}, ind.id)),
      el('p', { class: 'muted' }, ind.description, ` Range ${ind.min} to ${ind.max}, starts at ${ind.start}; ${ind.better} is better for the United States.`),
      rows.length === 0 ? el('p', {}, 'No run completed.') : boxPlot(ind, rows, label),
      el(
        'table',
        {},
        el('thead', {}, el('tr', {}, th('policy'), th('min', true), th('lower quartile', true), th('median', true), th('upper quartile', true), th('max', true))),
        el('tbody', {}, ...rows.map((r) => el('tr', {}, el('td', {}, r.policy), num(r.min), num(r.q1), num(r.median), num(r.q3), num(r.max)))),
      ),
    );
  });
  return frag(
    el('h2', { id: 'indicators' }, 'Indicators at the end'),
    el(
      'p',
      {},
      'Each box runs from the lower to the upper quartile of the final values, the thick line is the median, the whiskers reach the lowest and highest values, and the dashed red line is the starting value. Quartiles are by nearest rank: the value a quarter, a half and three quarters of the way through the runs sorted by that indicator.',
    ),
    ...parts,
  );
}

function objectivesSection(scenario: Scenario, reports: readonly SimReport[]): Html {
  const rows = scenario.file.objectives.map((o, i) =>
    el(
      'tr',
      {},
      el('td', {}, o.label, ' ', el('code', {}, o.id)),
      el('td', {}, SIDE_NAMES[o.side]),
      ...reports.map((r) => num(`${(r.objectives[i]?.mean ?? 0).toFixed(2)} / ${percent(r.objectives[i]?.met ?? 0, r.completed)}`)),
    ),
  );
  return frag(
    el('h2', { id: 'objectives' }, 'Objectives'),
    el('p', {}, 'Mean score (0 to 100) at the end, and the share of runs in which the objective was met.'),
    el('table', {}, el('thead', {}, el('tr', {}, th('objective'), th('side'), ...reports.map((r) => th(r.policy, true)))), el('tbody', {}, ...rows)),
  );
}

function choicesSection(scenario: Scenario, study: BalanceStudy): Html {
  const reports = study.policies.map((p) => p.report);
  const found = choiceExtremes(reports);
  const intro = el(
    'p',
    {},
    `"Never": offered, but chosen at none of those decisions under any policy. "Always": chosen every time it was offered, under every policy that met it. On the side the policies play (${SIDE_NAMES[study.side]}) "always" usually means it was the only option offered there: no real choice. On the counterpart's side these show the model's weights: an option it never takes is dead content, one it always takes leaves the players nothing to read.`,
  );
  if (found.length === 0)
    return frag(
      el('h2', { id: 'options' }, 'Options never or always chosen when offered'),
      intro,
      el('p', { class: 'ok' }, 'None: every option offered was sometimes chosen and sometimes passed by.'),
    );
  const labelOf = (beat: string, side: 'us' | 'cn', option: string) => scenario.beats.get(beat)?.options[side].find((o) => o.id === option)?.file.label;
  const labelText = (beat: string, side: 'us' | 'cn', option: string): string => {
    const l = labelOf(beat, side, option);
    return l === undefined ? option : fallbackText(l);
  };
  const rows = found.map((c) =>
    el(
      'tr',
      {},
      el('td', {}, labelText(c.beat, c.side, c.option), ' ', el('code', {}, `${c.beat}/${c.side}/${c.option}`)),
      el('td', {}, c.side === study.side ? 'policy' : 'model'),
      el('td', {}, el('strong', {}, c.kind)),
      ...c.counts.map((k) => num(k.offered === 0 ? 'not offered' : `${k.chosen} of ${k.offered}`)),
    ),
  );
  return frag(
    el('h2', { id: 'options' }, 'Options never or always chosen when offered'),
    intro,
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, th('option (beat/side/id)'), th('played by'), th('finding'), ...reports.map((r) => th(`${r.policy}: chosen of offered`, true)))),
      el('tbody', {}, ...rows),
    ),
  );
}

function extremesSection(scenario: Scenario, study: BalanceStudy, fileName: string): Html {
  const titleOf = (id: string): string => scenario.file.endings.find((e) => e.id === id)?.title ?? id;
  const rows = study.policies.flatMap((p) =>
    p.extremes.map((x) =>
      el(
        'tr',
        {},
        el('td', {}, p.report.policy),
        el('td', {}, EXTREME_NAMES[x.kind]),
        el('td', {}, el('code', { class: 'seed' }, x.seed)),
        num(x.score),
        num(x.turns),
        el('td', {}, titleOf(x.ending)),
        el('td', {}, el('code', {}, `npm run scenario -- play ${shellWord(fileName)} --seed ${shellWord(x.seed)} --side ${study.side} --choose ${x.choices.join(',')}`)),
      ),
    ),
  );
  return frag(
    el('h2', { id: 'extremes' }, 'Extreme runs, to replay'),
    el(
      'p',
      {},
      `Score is the total of the played side's objective scores at the end (${SIDE_NAMES[study.side]}). The command replays the run exactly: the same seed, and the policy's choices given as positions among the options offered at each turn. The first run wins ties.`,
    ),
    el('table', {}, el('thead', {}, el('tr', {}, th('policy'), th('run'), th('seed'), th('score', true), th('turns', true), th('ending'), th('reproduce with'))), el('tbody', {}, ...rows)),
  );
}

function failuresSection(reports: readonly SimReport[]): Html | null {
  const failed = reports.filter((r) => r.failures.length > 0);
  if (failed.length === 0) return null;
  return frag(
    el('h2', { id: 'failures' }, 'Runs that stopped on an error'),
    el('p', {}, 'These runs are left out of every figure above. Each is a state in which the engine could not go on; fix the scenario and run the report again.'),
    el(
      'ul',
      {},
      ...failed.flatMap((r) => r.failures.slice(0, 10).map((f) => el('li', {}, `${r.policy}, seed `, el('code', {}, f.seed), `, turn ${f.turn}: `, el('code', {}, f.code), ` ${f.message}`))),
    ),
  );
}

/** The whole page for `study` of `scenario`; `fileName` is the scenario file as the designer named it. */
export function balanceReportHtml(scenario: Scenario, study: BalanceStudy, fileName: string, impact: ImpactReport | null = null): string {
  const reports = study.policies.map((p) => p.report);
  const first = reports[0];
  const other = study.side === 'us' ? 'cn' : 'us';
  const title = `Balance report: ${scenario.file.title}`;
  const body = el(
    'body',
    {},
    el('h1', {}, title),
    el(
      'p',
      {},
      el('code', {}, scenario.id),
      ` version ${scenario.version}, hash `,
      el('code', {}, scenario.hash),
      `, engine ${first?.engineVersion ?? ''}. ${study.runs} runs under each of ${study.policies.length} policies, run i seeded `,
      el('code', {}, `${study.seed}-i`),
      `. ${SIDE_NAMES[study.side]} is played by the policy; ${SIDE_NAMES[other]} by the scenario's counterpart model.`,
    ),
    el(
      'p',
      { class: 'muted' },
      `Policies: ${POLICY_KINDS.map((k) => `${k} ${POLICY_WORDS[k]}`).join('; ')} (ties broken evenly). Made with `,
      el('code', {}, `npm run scenario -- sim ${shellWord(fileName)} --runs ${study.runs} --seed ${shellWord(study.seed)} --side ${study.side} --report <file>`),
      '.',
    ),
    flagsSection(study.flags),
    endingsSection(scenario, reports),
    indicatorsSection(scenario, study),
    objectivesSection(scenario, reports),
    choicesSection(scenario, study),
    extremesSection(scenario, study, fileName),
    failuresSection(reports),
    impact === null ? null : impactSection(scenario, impact),
  );
  const head = el(
    'head',
    {},
    el('meta', { charset: 'utf-8' }),
    el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el('title', {}, title),
    el('style', {}, styleText(CSS)),
  );
  return documentOf(el('html', { lang: 'en' }, head, body));
}
