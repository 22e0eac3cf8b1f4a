import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { REPO_ROOT } from './build';
import { browserSuite, hook } from './harness';
import { bundledScenarioFiles, logJsonOf, playByIndex, playTeams, tryLoadScenarioFile } from './oracle';
import { chooseScenario, leaveBriefing, playTeamTurns, playToDebrief, startRun } from './play';

const run = promisify(execFile);
const files = bundledScenarioFiles();
const SEED = 'Q4ZR';
const PICKS = [3, 1, 2, 2, 1, 3, 1, 1, 2, 3, 2, 1];

/** The CLI's log for a run, in another time zone and locale than the browser's. */
async function cliLog(file: string, seed: string, side: 'us' | 'both', choose: string): Promise<string> {
  const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const args = ['src/cli/main.ts', 'play', `scenarios/${file}`, '--seed', seed, '--side', side, '--choose', choose, '--json'];
  const { stdout } = await run(tsx, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

browserSuite('one game, two runtimes', (suite) => {
  for (const file of files) {
    const scenario = tryLoadScenarioFile(`scenarios/${file}`);
    if (typeof scenario === 'string' || !scenario.file.sides.includes('us')) continue;
    it(`${scenario.id}: the browser's log (Asia/Shanghai, zh-CN) equals the CLI's (America/Los_Angeles, de_DE) byte for byte`, async () => {
      const expected = playByIndex(scenario, SEED, 'us', PICKS);
      const [cli, game] = await Promise.all([
        cliLog(file, SEED, 'us', expected.picks.join(',')),
        suite.open({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' }),
      ]);
      expect(await game.page.evaluate(() => [Intl.DateTimeFormat().resolvedOptions().timeZone, navigator.language])).toEqual(['Asia/Shanghai', 'zh-CN']);
      await playToDebrief(game.page, scenario.id, 'us', SEED, expected.picks);
      const browser = await hook(game.page);
      expect(browser.logJson).not.toBeNull();
      expect(browser.logJson).toBe(cli);
      expect(browser.logJson).toBe(logJsonOf(expected.state));
    });
  }
  for (const file of files) {
    const scenario = tryLoadScenarioFile(`scenarios/${file}`);
    if (typeof scenario === 'string' || !scenario.file.teams) continue;
    it(`${scenario.id} with two teams: the browser's log equals the CLI's --side both`, async () => {
      const expected = playTeams(scenario, SEED, PICKS.map((p, i) => [p, PICKS[(i + 5) % PICKS.length] ?? 1] as const));
      const [cli, game] = await Promise.all([
        cliLog(file, SEED, 'both', expected.pairs.map(([us, cn]) => `${us}:${cn}`).join(',')),
        suite.open({ timezoneId: 'Asia/Shanghai', locale: 'zh-CN' }),
      ]);
      await chooseScenario(game.page, scenario.id);
      await startRun(game.page, 'both', SEED);
      await leaveBriefing(game.page);
      await playTeamTurns(game.page, expected.pairs);
      const browser = await hook(game.page);
      expect(browser.logJson).toBe(cli);
      expect(browser.logJson).toBe(logJsonOf(expected.state));
    });
  }
});
