/**
 * `npm run scenario -- <command>`: the designer's command line. Node only; the same arguments give
 * the same stdout, byte for byte (no dates, no timings, ordered output).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { check } from './check';
import { type Command, CommandFailure, EXIT_FAIL, EXIT_OK, EXIT_USAGE, type Io, UsageError } from './io';
import { newScenario } from './new';
import { pack } from './pack';
import { play } from './play';
import { replay } from './replay';
import { simWithReport } from './report';
import { schema } from './schema';

export const COMMANDS: readonly (readonly [string, Command, string])[] = [
  ['check', check, 'validate and lint scenario files'],
  ['play', play, 'play a run in the terminal, or print its log as JSON'],
  ['sim', simWithReport, 'play many seeded runs and report how the scenario balances (--report: an HTML page)'],
  ['replay', replay, 'replay a replay file and say whether it reproduces'],
  ['schema', schema, 'print or write the scenario JSON Schema'],
  ['new', newScenario, 'create a scenario file from scenarios/_template.yaml'],
  ['pack', pack, 'write the exercise pack: situation manuals, facilitator and evaluation guides, feedback form'],
];

export const MAIN_HELP = `Usage: npm run scenario -- <command> [options]

Commands:
${COMMANDS.map(([name, , what]) => `  ${name.padEnd(8)}${what}`).join('\n')}

Run "npm run scenario -- <command> --help" for a command's options.
Exit codes: 0 success, 1 the scenario or replay has a problem, 2 usage error.
`;

/** Runs the command named by `argv[0]` and returns its exit code; never throws for a user's mistake. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(MAIN_HELP);
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const entry = COMMANDS.find(([n]) => n === name);
  if (entry === undefined) {
    io.err(`scenario: unknown command "${name}"\n\n${MAIN_HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await entry[1](rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`scenario ${name}: ${e.message}\nRun "npm run scenario -- ${name} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof CommandFailure) {
      io.err(`scenario ${name}: ${e.message}\n`);
      return EXIT_FAIL;
    }
    throw e;
  }
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    cwd: process.cwd(),
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    stdin: process.stdin,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  // `scenario sim … | head` closes the pipe early: the reader has what it wanted, so stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
  runCli(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`scenario: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
