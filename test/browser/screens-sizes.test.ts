/**
 * A phone (390x844, touch) and a laptop (1366x768): on the turn, the outcome and the debrief no page
 * text is under 12 px or covered by another element, buttons are 44 px high on the phone, the first
 * two options are in view on the laptop; Back moves between screens without leaving the game; a
 * replay link stays in the address and a reload resumes the replay at the same step.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { activate, browserSuite, expectScreen, hook, screenshot, waitForScreen } from './harness';
import { loadScenarioFile, primaryScenarioFile } from './oracle';
import { leaveBriefing, pickOption } from './play';

const file = primaryScenarioFile();
const id = file === '' ? '' : loadScenarioFile(`scenarios/${file}`).id;

interface Layout {
  readonly small: string[];
  readonly covered: string[];
  readonly short: string[];
}

/** Every visible text element inside #ui: its font size, whether it is on top at its centre, the buttons' heights. */
function layoutOf(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const ui = document.getElementById('ui') as HTMLElement;
    const out = { small: [] as string[], covered: [] as string[], short: [] as string[] };
    const name = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of ui.querySelectorAll<HTMLElement>('*')) {
      if (!(el instanceof HTMLElement) || el.closest('.visually-hidden, [hidden], svg')) continue;
      // The inside of a closed <details> is not shown (Chromium still gives it boxes).
      const folded = el.closest('details:not([open])');
      if (folded !== null && el.closest('summary')?.parentElement !== folded) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;
      // A glossary term is a word inside a sentence: an inline target, not a control to size (WCAG 2.5.8).
      if (el instanceof HTMLButtonElement && !el.classList.contains('gloss') && r.height < 44) out.short.push(`${name(el)} ${Math.round(r.height)}px`);
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (!text) continue;
      if (Number.parseFloat(getComputedStyle(el).fontSize) < 12) out.small.push(`${name(el)} ${getComputedStyle(el).fontSize}`);
      // An inline element wrapped over lines: the centre of its first line box.
      const box = el.getClientRects()[0] ?? r;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      // Skip text scrolled out of view, in the page or in any scrolling box around it.
      // (A centre on the last pixel row or column is the viewport's edge: elementFromPoint finds nothing there.)
      let visible = x >= 0 && y >= 0 && x < innerWidth - 1 && y < innerHeight - 1;
      for (let a = el.parentElement; visible && a !== null && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const b = a.getBoundingClientRect();
        visible = x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
      }
      if (!visible) continue;
      const hit = document.elementFromPoint(x, y);
      if (hit === null || !(hit === el || el.contains(hit))) out.covered.push(`${name(el)} under ${hit === null ? 'nothing' : name(hit)}`);
    }
    return out;
  });
}

/** Checks the screen at the top, then scrolled to the middle and to the end of #ui. */
async function checkLayout(page: Page, phone: boolean, where: string): Promise<void> {
  for (const at of [0, 0.5, 1]) {
    await page.evaluate((f) => {
      const ui = document.getElementById('ui') as HTMLElement;
      ui.scrollTop = (ui.scrollHeight - ui.clientHeight) * f;
    }, at);
    const layout = await layoutOf(page);
    expect(layout.small, `${where}: text under 12px`).toEqual([]);
    expect(layout.covered, `${where} (scrolled ${at}): text covered`).toEqual([]);
    if (phone) expect(layout.short, `${where}: buttons under 44px`).toEqual([]);
  }
  await page.evaluate(() => {
    (document.getElementById('ui') as HTMLElement).scrollTop = 0;
  });
}

/** From the first turn to the debrief with option 1, checking the first turn and its outcome. */
async function playThrough(page: Page, phone: boolean): Promise<void> {
  await expectScreen(page, 'turn');
  await checkLayout(page, phone, 'turn');
  for (let turn = 0; turn < 80; turn += 1) {
    await pickOption(page, 1, 'us');
    await waitForScreen(page, 'outcome');
    if (turn === 0) await checkLayout(page, phone, 'outcome');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => ['turn', 'debrief'].includes(document.querySelector('#app')?.getAttribute('data-screen') ?? ''));
    if ((await hook(page)).screen === 'debrief') return;
  }
  throw new Error('the run did not end');
}

