/**
 * Scenario text in Simplified Chinese: an overlay keyed by the scenario's ids. The rules hash is the
 * same in both languages, so a game played in Chinese replays in English and the other way round;
 * the checker names an unknown id, a text in the wrong shape, markup and missing texts with their place.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkReplay,
  type Diagnostic,
  decodeReplayCode,
  encodeReplayCode,
  loadScenario,
  loadTranslation,
  parseReplay,
  type ReplayFile,
  recordReplay,
  resolveTurn,
  type Scenario,
  start,
  topicText,
} from '../../src/engine';
import type { GoldenFile } from '../golden/golden';
import { library, MINIMAL_PATH, minimalText, ROOT, scenarioAt } from '../golden/scenarios';

const overlayText = readFileSync(join(ROOT, 'test/fixtures/valid/zh-Hans/minimal.yaml'), 'utf8');

function inChinese(text: string, overlay: string, file = 'zh-Hans/minimal.yaml'): { scenario: Scenario | null; diagnostics: readonly Diagnostic[] } {
  return loadScenario(text, MINIMAL_PATH, library(), { text: overlay, file });
}

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${d.line}:${d.column} ${d.code}`);

describe('a scenario read in Simplified Chinese', () => {
  const english = scenarioAt(MINIMAL_PATH);
  const zh = inChinese(minimalText(), overlayText);

  it('loads with no diagnostic, its texts in Chinese and its rules hash unchanged', () => {
    expect(zh.diagnostics).toEqual([]);
    const s = zh.scenario as Scenario;
    expect(s.lang).toBe('zh-Hans');
    expect(s.file.title).toBe('最小的危机');
    expect(s.beats.get('response')?.text.cn[0]?.text).toBe('北京在权衡如何答复。');
    expect(s.file.beats[0]?.options.us[0]?.terms.why.T1).toBe('依靠及时协助的承诺。');
    expect(s.hash).toBe(english.hash);
    expect(s.textHash).not.toBe(english.textHash);
    // A request topic stays English in the rules (answers match it) and reads in Chinese.
    expect(topicText(s, 'Intrusion logs')).toBe('入侵日志');
    expect(topicText(english, 'Intrusion logs')).toBe('Intrusion logs');
    const unknownTopic = inChinese(minimalText(), overlayText.replace('"Intrusion logs"', '"Intrusion log"'));
    expect(unknownTopic.diagnostics.map((d) => `${d.code} ${d.suggestion ?? ''}`)).toEqual(['overlay/missing-text ', 'overlay/unknown-id Intrusion logs']);
    expect(s.contentHash).toBe(english.contentHash);
  });

  it('a game played in Chinese records a replay that replays in English, hash for hash', () => {
    const s = zh.scenario as Scenario;
    let game = start(s, 'ZH-1', { us: 'people', cn: 'people' });
    for (const choice of [
      { us: 'request_help', cn: 'deny' },
      { us: 'wait', cn: 'stall' },
    ]) {
      const r = resolveTurn(s, game, choice);
      if (!r.ok) throw new Error(r.error.message);
      game = r.state;
    }
    const replay = recordReplay(s, game);
    if (!replay.ok) throw new Error(replay.error.message);
    const back = checkReplay(english, replay.value);
    expect(back.ok ? back.value.hashes : back.error.message).toEqual(replay.value.hashes);
    // The replay code a student hands in from a Chinese page opens on an English one, and back.
    const code = encodeReplayCode(replay.value, s);
    if (!code.ok) throw new Error(code.error.message);
    const decoded = decodeReplayCode(code.value, [english]);
    expect(decoded.ok ? decoded.value.hashes : decoded.error.message).toEqual(replay.value.hashes);
    const again = decodeReplayCode(code.value, [s]);
    expect(again.ok ? again.value.hashes : again.error.message).toEqual(replay.value.hashes);
  });

  it('the checker names an unknown id, markup, a wrong shape and what is missing, each with its line', () => {
    const broken = `${overlayText.replace('    title: 入侵', '    title: <b>入侵</b>').replace('        request_help:', '        request_hlp:').replace('    text: 双方情绪升温。', '    text: [双方, 升温]')}`;
    const r = inChinese(minimalText(), broken);
    expect(r.scenario?.lang).toBe('en');
    const lines = broken.split('\n');
    const at = (needle: string): number => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(codes(r.diagnostics)).toEqual([
      `${at('title: <b>')}:5 overlay/missing-text`,
      `${at('title: <b>')}:12 overlay/markup`,
      `${at('request_hlp')}:9 overlay/unknown-id`,
      `${at('[双方, 升温]')}:11 overlay/shape`,
    ]);
    const unknown = r.diagnostics.find((d) => d.code === 'overlay/unknown-id');
    expect(unknown?.suggestion).toBe('request_help');
    expect(unknown?.file).toBe('zh-Hans/minimal.yaml');
    const missing = r.diagnostics.find((d) => d.code === 'overlay/missing-text');
    expect(missing?.severity).toBe('warning');
    expect(missing?.message).toMatch(/^beats\.opening: 5 texts are not translated \(options\.us\.request_help\.label, .*; the English is shown$/);
  });

  it('an overlay for another scenario, or not an overlay at all, is refused and English is played', () => {
    const other = inChinese(minimalText(), overlayText.replace('scenario: minimal', 'scenario: ip-theft'));
    expect(codes(other.diagnostics)).toEqual(['3:11 overlay/wrong-scenario']);
    expect(other.scenario?.lang).toBe('en');
    const junk = inChinese(minimalText(), 'format: red-phone/overlay@1\nscenario: minimal\nlang: fr\n');
    expect(junk.diagnostics.map((d) => d.code)).toEqual(['schema/invalid-value']);
    expect(junk.scenario?.hash).toBe(english.hash);
  });

  it('a broken overlay read as a translation of the loaded English: the same diagnostics, and no scenario', () => {
    const broken = overlayText.replace('        request_help:', '        request_hlp:').replace('scenario: minimal', 'scenario: ip-theft');
    const both = inChinese(minimalText(), broken);
    const translated = loadTranslation(english, library(), { text: broken, file: 'zh-Hans/minimal.yaml' });
    expect(codes(translated.diagnostics)).toEqual(codes(both.diagnostics));
    expect(translated.diagnostics.length).toBeGreaterThan(0);
    expect(translated.scenario).toBeNull();
  });
});

describe('the shipped translations', () => {
  const dir = join(ROOT, 'scenarios/zh-Hans');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'glossary.yaml') : [];

  it.each(files)('scenarios/zh-Hans/%s loads with no error and keeps the rules hash', (name) => {
    const path = `scenarios/${name}`;
    const r = loadScenario(readFileSync(join(ROOT, path), 'utf8'), path, library(), { text: readFileSync(join(dir, name), 'utf8'), file: `scenarios/zh-Hans/${name}` });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.scenario?.lang).toBe('zh-Hans');
    expect(r.scenario?.hash).toBe(scenarioAt(path).hash);
  });

  it.each(files)('scenarios/zh-Hans/%s read as a translation of the loaded English is the scenario that loading both together gives', (name) => {
    const path = `scenarios/${name}`;
    const overlay = { text: readFileSync(join(dir, name), 'utf8'), file: `scenarios/zh-Hans/${name}` };
    const both = loadScenario(readFileSync(join(ROOT, path), 'utf8'), path, library(), overlay);
    const english = scenarioAt(path);
    const translated = loadTranslation(english, library(), overlay);
    expect(translated.diagnostics).toEqual(both.diagnostics.filter((d) => d.file === overlay.file));
    expect(translated.scenario?.lang).toBe('zh-Hans');
    expect([translated.scenario?.hash, translated.scenario?.textHash, translated.scenario?.contentHash]).toEqual([both.scenario?.hash, both.scenario?.textHash, both.scenario?.contentHash]);
    expect(translated.scenario?.file).toEqual(both.scenario?.file);
    // A scenario already read in Chinese is not translated again.
    expect(() => loadTranslation(translated.scenario as Scenario, library(), overlay)).toThrow(/already read in zh-Hans/);
  });

  it("every golden replay recorded on today's main replays against the Chinese text of its scenario", () => {
    const golden = readdirSync(join(ROOT, 'test/golden')).filter((f) => f.endsWith('.json') && files.includes(`${f.split('.')[0]}.yaml`));
    for (const name of golden) {
      const g = JSON.parse(readFileSync(join(ROOT, 'test/golden', name), 'utf8')) as GoldenFile;
      const id = g.scenario.replace(/^scenarios\//, '');
      const r = loadScenario(readFileSync(join(ROOT, g.scenario), 'utf8'), g.scenario, library(), { text: readFileSync(join(dir, id), 'utf8'), file: id });
      const parsed = parseReplay(JSON.stringify(g.replay), name);
      if (!parsed.ok || r.scenario === null) throw new Error(`${name} does not load`);
      const checked = checkReplay(r.scenario, parsed.value as ReplayFile);
      expect(checked.ok ? checked.value.state.log : checked.error.message, name).toStrictEqual(g.log);
    }
  });
});
