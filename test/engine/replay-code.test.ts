import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReplayCode, encodeReplayCode, type GameState, MAX_REPLAY_CODE_CHARS, type ReplayFile, recordReplay, resolveTurn, type Scenario, type Side, start } from '../../src/engine';
import { controllersFor, must, playSteps, type Step } from '../golden/policy';
import { allScenarios, MINIMAL_PATH, scenarioAt } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);
const scenarios = allScenarios().map((l) => l.scenario);
const ipTheft = scenarios.find((s) => s.id === 'ip-theft') as Scenario;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';

function replayOf(scenario: Scenario, seed: string, mode: Side | 'teams', steps: readonly Step[]): ReplayFile {
  const state: GameState = playSteps(scenario, start(scenario, seed, controllersFor(mode)), steps, true);
  return must(recordReplay(scenario, state));
}

const turn = (us: number, cn: number, forceUs: number | null = null, forceCn: number | null = null): Step => ({ kind: 'turn', us, cn, forceUs, forceCn });

/** Every kind of action: a facilitator inject, forced outcomes for people and model, both controllers. */
const samples: readonly (readonly [string, ReplayFile])[] = [
  ['ip-theft, United States, 11 turns', replayOf(ipTheft, 'K7Q3', 'us', [turn(0, 0), turn(1, 0), turn(2, 0), turn(0, 0), turn(1, 0), turn(2, 0), turn(0, 0), turn(1, 0)])],
  ['minimal, China, with an inject and a forced model move', replayOf(minimal, 'M4RX', 'cn', [{ kind: 'inject', index: 1 }, turn(0, 1, 0, null), turn(0, 0)])],
  ['minimal, teams, forced outcomes, a Unicode seed', replayOf(minimal, 'début 第一 🎲', 'teams', [turn(0, 1, 1, 0), turn(1, 0)])],
  ['minimal, United States, a seed with dots and spaces', replayOf(minimal, 'a.b c', 'us', [])],
];

describe('replay codes: round trip', () => {
  it.each(samples)('%s decodes to the identical replay', (_name, file) => {
    const scenario = scenarios.find((s) => s.id === file.scenarioId) ?? minimal;
    const code = must(encodeReplayCode(file, scenario));
    expect(code).toMatch(/^RP1\.[a-z0-9-]+\.\d+-\d+-\d+\.[utcm][A-Za-z0-9_-]{4}\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{6}$/);
    expect(must(decodeReplayCode(`  ${code}\n`, scenarios))).toEqual(file);
  });

  it('a game played by the model on both sides round-trips too', () => {
    let s = start(minimal, 'K7Q3', { us: 'model', cn: 'model' });
    while (s.ending === null) {
      const r = resolveTurn(minimal, s, {});
      if (!r.ok) throw new Error(r.error.message);
      s = r.state;
    }
    const file = must(recordReplay(minimal, s));
    expect(must(decodeReplayCode(must(encodeReplayCode(file, minimal)), [minimal]))).toEqual(file);
  });

  it('a whole pasted link is read for its replay parameter', () => {
    const [, file] = samples[1] as readonly [string, ReplayFile];
    const code = must(encodeReplayCode(file, minimal));
    expect(must(decodeReplayCode(`https://example.org/red-phone/?replay=${code}&lang=en#debrief`, [minimal]))).toEqual(file);
    expect(must(decodeReplayCode(`https://example.org/?replay=${code}`, [minimal]))).toEqual(file);
  });

  it('an ip-theft code is 38 characters plus one per turn (46 for 8 turns) and needs no escaping in a link', () => {
    const file = replayOf(ipTheft, 'K7Q3', 'us', []);
    const code = must(encodeReplayCode(file, ipTheft));
    expect(code.split('.')[5]).toHaveLength(file.actions.length);
    expect(code.length).toBe(38 + file.actions.length);
    expect(encodeURIComponent(code)).toBe(code);
  });
});

