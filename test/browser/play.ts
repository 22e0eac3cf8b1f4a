/**
 * Playing the game in the page with the keyboard alone: Tab to a control and Enter, arrow keys in a
 * radio group, number keys for options, Space to go on. Every step waits for the screen it leads to.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { activate, expectScreen, hook, type ScreenName, screenOf, tabTo, waitForScreen, waitInPage } from './harness';

export type PlaySide = 'us' | 'cn' | 'both';

/** Title screen: picks a scenario's card with Tab and Enter. */
export async function chooseScenario(page: Page, id: string): Promise<void> {
  await expectScreen(page, 'title');
  await activate(page, `[data-scenario-card="${id}"] button[data-action="choose-scenario"]`);
  await expectScreen(page, 'new-run');
}

/** Selects a radio in a group as a keyboard user does: Tab into the group, then arrow keys. */
export async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  const wanted = page.locator(`input[name="${name}"][value="${value}"]`);
  await tabTo(page, `input[name="${name}"]:checked, input[name="${name}"]`);
  const count = await page.locator(`input[name="${name}"]`).count();
  for (let i = 0; i < count * 2 && !(await wanted.isChecked()); i += 1) await page.keyboard.press('ArrowDown');
  expect(await wanted.isChecked(), `radio ${name}=${value} checked by keyboard`).toBe(true);
}

/** Replaces a text field's content by keyboard. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  expect(await page.locator(selector).inputValue()).toBe(text);
}

/** New-run screen: side, seed, then start; ends on the briefing. */
export async function startRun(page: Page, side: PlaySide, seed: string): Promise<void> {
  await expectScreen(page, 'new-run');
  await chooseRadio(page, 'side', side);
  await typeInto(page, '#seed-input', seed);
  await activate(page, 'button[data-action="start-run"]');
  // With a saved run the game asks first (keep, export, replace): replacing it is what this helper means.
  const replace = page.locator('button[data-action="confirm-link"]');
  await Promise.race([page.locator('#app[data-screen="briefing"]').waitFor(), replace.waitFor()]);
  if ((await replace.count()) > 0) await activate(page, 'button[data-action="confirm-link"]');
  await expectScreen(page, 'briefing');
}

/** Briefing: continue to the first turn. */
export async function leaveBriefing(page: Page): Promise<void> {
  await expectScreen(page, 'briefing');
  await activate(page, 'button[data-action="continue"]');
  await expectScreen(page, 'turn');
}

/** Turn: presses the number key of a 1-based option of the side being asked. */
export async function pickOption(page: Page, index: number, side: 'us' | 'cn'): Promise<void> {
  // One look in the page per frame until the option is shown; the slower, precise checks only to say what is wrong.
  const button = `button[data-side="${side}"][data-index="${index}"]`;
  const shown = await waitInPage(
    page,
    (sel) => document.querySelector('#app')?.getAttribute('data-screen') === 'turn' && (document.querySelector(sel)?.getClientRects().length ?? 0) > 0,
    button,
  ).catch(() => false);
  if (!shown) {
    await expectScreen(page, 'turn');
    await page.locator(button).first().waitFor({ state: 'visible', timeout: 1000 });
  }
  await page.keyboard.press(String(index));
}

/**
 * Outcome: goes on to the next turn or the debrief, and returns the screen reached. By default Tab to
 * "continue" and Space; `plainEnter` presses Enter wherever focus is, as the contract allows.
 */
export async function leaveOutcome(page: Page, plainEnter = false): Promise<ScreenName> {
  await expectScreen(page, 'outcome');
  if (plainEnter) {
    await page.locator('button[data-action="continue"]').waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
  } else {
    await tabTo(page, 'button[data-action="continue"]');
    await page.keyboard.press('Space');
  }
  return waitInPage(
    page,
    () => {
      const s = document.querySelector('#app')?.getAttribute('data-screen');
      return s === 'turn' || s === 'debrief' ? s : false;
    },
    null,
  );
}

