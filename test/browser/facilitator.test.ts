import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { type Action, defaultOption } from '../../src/engine';
import { playActions } from '../../src/engine/replay/replay';
import { cli } from '../cli/harness';
import { activate, browserSuite, expectScreen, hook, norm, screenOf, screenshot, tabTo, visibleText, waitForScreen } from './harness';
import { loadScenarioFile, primaryScenarioFile } from './oracle';
import { leaveBriefing, leaveOutcome, passToChina, pickOption, typeInto, watchToDebrief } from './play';

const file = primaryScenarioFile();
const SEED = 'FAC7';

interface LoggedMove {
  side: 'us' | 'cn';
  by: string;
  option: string;
  outcome: string;
  forced: boolean;
}
type Logged = { kind: 'inject'; inject: string } | { kind: 'turn'; moves: LoggedMove[] };

async function logOf(page: Page): Promise<Logged[]> {
  return JSON.parse((await hook(page)).logJson ?? '[]') as Logged[];
}

/** The actions a log records: facilitator injects, and each turn's people choices with forced outcomes. */
function actionsOfLog(log: readonly Logged[]): Action[] {
  return log.map((r): Action => {
    if (r.kind === 'inject') return { kind: 'inject', inject: r.inject };
    const choice: { us?: string; cn?: string } = {};
    const force: { us?: string; cn?: string } = {};
    for (const m of r.moves) {
      if (m.by !== 'people') continue;
      choice[m.side] = m.option;
      if (m.forced) force[m.side] = m.outcome;
    }
    return Object.keys(force).length > 0 ? { kind: 'turn', ...choice, force } : { kind: 'turn', ...choice };
  });
}

