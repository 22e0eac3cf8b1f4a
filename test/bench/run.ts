/**
 * `npm run bench`: prints each section's figures in turn. Sections live in their own files; add one by
 * listing it here. Figures vary with the machine and its load: compare them on one machine.
 * `npm run bench -- engine` runs only the sections whose title starts with a given word (case-insensitive).
 */
import { analysisSection } from './analysis';
import { browserSection } from './browser';
import { engineSection } from './engine';
import { networkSection } from './network';
import type { BenchSection } from './section';

const SECTIONS: readonly BenchSection[] = [engineSection, browserSection, analysisSection, networkSection];

const only = process.argv.slice(2).map((w) => w.toLowerCase());
const chosen = only.length === 0 ? SECTIONS : SECTIONS.filter((s) => only.some((w) => s.title.toLowerCase().startsWith(w)));
if (chosen.length === 0) process.stdout.write(`no bench section starts with ${only.join(' or ')}\n`);
for (const section of chosen) {
  process.stdout.write(`\n== ${section.title} ==\n`);
  try {
    for (const l of await section.run()) process.stdout.write(`${l}\n`);
  } catch (e) {
    process.stdout.write(`  (section failed: ${e instanceof Error ? e.message : String(e)})\n`);
  }
}
