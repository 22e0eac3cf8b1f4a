/** `scenario sim --report`: the HTML balance report, its escaping, its well-formedness and its bytes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { el, escapeHtml, frag } from '../../src/cli/report-html';
import { shellWord } from '../../src/cli/report-page';
import { legalOptions, resolveTurn, start } from '../../src/engine';
import { type SimReport, simulate } from '../../src/sim';
import { choiceExtremes, chooseList, LOPSIDED_PERCENT, lopsidedFlags, studyBalance } from '../../src/sim/balance';
import { MINIMAL_PATH, minimalText, scenarioAt } from '../golden/scenarios';
import { cli } from './harness';
import { checkWellFormed } from './report-well-formed';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'red-phone-report-'));
const minimal = scenarioAt(MINIMAL_PATH);

/** The minimal scenario with markup in its title, an ending title and an option label. */
const HOSTILE_TITLE = '<script>alert("t")</script> & <b>bold</b>';
function hostileFile(dir: string): string {
  const text = minimalText()
    .replace('title: A minimal crisis', `title: '${HOSTILE_TITLE}'`)
    .replace('title: A quiet deal,', 'title: "<img src=x onerror=alert(1)>",')
    .replace('label: Ask for assistance', 'label: "Ask </td></table> for help"');
  const file = join(dir, 'hostile.yaml');
  writeFileSync(file, text);
  return file;
}

describe('the HTML builder', () => {
  it('escapes text and attribute values', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(el('p', { title: '"><script>' }, '<script>alert(1)</script>').html).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(frag(el('meta', { charset: 'utf-8' }), 'a<b', 3, null, false, ['x', el('br')]).html).toBe('<meta charset="utf-8">a&lt;b3x<br>');
  });

  it('refuses tag and attribute names that are not plain names', () => {
    expect(() => el('p onclick', {})).toThrow();
    expect(() => el('p', { 'on"x': 'y' })).toThrow();
  });

  it('quotes shell words that need it', () => {
    expect(shellWord('scenarios/ip-theft.yaml')).toBe('scenarios/ip-theft.yaml');
    expect(shellWord("my file's.yaml")).toBe(`'my file'\\''s.yaml'`);
  });
});

describe('the balance study', () => {
  it('flags an ending above the lopsided share under every policy, and not below it under one', () => {
    const reports = (['random', 'lowest-rung', 'highest-rung'] as const).map((policy) => simulate(minimal, { runs: 200, seed: 'lop', policy, side: 'us' }));
    const at = (counts: number[]): SimReport[] =>
      reports.map((r, i) => ({ ...r, completed: 100, endings: r.endings.map((e, k) => ({ ...e, count: k === 1 ? (counts[i] as number) : 100 - (counts[i] as number) })) }));
    expect(lopsidedFlags(at([81, 90, 100])).map((f) => f.ending)).toEqual(['stalemate']);
    expect(lopsidedFlags(at([81, LOPSIDED_PERCENT, 100]))).toEqual([]);
  });

  it('finds options never or always chosen when offered', () => {
    const reports = (['lowest-rung', 'highest-rung'] as const).map((policy) => simulate(minimal, { runs: 100, seed: 'c', policy, side: 'us' }));
    const found = choiceExtremes(reports).map((c) => `${c.beat}/${c.side}/${c.option}:${c.kind}`);
    expect(found).toContain('showdown/us/sanction:always');
    expect(found).toContain('showdown/cn/retaliate:always');
  });

  it('gives each extreme run the choices that replay it to the same ending and score', () => {
    const study = studyBalance(minimal, { runs: 150, seed: 'xr', side: 'us' });
    expect(study.policies.map((p) => p.report.policy)).toEqual(['random', 'lowest-rung', 'highest-rung', 'cooperative', 'defecting']);
    for (const p of study.policies) {
      expect(p.extremes.map((x) => x.kind)).toEqual(['best', 'worst', 'shortest', 'longest']);
      for (const x of p.extremes) {
        let state = start(minimal, x.seed, { us: 'people', cn: 'model' });
        for (const k of x.choices) {
          const option = legalOptions(minimal, state, 'us')[k - 1];
          if (option === undefined) throw new Error(`choice ${k} not offered`);
          const r = resolveTurn(minimal, state, { us: option.id });
          if (!r.ok) throw new Error(r.error.message);
          state = r.state;
        }
        expect(state.ending).toBe(x.ending);
        expect(state.turn).toBe(x.turns);
      }
      const spread = p.spreads.find((s) => s.id === 'trust');
      expect(spread?.runs).toBe(p.report.completed);
      if (spread !== undefined) expect(spread.min <= spread.q1 && spread.q1 <= spread.median && spread.median <= spread.q3 && spread.q3 <= spread.max).toBe(true);
    }
  });

  it('chooseList refuses a log that does not replay', () => {
    const state = start(minimal, 'z', { us: 'people', cn: 'model' });
    const r = resolveTurn(minimal, state, { us: 'go_public' });
    if (!r.ok) throw new Error(r.error.message);
    expect(() => chooseList(minimal, 'another seed', 'us', [...r.state.log, ...r.state.log])).toThrow();
  });
});