/** Every word on the page: the page text, the live region, the banner and the document title. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => `${document.title} ${document.body.textContent ?? ''}`);
}

browserSuite(
  'facilitator mode',
  (suite) => {
    it('opens from the ?facilitator link; two teams only where the scenario has them; at least one side played by people', async () => {
      const { page } = await suite.open({ at: '?facilitator' });
      await page.locator('#app[data-screen="facilitator"]').waitFor();
      expect(await page.evaluate(() => location.search)).toBe('');
      const start = page.locator('button[data-action="start-facilitated"]');
      // Every bundled scenario offers two teams now; the set-up still refuses a class with no people at all.
      await tabTo(page, '#fac-scenario');
      await page.selectOption('#fac-scenario', 'opm-breach');
      await tabTo(page, 'input[name="fac-cn"]:checked');
      await page.keyboard.press('ArrowUp');
      expect(await start.isDisabled()).toBe(false);
      await tabTo(page, 'input[name="fac-us"]:checked');
      await page.keyboard.press('ArrowDown');
      await tabTo(page, 'input[name="fac-cn"]:checked');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#fac-problem').innerText()).toMatch(/At least one side/);
      expect(await start.isDisabled()).toBe(true);
      await tabTo(page, 'input[name="fac-us"]:checked');
      await page.keyboard.press('ArrowUp');
      expect(await start.isDisabled()).toBe(false);
      expect(await page.locator('#fac-code').innerText()).not.toBe('Hidden until the debrief');
      await activate(page, 'button[data-action="back"]');
      await expectScreen(page, 'title');
    });

    it.skipIf(file === '')("the counterpart model's outcome can be decided too: its pick is named before the turn resolves", async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const { page } = await suite.open();
      await activate(page, 'button[data-action="facilitator"]');
      await page.locator('#app[data-screen="facilitator"]').waitFor();
      await tabTo(page, '#fac-scenario');
      await page.selectOption('#fac-scenario', scenario.id);
      await activate(page, '#fac-decide-setup', 'Space');
      await activate(page, 'button[data-action="start-facilitated"]');
      await leaveBriefing(page);
      await pickOption(page, 1, 'us');
      const legend = page.locator('.fac-resolve fieldset:has(input[name="fac-force-cn"]) legend');
      await legend.waitFor({ state: 'visible' });
      const named = norm(await legend.innerText());
      expect(named).toMatch(/^china \(counterpart model\) will choose: .+\. resolve as…$/);
      const radios = page.locator('input[name="fac-force-cn"]');
      const last = radios.nth((await radios.count()) - 1);
      const outcomeId = await last.getAttribute('value');
      await last.check();
      await activate(page, 'button[data-action="fac-resolve"]');
      await expectScreen(page, 'outcome');
      const record = (await logOf(page)).at(-1);
      const china = record?.kind === 'turn' ? record.moves.find((m) => m.side === 'cn') : undefined;
      expect(china).toMatchObject({ by: 'model', outcome: outcomeId, forced: true });
      expect(named).toContain(norm(await page.locator('[data-side="cn"].move h2').innerText()).replace(/^china \(counterpart model\): /, ''));
    });

    it.skipIf(file === '' || !loadScenarioFile(`scenarios/${file}`).file.teams)(
      'a secret seed, a 1-minute timer, an inject, an override and the default at expiry: logged, replayed to the same hash in the page and in Node',
      async () => {
        const scenario = loadScenarioFile(`scenarios/${file}`);
        const { page } = await suite.open();
        await page.clock.install();
        await page.reload();
        await waitForScreen(page, 'title');

        await activate(page, 'button[data-action="facilitator"]');
        await page.locator('#app[data-screen="facilitator"]').waitFor();
        await tabTo(page, '#fac-scenario');
        await page.selectOption('#fac-scenario', scenario.id);
        await typeInto(page, '#fac-seed', SEED);
        await activate(page, '#fac-secret', 'Space');
        expect(await page.locator('#fac-secret').isChecked()).toBe(true);
        expect(await page.locator('#fac-code').innerText()).toBe('Hidden until the debrief');
        expect(await pageWords(page)).not.toContain(SEED);
        await tabTo(page, 'input[name="fac-cn"]:checked');
        await page.keyboard.press('ArrowUp');
        expect(await page.locator('#fac-cn-people').isChecked(), 'China played by a team, chosen by keyboard').toBe(true);
        await tabTo(page, '#fac-timer');
        await page.selectOption('#fac-timer', '1');
        await activate(page, 'button[data-action="start-facilitated"]');
        await expectScreen(page, 'briefing');
        expect(await pageWords(page), 'the briefing does not show the secret seed').not.toContain(SEED);
        await leaveBriefing(page);
        expect(await pageWords(page), 'the turn does not show the secret seed').not.toContain(SEED);
        expect(await page.locator('#fac-clock').innerText()).toMatch(/^[01]:\d\d left$/);
        expect(await page.locator('#show-odds').count()).toBe(0);
        await screenshot(page, 'facilitator-turn-1280x720');

        // An inject from the scenario's list, at any moment: shown as an event, logged, replayed.
        const injectId = await page.locator('#fac-inject option').first().getAttribute('value');
        await tabTo(page, '#fac-inject');
        await activate(page, 'button[data-action="fac-fire"]');
        await expectScreen(page, 'outcome');
        expect(await page.locator(`[data-inject="${injectId}"]`).count()).toBe(1);
        expect((await logOf(page)).at(-1)).toMatchObject({ kind: 'inject', inject: injectId });
        await leaveOutcome(page);

        // Pause covers the options; number keys do nothing until play resumes.
        await activate(page, 'button[data-action="fac-pause"]');
        await page.locator('#fac-cover').waitFor({ state: 'visible' });
        expect(await page.locator('#fac-cover').innerText()).toBe('Paused');
        await page.keyboard.press('1');
        expect(await screenOf(page)).toBe('turn');
        await activate(page, 'button[data-action="fac-pause"]');
        await page.locator('#fac-cover').waitFor({ state: 'hidden' });

        // An override: the facilitator decides the US outcome after both teams chose.
        await activate(page, '#fac-decide', 'Space');
        await activate(page, 'button[data-side="us"][data-index="1"]');
        await passToChina(page);
        await pickOption(page, 1, 'cn');
        await page.locator('.fac-resolve').waitFor({ state: 'visible' });
        await screenshot(page, 'facilitator-resolve-as-1280x720');
        const forced = page.locator('input[name="fac-force-us"]').nth(1);
        const forcedId = await forced.getAttribute('value');
        await tabTo(page, 'input[name="fac-force-us"]:checked');
        await page.keyboard.press('ArrowDown');
        expect(await forced.isChecked()).toBe(true);
        await activate(page, 'button[data-action="fac-resolve"]');
        await expectScreen(page, 'outcome');
        const overridden = (await logOf(page)).at(-1);
        expect(overridden?.kind === 'turn' ? overridden.moves.find((m) => m.side === 'us') : null).toMatchObject({ outcome: forcedId, forced: true });
        let screen = await leaveOutcome(page);
        await activate(page, '#fac-decide', 'Space');
        expect(await page.locator('#fac-decide').isChecked()).toBe(false);

        // The timer runs out: nothing happens until the facilitator picks the default option.
        expect(screen, 'the run goes on after the override').toBe('turn');

        // A reload mid-class keeps facilitator mode and the secret; Ctrl+. hides and shows the bar.
        await page.reload();
        await waitForScreen(page, 'turn');
        await page.locator('#fac-clock').waitFor({ state: 'visible' });
        expect(await pageWords(page), 'the secret survives a reload').not.toContain(SEED);
        await page.keyboard.press('Control+.');
        await page.locator('button[data-action="fac-show"]').waitFor({ state: 'visible' });
        expect(await page.locator('#fac-clock').count()).toBe(0);
        await page.keyboard.press('Control+.');
        await page.locator('#fac-clock').waitFor({ state: 'visible' });
        await page.locator('[data-heading]').first().focus();
        {
          const before = await logOf(page);
          const state = playActions(scenario, SEED, { us: 'people', cn: 'people' }, actionsOfLog(before));
          if (!state.ok) throw new Error(state.error.message);
          const defaults = [defaultOption(scenario, state.value.state, 'us')?.id, defaultOption(scenario, state.value.state, 'cn')?.id];
          await page.clock.fastForward(61_000);
          await page.locator('.fac-expired').waitFor({ state: 'visible' });
          await screenshot(page, 'facilitator-time-up-1280x720');
          await page.waitForFunction(() => (document.getElementById('announcer')?.textContent ?? '').startsWith('Time is up'));
          expect(await page.locator('#fac-clock').innerText()).toBe('time is up');
          expect(await logOf(page)).toHaveLength(before.length);
          await activate(page, 'button[data-action="fac-use-default"]');
          await expectScreen(page, 'outcome');
          const timed = (await logOf(page)).at(-1);
          expect(timed?.kind === 'turn' ? timed.moves.map((m) => m.option) : []).toEqual(defaults);
          screen = await leaveOutcome(page);
        }
        for (let turn = 0; screen === 'turn' && turn < 40; turn += 1) {
          await pickOption(page, 1, 'us');
          await passToChina(page);
          await pickOption(page, 1, 'cn');
          screen = await leaveOutcome(page);
        }
        await expectScreen(page, 'debrief');
        expect(await visibleText(page, '#debrief'), 'the debrief reveals the seed').toContain(norm(SEED));
        const debrief = await visibleText(page, '#debrief');
        expect(debrief, 'the debrief reveals the odds in words, with the outcomes that could have happened').toMatch(/this outcome had a \d+(\.\d)?% chance: the die came up \d+ of 0–9,999/);
        expect(debrief, 'the override shows as forced, never as luck').toMatch(/forced by the facilitator, not drawn: by the dice this outcome had a \d+(\.\d)?% chance/);
        expect(debrief, 'what changed, split by the move that caused it').toMatch(/what changed: .*\((united states's|china's) move [+−]\d+/);
        const played = await hook(page);

        const [download] = await Promise.all([page.waitForEvent('download'), activate(page, 'button[data-action="download-replay"]')]);
        const path = await download.path();
        const replay = JSON.parse(await readFile(path, 'utf8')) as { seed: string; actions: Action[] };
        expect(replay.seed).toBe(SEED);
        expect(replay.actions[0]).toEqual({ kind: 'inject', inject: injectId });
        expect(replay.actions.some((a) => a.kind === 'turn' && a.force?.us === forcedId)).toBe(true);
        // `npm run scenario -- replay <file>`, run in this process (test/cli/harness.ts) rather than started anew.
        const replayed = await cli(['replay', path]);
        expect(replayed.out).toMatch(/reproduces/);
        expect(replayed.code).toBe(0);

        await activate(page, 'button[data-action="to-title"]');
        await expectScreen(page, 'title');
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button[data-action="import-replay"]')]);
        await chooser.setFiles(path);
        await watchToDebrief(page);
        const watched = await hook(page);
        expect(watched.logJson).toBe(played.logJson);
        expect(watched.stateHash).toBe(played.stateHash);
      },
    );
  },
  { stage: false },
);
