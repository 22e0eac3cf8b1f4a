/**
 * Issue 12 in the browser: the class set-up screen offers the exercise pack's five printable pages as
 * downloads (the same bytes as `scenario pack` writes), and the improvement plan typed in the hot wash
 * survives a reload and reaches the printed report and its downloads.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { exercisePack } from '../../src/engine';
import { usualTurns } from '../../src/sim/usual-turns';
import { seriousViolations } from './axe';
import { activate, browserSuite, norm, visibleText } from './harness';
import { loadScenarioFile, playByIndex, primaryScenarioFile } from './oracle';
import { debriefSave, openWithSave } from './trainee-helpers';

const file = primaryScenarioFile();
const ACTION = 'Rehearse the first hotline call <with> a script & a named duty officer';
const OWNER = 'Desk officer, week 3';

async function download(page: Page, action: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), activate(page, `button[data-action="${action}"]`)]);
  return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
}

browserSuite(
  'exercise pack and improvement plan',
  (suite) => {
    it('the class set-up and the facilitator bar offer the five pack pages of the chosen scenario, byte for byte the command line’s', async () => {
      const { page } = await suite.open({ at: '?facilitator' });
      await page.locator('#app[data-screen="facilitator"]').waitFor();
      await page.selectOption('#fac-scenario', 'opm-breach');
      const scenario = loadScenarioFile('scenarios/opm-breach.yaml');
      const pages = exercisePack(scenario, { usualTurns: usualTurns(scenario) });
      for (const p of pages) {
        const got = await download(page, `pack-${p.name.replace(/\.html$/, '')}`);
        expect(got.name).toBe(`opm-breach-${p.name}`);
        expect(got.text).toBe(p.html);
      }
      // Once the exercise has started, the facilitator bar offers the same pages at the briefing.
      await activate(page, 'button[data-action="start-facilitated"]');
      await page.locator('#app[data-screen="briefing"]').waitFor();
      await page.selectOption('#fac-pack', 'feedback-form.html');
      const form = await download(page, 'fac-pack-download');
      expect(form.name).toBe('opm-breach-feedback-form.html');
      expect(form.text).toBe(pages.find((p) => p.name === 'feedback-form.html')?.html);
    });

    it.skipIf(file === '')('the improvement plan is typed in the hot wash, kept over a reload, printed in the report and downloaded', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const run = playByIndex(scenario, 'PLAN', 'us', [2, 1, 3, 1, 2, 1, 1, 2]);
      const { page } = await openWithSave(suite, debriefSave(scenario, run.state));
      await activate(page, 'button[data-action="hot-wash"]');
      await page.locator('#app[data-screen="hot-wash"]').waitFor({ state: 'attached' });
      expect(await page.locator('li.plan-entry').count()).toBeGreaterThan(0);
      await page.locator('#plan-0-action').fill(ACTION);
      await page.locator('#plan-0-owner').fill(OWNER);
      await page.locator('#plan-0-due').fill('2026-12-18');
      expect(await seriousViolations(page), 'axe on the hot wash with its plan').toEqual([]);

      await page.reload();
      await page.waitForFunction(() => '__redPhone' in window);
      await activate(page, 'button[data-action="hot-wash"]');
      expect(await page.locator('#plan-0-action').inputValue(), 'the plan survives a reload').toBe(ACTION);
      expect(await page.locator('#plan-0-owner').inputValue()).toBe(OWNER);
      expect(await page.locator('#plan-0-due').inputValue()).toBe('2026-12-18');

      await activate(page, 'button[data-action="report"]');
      await page.locator('#app[data-screen="report"]').waitFor({ state: 'attached' });
      const text = await visibleText(page, '[data-report-section="report-plan"]');
      expect(text).toContain(norm(ACTION));
      expect(text).toContain(norm(OWNER));
      expect(text).toContain('2026-12-18');
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('[data-report-section="report-plan"] table').isVisible(), 'the plan is printed').toBe(true);
      await page.emulateMedia({ media: 'screen' });

      const md = await download(page, 'download-report-md');
      expect(md.text).toContain('## Improvement plan');
      expect(md.text).toContain('Rehearse the first hotline call \\<with\\> a script \\& a named duty officer');
      const json = JSON.parse((await download(page, 'download-report-json')).text) as { improvementPlan: { action: string; owner: string; due: string }[] };
      expect(json.improvementPlan[0]).toMatchObject({ action: ACTION, owner: OWNER, due: '2026-12-18' });
      const csv = await download(page, 'download-report-csv');
      expect(csv.text).toContain('improvement-1');
      expect(csv.text).toContain(ACTION);
    });
  },
  { stage: false },
);
