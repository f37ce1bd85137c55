/**
 * The ServiceNow side of end-to-end tests: the stand-in served as https://acme.service-now.com
 * with the built extension (no Genesys emulator: enough for click-to-dial, the pop target and the
 * page UI), and helpers to read Switchboard's UI inside the page (Playwright's CSS engine pierces
 * its open shadow root; the dial buttons' closed roots are clicked as whole elements).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** The parts of a Stack (support/stack.ts) the screen-pop helpers use. */
interface StackLike {
  genesys: {
    control: {
      placeCall(o: {
        to: string;
        from?: string;
        fromName?: string;
        attributes?: Record<string, string>;
      }): Promise<{ conversationId: string }>;
    };
  };
  servicenow: ServiceNowStandIn;
  toWorker<T = unknown>(type: string, data: unknown): Promise<{ ok: boolean; value: T }>;
}

export interface CallView {
  conversationId: string;
  state: string;
  alertedAt?: number;
  answeredAt?: number;
  mediaConnectedAt?: number;
}

/** An inbound call from `from` to agent1 through the Genesys emulator; resolves its id. */
export async function placeInbound(
  stack: StackLike,
  call: { from: string; fromName?: string; attributes?: Record<string, string> },
): Promise<string> {
  const { conversationId } = await stack.genesys.control.placeCall({ to: 'agent1', ...call });
  return conversationId;
}

/** The call as the worker last saw it (ui.state). */
export async function callView(
  stack: StackLike,
  conversationId: string,
): Promise<CallView | undefined> {
  const reply = await stack.toWorker<{ snapshot: { calls: CallView[] } | null }>('ui.state', null);
  return reply.value.snapshot?.calls.find((c) => c.conversationId === conversationId);
}

/** Changes the screen-pop section of the settings through the worker, as the options page does. */
export async function setScreenPop(
  stack: StackLike,
  patch: Record<string, unknown>,
): Promise<void> {
  const current = await stack.toWorker<{ settings: Record<string, Record<string, unknown>> }>(
    'settings.get',
    null,
  );
  const settings = current.value.settings;
  const saved = await stack.toWorker<{ ok: boolean }>('settings.save', {
    settings: { ...settings, screenPop: { ...settings['screenPop'], ...patch } },
  });
  if (!saved.ok || !saved.value.ok) {
    throw new Error(`settings.save failed: ${JSON.stringify(saved)}`);
  }
}

/** When the stand-in finished answering the first Table API GET on `table` (epoch ms). */
export async function lookupFinishedAt(
  servicenow: ServiceNowStandIn,
  table: string,
): Promise<number | null> {
  const { requests } = await servicenow.control.requests();
  const lookup = requests.find(
    (r) => r.kind === 'table' && r.method === 'GET' && r.table === table && r.status !== 0,
  );
  return lookup ? Date.parse(lookup.time) + (lookup.durationMs ?? 0) : null;
}

/** Serious or critical axe-core violations inside Switchboard's UI (the page's own are not ours). */
export async function popViolations(page: Page): Promise<string[]> {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    await page.evaluate(readFileSync(axePath, 'utf8'));
  }
  return page.evaluate(async () => {
    interface Violation {
      id: string;
      impact: string | null;
      nodes: unknown[];
    }
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const { violations } = await axe.run({ include: [['switchboard-root']] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length})`);
  });
}
