import { expect, it } from 'vitest';
import { recordReplay, stateHash } from '../../src/engine/replay/replay';
import { decodeReplayCode, encodeReplayCode } from '../../src/engine/replay/replay-code';
import { seriousViolations } from './axe';
import { activate, browserSuite, expectScreen, hook, norm, screenOf, screenshot, visibleText } from './harness';
import { loadScenarioFile, logJsonOf, playByIndex, primaryScenarioFile } from './oracle';
import { typeInto, watchToDebrief } from './play';
import { debriefSave, openWithSave } from './trainee-helpers';

const file = primaryScenarioFile();
const PICKS = [1, 2, 2, 1, 3, 1, 2];

/** A valid code with one character changed (a different base64url symbol in the actions). */
function tamper(code: string): string {
  const at = code.lastIndexOf('.') - 2;
  const c = code[at] === 'A' ? 'B' : 'A';
  return code.slice(0, at) + c + code.slice(at + 1);
}

browserSuite(
  'replay codes',
  (suite) => {
    it.skipIf(file === '')('the debrief shows the run as a code and a link; the link replays it to the same ending and state hash', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const run = playByIndex(scenario, 'CODE', 'us', PICKS);
      const recorded = recordReplay(scenario, run.state);
      if (!recorded.ok) throw new Error(recorded.error.message);
      const expected = encodeReplayCode(recorded.value, scenario);
      if (!expected.ok) throw new Error(expected.error.message);

      const game = await openWithSave(suite, debriefSave(scenario, run.state));
      const { page } = game;
      await expectScreen(page, 'debrief');
      const code = (await page.locator('#replay-code').textContent()) ?? '';
      expect(code).toBe(expected.value);
      const link = (await page.locator('#replay-link').getAttribute('href')) ?? '';
      expect(link).toContain(`?replay=${code}`);
      await game.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await activate(page, 'button[data-action="copy-replay-code"]');
      await expect.poll(() => page.locator('#copy-status').textContent()).toContain('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${code}\n${link}`);
      expect(await seriousViolations(page), 'axe on the debrief with its tools').toEqual([]);
      await screenshot(page, 'replay-code-debrief');

      const other = await suite.open({ at: `?replay=${code}` });
      await expectScreen(other.page, 'briefing');
      expect(await visibleText(other.page)).toContain('watching a replay');
      await watchToDebrief(other.page);
      const watched = await hook(other.page);
      expect(watched.stateHash).toBe(stateHash(run.state));
      expect(watched.logJson).toBe(logJsonOf(run.state));
      expect(await visibleText(other.page, '#debrief')).toContain(norm(run.endingTitle));
    });

    it.skipIf(file === '')('an altered code is refused with the decoder’s message, from a link and from the title screen', async () => {
      const scenario = loadScenarioFile(`scenarios/${file}`);
      const run = playByIndex(scenario, 'CODE', 'us', PICKS);
      const recorded = recordReplay(scenario, run.state);
      if (!recorded.ok) throw new Error(recorded.error.message);
      const good = encodeReplayCode(recorded.value, scenario);
      if (!good.ok) throw new Error(good.error.message);
      const bad = tamper(good.value);
      const refusal = decodeReplayCode(bad, [scenario]);
      expect(refusal.ok).toBe(false);
      const message = refusal.ok ? '' : refusal.error.message;

      const { page } = await suite.open({ at: `?replay=${bad}` });
      await expectScreen(page, 'title');
      const banner = await visibleText(page, '#banner');
      expect(banner).toContain('replay code refused');
      expect(banner).toContain(norm(message));
      await screenshot(page, 'replay-code-refused');
      expect(await seriousViolations(page), 'axe on the title with the refusal').toEqual([]);

      await activate(page, '#banner button[data-action="dismiss"]');
      await typeInto(page, '#replay-code-input', bad);
      await activate(page, 'button[data-action="open-replay-code"]');
      await expect.poll(() => visibleText(page, '#banner')).toContain(norm(message));
      expect(await screenOf(page)).toBe('title');

      await typeInto(page, '#replay-code-input', good.value);
      await page.keyboard.press('Enter');
      await expectScreen(page, 'briefing');
      await watchToDebrief(page);
      expect((await hook(page)).stateHash).toBe(stateHash(run.state));
    });
  },
  { stage: false },
);
