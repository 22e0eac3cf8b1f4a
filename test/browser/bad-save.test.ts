import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { activate, type BrowserSuite, browserSuite, expectScreen } from './harness';
import { loadScenarioFile, primaryScenarioFile } from './oracle';
import { chooseScenario, leaveBriefing, leaveOutcome, pickOption, startRun } from './play';

const SAVE_KEY = 'red-phone:save';
const file = primaryScenarioFile();

/** Every localStorage entry whose key starts with `prefix`. */
async function entries(page: Page, prefix: string): Promise<Record<string, string>> {
  return page.evaluate((p) => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(p)) out[key] = localStorage.getItem(key) ?? '';
    }
    return out;
  }, prefix);
}

/**
 * Plays into a run until the first turn is saved; returns the saved bytes and, as a replay file, the
 * replay the save carries (what the debrief's download holds for that run so far).
 */
async function savedRun(suite: BrowserSuite, scenarioId: string): Promise<{ save: string; replay: string }> {
  const { page } = await suite.open();
  await chooseScenario(page, scenarioId);
  await startRun(page, 'us', 'S4VE');
  await leaveBriefing(page);
  await pickOption(page, 1, 'us');
  await leaveOutcome(page);
  const save = await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY);
  if (save === null) throw new Error('no save after the first turn');
  const replay = (JSON.parse(save) as { replay?: { format?: string } }).replay;
  if (replay?.format !== 'red-phone/replay') throw new Error('the save carries no replay');
  return { save, replay: `${JSON.stringify(replay, null, 2)}\n` };
}

function mutate(save: string, change: (data: Record<string, unknown>) => void): string {
  const data = JSON.parse(save) as Record<string, unknown>;
  change(data);
  return JSON.stringify(data);
}

/** Some bytes that are no save at all: control characters, a byte-order mark, high Latin-1. */
const GARBAGE = String.fromCharCode(...Array.from({ length: 96 }, (_, i) => (i * 37 + 11) % 256), 0xfeff, 0, 0xfffd);

browserSuite(
  'a damaged save never crashes the game nor is lost',
  (suite) => {
    let bytes: { save: string; replay: string } | null = null;
    const fixtures = async () => {
      bytes ??= await savedRun(suite, loadScenarioFile(`scenarios/${file}`).id);
      return bytes;
    };

    // Each damage is recognised and kept aside in the page; a new run after "start fresh" is played for
    // two of them (one that is not JSON, one that is JSON but no save): the page takes the same path
    // after the banner whatever the damage, and test/store reads every kind of damage too.
    const cases: readonly (readonly [string, (b: { save: string; replay: string }) => string, boolean])[] = [
      ['truncated JSON', (b) => b.save.slice(0, Math.floor(b.save.length / 2)), true],
      ['a too-new version', (b) => mutate(b.save, (d) => (d.version = 999)), false],
      ['another scenario hash', (b) => mutate(b.save, (d) => ((d.replay as Record<string, unknown>).scenarioHash = '0123456789abcdef')), false],
      ['a replay file stored as a save', (b) => b.replay, true],
      ['garbage bytes', () => GARBAGE, false],
    ];

    for (const [name, make, playOn] of cases) {
      it.skipIf(file === '')(`${name}: banner, bytes kept aside and downloadable${playOn ? ', start fresh works' : ''}`, async () => {
        const damaged = make(await fixtures());
        const { page } = await suite.open();
        await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SAVE_KEY, damaged] as const);
        await page.reload();
        await expectScreen(page, 'title');

        const banner = page.locator('#banner');
        await banner.waitFor({ state: 'visible' });
        expect(await banner.getAttribute('role')).toBe('alert');
        expect((await banner.innerText()).trim()).not.toBe('');
        const kept = Object.values(await entries(page, 'red-phone:damaged:'));
        expect(kept).toContain(damaged);

        const [download] = await Promise.all([page.waitForEvent('download'), activate(page, 'button[data-action="export-damaged-save"]')]);
        expect(await readFile(await download.path(), 'utf8')).toBe(damaged);
        if (!playOn) return;

        await activate(page, 'button[data-action="start-fresh"]');
        await expectScreen(page, 'title');
        await chooseScenario(page, loadScenarioFile(`scenarios/${file}`).id);
        await startRun(page, 'us', 'FR5H');
        await leaveBriefing(page);
        await pickOption(page, 1, 'us');
        await leaveOutcome(page);
        const fresh = await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY);
        expect(fresh).not.toBeNull();
        expect(fresh).not.toBe(damaged);
        expect(Object.values(await entries(page, 'red-phone:damaged:'))).toContain(damaged);
      });
    }

    it.skipIf(file === '')('storage that refuses every write: play goes on with a "not saved" banner', async () => {
      const { page } = await suite.open({
        initScripts: [`Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`],
      });
      await chooseScenario(page, loadScenarioFile(`scenarios/${file}`).id);
      await startRun(page, 'us', 'N0SV');
      await leaveBriefing(page);
      await pickOption(page, 1, 'us');
      await expectScreen(page, 'outcome');
      const banner = page.locator('#banner');
      await banner.waitFor({ state: 'visible' });
      expect(await banner.innerText()).toMatch(/not saved/i);
      const next = await leaveOutcome(page);
      expect(['turn', 'debrief']).toContain(next);
      if (next === 'turn') {
        await pickOption(page, 1, 'us');
        await expectScreen(page, 'outcome');
      }
      expect(await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY)).toBeNull();
    });
  },
  { stage: false },
);
