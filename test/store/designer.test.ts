import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedLibrary } from '../../src/store/catalog';
import { carryRun, checkBytes, checkText, conflictOf, DESIGNER_PREFIX, errorsFirst, restoreImported, withEntry } from '../../src/store/designer';
import { prepareDesigner } from '../../src/store/designer-session';
import { applyChoice, newRun, type Run } from '../../src/store/run';
import { memoryStorage } from '../../src/store/storage';
import { library, minimalText, ROOT } from '../golden/scenarios';
import { fixtureCatalog } from './helpers';

const lib = library();
const text = minimalText();

function played(run: Run, option: string): Run {
  const turn = applyChoice({ ...run, place: 'turn' }, 'us', option);
  if (turn.kind !== 'resolved') throw new Error(`not resolved: ${turn.kind}`);
  return { ...turn.run, place: 'turn' };
}

describe('designer: checking a file', () => {
  it('loads a valid file from bytes and keeps its lines for quoting', () => {
    const checked = checkBytes(new TextEncoder().encode(text), 'minimal.yaml', lib);
    expect(checked.scenario?.id).toBe('minimal');
    expect(checked.lines[3]).toBe('title: A minimal crisis');
  });

  it('refuses bytes that are not UTF-8 with a diagnostic, never a throw', () => {
    const checked = checkBytes(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), 'bad.yaml', lib);
    expect(checked.scenario).toBeNull();
    expect(checked.diagnostics[0]?.code).toBe('yaml/encoding');
  });

  it('puts errors before warnings, each in file order', () => {
    const list = errorsFirst([
      { severity: 'warning', code: 'lint/a', file: 'f', line: 2, column: 1, path: '', message: 'w' },
      { severity: 'error', code: 'x/b', file: 'f', line: 9, column: 1, path: '', message: 'e2' },
      { severity: 'error', code: 'x/a', file: 'f', line: 3, column: 1, path: '', message: 'e1' },
    ]);
    expect(list.map((d) => d.message)).toEqual(['e1', 'e2', 'w']);
  });
});

describe('designer: the catalog and storage', () => {
  it('asks only when another version has the id; replaces in place or adds at the end', () => {
    const catalog = fixtureCatalog();
    const same = checkText(text, 'copy.yaml', lib).scenario!;
    expect(conflictOf(catalog, same)).toBeNull();
    const edited = checkText(text.replace('title: A minimal crisis', 'title: Edited'), 'copy.yaml', lib).scenario!;
    expect(conflictOf(catalog, edited)?.scenario.file.title).toBe('A minimal crisis');
    const replaced = withEntry(catalog, { id: 'minimal', file: 'copy.yaml', scenario: edited });
    expect(replaced.entries.map((e) => e.scenario.file.title)).toEqual(['Edited']);
    const other = checkText(text.replace('id: minimal', 'id: other-one'), 'other.yaml', lib).scenario!;
    expect(withEntry(catalog, { id: other.id, file: 'other.yaml', scenario: other }).entries.map((e) => e.id)).toEqual(['minimal', 'other-one']);
  });

  it('restores stored imports and names a damaged or mislabelled one without using it', () => {
    const storage = memoryStorage({
      [`${DESIGNER_PREFIX}other-one`]: text.replace('id: minimal', 'id: other-one'),
      [`${DESIGNER_PREFIX}broken`]: 'format: [unclosed',
      [`${DESIGNER_PREFIX}wrong-id`]: text,
      'red-phone:save': 'not mine',
    });
    const restored = restoreImported(storage, fixtureCatalog(), () => lib);
    expect(restored.catalog.entries.map((e) => e.id)).toEqual(['minimal', 'other-one']);
    expect(restored.imported).toEqual(['other-one']);
    expect(restored.problems).toHaveLength(2);
    expect(restored.problems.join(' ')).toContain(`${DESIGNER_PREFIX}broken`);
    expect(restored.problems.join(' ')).toContain('has the id "minimal"');
  });

  it('reads the shared terms, ladder and facts only when a kept import needs them, and once for the catalog too', () => {
    let asked = 0;
    const counted = () => {
      asked++;
      return lib;
    };
    expect(restoreImported(memoryStorage(), fixtureCatalog(), counted).imported).toEqual([]);
    expect(asked).toBe(0);
    const [terms, ladder, facts] = ['terms.yaml', 'ladder.yaml', 'facts.yaml'].map((f) => readFileSync(join(ROOT, 'scenarios', f), 'utf8')) as [string, string, string];
    const first = sharedLibrary(terms, ladder, facts).library;
    expect(first).not.toBeNull();
    expect(sharedLibrary(terms, ladder, facts).library).toBe(first);
    const prepared = prepareDesigner(memoryStorage(), fixtureCatalog(), terms, ladder, facts);
    expect(prepared.library()).toBe(first);
  });

  it('restores nothing and throws nothing without storage', () => {
    expect(restoreImported(null, fixtureCatalog(), () => lib).imported).toEqual([]);
  });
});

describe('designer: carrying a run over to a new version', () => {
  const scenario = checkText(text, 'minimal.yaml', lib).scenario!;
  const run = played(newRun(scenario, 'us', 'CARRY'), 'request_help');

  it('replays the same choices on an edited text and stays at the same turn', () => {
    const edited = checkText(text.replace('text: Beijing opens a case.', 'text: Beijing opens a case at once.'), 'minimal.yaml', lib).scenario!;
    const carried = carryRun(run, edited);
    expect(carried.ok).toBe(true);
    if (!carried.ok) return;
    expect(carried.run.scenario.hash).toBe(edited.hash);
    expect(carried.run.game.turn).toBe(run.game.turn);
    expect(carried.run.game.scenarioHash).toBe(edited.hash);
    expect(carried.run.place).toBe('turn');
  });

  it('names the turn that no longer plays when a chosen option is gone', () => {
    const renamed = checkText(text.replace('id: request_help', 'id: ask_help'), 'minimal.yaml', lib).scenario!;
    const carried = carryRun(run, renamed);
    expect(carried.ok).toBe(false);
    if (carried.ok) return;
    expect(carried.reason).toMatch(/^turn 1: .*request_help/);
  });
});