browserSuite('screen sizes', (suite) => {
  it.skipIf(id === '')('a phone: the story first, the room behind a toggle, readable and uncovered text, 44px buttons, taps named; Back stays in the game', async () => {
    const { page } = await suite.open({ at: `?scenario=${id}&seed=K7Q3&side=us`, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await expectScreen(page, 'briefing');
    const toggle = page.locator('#room-toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.textContent()).toBe('Show the situation room');
    // Folded: the text starts at the top of the screen.
    expect((await page.locator('#ui').boundingBox())?.y ?? 999).toBeLessThan(10);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect((await page.locator('#ui').boundingBox())?.y ?? 0).toBeGreaterThan(300);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await leaveBriefing(page);
    expect(await page.locator('#options-title').textContent()).toContain('tap an option');
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    await pickOption(page, 1, 'us');
    await expectScreen(page, 'outcome');
    // The "Show odds" checkbox keeps focus once tapped; Enter still continues.
    await page.locator('#show-odds').click();
    expect(await page.locator('#show-odds').evaluate((el) => el === document.activeElement && (el as HTMLInputElement).checked)).toBe(true);
    await page.keyboard.press('Enter');
    await expectScreen(page, 'turn');
    // Back: the outcome already seen; Forward: the turn again; Back twice: the answered turn cannot be undone, the page stays.
    const turnHash = (await hook(page)).stateHash;
    await page.goBack();
    await expectScreen(page, 'outcome');
    await page.goForward();
    await expectScreen(page, 'turn');
    expect((await hook(page)).stateHash).toBe(turnHash);
    expect(await page.locator('#ui h1').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.goBack();
    await expectScreen(page, 'outcome');
    await page.goBack();
    await expectScreen(page, 'outcome');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await page.keyboard.press('Enter');
    await playThrough(page, true);
    await expectScreen(page, 'debrief');
    await checkLayout(page, true, 'debrief');
  });

  it.skipIf(id === '')('a laptop: two options in view, readable and uncovered text; the skip link; a replay link survives a reload at the same step', async () => {
    const { page } = await suite.open({ at: `?scenario=${id}&seed=K7Q3&side=us`, viewport: { width: 1366, height: 768 } });
    await leaveBriefing(page);
    await screenshot(page, 'sizes-laptop-turn');
    // The glossary: a marked term explains itself on keyboard focus, as its accessible description.
    const gloss = page.locator('#ui button.gloss').first();
    expect(await gloss.count(), 'a glossary term is marked on the first turn').toBe(1);
    const tip = page.locator(`#${(await gloss.getAttribute('aria-describedby')) ?? ''}`);
    expect(await tip.isVisible()).toBe(false);
    await gloss.focus();
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.innerText()).toMatch(/^\S.+: .{20,}/);
    await screenshot(page, 'sizes-laptop-gloss');
    await page.locator('#ui h1').focus();
    expect(await page.locator('#room-toggle').isVisible()).toBe(false);
    const boxes = await page
      .locator('ol.options > li')
      .evaluateAll((items) => items.slice(0, 2).map((li) => [Math.round(li.getBoundingClientRect().top), Math.round(li.getBoundingClientRect().bottom)]));
    expect(
      boxes.map(([top, bottom]) => (top ?? -1) >= 0 && (bottom ?? 9999) <= 768),
      `the first two options (${JSON.stringify(boxes)}) in a 768px screen`,
    ).toEqual([true, true]);
    await playThrough(page, false);
    await checkLayout(page, false, 'debrief');
    await activate(page, 'a.skip-link');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('debrief-tools');

    const link = (await page.locator('#replay-link').getAttribute('href')) ?? '';
    expect(link).toContain('?replay=');
    await page.goto(link);
    await expectScreen(page, 'briefing');
    for (let i = 0; i < 3; i += 1) {
      const before = (await hook(page)).stateHash + (await hook(page)).screen;
      await activate(page, 'button[data-action="continue"]:not([disabled])');
      await page.waitForFunction((b) => {
        const h = (window as unknown as { __redPhone: { screen(): string; stateHash(): string | null } }).__redPhone;
        return `${h.stateHash()}${h.screen()}` !== b;
      }, before);
    }
    const watched = await hook(page);
    expect(page.url()).toContain('?replay=');
    await page.reload();
    await waitForScreen(page);
    await page.waitForFunction((s) => (window as unknown as { __redPhone: { screen(): string } }).__redPhone.screen() === s, watched.screen);
    expect((await hook(page)).stateHash).toBe(watched.stateHash);
    expect(await page.locator('#ui').textContent()).toContain('Watching a replay');
    // Back: the step before, still in the replay, the link still in the address.
    await page.goBack();
    await page.waitForFunction((s) => (window as unknown as { __redPhone: { screen(): string } }).__redPhone.screen() !== s, watched.screen);
    expect(page.url()).toContain('?replay=');
    expect(await page.locator('#ui').textContent()).toContain('Watching a replay');
    // Leaving the replay takes the link out of the address.
    await activate(page, 'button[data-action="to-title"]');
    await expectScreen(page, 'title');
    expect(page.url()).not.toContain('replay=');
  });

  it.skipIf(id === '')('after "Resume play" Enter continues, it does not pause again', async () => {
    const { page } = await suite.open({ at: '?facilitator', viewport: { width: 1366, height: 768 } });
    await page.locator('#app[data-screen="facilitator"]').waitFor();
    await activate(page, 'button[data-action="start-facilitated"]');
    await expectScreen(page, 'briefing');
    await activate(page, 'button[data-action="fac-pause"]');
    await page.locator('#fac-cover').waitFor({ state: 'visible' });
    await activate(page, 'button[data-action="fac-pause"]');
    await page.locator('#fac-cover').waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.matches('#ui h1') === true);
    await page.keyboard.press('Enter');
    await expectScreen(page, 'turn');
    expect(await page.locator('#fac-cover').isVisible()).toBe(false);
  });

  it.skipIf(id === '')('a tablet (768x1024, touch) and a desktop (1920x1080): readable, uncovered text on a turn and an outcome, as China', async () => {
    for (const [width, height, touch] of [
      [768, 1024, true],
      [1920, 1080, false],
    ] as const) {
      const { page, context } = await suite.open({ at: `?scenario=${id}&seed=K7Q3&side=cn`, viewport: { width, height }, hasTouch: touch, isMobile: touch });
      await leaveBriefing(page);
      await checkLayout(page, touch, `turn at ${width}x${height}`);
      await screenshot(page, `sizes-${width}x${height}-turn`);
      const text = await page.locator('#ui').innerText();
      expect(text, 'China’s seat speaks for China').not.toMatch(/for the United States|for the US\b|Outcome for the US/i);
      expect(text, 'a move off the ladder is named as such').not.toMatch(/Rung: rung \d/);
      await pickOption(page, 1, 'cn');
      await expectScreen(page, 'outcome');
      await checkLayout(page, touch, `outcome at ${width}x${height}`);
      await context.close();
    }
  });
});
