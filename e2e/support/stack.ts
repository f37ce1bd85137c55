/**
 * The whole product on one machine: the built extension in Chromium, the Genesys Cloud emulator
 * (its far-end media peer runs as a page in the same browser), the ServiceNow stand-in served as
 * https://acme.service-now.com, and helpers to configure Switchboard and sign in through its real
 * PKCE flow (the emulator approves automatically for the chosen agent).
 */
import type { Page } from 'playwright-core';
import { startGenesysEmulator, type GenesysEmulator } from '../../emulators/genesys/server';
import { startServiceNow, type ServiceNowStandIn } from '../../emulators/servicenow/index';
import { launchExtension, sendFromPage, type ExtensionHandle } from './extension';
import { serviceNowHostArgs, startTlsProxy, type TlsProxy } from './tls-proxy';

export const SERVICENOW_ORIGIN = 'https://acme.service-now.com';
export const WORKSPACE_HOME = `${SERVICENOW_ORIGIN}/now/workspace/agent/home`;

export interface Stack {
  ext: ExtensionHandle;
  genesys: GenesysEmulator;
  servicenow: ServiceNowStandIn;
  /** An extension page (the options page) used to talk to the worker as the UI does. */
  ui: Page;
  clientId: string;
  /** Sends a worker message from the UI page and returns the raw reply. */
  toWorker<T = unknown>(
    type: string,
    data: unknown,
  ): Promise<{ ok: boolean; value: T; error?: { code: string; message: string } }>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** ServiceNow Table API latency for lookups (ms); the stand-in's default is 1200. */
  lookupLatencyMs?: number;
  userDataDir?: string;
  extraArgs?: string[];
  /** More host names served by the ServiceNow stand-in (besides *.service-now.com). */
  otherHosts?: string[];
  /** Other unpacked extensions loaded beside Switchboard (see launchExtension). */
  extraExtensions?: { dir: string; id: string }[];
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const servicenow = await startServiceNow({
    port: 0,
    ...(options.lookupLatencyMs === undefined ? {} : { lookupLatencyMs: options.lookupLatencyMs }),
  });
  const proxy: TlsProxy = await startTlsProxy(servicenow.url);
  const ext = await launchExtension({
    extraArgs: [
      ...serviceNowHostArgs(proxy.port, options.otherHosts),
      ...(options.extraArgs ?? []),
    ],
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    ...(options.extraExtensions ? { extraExtensions: options.extraExtensions } : {}),
  });
  const genesys = await startGenesysEmulator({ port: 0, media: { browserContext: ext.context } });
  const { clientId } = await genesys.control.registerOAuthClient({
    org: '8f1c3a52-0000-4000-8000-00000000ac01',
    redirectUris: [`https://${ext.extensionId}.chromiumapp.org/`],
    name: 'Switchboard',
  });
  const ui = await ext.openPage('src/options/options.html');
  const toWorker: Stack['toWorker'] = (type, data) =>
    sendFromPage(ui, { v: 1, to: 'worker', type, data });
  return {
    ext,
    genesys,
    servicenow,
    ui,
    clientId,
    toWorker,
    async close() {
      await ext.close().catch(() => undefined);
      await genesys.close().catch(() => undefined);
      await proxy.close().catch(() => undefined);
      await servicenow.close().catch(() => undefined);
    },
  };
}

/** Saves an organisation profile pointing at the emulator and the stand-in instance. */
export async function configure(
  stack: Stack,
  patch: (settings: Record<string, unknown>) => Record<string, unknown> = (s) => s,
): Promise<void> {
  const current = await stack.toWorker<{ settings: Record<string, unknown> }>('settings.get', null);
  if (!current.ok) {
    throw new Error(`settings.get failed: ${JSON.stringify(current)}`);
  }
  const settings = patch({
    ...current.value.settings,
    genesys: {
      profiles: [
        {
          id: 'acme',
          name: 'Acme Support',
          customEnvironment: stack.genesys.url,
          clientId: stack.clientId,
        },
      ],
      activeId: 'acme',
    },
    servicenow: { instances: [SERVICENOW_ORIGIN], popTarget: 'focused', defaultRegion: 'US' },
  });
  const saved = await stack.toWorker<{ ok: boolean; issues: unknown[] }>('settings.save', {
    settings,
  });
  if (!saved.ok || !saved.value.ok) {
    throw new Error(`settings.save failed: ${JSON.stringify(saved)}`);
  }
}

/** Signs in as `agent` (login such as agent1) through the real identity flow. */
export async function signIn(stack: Stack, agent = 'agent1'): Promise<void> {
  await stack.genesys.control.autoApprove(agent);
  const reply = await stack.toWorker<{ signedIn: boolean }>('auth.signIn', {});
  if (!reply.ok || !reply.value.signedIn) {
    throw new Error(`sign-in failed: ${JSON.stringify(reply)}`);
  }
}

/** Configures, signs in, and waits until the softphone reports connected. */
export async function startSignedIn(options: StackOptions = {}, agent = 'agent1'): Promise<Stack> {
  const stack = await startStack(options);
  try {
    await configure(stack);
    await signIn(stack, agent);
    await waitForConnection(stack, 'connected');
    return stack;
  } catch (error) {
    await stack.close();
    throw error;
  }
}

export interface SnapshotLike {
  connection: { state: string; lastRecoveryMs?: number };
  calls: { conversationId: string; state: string; muted: boolean; held: boolean }[];
}

export async function snapshot(stack: Stack): Promise<SnapshotLike | null> {
  const reply = await stack.toWorker<{ snapshot: SnapshotLike | null }>('ui.state', null);
  return reply.ok ? reply.value.snapshot : null;
}

export async function waitForConnection(
  stack: Stack,
  state: string,
  timeoutMs = 20_000,
): Promise<void> {
  await stack.genesys.control.waitFor(
    `softphone ${state}`,
    async () => (await snapshot(stack))?.connection.state === state,
    timeoutMs,
  );
}

export async function waitForCall(
  stack: Stack,
  conversationId: string,
  state: string,
  timeoutMs = 15_000,
): Promise<void> {
  await stack.genesys.control.waitFor(
    `call ${conversationId} ${state}`,
    async () =>
      (await snapshot(stack))?.calls.some(
        (c) => c.conversationId === conversationId && c.state === state,
      ),
    timeoutMs,
  );
}
