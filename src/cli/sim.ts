/** `scenario sim <file> --runs N --seed S`: plays many seeded runs and reports how the scenario balances. */

import type { Side } from '../engine';
import { isValidSeed } from '../engine';
import { balanceFlags, DOMINANT_MARGIN, DOMINANT_MIN_RUNS, isPolicyKind, LUCK_MIN_PERCENT, LUCK_SPREAD_PP, POLICY_KINDS, type PolicyKind, renamedPolicy, type SimReport } from '../sim';
import { IMPACT_RUNS, impactLines } from './impact-text';
import { type Command, EXIT_FAIL, EXIT_OK, type Io, line, parse, UsageError } from './io';
import { existingFile, openScenario } from './project';
import { defaultWorkers, simulateAll } from './sim-pool';
import { contradictionLine, failureLine, flagLines, reportLines, simHeaderLines } from './sim-text';

/** The most runs one call plays per policy. */
export const MAX_RUNS = 10_000_000;
/** Runs (all policies together) from which a progress bar is drawn on a terminal. */
export const PROGRESS_FROM = 20_000;

/** Runs (all policies together) from which `sim` plays on every core when --workers is not given. */
export const WORKERS_FROM = 20_000;

export const SIM_HELP = `Usage: npm run scenario -- sim <file> --runs N --seed S [--policy random|lowest-rung|highest-rung|cooperative|defecting|all] [--side us|cn] [--json]

Plays N seeded runs of a scenario per policy (run i uses seed "S-i"), one side played by the policy
and the other by the scenario's counterpart model, and reports: how often each ending comes, each
objective's mean score and how often it is met, turns per run, for each option how often it was
offered and chosen and what followed for the runs that chose it and those that passed it by, the
content never reached, and the seeds of the best, worst, shortest and longest runs.

  --runs N        runs per policy (required, 1 to ${MAX_RUNS})
  --seed S        the base seed (required)
  --policy P      random (uniform among the options offered), lowest-rung, highest-rung,
                  cooperative (uses the terms most, strains them least), defecting (strains
                  them most), or all five (default: all)
  --side SIDE     the side the policy plays: us or cn (default: the scenario's first playable side)
  --json          print the reports and flags as JSON
  --workers N     threads playing the runs (default: every core, here ${defaultWorkers()}, from ${WORKERS_FROM}
                  runs in all); the report is the same whatever N

Balance flags:
  unwinnable       no run under any policy reached an ending whose tone is success
  luck-alone       (needs --policy all) an ending reached in more than ${LUCK_MIN_PERCENT}% of runs under every
                   policy, whose share differs by at most ${LUCK_SPREAD_PP} percentage points between policies
  dominant-option  an option of the played side whose choosers score at least ${DOMINANT_MARGIN} points higher on
                   every objective of that side than the runs offered it that passed it by, under every
                   policy where both groups hold at least ${DOMINANT_MIN_RUNS} runs (and under one at least)

A run the engine stops on an error (say, every outcome weight of an option is zero in that state) is
left out of every figure and listed with its seed, turn and beat; a last line "FAILED: …" counts them.

Exit code: 0 when every run reached an ending (flags are findings, not failures), 1 when a run failed
or the scenario has errors, 2 on a usage error.
`;

/** The options `sim` reads; `sim --report` reads the same plus `--report`. */
export const SIM_OPTIONS = {
  runs: { type: 'string' },
  seed: { type: 'string' },
  policy: { type: 'string' },
  side: { type: 'string' },
  json: { type: 'boolean' },
  workers: { type: 'string' },
} as const;

/** The most worker threads `--workers` accepts. */
export const MAX_WORKERS = 256;

/** `--workers`: a whole number from 1 to {@link MAX_WORKERS}; every core when not given. */
export function parseWorkers(value: string | undefined): number {
  if (value === undefined) return defaultWorkers();
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1 || Number(value) > MAX_WORKERS) throw new UsageError(`--workers must be a whole number from 1 to ${MAX_WORKERS}, not "${value}"`);
  return Number(value);
}

