/**
 * Every bundled scenario, from each playable side and with two teams, played from the title screen to
 * the debrief with the keyboard alone. What the page shows is checked against the engine run in Node,
 * and the page's log (Asia/Shanghai, zh-CN) against the CLI's (America/Los_Angeles, de_DE) byte for byte.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { sideFallback } from '../../src/engine';
import { BROWSER_ZONE, type CliPlay, cliLogs } from './cli';
import { browserSuite, hook, norm, visibleText } from './harness';
import { bundledScenarioFiles, logJsonOf, playByIndex, playTeams, tryLoadScenarioFile } from './oracle';
import { chooseScenario, leaveBriefing, playTeamTurns, playTurns, startRun } from './play';

const files = bundledScenarioFiles();
/** Picks that wander through the options rather than always taking the first. */
const PICKS = [2, 1, 3, 2, 1, 2, 3, 1, 2, 1, 3, 2, 1, 2, 1, 2];

/** The page's log equals the engine's in Node and the CLI's, byte for byte. */
async function expectSameLog(page: Page, cli: Promise<string>, expected: string): Promise<void> {
  const browser = await hook(page);
  expect(browser.logJson, 'the log in the browser equals the engine in Node').toBe(expected);
  expect(browser.logJson, 'the log in the browser equals the CLI').toBe(await cli);
}

const KEYBOARD_SCENARIOS = 4;

/**
 * The CLI's logs of every run played below, made by one process (cli.ts) started by the first test
 * that needs one and read by each: `at` is the index of a test's play among `plays`.
 */
const plays: CliPlay[] = [];
let cliRun: Promise<string[]> | null = null;
function cliLogOf(at: number): Promise<string> {
  cliRun ??= cliLogs(plays);
  return cliRun.then((logs) => logs[at] ?? '');
}

