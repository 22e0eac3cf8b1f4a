/** `scenario new`: a copy of the template that passes the checker, never over an existing file. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine/check/load';
import { library, ROOT } from '../golden/scenarios';
import { cli } from './harness';

const TEMPLATE = 'scenarios/_template.yaml';
const fresh = (): string => mkdtempSync(join(tmpdir(), 'red-phone-new-'));

describe('the template', () => {
  it('passes check with no error and no warning', async () => {
    const r = await cli(['check', TEMPLATE]);
    expect(r.out).toBe(`${TEMPLATE}: 0 errors, 0 warnings\n`);
    expect(r.code).toBe(0);
  });

  it('loads with no diagnostic at all and points the editor at schema.json', () => {
    const text = readFileSync(join(ROOT, TEMPLATE), 'utf8');
    expect(loadScenario(text, TEMPLATE, library()).diagnostics).toEqual([]);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema.json');
  });
});

describe('scenario new', () => {
  it('writes <dir>/<id>.yaml with the id and title, and the file passes check with no warning', async () => {
    const dir = fresh();
    const r = await cli(['new', 'harbour-lights', '--title', 'Harbour lights: a <script>alert(1)</script> test', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const file = join(dir, 'harbour-lights.yaml');
    expect(r.out).toBe(`wrote ${file}: it passes the checker. Edit it, then run "npm run scenario -- check ${file}".\n`);
    const text = readFileSync(file, 'utf8');
    const loaded = loadScenario(text, file, library());
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.scenario?.id).toBe('harbour-lights');
    expect(loaded.scenario?.file.title).toBe('Harbour lights: a <script>alert(1)</script> test');
    const checked = await cli(['check', file]);
    expect(checked.code).toBe(0);
    expect(checked.out).toBe(`${file}: 0 errors, 0 warnings\n`);
  });

  it('keeps the template title without --title, and points the schema comment at scenarios/schema.json', async () => {
    const dir = fresh();
    expect((await cli(['new', 'plain-copy', '--dir', dir])).code).toBe(0);
    const text = readFileSync(join(dir, 'plain-copy.yaml'), 'utf8');
    const template = readFileSync(join(ROOT, TEMPLATE), 'utf8');
    const body = (t: string): string => t.slice(t.indexOf('\n'));
    expect(body(text)).toBe(body(template).replace(/^id: new-scenario$/m, 'id: plain-copy'));
    const schemaRef = text.split('\n')[0]?.split('$schema=')[1] ?? '';
    expect(existsSync(join(dir, schemaRef))).toBe(true);
    expect(readFileSync(join(dir, schemaRef), 'utf8')).toBe(readFileSync(join(ROOT, 'scenarios/schema.json'), 'utf8'));
  });

  it('refuses to overwrite an existing file (exit 2) and leaves it as it was', async () => {
    const dir = fresh();
    const file = join(dir, 'taken.yaml');
    writeFileSync(file, 'mine\n');
    const r = await cli(['new', 'taken', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${file} already exists`);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
  });

  it('refuses a second new with the same id', async () => {
    const dir = fresh();
    expect((await cli(['new', 'twice', '--dir', dir])).code).toBe(0);
    const first = readFileSync(join(dir, 'twice.yaml'), 'utf8');
    const again = await cli(['new', 'twice', '--title', 'Other', '--dir', dir]);
    expect(again.code).toBe(2);
    expect(readFileSync(join(dir, 'twice.yaml'), 'utf8')).toBe(first);
  });

  const bad: [string, string[], string][] = [
    ['an id with capitals', ['new', 'Ip-Theft'], 'is not a scenario id'],
    ['an id with an underscore', ['new', 'ip_theft'], 'is not a scenario id'],
    ['an id starting with a digit', ['new', '9lives'], 'is not a scenario id'],
    ['an id of one letter', ['new', 'x'], 'is not a scenario id'],
    ['a path as the id', ['new', '../escape'], 'is not a scenario id'],
    ['the id of a shared file', ['new', 'terms'], 'names a shared file'],
    ['no id', ['new'], "name the new scenario's id"],
    ['two ids', ['new', 'one-id', 'two-id'], 'name one id'],
    ['an empty title', ['new', 'fine-id', '--title', ' '], '--title must not be empty'],
    ['a title on two lines', ['new', 'fine-id', '--title', 'a\nb'], 'one line'],
    ['a missing folder', ['new', 'fine-id', '--dir', 'no/such/folder'], 'no such folder'],
    ['an unknown option', ['new', 'fine-id', '--force'], 'Unknown option'],
  ];
  it.each(bad)('refuses %s with exit 2 and a message', async (_name, args, message) => {
    const dir = fresh();
    const withDir = args.includes('--dir') ? args : [...args, '--dir', dir];
    const r = await cli(withDir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
    expect(r.err).toContain('npm run scenario -- new --help');
  });

  it('prints its usage with --help', async () => {
    const r = await cli(['new', '--help']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('Usage: npm run scenario -- new <id>')).toBe(true);
  });
});