describe('replay codes: refusals', () => {
  const file = samples[0]?.[1] as ReplayFile;
  const code = must(encodeReplayCode(file, ipTheft));
  const [prefix, id, version, meta, seed, actions, check] = code.split('.') as [string, string, string, string, string, string, string];
  const cases: readonly (readonly [string, string, readonly Scenario[], string])[] = [
    ['empty text', '   ', scenarios, 'code/empty'],
    ['too long', 'R'.repeat(MAX_REPLAY_CODE_CHARS + 1), scenarios, 'code/too-long'],
    ['an exercise code instead', 'IPT-K7Q3', scenarios, 'code/bad-format'],
    ['cut short', code.slice(0, 30), scenarios, 'code/bad-format'],
    ['a newer format', `RP2.${code.slice(4)}`, scenarios, 'code/too-new'],
    ['a changed action', [prefix, id, version, meta, seed, `${actions.slice(0, -1)}${actions.endsWith('A') ? 'B' : 'A'}`, check].join('.'), scenarios, 'code/checksum'],
    ['a changed seed', [prefix, id, version, meta, 'K7Q4', actions, check].join('.'), scenarios, 'code/checksum'],
    ['lower-cased', code.toLowerCase(), scenarios, 'code/bad-format'],
    ['lower-cased after the prefix', `RP1.${code.slice(4).toLowerCase()}`, scenarios, 'code/checksum'],
    ['a scenario not installed', code, scenarios.filter((s) => s.id !== 'ip-theft'), 'code/unknown-scenario'],
  ];
  it.each(cases)('%s is refused (%s)', (_name, text, installed, want) => {
    const r = decodeReplayCode(text, installed);
    expect(r.ok ? 'ok' : r.error.code).toBe(want);
  });

  it('the checksum message says the code was altered or mistyped', () => {
    const r = decodeReplayCode(code.replace(/\.K7Q3\./, '.K7Q4.'), scenarios);
    expect(r.ok ? '' : r.error.message).toContain('altered or mistyped');
  });

  it('another version or other content of the scenario is named as such', () => {
    const bumped = { ...ipTheft, version: '1.0.1' } as Scenario;
    const edited = { ...ipTheft, hash: `ffffff${ipTheft.hash.slice(6)}`, contentHash: `ffffff${ipTheft.contentHash.slice(6)}` } as Scenario;
    const v = decodeReplayCode(code, [bumped]);
    const c = decodeReplayCode(code, [edited]);
    expect(v.ok ? 'ok' : v.error.code).toBe('code/version');
    expect(c.ok ? 'ok' : c.error.code).toBe('code/scenario-changed');
  });

  it('a replay that does not play is not encoded', () => {
    const broken: ReplayFile = { ...file, seed: 'OTHER' };
    const r = encodeReplayCode(broken, ipTheft);
    expect(r.ok ? 'ok' : r.error.code).toBe('code/not-encodable');
  });
});

describe('replay codes: tamper evidence', () => {
  it.each(samples)('every single-character change of the %s code is refused or decodes identically', (_name, file) => {
    const scenario = scenarios.find((s) => s.id === file.scenarioId) ?? minimal;
    const installed = scenarios;
    const code = must(encodeReplayCode(file, scenario));
    const want = JSON.stringify(file);
    let refused = 0;
    for (let i = 0; i < code.length; i++) {
      for (const ch of ALPHABET) {
        if (ch === code.charAt(i)) continue;
        const r = decodeReplayCode(code.slice(0, i) + ch + code.slice(i + 1), installed);
        if (r.ok) expect(JSON.stringify(r.value)).toBe(want);
        else refused++;
      }
    }
    expect(refused).toBe(code.length * (ALPHABET.length - 1));
  });

  it('random edits (insertions, deletions, substitutions of any character) are refused (fast-check)', () => {
    const file = samples[1]?.[1] as ReplayFile;
    const code = must(encodeReplayCode(file, minimal));
    const want = JSON.stringify(file);
    fc.assert(
      fc.property(fc.nat(code.length), fc.nat(2), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }), (at, kind, ch) => {
        const i = Math.min(at, code.length - 1);
        const edited = kind === 0 ? code.slice(0, i) + ch + code.slice(i + 1) : kind === 1 ? code.slice(0, at) + ch + code.slice(at) : code.slice(0, i) + code.slice(i + 1);
        const r = decodeReplayCode(edited, [minimal]);
        return r.ok ? edited.trim() === code && JSON.stringify(r.value) === want : true;
      }),
      { seed: 20150925, numRuns: 2000 },
    );
  });
});
