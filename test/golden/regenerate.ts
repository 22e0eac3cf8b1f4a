/**
 * `npm run golden`: regenerates the golden replays in test/golden/ from the minimal fixture and every
 * scenario in scenarios/, with fixed seeds and a fixed choice policy (golden.ts), and prints what
 * changed. Files that are no longer generated are removed. Review the diff before committing.
 */
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordReplay } from '../../src/engine';
import { ABOUT, firstDifference, type GoldenFile, goldenName, goldenRuns, playGolden } from './golden';
import { loadAll, ROOT } from './scenarios';

const dir = join(ROOT, 'test/golden');
const written = new Set<string>();
let changes = 0;

const { loaded, broken } = loadAll();
for (const b of broken) console.log(`skipped    ${b.path}: ${b.problem}`);

for (const { path, scenario } of loaded) {
  for (const run of goldenRuns(scenario)) {
    const state = playGolden(scenario, run.seed, run.mode);
    const replay = recordReplay(scenario, state);
    if (!replay.ok) throw new Error(`${scenario.id} ${run.seed}: ${replay.error.message}`);
    const golden: GoldenFile = { about: ABOUT, scenario: path, mode: run.mode, replay: replay.value, ending: state.ending, log: state.log };
    const name = goldenName(scenario.id, run.seed);
    const file = join(dir, name);
    const text = `${JSON.stringify(golden, null, 2)}\n`;
    written.add(name);
    const summary = `${scenario.id} seed ${run.seed} (${run.mode}): ${state.turn} turns, ${replay.value.actions.length} actions, ending ${state.ending ?? 'none'}`;
    if (!existsSync(file)) {
      console.log(`new        ${name}  ${summary}`);
      changes++;
    } else {
      const before = readFileSync(file, 'utf8');
      if (before === text) {
        console.log(`unchanged  ${name}`);
        continue;
      }
      const old = JSON.parse(before) as Partial<GoldenFile>;
      const inLog = firstDifference(old.log, golden.log, 'log');
      const where = inLog ?? firstDifference(old.replay, golden.replay, 'replay') ?? firstDifference(old, golden) ?? 'formatting only';
      console.log(`changed    ${name}  ${summary}\n           first difference: ${where}`);
      changes++;
    }
    writeFileSync(file, text);
  }
}

const brokenPaths = new Set(broken.map((b) => b.path));
for (const f of readdirSync(dir)) {
  if (f.endsWith('.json') && !written.has(f)) {
    const of = (JSON.parse(readFileSync(join(dir, f), 'utf8')) as Partial<GoldenFile>).scenario ?? '';
    if (brokenPaths.has(of)) {
      console.log(`kept       ${f}  (${of} does not load, so it was not regenerated)`);
      continue;
    }
    unlinkSync(join(dir, f));
    console.log(`removed    ${f}  (no longer generated)`);
    changes++;
  }
}
console.log(changes === 0 ? 'golden replays: nothing changed' : `golden replays: ${changes} file(s) changed; review with git diff test/golden`);
if (broken.length > 0) {
  console.log(`golden replays: ${broken.length} scenario file(s) do not load and were skipped`);
  process.exitCode = 1;
}
