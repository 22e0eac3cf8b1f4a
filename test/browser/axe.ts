/**
 * axe-core in the page: the serious and critical violations of the screen shown. axe is evaluated
 * through DevTools, which the game's Content-Security-Policy does not govern, so a test page keeps
 * its policy (and shares its warm context with the other tests).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './build';

const AXE = readFileSync(join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

export interface AxeOptions {
  /** WCAG AAA text contrast (axe's color-contrast-enhanced) as well, for projector mode. */
  readonly enhancedContrast?: boolean;
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page, options: AxeOptions = {}): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (enhanced) => {
    type Result = { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, enhanced ? { rules: { 'color-contrast-enhanced': { enabled: true } } } : {});
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, options.enhancedContrast === true);
}