describe('scenario sim --report', () => {
  it('writes a well-formed, self-contained page with every ending and policy, and one summary line', async () => {
    const dir = fresh();
    const out = join(dir, 'minimal.html');
    const r = await cli(['sim', MINIMAL_PATH, '--runs', '300', '--seed', 'rep', '--policy', 'lowest-rung', '--report', out]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(r.out).toBe(
      `report: 300 runs x 5 policies as us; most frequent ending: random crisis 50.3%, lowest-rung stalemate 100.0%, highest-rung crisis 100.0%, cooperative stalemate 100.0%, defecting crisis 100.0%; flags: dominant-option; no failed runs; wrote ${out} (${Buffer.byteLength(html)} bytes)\n`,
    );
    expect(r.out.split('\n')).toHaveLength(2);

    const { problems, tags } = checkWellFormed(html);
    expect(problems).toEqual([]);
    expect(tags).not.toContain('script');
    expect(tags).toContain('svg');
    expect(tags).toContain('table');
    expect(html).not.toMatch(/\b(src|href)=|url\(|@import|<link|<iframe|<object/i);
    expect(html.match(/https?:\/\/[^"\s]*/g)?.filter((u) => u !== 'http://www.w3.org/2000/svg') ?? []).toEqual([]);
    for (const e of minimal.file.endings) expect(html).toContain(e.title);
    for (const p of ['random', 'lowest-rung', 'highest-rung', 'cooperative', 'defecting']) expect(html).toContain(`>${p}<`);
    for (const ind of minimal.file.indicators) expect(html).toContain(ind.label);
    expect(html).toContain('npm run scenario -- play test/fixtures/valid/minimal.yaml --seed rep-');
  });

  it('is byte-identical on a second run, wherever it is written', async () => {
    const dir = fresh();
    const args = ['sim', MINIMAL_PATH, '--runs', '250', '--seed', 'same', '--report'];
    const a = await cli([...args, join(dir, 'a.html')]);
    const b = await cli([...args, join(dir, 'b.html')]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(readFileSync(join(dir, 'b.html'))).toEqual(readFileSync(join(dir, 'a.html')));
  });

  it('escapes scenario text: a <script> in the title comes out as text', async () => {
    const dir = fresh();
    const out = join(dir, 'hostile.html');
    const r = await cli(['sim', hostileFile(dir), '--runs', '60', '--seed', 'h', '--report', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(checkWellFormed(html).problems).toEqual([]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain(escapeHtml(`Balance report: ${HOSTILE_TITLE}`));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('prints commands that replay the extreme runs to their endings', async () => {
    const dir = fresh();
    const out = join(dir, 'x.html');
    expect((await cli(['sim', MINIMAL_PATH, '--runs', '120', '--seed', 'play', '--report', out])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const commands = [...html.matchAll(/npm run scenario -- play (\S+) --seed (\S+) --side (us|cn) --choose ([\d,]+)/g)];
    const extremes = studyBalance(minimal, { runs: 120, seed: 'play', side: 'us' }).policies.flatMap((p) => p.extremes);
    expect(commands).toHaveLength(extremes.length);
    expect(extremes).toHaveLength(20);
    for (const [i, [, file, seed, side, choose]] of commands.entries()) {
      const x = extremes[i];
      expect(seed).toBe(x?.seed);
      const played = await cli(['play', file as string, '--seed', seed as string, '--side', side as string, '--choose', choose as string]);
      expect(played.code).toBe(0);
      const title = minimal.file.endings.find((e) => e.id === x?.ending)?.title;
      expect(played.out).toMatch(new RegExp(`== Ending after ${x?.turns} turns?: ${title} \\(`));
      expect(played.err).toBe('');
    }
  });

  it('refuses a report that is not .html, the scenario itself, or --json beside it (exit 2)', async () => {
    const dir = fresh();
    for (const args of [
      ['sim', MINIMAL_PATH, '--runs', '10', '--seed', 's', '--report', join(dir, 'out.yaml')],
      ['sim', MINIMAL_PATH, '--runs', '10', '--seed', 's', '--report', join(dir, 'out.html'), '--json'],
      ['sim', MINIMAL_PATH, '--runs', '10', '--seed', 's', '--report', join(dir, 'missing', 'out.html')],
      ['sim', MINIMAL_PATH, '--seed', 's', '--report', join(dir, 'out.html')],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
    }
  });

  it('documents --report in sim --help, and leaves sim without it unchanged', async () => {
    const help = await cli(['sim', '--help']);
    expect(help.out.startsWith('Usage: npm run scenario -- sim')).toBe(true);
    expect(help.out).toContain('--report FILE');
    const plain = await cli(['sim', MINIMAL_PATH, '--runs', '20', '--seed', 'p']);
    expect(plain.out).toContain('== Policy random: 20 runs');
    expect(plain.out).not.toContain('report:');
  });
});