browserSuite(
  'each scenario played with the keyboard alone, in two runtimes',
  (suite) => {
    it('bundles at least one scenario', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    // The first four scenarios are played to their end from one side, the sides taking turns down the
    // list, and the first with two teams: every side and mode within the browser project's time budget.
    // The others open at their first turn with their options (below); the Node golden replays and the
    // CLI play every scenario from every side.
    for (const file of files.slice(KEYBOARD_SCENARIOS)) {
      const scenario = tryLoadScenarioFile(`scenarios/${file}`);
      if (typeof scenario === 'string') continue;
      it(`${scenario.id} opens from its link at the first turn, with its options as page text`, async () => {
        const { page } = await suite.open({ at: `?scenario=${scenario.id}&seed=K7Q3&side=us` });
        await leaveBriefing(page);
        const first = scenario.file.beats[0];
        expect(await page.locator('#ui h1').innerText()).toBe(first?.title ?? '');
        expect(await page.locator('button[data-option][data-side="us"]').count()).toBeGreaterThan(1);
      });
    }

    files.slice(0, KEYBOARD_SCENARIOS).forEach((file, index) => {
      const scenario = tryLoadScenarioFile(`scenarios/${file}`);
      if (typeof scenario === 'string') {
        it(`${file} loads (the game leaves out a scenario that does not)`, () => {
          throw new Error(scenario);
        });
        return;
      }
      const playable = scenario.file.sides;
      const sides = [playable[index % playable.length] ?? 'us'];
      for (const side of sides) {
        const seed = side === 'us' ? 'K7Q3' : 'M2X9';
        const expected = playByIndex(scenario, seed, side, PICKS);
        const at = plays.push({ file, seed, side, choose: expected.picks.join(',') }) - 1;
        it(`${scenario.id} as ${side}: title to debrief shows what the engine decided; the log equals the CLI's`, async () => {
          const cli = cliLogOf(at);
          cli.catch(() => undefined);
          // The first run plays with the Phaser stage behind the text, as a player sees it; the others read page text only.
          const { page } = await suite.open({ ...BROWSER_ZONE, stage: index === 0 });
          expect(await page.evaluate(() => [Intl.DateTimeFormat().resolvedOptions().timeZone, navigator.language])).toEqual(['Asia/Shanghai', 'zh-CN']);

          const title = await visibleText(page);
          expect(await page.locator('h1').first().isVisible()).toBe(true);
          expect(title).toContain(norm(scenario.file.title));

          await chooseScenario(page, scenario.id);
          expect(await visibleText(page)).toContain(norm(scenario.file.title));
          expect((await page.locator('#exercise-code').innerText()).trim()).not.toBe('');

          await startRun(page, side, seed);
          expect(await visibleText(page)).toContain(norm(sideFallback(scenario.file.briefing, side)));
          await leaveBriefing(page);

          const turns = await playTurns(page, side, expected.picks, async (turn, screen) => {
            const seen = expected.turns[turn];
            if (!seen) throw new Error(`the page is on turn ${turn + 1}; the engine ended after ${expected.turns.length}`);
            const text = await visibleText(page);
            if (screen === 'turn') {
              expect(text).toContain(norm(seen.beatTitle));
              expect(text).toContain(norm(seen.optionLabel));
            } else {
              expect(await visibleText(page, '#outcome-text')).toContain(norm(seen.outcomeText));
              // Each side's screen speaks from its own side: the indicators are judged for the side played.
              expect(text).toContain(side === 'us' ? 'which way is better for the united states' : 'which way is better for china');
              expect(text).not.toContain(side === 'us' ? 'good for china' : 'good for the us');
              expect(text, 'no value is shown as an object').not.toContain('[object object]');
              await expect
                .poll(async () => norm((await page.locator('#announcer').textContent()) ?? ''), { message: 'the live region announces the outcome', timeout: 2000 })
                .toContain(norm(seen.outcomeText));
            }
          });
          expect(turns).toBe(expected.turns.length);
          expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite');

          const debrief = await visibleText(page, '#debrief');
          expect(debrief).toContain(norm(expected.endingTitle));
          expect(debrief, 'no value is shown as an object').not.toContain('[object object]');
          for (const objective of expected.objectives) expect(debrief).toContain(norm(objective.label));
          for (const name of ['download-replay', 'new-run', 'to-title']) {
            expect(await page.locator(`button[data-action="${name}"]`).isVisible(), name).toBe(true);
          }
          await expectSameLog(page, cli, logJsonOf(expected.state));
        });
      }
      if (scenario.file.teams && index < 1) {
        const pairs = PICKS.map((p, i) => [p, PICKS[(i + 3) % PICKS.length] ?? 1] as const);
        const expected = playTeams(scenario, 'T2AM', pairs);
        const at = plays.push({ file, seed: 'T2AM', side: 'both', choose: expected.pairs.map(([us, cn]) => `${us}:${cn}`).join(',') }) - 1;
        it(`${scenario.id} with two teams: the US choice is covered while China chooses; the debrief matches the engine; the log equals the CLI's`, async () => {
          const cli = cliLogOf(at);
          cli.catch(() => undefined);
          const { page } = await suite.open(BROWSER_ZONE);
          await chooseScenario(page, scenario.id);
          await startRun(page, 'both', 'T2AM');
          await leaveBriefing(page);
          const turns = await playTeamTurns(page, expected.pairs, async (turn, screen) => {
            const seen = expected.turns[turn];
            if (!seen) throw new Error(`the page is on turn ${turn + 1}; the engine ended after ${expected.turns.length}`);
            if (screen === 'turn') expect(await visibleText(page)).toContain(norm(seen.beatTitle));
            else expect(await visibleText(page, '#outcome-text')).toContain(norm(seen.outcomeText));
          });
          expect(turns).toBe(expected.turns.length);
          const debrief = await visibleText(page, '#debrief');
          expect(debrief).toContain(norm(expected.endingTitle));
          for (const objective of expected.objectives) expect(debrief).toContain(norm(objective.label));
          await expectSameLog(page, cli, logJsonOf(expected.state));
        });
      }
    });
  },
  { stage: false },
);
