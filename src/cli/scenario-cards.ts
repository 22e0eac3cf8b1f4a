/**
 * The title cards of scenarios/*.yaml as JSON on stdout: `{ cards, problems, prepared }`, each scenario checked
 * by the engine's own loader (src/store/catalog-cards.ts). vite.config.ts runs this in a child process
 * (node --import tsx) so that the config itself imports nothing from src/: Vite bundles its config
 * natively, and the engine's extension-less imports would make it print a warning at every start.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OVERLAY_LANGS } from '../engine';
import { buildCards } from '../store/catalog-build';

const dir = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'scenarios');
const names = readdirSync(dir)
  .filter((n) => n.endsWith('.yaml'))
  .sort();
const files = names.map((n) => ({ file: `/scenarios/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
const shared = (n: string): string => files.find((f) => f.file === `/scenarios/${n}`)?.text ?? '';
// Each card's words in the other languages, from the translations beside the scenarios (scenarios/zh-Hans).
const overlays = OVERLAY_LANGS.flatMap((lang) => {
  const sub = join(dir, lang);
  return existsSync(sub)
    ? readdirSync(sub)
        .filter((n) => n.endsWith('.yaml'))
        .map((n) => ({ file: `/scenarios/${lang}/${n}`, text: readFileSync(join(sub, n), 'utf8') }))
    : [];
});
process.stdout.write(JSON.stringify(buildCards(files, shared('terms.yaml'), shared('ladder.yaml'), shared('facts.yaml'), overlays)));
