import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { REPO_ROOT } from './build';
import { activate, browserSuite, expectScreen, norm, screenshot, visibleText } from './harness';
import { loadScenarioFile, playByIndex, primaryScenarioFile } from './oracle';
import { debriefSave, openWithSave } from './trainee-helpers';

const file = primaryScenarioFile();
const PICKS = [2, 1, 3, 1, 2, 1, 1, 2];
const NOTE = 'The group called the hotline first; some wanted to indict at once.';

browserSuite(
  'after-action report',
  (suite) => {
    it.skipIf(file === '')('hot wash notes are kept, printed in the report and in its Markdown, JSON and CSV downloads', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const run = playByIndex(scenario, 'AAR1', 'us', PICKS);
      const { page } = await openWithSave(suite, debriefSave(scenario, run.state));
      await expectScreen(page, 'debrief');

      await activate(page, 'button[data-action="hot-wash"]');
      await page.locator('#app[data-screen="hot-wash"]').waitFor({ state: 'attached' });
      expect(await page.locator('textarea[data-note]').count()).toBe(scenario.file.questions.length);
      await page.locator('#note-0').fill(NOTE);
      expect(await seriousViolations(page), 'axe on the hot wash').toEqual([]);
      await screenshot(page, 'report-hot-wash');
      const saved = await page.evaluate(() => localStorage.getItem('red-phone:save') ?? '');
      expect(saved).toContain('note.0.0');

      await page.reload();
      await page.waitForFunction(() => '__redPhone' in window);
      await activate(page, 'button[data-action="hot-wash"]');
      expect(await page.locator('#note-0').inputValue(), 'the note survives a reload').toBe(NOTE);

      await activate(page, 'button[data-action="report"]');
      await page.locator('#app[data-screen="report"]').waitFor({ state: 'attached' });
      const text = await visibleText(page, '#report');
      for (const title of ['exercise overview', 'objectives and how each was met', 'timeline of decisions', 'strengths', 'areas for improvement', 'hot wash', 'what actually happened'])
        expect(text).toContain(title);
      expect(text).toContain(norm(NOTE));
      expect(text).toContain(norm(run.endingTitle));
      expect(await seriousViolations(page), 'axe on the report').toEqual([]);
      await screenshot(page, 'report-screen');

      const download = async (action: string): Promise<{ name: string; text: string }> => {
        const [d] = await Promise.all([page.waitForEvent('download'), activate(page, `button[data-action="${action}"]`)]);
        return { name: d.suggestedFilename(), text: await readFile(await d.path(), 'utf8') };
      };
      const md = await download('download-report-md');
      expect(md.name).toMatch(/\.md$/);
      expect(md.text).toContain('# After-action report');
      expect(md.text).toContain('## Hot wash notes');
      expect(md.text).toContain(NOTE);
      const json = await download('download-report-json');
      const data = JSON.parse(json.text) as { format: string; overview: { seed: string }; hotWash: { question: string; notes: string }[] };
      expect(data.format).toBe('red-phone/after-action@1');
      expect(data.overview.seed).toBe('AAR1');
      expect(data.hotWash[0]?.notes).toBe(NOTE);
      expect(data.hotWash.map((n) => n.question)).toEqual(scenario.file.questions);
      const csv = await download('download-report-csv');
      const lines = csv.text.split('\r\n').filter((l) => l !== '');
      expect(lines[0]).toBe('turn,date,kind,side,by,id,label,rung,uses,strains,outcome,text,chance_percent,draw,facilitator');
      expect(lines.filter((l) => l.split(',')[2] === 'move').length).toBeGreaterThanOrEqual(run.picks.length);
      expect(csv.text).toContain(`question-1`);
      expect(csv.text).toContain(NOTE);

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.report-actions').isVisible(), 'no buttons in print').toBe(false);
      expect(await page.locator('button').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0);
      for (const id of ['report-overview', 'report-objectives', 'report-timeline', 'report-strengths', 'report-improvements', 'report-hot-wash', 'report-history'])
        expect(await page.locator(`#${id}`).isVisible()).toBe(true);
      const colors = await page
        .locator('#report h2')
        .first()
        .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
      expect(colors[0]).toBe('rgb(0, 0, 0)');
      const breaks = await page.locator('[data-report-section]').evaluateAll((els) => els.map((e) => getComputedStyle(e).breakBefore));
      expect(breaks.slice(1).every((b) => b === 'page')).toBe(true);
      await screenshot(page, 'report-print');
      await mkdir(join(REPO_ROOT, 'test-artifacts'), { recursive: true });
      const pdf = await page.pdf({ path: join(REPO_ROOT, 'test-artifacts', 'after-action-report.pdf'), format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    });
  },
  { stage: false },
);
