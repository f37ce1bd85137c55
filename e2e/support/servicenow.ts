/**
 * The ServiceNow side of end-to-end tests: the stand-in served as https://acme.service-now.com
 * with the built extension (no Genesys emulator: enough for click-to-dial, the pop target and the
 * page UI), and helpers to read Switchboard's UI inside the page (Playwright's CSS engine pierces
 * its open shadow root; the dial buttons' closed roots are clicked as whole elements).
 */
import type { Locator, Page } from 'playwright-core';
import {
  SEED_NUMBERS,
  startServiceNow,
  type ServiceNowStandIn,
} from '../../emulators/servicenow/index';
import { launchExtension, type ExtensionHandle } from './extension';
import { serviceNowHostArgs, startTlsProxy, type TlsProxy } from './tls-proxy';

export { SEED_NUMBERS };
export const SERVICENOW_ORIGIN = 'https://acme.service-now.com';
export const WORKSPACE = `${SERVICENOW_ORIGIN}/now/workspace/agent`;

export interface ServiceNowRig {
  ext: ExtensionHandle;
  servicenow: ServiceNowStandIn;
  close(): Promise<void>;
}

/** The stand-in behind the TLS proxy, and Chromium with the built extension. */
export async function startServiceNowRig(
  options: { lookupLatencyMs?: number } = {},
): Promise<ServiceNowRig> {
  const servicenow = await startServiceNow({
    port: 0,
    lookupLatencyMs: options.lookupLatencyMs ?? 0,
  });
  const proxy: TlsProxy = await startTlsProxy(servicenow.url);
  const ext = await launchExtension({ extraArgs: serviceNowHostArgs(proxy.port) });
  return {
    ext,
    servicenow,
    async close() {
      await ext.close().catch(() => undefined);
      await proxy.close().catch(() => undefined);
      await servicenow.close().catch(() => undefined);
    },
  };
}

/** Opens a Workspace route and waits until the view is drawn. */
export async function openWorkspace(page: Page, route: string): Promise<void> {
  await page.goto(`${WORKSPACE}${route}`);
  await page.locator('#sn-main[data-sn-state=ready]').waitFor({ timeout: 15_000 });
}

/** Client-side navigation, as a click in the Workspace would do. */
export async function navigateInWorkspace(page: Page, route: string): Promise<void> {
  await page.evaluate((path) => {
    (window as unknown as { snWorkspace: { navigate(p: string): void } }).snWorkspace.navigate(
      path,
    );
  }, `/now/workspace/agent${route}`);
  await page
    .locator(`#sn-main[data-sn-state=ready][data-sn-route="/now/workspace/agent${route}"]`)
    .waitFor({ timeout: 15_000 });
}

/** Switchboard's UI in a page (inside its shadow root). */
export const switchboard = {
  layer: (page: Page): Locator => page.locator('switchboard-root .sb-layer'),
  card: (page: Page, conversationId?: string): Locator =>
    page.locator(
      conversationId
        ? `switchboard-root .sb-card[data-call="${conversationId}"]`
        : 'switchboard-root .sb-card',
    ),
  popStatus: (page: Page): Locator => page.locator('switchboard-root .sb-pop'),
  notice: (page: Page): Locator => page.locator('switchboard-root .sb-notice'),
  dialButtons: (page: Page): Locator => page.locator('switchboard-dial'),
  hosts: (page: Page): Promise<number> =>
    page.evaluate(() => document.querySelectorAll('switchboard-root').length),
};
