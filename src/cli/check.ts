/** `scenario check [files…]`: validates and lints scenario files (and the shared terms, ladder and facts files), one line per problem. */
import { readFileSync } from 'node:fs';
import { compareDiagnostics, type Diagnostic, formatDiagnostic } from '../engine';
import { type Command, EXIT_FAIL, EXIT_OK, line, parse } from './io';
import { checkSharedFile, displayName, existingFile, loadScenarioFile, projectLibrary, projectScenarioFiles, sharedRoleOf } from './project';

export const CHECK_HELP = `Usage: npm run scenario -- check [files…]

Validates and lints scenario files: structure, references, expressions, the beat graph and chances.
With no file named, checks every scenario in scenarios/ (terms, ladder and schema left out; files
starting with _ such as _template.yaml are checked too). A shared file named on the command line (terms.yaml,
ladder.yaml, facts.yaml, or a file with "terms:", "rungs:" or "facts:" and no "beats:") is checked as
the shared file it is.

Prints one line per problem, "file:line:column  code  message", then a summary line.
Exit code: 0 when there are no errors (warnings allowed), 1 on any error, 2 on a usage error.
`;

function readText(abs: string): string | null {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return null;
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const check: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  if (values.help === true) {
    io.out(CHECK_HELP);
    return EXIT_OK;
  }
  const files = positionals.length > 0 ? positionals.map((p) => existingFile(io, p)) : projectScenarioFiles();
  const lib = projectLibrary();
  const all: Diagnostic[] = [...lib.diagnostics];
  if (lib.library !== null) {
    for (const abs of files) {
      const text = readText(abs);
      const role = text === null ? null : sharedRoleOf(abs, text);
      all.push(...(role !== null && text !== null ? checkSharedFile(io, abs, text, role) : loadScenarioFile(io, abs, lib.library).diagnostics));
    }
  }
  all.sort(compareDiagnostics);
  for (const d of all) line(io, formatDiagnostic(d));
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const names = positionals.length === 1 ? displayName(io, files[0] as string) : plural(files.length, 'file');
  line(io, `${names}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return errors > 0 ? EXIT_FAIL : EXIT_OK;
};
