/**
 * The game in Simplified Chinese, as a class in China would play it: `?lang=zh-Hans` puts the page,
 * the scenario's story and the screen reader's language in Chinese; axe finds nothing serious on any
 * screen; the same seed and choices give exactly the game they give in English; the choice is
 * remembered, and the switch on the title screen brings English back.
 */
import { expect, it } from 'vitest';
import { seriousViolations, type Violation } from './axe';
import { activate, browserSuite, expectScreen, hook, norm, visibleText } from './harness';
import { loadScenarioFile, logJsonOf, playByIndex } from './oracle';
import { playToDebrief } from './play';

const FILE = 'scenarios/ip-theft.yaml';
const SEED = 'ZH01';
const PICKS = [2, 1, 3, 1, 2, 1] as const;
const HAN = /[\u4e00-\u9fff]/;

browserSuite('the game in Simplified Chinese', (suite) => {
  it('?lang=zh-Hans: a keyboard run of ip-theft in Chinese is the same game as in English; axe on every screen; remembered; English again from the switch', async () => {
    const zh = loadScenarioFile(FILE, 'zh-Hans');
    const en = loadScenarioFile(FILE);
    const game = await suite.open({ at: '?lang=zh-Hans' });
    const { page } = game;
    const found: Record<string, Violation[]> = {};
    const scan = async (name: string): Promise<void> => {
      const v = await seriousViolations(page);
      if (v.length > 0) found[name] = v;
    };

    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(norm(await page.locator(`[data-scenario-card="${zh.id}"] h2`).innerText())).toBe(norm(zh.file.title));
    expect(zh.file.title).toMatch(HAN);
    expect(await visibleText(page, '.masthead')).toMatch(HAN);
    await scan('title');

    const expected = playByIndex(zh, SEED, 'us', PICKS);
    const seen: string[] = [];
    await playToDebrief(page, zh.id, 'us', SEED, PICKS, async (turn, screen) => {
      const text = norm(await visibleText(page));
      const want = expected.turns[turn];
      if (want === undefined) throw new Error(`turn ${turn + 1} was not expected`);
      if (screen === 'turn') {
        expect(text, `turn ${turn + 1}: the beat's Chinese title`).toContain(norm(want.beatTitle));
        if (turn === 0) await scan('turn');
        if (turn === 0) {
          // The glossary in Chinese: a Chinese word of the story is marked, and explained in Chinese.
          const tips = await page.locator('.gloss-tip').allTextContents();
          expect(tips.length, 'glossary marks on the first turn').toBeGreaterThan(0);
          expect(tips.every((t) => HAN.test(t))).toBe(true);
        }
      } else {
        expect(text, `turn ${turn + 1}: the outcome in Chinese`).toContain(norm(want.outcomeText).slice(0, 40));
        if (turn === 0) await scan('outcome');
      }
      seen.push(want.beatTitle);
    });
    await expectScreen(page, 'debrief');
    await scan('debrief');
    expect(seen.every((t) => HAN.test(t))).toBe(true);

    // One game whatever the language: the log is the one the English scenario gives for the same seed and picks.
    const english = playByIndex(en, SEED, 'us', PICKS);
    expect((await hook(page)).logJson).toBe(logJsonOf(english.state));
    expect((await hook(page)).logJson).toBe(logJsonOf(expected.state));

    // Remembered: a page opened without ?lang is still in Chinese, until the switch says English.
    const again = await suite.reopen(game);
    expect(await again.page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await expectScreen(again.page, 'debrief');
    await activate(again.page, 'button[data-action="to-title"]');
    await expectScreen(again.page, 'title');
    await Promise.all([again.page.waitForEvent('load'), activate(again.page, 'button[data-action="lang-en"]')]);
    await expectScreen(again.page, 'title');
    expect(await again.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(norm(await again.page.locator(`[data-scenario-card="${en.id}"] h2`).innerText())).toBe(norm(en.file.title));

    expect(found).toEqual({});
  });

  it('a remembered language that is not one of ours, or storage that refuses writes, leaves the page in English with no error', async () => {
    const junk = await suite.open({ initScripts: ["localStorage.setItem('red-phone:lang', 'fr')"] });
    expect(await junk.page.evaluate(() => document.documentElement.lang)).toBe('en');
    const full = await suite.open({
      at: '?lang=zh-Hans',
      initScripts: ['Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };'],
    });
    // Not remembered, but the page asked for Chinese and is in Chinese.
    expect(await full.page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await expectScreen(full.page, 'title');
  });
});