export type TurnHook = (turn: number, screen: 'turn' | 'outcome') => Promise<void>;

/**
 * From the first turn to the debrief, one side against the model: picks[t] on turn t (1-based), or 1
 * when the list runs out. `onScreen` runs on each turn and outcome screen before moving on. Outcomes
 * are left by Tab and Space, and every second one by a plain Enter.
 */
export async function playTurns(page: Page, side: 'us' | 'cn', picks: readonly number[], onScreen?: TurnHook): Promise<number> {
  let turn = 0;
  for (;;) {
    await expectScreen(page, 'turn');
    if (onScreen) await onScreen(turn, 'turn');
    const available = await page.evaluate((s) => document.querySelectorAll(`button[data-side="${s}"][data-index]`).length, side);
    await pickOption(page, Math.min(picks[turn] ?? 1, available), side);
    await waitForScreen(page, 'outcome');
    if (onScreen) await onScreen(turn, 'outcome');
    turn += 1;
    if ((await leaveOutcome(page, turn % 2 === 0)) === 'debrief') return turn;
    if (turn > 80) throw new Error('the run did not end within 80 turns');
  }
}

/**
 * Two teams: after the US choice, the hand-over screen; Enter gives the screen to China's team. A page
 * that asks China at once (the contract's plainest form) is accepted too.
 */
export async function passToChina(page: Page): Promise<void> {
  const china = page.locator('button[data-side="cn"][data-index]').first();
  await page.locator('.handover-screen button[data-action="continue"], button[data-side="cn"][data-index]').first().waitFor({ state: 'visible' });
  if (!(await china.isVisible())) await page.keyboard.press('Enter');
  await china.waitFor({ state: 'visible' });
}

/**
 * A two-team run from the first turn to the debrief: on each turn the US team presses its number,
 * the screen is handed over, then (the US choice covered) China presses its own.
 */
export async function playTeamTurns(page: Page, pairs: readonly (readonly [number, number])[], onScreen?: TurnHook): Promise<number> {
  let turn = 0;
  for (;;) {
    await expectScreen(page, 'turn');
    if (onScreen) await onScreen(turn, 'turn');
    const [us, cn] = pairs[turn] ?? [1, 1];
    await pickOption(page, us, 'us');
    await passToChina(page);
    await pickOption(page, cn, 'cn');
    await waitForScreen(page, 'outcome');
    if (onScreen) await onScreen(turn, 'outcome');
    turn += 1;
    if ((await leaveOutcome(page)) === 'debrief') return turn;
    if (turn > 80) throw new Error('the run did not end within 80 turns');
  }
}

/** Title to debrief with the keyboard alone. */
export async function playToDebrief(page: Page, id: string, side: 'us' | 'cn', seed: string, picks: readonly number[], onScreen?: TurnHook): Promise<number> {
  await chooseScenario(page, id);
  await startRun(page, side, seed);
  await leaveBriefing(page);
  const turns = await playTurns(page, side, picks, onScreen);
  await expectScreen(page, 'debrief');
  return turns;
}

/** Where the page is: its screen and the state hash of the run shown. */
async function place(page: Page): Promise<string> {
  const h = await hook(page);
  return `${h.screen}|${h.stateHash ?? ''}`;
}

/** Watches an imported replay to its end, going on with the keyboard (Tab to "continue", Space) at each step. */
export async function watchToDebrief(page: Page): Promise<number> {
  for (let step = 0; step < 200; step += 1) {
    const before = await place(page);
    if (before.startsWith('debrief|')) return step;
    await activate(page, 'button[data-action="continue"]:not([disabled])', 'Space');
    await waitInPage(
      page,
      (b) => {
        const h = (window as unknown as { __redPhone: { screen(): string; stateHash(): string | null } }).__redPhone;
        return `${h.screen()}|${h.stateHash() ?? ''}` !== b;
      },
      before,
      5000,
    );
  }
  throw new Error(`the replay did not reach the debrief; the page is on ${await screenOf(page)}`);
}