/** `--runs`: a whole number from 1 to `max`; `context` ends the refusal (" with --report"). */
export function parseRuns(value: string | undefined, max = MAX_RUNS, context = ''): number {
  if (value === undefined) throw new UsageError('--runs is required');
  if (!/^\d{1,8}$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UsageError(`--runs must be a whole number from 1 to ${max}${context}, not "${value}"`);
  return Number(value);
}

/** `--seed`: required, 1 to 64 characters with no control characters. */
export function parseSeed(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--seed is required');
  if (!isValidSeed(value)) throw new UsageError('a seed is 1 to 64 characters with no control characters');
  return value;
}

function parsePolicies(value: string | undefined): PolicyKind[] {
  if (value === undefined || value === 'all') return [...POLICY_KINDS];
  if (!isPolicyKind(value)) throw new UsageError(policyProblem(value));
  return [value];
}

/** `--side`: a side the scenario offers; the first one when not given. */
export function parseSide(value: string | undefined, allowed: readonly Side[]): Side {
  if (value === undefined) return allowed[0] ?? 'us';
  if (value !== 'us' && value !== 'cn') throw new UsageError(`--side must be us or cn, not "${value}"`);
  if (!allowed.includes(value)) throw new UsageError(`this scenario cannot be played as ${value}; its sides are ${allowed.join(', ')}`);
  return value;
}

/** A progress bar on stderr, redrawn in place; `done` clears it. */
function progressBar(io: Io, label: string): { update: (done: number, total: number) => void; done: () => void } {
  const width = 30;
  return {
    update: (done, total) => {
      const filled = Math.floor((done * width) / total);
      io.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor((done * 100) / total)}%`);
    },
    done: () => io.err('\r\u001b[K'),
  };
}

export const sim: Command = async (args, io) => {
  const { values, positionals } = parse(args, SIM_OPTIONS);
  if (values.help === true) {
    io.out(SIM_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name a scenario file' : 'name one scenario file');
  const runs = parseRuns(values.runs);
  const seed = parseSeed(values.seed);
  const policies = parsePolicies(values.policy);
  const workers = parseWorkers(values.workers);
  const scenario = openScenario(io, positionals[0] as string);
  const side = parseSide(values.side, scenario.file.sides);

  const showProgress = io.stderrIsTTY && runs * policies.length >= PROGRESS_FROM;
  const bars = new Map<PolicyKind, ReturnType<typeof progressBar>>();
  const onProgress = (policy: PolicyKind, done: number, total: number): void => {
    let bar = bars.get(policy);
    if (bar === undefined) {
      bar = progressBar(io, `sim ${policy}`);
      bars.set(policy, bar);
    }
    bar.update(done, total);
  };
  const file = existingFile(io, positionals[0] as string);
  const job = { file, scenario, runs, seed, side, policies, ...(showProgress ? { onProgress } : {}) };
  // Starting threads costs more than a small simulation: those play on this thread unless --workers says otherwise.
  const threads = values.workers === undefined && runs * policies.length < WORKERS_FROM ? 1 : workers;
  // The decision-impact study is made beside the runs (on a worker of its own when there are several threads).
  const { reports, impact } = await simulateAll({ ...job, impactRuns: Math.min(runs, IMPACT_RUNS) }, threads);
  [...bars.values()][0]?.done();
  if (impact === null) throw new Error('sim: the decision-impact study was not made');
  const flags = balanceFlags(reports);
  const problems = [failureLine(reports), contradictionLine(reports)].filter((l): l is string => l !== null);
  if (values.json === true) {
    io.out(`${JSON.stringify({ format: 'red-phone/sim@1', reports, flags, impact }, null, 2)}\n`);
    for (const p of problems) io.err(`${p}\n`);
    return problems.length === 0 ? EXIT_OK : EXIT_FAIL;
  }
  const first = reports[0] as SimReport;
  for (const l of simHeaderLines(scenario, first, policies)) line(io, l);
  for (const r of reports) for (const l of reportLines(scenario, r)) line(io, l);
  for (const l of flagLines(flags, policies)) line(io, l);
  for (const l of impactLines(scenario, impact)) line(io, l);
  if (problems.length === 0) return EXIT_OK;
  line(io, '');
  for (const p of problems) line(io, p);
  return EXIT_FAIL;
};

/** What to write instead of a policy name the simulator does not have (or no longer has). */
export function policyProblem(value: string): string {
  const now = renamedPolicy(value);
  if (now !== undefined) return `--policy ${value} is now called ${now}: policies are named for what they do, the same for either side`;
  return `--policy must be ${POLICY_KINDS.join(', ')} or all, not "${value}"`;
}
