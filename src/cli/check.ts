/** `scenario check [files…]`: validates and lints scenario files (and the shared terms, ladder and facts files), one line per problem. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { compareDiagnostics, type Diagnostic, formatDiagnostic, type Library, loadTranslation, OVERLAY_LANGS } from '../engine';
import { type Command, EXIT_FAIL, EXIT_OK, type Io, line, parse } from './io';
import { checkSharedFile, displayName, existingFile, loadScenarioFile, projectGlossaryFiles, projectLibrary, projectScenarioFiles, sharedRoleOf } from './project';

export const CHECK_HELP = `Usage: npm run scenario -- check [files…]

Validates and lints scenario files: structure, references, expressions, the beat graph and chances.
With no file named, checks every scenario in scenarios/ (terms, ladder and schema left out; files
starting with _ such as _template.yaml are checked too), the glossary and its translations. A shared
file named on the command line (terms.yaml, ladder.yaml, facts.yaml, glossary.yaml, or a file with
"terms:", "rungs:" or "facts:" and no "beats:") is checked as the shared file it is. A scenario's
translations (scenarios/zh-Hans/<id>.yaml) are checked with it: an id the scenario lacks, a text in
another shape, markup, and texts not translated (a warning: the English is shown). Naming a
translation checks it with its scenario. The glossary's translation (scenarios/zh-Hans/glossary.yaml)
is read over the glossary: an id the glossary lacks, an empty match list, a form two terms claim, markup.

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

const OVERLAY_LINE = /^format:\s*red-phone\/overlay@/m;

/** A scenario and its translations; a translation named on its own is checked with its scenario (one folder up). */
function checkScenario(io: Io, abs: string, text: string | null, library: Library): readonly Diagnostic[] {
  const isOverlay = text !== null && OVERLAY_LINE.test(text);
  const scenarioAbs = isOverlay ? join(dirname(dirname(abs)), basename(abs)) : abs;
  const english = loadScenarioFile(io, scenarioAbs, library);
  const out = isOverlay ? english.diagnostics.filter((d) => d.severity === 'error') : [...english.diagnostics];
  if (english.scenario === null) return out;
  const overlays = isOverlay ? [abs] : OVERLAY_LANGS.map((lang) => join(dirname(abs), lang, basename(abs))).filter((p) => existsSync(p));
  for (const path of overlays) {
    const overlayText = readText(path);
    const file = displayName(io, path);
    if (overlayText === null) continue;
    out.push(...loadTranslation(english.scenario, library, { text: overlayText, file }).diagnostics);
  }
  return out;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const check: Command = async (args, io) => {
  const { values, positionals } = parse(args, {});
  if (values.help === true) {
    io.out(CHECK_HELP);
    return EXIT_OK;
  }
  const files = positionals.length > 0 ? positionals.map((p) => existingFile(io, p)) : [...projectScenarioFiles(), ...projectGlossaryFiles()];
  const lib = projectLibrary();
  const all: Diagnostic[] = [...lib.diagnostics];
  if (lib.library !== null) {
    for (const abs of files) {
      const text = readText(abs);
      const role = text === null ? null : sharedRoleOf(abs, text);
      all.push(...(role !== null && text !== null ? checkSharedFile(io, abs, text, role) : checkScenario(io, abs, text, lib.library)));
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
