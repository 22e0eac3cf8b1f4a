import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/engine/format/json-schema';

describe('scenarios/schema.json', () => {
  it('equals the schema generated from the zod schema (regenerate with npm run schema)', () => {
    const committed = readFileSync(new URL('../../scenarios/schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('refuses unknown fields and carries the descriptions editors show', () => {
    const schema = scenarioJsonSchema() as { additionalProperties?: unknown; description?: string; required?: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.description).toBe('A Red Phone scenario.');
    expect(schema.required).toContain('beats');
  });
});
