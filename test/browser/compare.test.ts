import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { activate, browserSuite, expectScreen, norm, screenOf, screenshot, visibleText } from './harness';
import { loadScenarioFile, type PlayedRun, playByIndex, primaryScenarioFile } from './oracle';
import { replayCode, replayText } from './trainee-helpers';

const file = primaryScenarioFile();
const SEED = 'CLSS';

/** Three groups on one seed: north and south share the first two turns; east differs from turn 1. */
function groups(): { name: string; run: PlayedRun }[] {
  const scenario = loadScenarioFile(`scenarios/${file}`);
  return [
    { name: 'north', run: playByIndex(scenario, SEED, 'us', [1, 1, 1, 1, 1, 1, 1, 1]) },
    { name: 'south', run: playByIndex(scenario, SEED, 'us', [1, 1, 2, 2, 2, 2, 2, 2]) },
    { name: 'east', run: playByIndex(scenario, SEED, 'us', [2, 2, 1, 1, 2, 1, 1, 1]) },
  ];
}

async function writeReplays(list: { name: string; run: PlayedRun }[]): Promise<string[]> {
  const scenario = loadScenarioFile(`scenarios/${file}`);
  const dir = await mkdtemp(join(tmpdir(), 'red-phone-compare-'));
  const paths: string[] = [];
  for (const g of list) {
    const path = join(dir, `${g.name}.json`);
    await writeFile(path, replayText(scenario, g.run.state));
    paths.push(path);
  }
  return paths;
}

browserSuite(
  'class comparison',
  (suite) => {
    it.skipIf(file === '')('three groups’ replay files side by side: divergence turns in words, each ending, one chart per indicator, CSV', async () => {
      const list = groups();
      const paths = await writeReplays(list);
      const { page } = await suite.open();
      await activate(page, 'button[data-action="open-compare"]');
      await page.locator('#app[data-screen="compare"]').waitFor({ state: 'attached' });
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), activate(page, 'button[data-action="choose-compare-files"]')]);
      await chooser.setFiles(paths);
      await page.locator('#compare-summary').waitFor({ state: 'visible' });

      expect(await page.locator('#compare-divergence').textContent()).toBe('The groups first diverged at turn 1.');
      const diverging = await page.locator('tr[data-diverges="true"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-turn'))));
      expect(diverging).toContain(1);
      expect(diverging, 'north and south, alike for two turns, part at turn 3').toContain(3);
      expect(diverging).not.toContain(2);
      expect(await visibleText(page, 'tr[data-turn="3"] th')).toContain('diverged here');
      expect(await page.locator('.forks li').evaluateAll((items) => items.map((i) => i.getAttribute('data-fork-turn')))).toEqual(['1', '3']);
      expect(await visibleText(page, '.forks li[data-fork-turn="1"]')).toContain('north, south chose');
      expect(await visibleText(page, '.forks li[data-fork-turn="3"]')).toContain('north chose');
      for (const g of list) {
        const row = await visibleText(page, `#compare-summary tr[data-group="${g.name}"]`);
        expect(row).toContain(norm(g.run.endingTitle));
        const total = g.run.objectives.filter((o) => o.side === 'us').reduce((a, o) => a + o.score, 0);
        expect(row).toContain(String(total));
      }
      const charts = page.locator('svg.compare-chart[data-indicator]');
      expect(await charts.count()).toBe(loadScenarioFile(`scenarios/${file}`).file.indicators.length);
      expect(await charts.first().locator('g[data-group]').count()).toBe(3);
      expect(await page.locator('.compare-legend li').allTextContents()).toEqual([' north: circle', ' south: square', ' east: triangle']);
      expect(await seriousViolations(page), 'axe on the class comparison').toEqual([]);
      await screenshot(page, 'compare-top');
      await page.locator('#compare-charts-title').scrollIntoViewIfNeeded();
      await screenshot(page, 'compare-charts');

      const [download] = await Promise.all([page.waitForEvent('download'), activate(page, 'button[data-action="download-compare-csv"]')]);
      const csv = (await readFile(await download.path(), 'utf8')).split('\r\n').filter((l) => l !== '');
      expect(csv[0]?.startsWith('turn,date,group,beat,')).toBe(true);
      const rowsOf = (name: string): number => csv.filter((l) => l.split(',')[2] === name).length;
      for (const g of list) expect(rowsOf(g.name)).toBe(g.run.picks.length);
    });

    it.skipIf(file === '')('the ?compare link opens the screen; dropped files of another seed are refused, naming the files', async () => {
      const list = groups();
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const { page } = await suite.open({ at: '?compare' });
      expect(await screenOf(page)).toBe('compare');
      const texts = [
        { name: 'north.json', text: replayText(scenario, list[0]!.run.state) },
        { name: 'west.json', text: replayText(scenario, playByIndex(scenario, 'ZZZZ', 'us', [1]).state) },
      ];
      await page.evaluate((files) => {
        const data = new DataTransfer();
        for (const f of files) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
        document.querySelector('#compare-drop')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, texts);
      await page.locator('#compare-status[data-refused]').waitFor({ state: 'attached' });
      const status = await visibleText(page, '#compare-status');
      expect(status).toContain('different seeds');
      expect(status).toContain('north.json');
      expect(status).toContain('west.json');
      expect(await page.locator('#compare-summary').count()).toBe(0);
      await screenshot(page, 'compare-refused');

      // Codes pasted with the groups' names instead: shown by name, with no engine ids on screen.
      await activate(page, 'button[data-action="clear-compare-files"]');
      const pasted = [`North: ${replayCode(scenario, list[0]!.run.state)}`, `?replay=${replayCode(scenario, list[2]!.run.state)}`].join('\n');
      await page.locator('#compare-codes').fill(pasted);
      await activate(page, 'button[data-action="compare-codes"]');
      await page.locator('#compare-summary').waitFor({ state: 'visible' });
      expect(await page.locator('#compare-summary tr[data-group]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-group')))).toEqual(['North', 'Group 2']);
      const shown = await visibleText(page, '#compare-results');
      const ids = [...scenario.beats.keys(), ...scenario.file.endings.map((e) => e.id)].filter((id) => id.includes('_'));
      for (const id of ids) expect(shown, `engine id ${id} on screen`).not.toContain(id);
      expect(shown).not.toContain(scenario.id);
      await activate(page, 'button[data-action="to-title"]');
      await expectScreen(page, 'title');
    });
  },
  { stage: false },
);
