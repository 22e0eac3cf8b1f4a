/**
 * Designer mode in Chromium: a good file previewed with its hash and played to the debrief; a broken
 * file's errors with line numbers and quoted lines; an import with a bundled id asks first; the map
 * shows every beat and ending and exports Mermaid; axe on designer mode and the map.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadScenario } from '../../src/engine';
import { library, MINIMAL_PATH, scenarioAt } from '../golden/scenarios';
import { seriousViolations } from './axe';
import { REPO_ROOT } from './build';
import { activate, browserSuite, expectScreen, screenshot, tabTo } from './harness';
import { loadScenarioFile, primaryScenarioFile } from './oracle';
import { leaveBriefing, leaveOutcome, pickOption, startRun } from './play';

const minimalText = readFileSync(join(REPO_ROOT, MINIMAL_PATH), 'utf8');
const minimal = scenarioAt(MINIMAL_PATH);
const primary = primaryScenarioFile();

async function onScreen(page: Page, screen: string): Promise<void> {
  await page.locator(`#app[data-screen="${screen}"]`).waitFor({ state: 'attached', timeout: 15_000 });
}

async function openFile(page: Page, name: string, text: string): Promise<void> {
  await page.locator('#designer-file').setInputFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(text, 'utf8') });
}

browserSuite(
  'designer mode',
  (suite) => {
    it('previews a valid file with its hash, counts and warnings, then plays it to the debrief', async () => {
      const { page } = await suite.open({ at: '?designer' });
      await onScreen(page, 'designer');
      await page.locator('#designer-file').setInputFiles(join(REPO_ROOT, MINIMAL_PATH));
      const preview = page.locator('#designer-preview');
      await preview.waitFor();
      expect(await page.locator('[data-fact="hash"]').innerText()).toBe(minimal.contentHash);
      expect(await page.locator('[data-fact="title"]').innerText()).toBe('A minimal crisis');
      expect(await page.locator('[data-fact="version"]').innerText()).toBe('1.0.0');
      expect(await page.locator('[data-fact="counts"]').innerText()).toBe('3 beats, 9 options, 3 endings');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('designer-preview-title');
      await screenshot(page, 'designer-preview');

      await activate(page, 'button[data-action="designer-play"]');
      await expectScreen(page, 'new-run');
      await startRun(page, 'us', 'DSG1');
      await leaveBriefing(page);
      let screen = 'turn';
      for (let turn = 0; turn < 10 && screen === 'turn'; turn++) {
        await pickOption(page, 1, 'us');
        screen = await leaveOutcome(page);
      }
      expect(screen).toBe('debrief');
      expect(await page.locator('#debrief').innerText()).toContain('A minimal crisis');
      await activate(page, '#debrief button[data-action="open-map"]');
      await onScreen(page, 'map');
      expect(await page.locator('svg.scenario-map [data-node]').count()).toBe(minimal.file.beats.length + minimal.file.endings.length);
      await activate(page, 'button[data-action="map-back"]');
      await expectScreen(page, 'debrief');
    });

    it('shows a valid file’s warnings before play', async () => {
      const text = readFileSync(join(REPO_ROOT, 'test/fixtures/broken/lint-warnings.yaml'), 'utf8');
      const { page } = await suite.open({ at: '?designer' });
      await onScreen(page, 'designer');
      await openFile(page, 'lint-warnings.yaml', text);
      await page.locator('#designer-preview').waitFor();
      const expected = loadScenario(text, 'lint-warnings.yaml', library()).diagnostics;
      expect(await page.locator('#designer-preview [data-diagnostic="warning"]').count()).toBe(expected.length);
      expect(await page.locator('button[data-action="designer-play"]').count()).toBe(1);
    });

    it('lists a broken file’s errors before its warnings, with line, code, suggestion and the quoted line', async () => {
      const text = readFileSync(join(REPO_ROOT, 'test/fixtures/broken/mixed-several.yaml'), 'utf8');
      const lines = text.split('\n');
      const expected = loadScenario(text, 'mixed-several.yaml', library()).diagnostics;
      const { page } = await suite.open({ at: '?designer' });
      await onScreen(page, 'designer');
      await openFile(page, 'mixed-several.yaml', text);
      await page.locator('#designer-errors').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('designer-errors-title');
      const items = page.locator('[data-diagnostic]');
      expect(await items.count()).toBe(expected.length);
      const severities = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-diagnostic')));
      const errors = expected.filter((d) => d.severity === 'error').length;
      expect(severities).toEqual([...Array(errors).fill('error'), ...Array(expected.length - errors).fill('warning')]);
      const first = expected.find((d) => d.severity === 'error' && d.suggestion !== undefined);
      expect(first).toBeDefined();
      const item = page.locator(`[data-diagnostic="error"][data-line="${first!.line}"]`).first();
      const shown = await item.innerText();
      expect(shown).toContain(`line ${first!.line}, column ${first!.column}`);
      expect(shown).toContain(first!.code);
      expect(shown).toContain(`Did you mean ${first!.suggestion}?`);
      const quote = await item.locator('pre.quote').innerText();
      const [quoted, caret] = quote.split('\n');
      const source = lines[first!.line - 1]!;
      expect(quoted).toContain(`${first!.line} | `);
      expect(quoted).toContain(source.slice(first!.column - 1, first!.column + 20));
      expect(quoted![caret!.indexOf('^')]).toBe(source[first!.column - 1]);
      await screenshot(page, 'designer-errors');
      expect(await seriousViolations(page)).toEqual([]);
    });

    it.skipIf(primary === '')('asks before an import replaces a bundled scenario, and keeps the answer over a reload', async () => {
      const bundled = loadScenarioFile(`scenarios/${primary}`);
      const original = readFileSync(join(REPO_ROOT, 'scenarios', primary), 'utf8');
      const edited = original.replace(/^title: .*$/m, 'title: An edited copy');
      const { page, context } = await suite.open({ at: '?designer' });
      await onScreen(page, 'designer');
      await openFile(page, 'copy.yaml', edited);
      const question = page.locator('#designer-conflict');
      await question.waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('designer-conflict-title');
      const asked = await question.innerText();
      expect(asked).toContain(bundled.contentHash);
      expect(asked).toContain(bundled.file.title);
      expect(asked).toContain('An edited copy');
      expect(await page.locator('button[data-action="designer-play"]').count()).toBe(0);
      await screenshot(page, 'designer-conflict');
      expect(await seriousViolations(page)).toEqual([]);

      await activate(page, 'button[data-action="keep-scenario"]');
      await page.locator('[data-kept="existing"]').waitFor();
      await activate(page, 'button[data-action="designer-back"]');
      await expectScreen(page, 'title');
      expect(await page.locator(`[data-scenario-card="${bundled.id}"] h2`).innerText()).toBe(bundled.file.title);

      await activate(page, 'button[data-action="open-designer"]');
      await onScreen(page, 'designer');
      await openFile(page, 'copy.yaml', edited);
      await page.locator('#designer-conflict').waitFor();
      await activate(page, 'button[data-action="replace-scenario"]');
      await page.locator('button[data-action="designer-play"]').waitFor();
      await activate(page, 'button[data-action="designer-back"]');
      await expectScreen(page, 'title');
      expect(await page.locator(`[data-scenario-card="${bundled.id}"] h2`).innerText()).toBe('An edited copy');

      const again = await suite.reopen({ page, context, errors: [], dialogs: [] });
      expect(await again.page.locator(`[data-scenario-card="${bundled.id}"] h2`).innerText()).toBe('An edited copy');

      await activate(again.page, 'button[data-action="open-designer"]');
      await onScreen(again.page, 'designer');
      await activate(again.page, `[data-imported="${bundled.id}"] button[data-action="forget-import"]`);
      await again.page.locator(`[data-imported="${bundled.id}"]`).waitFor({ state: 'detached' });
      expect(await again.page.evaluate(() => document.activeElement?.hasAttribute('data-heading'))).toBe(true);
      const third = await suite.reopen({ page, context, errors: [], dialogs: [] });
      expect(await third.page.locator(`[data-scenario-card="${bundled.id}"] h2`).innerText()).toBe(bundled.file.title);
    });

    it('keeps an imported scenario over a reload, so a saved run of it continues', async () => {
      const imported = minimalText.replace('id: minimal', 'id: designer-test').replace('title: A minimal crisis', 'title: Imported crisis');
      const game = await suite.open({ at: '?designer' });
      const { page } = game;
      await onScreen(page, 'designer');
      await openFile(page, 'imported.yaml', imported);
      await activate(page, 'button[data-action="designer-play"]');
      await startRun(page, 'us', 'KEEP');
      await leaveBriefing(page);
      await pickOption(page, 1, 'us');
      await leaveOutcome(page);
      const before = await page.evaluate(() => (window as unknown as { __redPhone: { stateHash(): string | null } }).__redPhone.stateHash());
      const again = await suite.reopen(game);
      await expectScreen(again.page, 'turn');
      expect(await again.page.evaluate(() => (window as unknown as { __redPhone: { stateHash(): string | null } }).__redPhone.stateHash())).toBe(before);
      expect(await again.page.evaluate(() => localStorage.getItem('red-phone:designer:designer-test')?.includes('Imported crisis'))).toBe(true);
    });

    it('reports a damaged stored import in the banner and still starts', async () => {
      const { page } = await suite.open({ initScripts: ['localStorage.setItem("red-phone:designer:broken_one", "format: [unclosed")'] });
      await expectScreen(page, 'title');
      expect(await page.locator('#banner').innerText()).toContain('red-phone:designer:broken_one');
    });

    it.skipIf(primary === '')('maps every beat and ending of a scenario, as a drawing and a table, and exports Mermaid', async () => {
      const scenario = loadScenarioFile(`scenarios/${primary}`);
      const { page } = await suite.open();
      await expectScreen(page, 'title');
      await activate(page, `[data-scenario-card="${scenario.id}"] button[data-action="open-map"]`);
      await onScreen(page, 'map');
      await page.locator('.map-screen[data-map-ready]').waitFor();
      const ids = [...scenario.file.beats.map((b) => b.id), ...scenario.file.endings.map((e) => e.id)];
      const drawn = await page.locator('svg.scenario-map [data-node]').evaluateAll((els) => els.map((el) => el.getAttribute('data-node')));
      expect(drawn).toEqual(ids);
      const rows = await page.locator('#map-table [data-node-row]').evaluateAll((els) => els.map((el) => el.getAttribute('data-node-row')));
      expect(rows).toEqual(ids);
      expect(await page.locator(`svg.scenario-map [data-node="${scenario.file.start}"]`).textContent()).toContain('reached in 100% of runs');
      for (const e of scenario.file.endings) expect(await page.locator(`svg.scenario-map [data-node="${e.id}"]`).textContent()).toMatch(/ending · (success|mixed|failure)/);
      await tabTo(page, '.map-wrap');
      await tabTo(page, '.table-wrap');
      const mermaid = await page.locator('#mermaid-text').textContent();
      expect(mermaid?.startsWith('flowchart TD\n')).toBe(true);
      const download = page.waitForEvent('download');
      await activate(page, 'button[data-action="download-mermaid"]');
      const file = await (await download).path();
      expect(readFileSync(file, 'utf8')).toBe(mermaid);
      await screenshot(page, 'designer-map');
      expect(await seriousViolations(page)).toEqual([]);
      await activate(page, 'button[data-action="map-back"]');
      await expectScreen(page, 'title');
    });

    it('opens the map from the designer preview and goes back to it', async () => {
      const { page } = await suite.open({ at: '?designer' });
      await onScreen(page, 'designer');
      await openFile(page, 'minimal.yaml', minimalText);
      await page.locator('#designer-preview').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await activate(page, '#designer-preview button[data-action="open-map"]');
      await onScreen(page, 'map');
      expect(await page.locator('svg.scenario-map [data-node]').count()).toBe(minimal.file.beats.length + minimal.file.endings.length);
      await activate(page, 'button[data-action="map-back"]');
      await onScreen(page, 'designer');
    });
  },
  { stage: false },
);
