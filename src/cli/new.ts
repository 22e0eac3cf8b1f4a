/**
 * `scenario new <id> [--title T] [--dir D]`: starts a scenario from scenarios/_template.yaml. The copy
 * gets the id (and title), is checked in memory before it is written, and never replaces a file.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { formatDiagnostic, loadScenario, scenarioIdSchema } from '../engine';
import { type Command, CommandFailure, EXIT_OK, line, parse, UsageError } from './io';
import { displayName, projectLibrary, SCENARIOS_DIR } from './project';

export const TEMPLATE_FILE = join(SCENARIOS_DIR, '_template.yaml');

/** Names already taken in scenarios/ by files that are not scenarios. */
const RESERVED_IDS: readonly string[] = ['terms', 'ladder', 'schema'];

/** The most characters in a title (the scenario format's limit for short texts). */
const TITLE_MAX = 200;

export const NEW_HELP = `Usage: npm run scenario -- new <id> [--title T] [--dir D]

Creates scenarios/<id>.yaml from scenarios/_template.yaml, a small scenario that passes the checker,
with its id (and title) set. Never replaces an existing file. Then edit the new file, and run
"npm run scenario -- check scenarios/<id>.yaml" after each change; scenarios/README.md explains
every field.

  <id>         the scenario id: lower case letters, digits and -, starting with a letter, 2 to 40
               characters (as in ip-theft); it also names the file
  --title T    the title shown in the scenario list (default: the template's)
  --dir D      the folder to write to (default: scenarios/)

Exit code: 0 when the file was written, 1 when it could not be, 2 on a usage error (a bad id or
title, or a file that already exists).
`;

function checkTitle(title: string): void {
  if (title.trim() === '') throw new UsageError('--title must not be empty');
  if (title.length > TITLE_MAX) throw new UsageError(`--title has ${title.length} characters; the most is ${TITLE_MAX}`);
  if (hasControlCharacter(title)) throw new UsageError('--title must be one line with no control characters');
}

/** Sets the top-level `key:` line of `text` to `value` (written as a YAML double-quoted string when it needs quoting). */
function setField(text: string, key: string, value: string): string {
  const pattern = new RegExp(`^${key}: .*$`, 'm');
  if (!pattern.test(text)) throw new CommandFailure(`the template has no "${key}:" line`);
  const plain = /^[A-Za-z0-9][A-Za-z0-9 ,.()'/-]*$/.test(value) && !/ $/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value);
  return text.replace(pattern, () => `${key}: ${plain ? value : JSON.stringify(value)}`);
}

/** The template's text made into scenario `id`, with its schema comment pointing at scenarios/schema.json from `dir`. */
export function scenarioFromTemplate(template: string, id: string, title: string | undefined, dir: string): string {
  let text = setField(template, 'id', id);
  if (title !== undefined) text = setField(text, 'title', title);
  const schemaPath = relative(dir, join(SCENARIOS_DIR, 'schema.json')).split(sep).join('/');
  return text.replace(/^# yaml-language-server: \$schema=.*$/m, () => `# yaml-language-server: $schema=${schemaPath.startsWith('.') ? schemaPath : `./${schemaPath}`}`);
}

export const newScenario: Command = async (args, io) => {
  const { values, positionals } = parse(args, { title: { type: 'string' }, dir: { type: 'string' } });
  if (values.help === true) {
    io.out(NEW_HELP);
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "name the new scenario's id, as in: new my-scenario" : 'name one id');
  const id = positionals[0] as string;
  if (!scenarioIdSchema.safeParse(id).success) {
    throw new UsageError(`"${id}" is not a scenario id: use lower case letters, digits and -, starting with a letter, 2 to 40 characters (as in ip-theft)`);
  }
  if (RESERVED_IDS.includes(id)) throw new UsageError(`"${id}" names a shared file in scenarios/: choose another id`);
  if (values.title !== undefined) checkTitle(values.title);
  const dir = values.dir !== undefined ? resolve(io.cwd, values.dir) : SCENARIOS_DIR;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such folder: ${values.dir ?? dir}`);
  const target = join(dir, `${id}.yaml`);
  const name = displayName(io, target);
  if (existsSync(target)) throw new UsageError(`${name} already exists: choose another id, or edit that file`);

  const text = scenarioFromTemplate(readFileSync(TEMPLATE_FILE, 'utf8'), id, values.title, dir);
  const lib = projectLibrary();
  if (lib.library === null) throw new CommandFailure('the terms or ladder file has errors: run "npm run scenario -- check"');
  const problems = loadScenario(text, name, lib.library).diagnostics;
  if (problems.length > 0) {
    for (const d of problems) io.err(`${formatDiagnostic(d)}\n`);
    throw new CommandFailure(`the new scenario would not pass the checker, so ${name} was not written`);
  }
  try {
    writeFileSync(target, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST') throw new UsageError(`${name} already exists: choose another id, or edit that file`);
    throw new CommandFailure(`could not write ${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  line(io, `wrote ${name}: it passes the checker. Edit it, then run "npm run scenario -- check ${name}".`);
  return EXIT_OK;
};

/** C0 and C1 control characters (a line break among them): a title is one line of plain text. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}
