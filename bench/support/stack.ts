/**
 * The product under measurement: the extension built for the bench, in headless Chromium, with its
 * own Genesys Cloud emulator and ServiceNow stand-in (served as https://acme.service-now.com). The
 * object has the e2e harness's `Stack` shape, so its helpers (configure, signIn, snapshot…) apply.
 */
import type { Page } from 'playwright-core';
import { startGenesysEmulator } from '../../emulators/genesys/server';
import { startServiceNow } from '../../emulators/servicenow/index';
import { launchExtension, sendFromPage } from '../../e2e/support/extension';
import {
  WORKSPACE_HOME,
  configure,
  signIn,
  snapshot,
  type SnapshotLike,
  type Stack,
} from '../../e2e/support/stack';
import { startTlsProxy } from '../../e2e/support/tls-proxy';
import { sleep } from './trials';

export { WORKSPACE_HOME };
export type { Stack };

export type ProfileKind = 'standard' | 'high-latency';

export interface BenchStackOptions {
  extensionDir: string;
  /** ServiceNow Table API latency (ms); 0 unless given. */
  lookupLatencyMs?: number;
  agent?: string;
  profile?: ProfileKind;
  /** Settings patch applied on top of the emulator profile (e.g. calls.autoAnswer). */
  patch?: (settings: Record<string, unknown>) => Record<string, unknown>;
  userDataDir?: string;
  /** Sign in and wait until connected (default true). */
  signIn?: boolean;
  /** More host names served by the ServiceNow stand-in (outside the content script's matches). */
  extraHosts?: string[];
}

/** Resolver rules sending *.service-now.com (and `extraHosts`) to the TLS proxy. */
function hostArgs(proxyPort: number, extraHosts: readonly string[]): string[] {
  const rules = ['*.service-now.com', ...extraHosts].map((h) => `MAP ${h} 127.0.0.1:${proxyPort}`);
  return [`--host-resolver-rules=${rules.join(', ')}`, '--ignore-certificate-errors'];
}

export async function startBenchStack(options: BenchStackOptions): Promise<Stack> {
  const servicenow = await startServiceNow({
    port: 0,
    lookupLatencyMs: options.lookupLatencyMs ?? 0,
  });
  const proxy = await startTlsProxy(servicenow.url);
  const ext = await launchExtension({
    extensionDir: options.extensionDir,
    extraArgs: hostArgs(proxy.port, options.extraHosts ?? []),
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
  });
  const genesys = await startGenesysEmulator({ port: 0, media: { browserContext: ext.context } });
  const close = async () => {
    await ext.close().catch(() => undefined);
    await genesys.close().catch(() => undefined);
    await proxy.close().catch(() => undefined);
    await servicenow.close().catch(() => undefined);
  };
  try {
    const { clientId } = await genesys.control.registerOAuthClient({
      org: '8f1c3a52-0000-4000-8000-00000000ac01',
      redirectUris: [`https://${ext.extensionId}.chromiumapp.org/`],
      name: 'Switchboard',
    });
    const ui = await ext.openPage('src/options/options.html');
    const stack: Stack = {
      ext,
      genesys,
      servicenow,
      ui,
      clientId,
      toWorker: (type, data) => sendFromPage(ui, { v: 1, to: 'worker', type, data }),
      close,
    };
    const profile = options.profile ?? 'standard';
    const patch = options.patch ?? ((s) => s);
    await configure(stack, (s) => patch({ ...s, network: { kind: profile } }));
    if (options.signIn !== false) {
      await signInSettled(stack, options.agent ?? 'agent1');
      await waitConnected(stack, 0, 30_000);
    }
    return stack;
  } catch (error) {
    await close();
    throw error;
  }
}

/** Signs in; when the worker has not yet applied the just-saved profile, tries again shortly. */
async function signInSettled(stack: Stack, agent: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await signIn(stack, agent);
      return;
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('profile')) {
        throw error;
      }
      await sleep(500);
    }
  }
}

/** Opens the ServiceNow workspace in a new tab and waits for the Switchboard chip in it. */
export async function openWorkspace(stack: Stack, path = WORKSPACE_HOME): Promise<Page> {
  const tab = await stack.ext.context.newPage();
  await tab.goto(path);
  await tab.waitForFunction(
    () => document.querySelector('switchboard-root')?.shadowRoot?.querySelector('.sb-chip'),
    null,
    { timeout: 15_000 },
  );
  return tab;
}

/**
 * Waits until the softphone reports `connected` in a state entered at or after `after` (epoch ms)
 * and returns that moment (`connection.since`, stamped by the offscreen document). Polls the
 * worker; the answer's precision is the offscreen document's clock, not the poll interval.
 */
export async function waitConnected(
  stack: Stack,
  after: number,
  timeoutMs: number,
): Promise<number> {
  return waitState(
    stack,
    (s) => s.connection.state === 'connected' && since(s) >= after,
    timeoutMs,
  );
}

/** Waits until the connection has left `connected` since `after`; returns when it did. */
export async function waitLeftConnected(
  stack: Stack,
  after: number,
  timeoutMs: number,
): Promise<number> {
  return waitState(
    stack,
    (s) => s.connection.state !== 'connected' && since(s) >= after,
    timeoutMs,
  );
}

const since = (s: SnapshotLike): number =>
  (s.connection as { since?: number }).since ?? Number.NEGATIVE_INFINITY;

async function waitState(
  stack: Stack,
  done: (s: SnapshotLike) => boolean,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last: SnapshotLike | null = null;
  while (Date.now() < deadline) {
    last = await snapshot(stack).catch(() => null);
    if (last && done(last)) {
      return since(last);
    }
    await sleep(50);
  }
  throw new Error(
    `timed out after ${timeoutMs} ms (last connection: ${JSON.stringify(last?.connection)})`,
  );
}

const LIVE = new Set(['alerting', 'connecting', 'connected']);

/** The call as the softphone last published it (null when not in the snapshot). */
export async function callOf(
  stack: Stack,
  conversationId: string,
): Promise<Record<string, unknown> | null> {
  const s = await snapshot(stack);
  const call = s?.calls.find((c) => c.conversationId === conversationId);
  return (call as unknown as Record<string, unknown> | undefined) ?? null;
}

/** Hangs the call up from the far end and waits until the softphone no longer shows it live. */
export async function endCall(
  stack: Stack,
  conversationId: string,
  timeoutMs = 10_000,
): Promise<void> {
  await stack.genesys.control.hangUp(conversationId).catch(() => undefined);
  await stack.genesys.control.waitFor(
    `call ${conversationId} ended`,
    async () => {
      const call = await callOf(stack, conversationId);
      return !call || !LIVE.has(String(call['state']));
    },
    timeoutMs,
    50,
  );
}
