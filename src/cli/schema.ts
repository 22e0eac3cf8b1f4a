/** `scenario schema [--write]`: the JSON Schema of scenario files, for editors (yaml-language-server). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchemaText } from '../engine';
import { type Command, EXIT_OK, line, parse, UsageError } from './io';
import { displayName, SCENARIOS_DIR } from './project';

export const SCHEMA_HELP = `Usage: npm run scenario -- schema [--write]

Prints the JSON Schema of scenario files, or with --write writes it to scenarios/schema.json (which
scenario files name in their first line, so an editor completes and checks them).
`;

export const schema: Command = async (args, io) => {
  const { values, positionals } = parse(args, { write: { type: 'boolean' } });
  if (values.help === true) {
    io.out(SCHEMA_HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`schema takes no file, got "${positionals[0]}"`);
  const text = scenarioJsonSchemaText();
  if (values.write !== true) {
    io.out(text);
    return EXIT_OK;
  }
  const target = join(SCENARIOS_DIR, 'schema.json');
  writeFileSync(target, text);
  line(io, `wrote ${displayName(io, target)}`);
  return EXIT_OK;
};
