/**
 * `npm run bench`: prints each section's figures in turn. Sections live in their own files; add one by
 * listing it here. Figures vary with the machine and its load: compare them on one machine.
 */
import { browserSection } from './browser';
import { engineSection } from './engine';
import type { BenchSection } from './section';

const SECTIONS: readonly BenchSection[] = [engineSection, browserSection];

for (const section of SECTIONS) {
  process.stdout.write(`\n== ${section.title} ==\n`);
  try {
    for (const l of await section.run()) process.stdout.write(`${l}\n`);
  } catch (e) {
    process.stdout.write(`  (section failed: ${e instanceof Error ? e.message : String(e)})\n`);
  }
}
