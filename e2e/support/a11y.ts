/**
 * Accessibility checks and screenshots for extension pages: axe-core (from node_modules, injected
 * as a script) reports violations; the tests fail on serious or critical ones.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
export const SCREENSHOTS = resolve(import.meta.dirname, '../../artifacts/screenshots');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Injects axe-core: as a script tag, or by evaluation where the page's CSP refuses inline script. */
async function injectAxe(page: Page): Promise<void> {
  await page.addScriptTag({ path: AXE }).catch(() => undefined);
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    await page.evaluate(readFileSync(AXE, 'utf8'));
  }
}

/** Serious and critical axe violations on the page, summarised for a readable failure. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact ?? ''} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    );
}

/**
 * Saves artifacts/screenshots/<name>. A whole page is taken by growing the viewport to the page's
 * height, so sticky bars sit where a reader expects them (at the bottom), not mid-page.
 */
export async function screenshot(page: Page, name: string, wholePage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  if (wholePage && size) {
    const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
    await page.setViewportSize({ width: size.width, height });
  }
  await page.screenshot({ path: resolve(SCREENSHOTS, name) });
  if (wholePage && size) {
    await page.setViewportSize(size);
  }
}
