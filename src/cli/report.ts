/**
 * `scenario sim <file> --runs N --seed S --report out.html`: the balance report. `sim` without
 * `--report` is the simulator's own command, unchanged; with it, all three policies are played
 * whatever `--policy` says, the page is written, and one summary line goes to stdout.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { decisionImpact, isPolicyKind, type PolicyKind } from '../sim';
import { type BalanceStudy, studyBalance } from '../sim/balance';
import { IMPACT_RUNS } from './impact-text';
import { type Command, CommandFailure, EXIT_FAIL, EXIT_OK, type Io, line, parse, UsageError } from './io';
import { displayName, existingFile, openScenario } from './project';
import { balanceReportHtml } from './report-page';
import { PROGRESS_FROM, parseRuns, parseSeed, parseSide, policyProblem, SIM_HELP, SIM_OPTIONS, sim } from './sim';
import { failureLine } from './sim-text';
import { percent } from './table';

/** The most runs per policy a report plays (each run's end state is counted, not kept). */
const MAX_REPORT_RUNS = 1_000_000;

export const REPORT_HELP = `
Balance report:
  --report FILE   write a self-contained HTML page (no script, nothing fetched) to FILE (.html):
                  endings under each policy, the spread of each indicator at the end, options never
                  or always chosen when offered, the balance flags (with lopsided: one ending in more
                  than 80% of runs under every policy) explained, and the extreme runs with the play
                  command that replays each. All three policies are played whatever --policy says.
                  Prints one summary line instead of the tables; --json cannot be combined with it.
`;

const hasReport = (args: readonly string[]): boolean => args.some((a) => a === '--report' || a.startsWith('--report='));

/** The report's path: an .html file in an existing folder, not the scenario itself. */
function reportTarget(io: Io, name: string): string {
  const abs = resolve(io.cwd, name);
  const ext = extname(abs).toLowerCase();
  if (ext !== '.html' && ext !== '.htm') throw new UsageError(`--report names an .html file, not "${name}"`);
  if (!existsSync(dirname(abs)) || !statSync(dirname(abs)).isDirectory()) throw new UsageError(`no such folder for --report: ${dirname(name)}`);
  if (existsSync(abs) && statSync(abs).isDirectory()) throw new UsageError(`--report names a folder: ${name}`);
  return abs;
}

/** The one-line summary: runs, the most frequent ending under each policy, the flags, the file. */
export function summaryLine(study: BalanceStudy, file: string, bytes: number): string {
  const top = study.policies.map(({ report }) => {
    let best = report.endings[0];
    for (const e of report.endings) if (best === undefined || e.count > best.count) best = e;
    const share = best === undefined ? '-' : percent(best.count, report.completed);
    return `${report.policy} ${best?.id ?? '-'} ${share}`;
  });
  const kinds = [...new Set(study.flags.map((f) => f.kind))];
  const flags = kinds.length === 0 ? 'no flags' : `flags: ${kinds.join(', ')}`;
  const failed = failureLine(study.policies.map((p) => p.report));
  return `report: ${study.runs} runs x ${study.policies.length} policies as ${study.side}; most frequent ending: ${top.join(', ')}; ${flags}; ${failed ?? 'no failed runs'}; wrote ${file} (${bytes} bytes)`;
}

async function report(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, { ...SIM_OPTIONS, report: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name a scenario file' : 'name one scenario file');
  if (values.json === true) throw new UsageError('--report writes HTML and --json prints JSON: use one of them');
  const runs = parseRuns(values.runs, MAX_REPORT_RUNS, ' with --report');
  const seed = parseSeed(values.seed);
  if (values.policy !== undefined && values.policy !== 'all' && !isPolicyKind(values.policy)) throw new UsageError(policyProblem(values.policy));
  const file = positionals[0] as string;
  const target = reportTarget(io, values.report as string);
  if (target === existingFile(io, file)) throw new UsageError('--report must not name the scenario file');
  const scenario = openScenario(io, file);
  const side = parseSide(values.side, scenario.file.sides);

  const showProgress = io.stderrIsTTY && runs * 3 >= PROGRESS_FROM;
  const progress = (policy: PolicyKind, done: number, total: number): void => io.err(`\rreport ${policy} ${Math.floor((done * 100) / total)}%\u001b[K`);
  const study = studyBalance(scenario, { runs, seed, side, ...(showProgress ? { onProgress: progress } : {}) });
  if (showProgress) io.err('\r\u001b[K');
  const impact = decisionImpact(scenario, side, { seed, runs: Math.min(runs, IMPACT_RUNS) });
  const html = balanceReportHtml(scenario, study, displayName(io, existingFile(io, file)), impact);
  try {
    writeFileSync(target, html);
  } catch (e) {
    throw new CommandFailure(`could not write ${displayName(io, target)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  line(io, summaryLine(study, displayName(io, target), Buffer.byteLength(html)));
  return study.policies.some((p) => p.report.failures.length > 0) ? EXIT_FAIL : EXIT_OK;
}

/** `sim`, with `--report` added: the simulator's command runs unchanged unless `--report` is given. */
export const simWithReport: Command = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${SIM_HELP}${REPORT_HELP}`);
    return EXIT_OK;
  }
  return hasReport(args) ? report(args, io) : sim(args, io);
};
