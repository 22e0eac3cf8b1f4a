/**
 * What a command may touch: its output streams, the current directory and (for interactive play) an
 * input stream. Commands take an {@link Io} so tests can run them in-process and capture every byte.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Lines typed by a person, for interactive play; null when there is no input. */
  readonly stdin: NodeJS.ReadableStream | null;
  /** True when stderr is a terminal: progress bars are drawn only then. */
  readonly stderrIsTTY: boolean;
}

/** A command: its arguments (after the command name) in, an exit code out. */
export type Command = (args: readonly string[], io: Io) => Promise<number>;

/** Exit codes: 0 fine (warnings allowed), 1 the thing checked is wrong, 2 the command was misused. */
export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;

/** A mistake in how a command was called: printed with a hint to use --help, exit code 2. */
export class UsageError extends Error {}

/** The command could not do its work (a scenario with errors, say): its message is printed, exit code 1. */
export class CommandFailure extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs in strict mode, its errors turned into {@link UsageError}s. `--help` is always accepted. */
export function parse<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e));
  }
}

/** Writes `text` and a newline to stdout. */
export const line = (io: Io, text = ''): void => io.out(`${text}\n`);
