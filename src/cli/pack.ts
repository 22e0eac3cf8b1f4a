/**
 * `scenario pack <file> --out <dir>`: the exercise pack of a scenario (issue 12): two situation
 * manuals, the facilitator guide, the evaluation guide and the feedback form, as printable HTML pages
 * written to a folder (created if need be). One line per file written; the same scenario gives the
 * same bytes.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exercisePack } from '../engine';
import { usualTurns } from '../sim/usual-turns';
import { type Command, CommandFailure, EXIT_OK, line, parse, UsageError } from './io';
import { displayName, existingFile, openScenario } from './project';

export const PACK_HELP = `Usage: npm run scenario -- pack <file> --out <dir>

Writes the exercise pack of a scenario to <dir> (created if it does not exist; pack files already
there are replaced): printable HTML pages, one click from a PDF (print with Ctrl+P or Cmd+P):

  situation-manual-us.html   the United States team's background, objectives, the four terms, the
                             rules of play and the discussion questions; nothing of China's secrets
  situation-manual-cn.html   the same for China's team; nothing of the United States' secrets
  facilitator-guide.html     timings for a 50- and a 90-minute class, every beat and inject with when
                             to fire it, what to ask, the endings, the debrief, what actually happened
  evaluation-guide.html      per objective: what to watch for, the scoring rule, a P/S/M/U rating
  feedback-form.html         the participant feedback form

  --out DIR   the folder to write to (required)

Exit code: 0 when every page was written, 1 when the scenario has errors or a file could not be
written, 2 on a usage error.
`;

export const pack: Command = async (args, io) => {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (values.help === true) {
    io.out(PACK_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name a scenario file' : 'name one scenario file');
  if (values.out === undefined || values.out.trim() === '') throw new UsageError('--out is required: the folder to write the pack to');
  const target = resolve(io.cwd, values.out);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`--out names a file, not a folder: ${values.out}`);
  existingFile(io, positionals[0] as string);
  const scenario = openScenario(io, positionals[0] as string);
  const pages = exercisePack(scenario, { usualTurns: usualTurns(scenario) });
  try {
    mkdirSync(target, { recursive: true });
  } catch (e) {
    throw new CommandFailure(`could not create ${displayName(io, target)}: ${e instanceof Error ? e.message : String(e)}`);
  }
  for (const p of pages) {
    const file = join(target, p.name);
    try {
      writeFileSync(file, p.html);
    } catch (e) {
      throw new CommandFailure(`could not write ${displayName(io, file)}: ${e instanceof Error ? e.message : String(e)}`);
    }
    line(io, `wrote ${displayName(io, file)} (${p.title}, ${Buffer.byteLength(p.html)} bytes)`);
  }
  return EXIT_OK;
};
