/** Writes scenarios/schema.json from the zod schema (the same as `npm run schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../../src/engine/format/json-schema';

const target = fileURLToPath(new URL('../../scenarios/schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
