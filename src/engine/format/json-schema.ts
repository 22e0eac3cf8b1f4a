/**
 * The JSON Schema of scenario files, generated from the zod schema so that the two never disagree.
 * Editors with the YAML language server read `scenarios/schema.json` (named in each scenario's first
 * line) to complete and check a file as it is typed; `npm run schema` writes it.
 */
import { z } from 'zod';
import { scenarioSchema } from './schema';

/** The JSON Schema (draft 2020-12) of the scenario format as a designer writes it, with descriptions. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { io: 'input' }) as Record<string, unknown>;
}

/** {@link scenarioJsonSchema} as the text of scenarios/schema.json: two-space indents, final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
