/**
 * The networked class in real Chromium pages (issue 9): the facilitator's console and two teams, each
 * on its own page, play a run through the real class server (in this process, on 127.0.0.1) serving the
 * built game. Everything by keyboard; axe on the join screen, the seat and the console; a team's page
 * never shows the seed or the other team's sealed choice; the reveal checks the commitment and opens the
 * debrief; the class download replays with the engine to the state the server holds.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { checkReplay, parseReplay } from '../../src/engine';
import { MemoryStore } from '../../src/server/events';
import { staticHandler } from '../../src/server/http';
import { type ClassServer, startClassServer } from '../../src/server/io';
import { loadScenarioSet } from '../../src/server/library';
import { seriousViolations } from './axe';
import { REPO_ROOT } from './build';
import { activate, browserSuite, screenshot, tabTo, visibleText } from './harness';

const HOST_KEY = 'browser-test-host-key-42';
const SEED = 'K7QM';
const SCENARIO = 'ip-theft';
const MAX_TURNS = 20;

let url = '';
let server: ClassServer | null = null;
const set = loadScenarioSet(join(REPO_ROOT, 'scenarios'));
const scenarios = set.byId;

beforeAll(async () => {
  const dist = inject('distDir');
  if (dist === '') return;
  const http = createServer(staticHandler(dist));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  server = await startClassServer({ http, store: new MemoryStore(), scenarios, localised: set.localised, hostKey: HOST_KEY, joinUrl: `${url}/?class`, warn: () => {} });
});

afterAll(async () => {
  await server?.close();
});

async function classScreen(page: Page, name: string): Promise<void> {
  await page.locator(`[data-class-screen="${name}"]`).waitFor({ state: 'attached', timeout: 15_000 });
}

/** The team's seat: joins by keyboard with the code (typed or from the QR link), its group and side. */
async function joinSeat(page: Page, code: string | null, side: 'us' | 'cn'): Promise<void> {
  await classScreen(page, 'join');
  if (code !== null) {
    await tabTo(page, '#join-code');
    await page.keyboard.type(code.toLowerCase());
  }
  if (side === 'cn') {
    await tabTo(page, 'input[name="side"][value="us"]');
    await page.keyboard.press('ArrowDown');
  }
  await activate(page, 'button[data-action="join"]');
  await classScreen(page, 'seat');
}

async function seatTurn(page: Page): Promise<number> {
  return Number(await page.locator('[data-class-screen="seat"]').getAttribute('data-turn'));
}

browserSuite('a networked class: two teams and the facilitator on their own pages', (suite) => {
  it('plays a run through the class server by keyboard; sealed choices, the commitment, the debrief, the download', async () => {
    const base = `${url}/`;
    const fac = await suite.open({ baseUrl: base, at: `?class=host#key=${HOST_KEY}`, noWait: true });
    await classScreen(fac.page, 'host-setup');
    expect(fac.page.url(), 'the host key leaves the address bar').not.toContain(HOST_KEY);
    await tabTo(fac.page, '#host-scenario');
    await fac.page.selectOption('#host-scenario', SCENARIO);
    await tabTo(fac.page, '#host-seed');
    await fac.page.keyboard.type(SEED);
    await tabTo(fac.page, '#host-timer');
    await fac.page.keyboard.press('Control+A');
    await fac.page.keyboard.press('Backspace');
    await tabTo(fac.page, '#host-groups');
    await fac.page.keyboard.press('Control+A');
    await fac.page.keyboard.type('2');
    await activate(fac.page, 'button[data-action="host-create"]');
    await classScreen(fac.page, 'console');
    const code = (await fac.page.locator('[data-join-code]').getAttribute('data-join-code')) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await fac.page.locator('img.qr').waitFor({ state: 'visible' });

    // US scans the QR code (the code comes in the link) on a phone set to Chinese; China types it, in English.
    const us = await suite.open({ baseUrl: base, at: `?class=${code}&lang=zh-Hans`, noWait: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await joinSeat(us.page, null, 'us');
    expect(await us.page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await visibleText(us.page, '[data-class-screen="seat"]')).toMatch(/[\u4e00-\u9fff]{6}/);
    const cn = await suite.open({ baseUrl: base, at: '?class', noWait: true });
    await joinSeat(cn.page, code, 'cn');
    expect(await seriousViolations(us.page), 'axe on the seat (phone, in Chinese)').toEqual([]);
    expect(await seriousViolations(cn.page), 'axe on the seat (English)').toEqual([]);
    await screenshot(us.page, 'class-seat-phone');

    for (let turn = 0; turn < MAX_TURNS; turn++) {
      if ((await us.page.locator('[data-class-screen="seat"]').getAttribute('data-ended')) === 'true') break;
      const before = await seatTurn(us.page);
      // China locks first; its choice is sealed: the US page says only that China has locked.
      const cnChoice = cn.page.locator('button[data-option]').first();
      const cnLabel = (await cnChoice.innerText()).trim();
      await activate(cn.page, `button[data-option="${await cnChoice.getAttribute('data-option')}"]`);
      await expect.poll(() => us.page.locator('.lock-line').getAttribute('data-other-locked')).toBe('true');
      expect(await visibleText(us.page)).not.toContain(cnLabel);
      await expect.poll(() => visibleText(cn.page, '.lock-line')).toContain('locked in');
      const usChoice = us.page.locator('button[data-option]').first();
      await activate(us.page, `button[data-option="${await usChoice.getAttribute('data-option')}"]`);
      await expect.poll(() => seatTurn(us.page)).toBe(before + 1);
      await expect.poll(() => seatTurn(cn.page)).toBe(before + 1);
      for (const p of [us.page, cn.page]) expect(await p.content(), 'a team page before the reveal').not.toContain(SEED);
    }
    expect(await us.page.locator('[data-class-screen="seat"]').getAttribute('data-ended')).toBe('true');
    await expect.poll(() => fac.page.locator('li.group-card[data-group="1"]').getAttribute('data-ended')).toBe('true');
    expect(await seriousViolations(fac.page), 'axe on the console').toEqual([]);
    await screenshot(fac.page, 'class-console');

    // The download holds each group's replay; group 1's replays with the engine.
    const [download] = await Promise.all([fac.page.waitForEvent('download'), activate(fac.page, 'button[data-action="download-class"]')]);
    const bundle = JSON.parse(await readFile(await download.path(), 'utf8')) as { groups: { name: string; replay: unknown }[] };
    expect(bundle.groups.map((g) => g.name)).toEqual(['Group 1', 'Group 2']);
    const replay = parseReplay(JSON.stringify(bundle.groups[0]?.replay), 'group 1');
    const scenario = scenarios.get(SCENARIO);
    if (!replay.ok || scenario === undefined) throw new Error('the class download is not a replay');
    expect(replay.value.seed).toBe(SEED);
    const played = checkReplay(scenario, replay.value);
    expect(played.ok && played.value.state.ending).not.toBeNull();

    // The reveal: each seat checks seed and salt against the commitment it saw first, then opens its debrief.
    await activate(fac.page, 'button[data-action="reveal"]');
    for (const p of [us.page, cn.page]) await p.locator('[data-commitment="holds"]').waitFor({ state: 'attached' });
    expect(await cn.page.content()).toContain(SEED);
    await activate(cn.page, 'a[data-action="class-debrief"]');
    await cn.page.waitForFunction(() => '__redPhone' in window);
    await expect.poll(() => cn.page.locator('#app').getAttribute('data-screen')).toMatch(/debrief|outcome|turn|briefing/);
  });
});
