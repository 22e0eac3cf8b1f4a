/**
 * Rewrites the CLI's golden outputs (`npx tsx test/cli/regenerate.ts`). Run it only when an output is
 * meant to change, and review the diff before committing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../golden/scenarios';
import { GOLDENS } from './goldens';
import { cli } from './harness';

for (const g of GOLDENS) {
  const r = await cli(g.args);
  if (r.code !== 0) throw new Error(`${g.args.join(' ')} exited ${r.code}: ${r.err}`);
  writeFileSync(join(ROOT, g.file), r.out);
  process.stdout.write(`wrote ${g.file}\n`);
}
