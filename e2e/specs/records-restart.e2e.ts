/**
 * Interaction records across a browser restart (same profile, both emulators outliving the
 * browser): a record whose writes ServiceNow kept refusing (503) when the agent quit, and one
 * whose write was in flight at that moment, are each written exactly once, with every field,
 * after ServiceNow recovers and the browser starts again with a ServiceNow tab. The queue lives
 * in storage.local; a browser start ends the leases of writes handed to the last session's tabs.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGenesysEmulator, type GenesysEmulator } from '../../emulators/genesys/server';
import { startServiceNow, type ServiceNowStandIn } from '../../emulators/servicenow/index';
import { launchExtension } from '../support/extension';
import { SEED_NUMBERS, openWorkspace } from '../support/servicenow';
import {
  configure,
  signIn,
  snapshot,
  waitForCall,
  waitForConnection,
  type Stack,
} from '../support/stack';
import { serviceNowHostArgs, startTlsProxy, type TlsProxy } from '../support/tls-proxy';
import {
  ORG,
  developerProfile,
  openExtensionPage,
  privateDist,
  stackOn,
} from './lifecycle.helpers';

let genesys: GenesysEmulator;
let servicenow: ServiceNowStandIn;
let proxy: TlsProxy;
let stack: Stack | undefined;
let clientId: string | undefined;
const extensionDir = privateDist();
const userDataDir = developerProfile();
const jane = SEED_NUMBERS.singleMatch;

async function startBrowser(): Promise<Stack> {
  const ext = await launchExtension({
    extensionDir,
    userDataDir,
    extraArgs: serviceNowHostArgs(proxy.port),
  });
  clientId ??= (
    await genesys.control.registerOAuthClient({
      org: ORG,
      redirectUris: [`https://${ext.extensionId}.chromiumapp.org/`],
      name: 'Switchboard',
    })
  ).clientId;
  const page = await openExtensionPage(ext.context, ext.extensionId);
  stack = stackOn({ ext, genesys, servicenow, clientId, close: () => ext.close() }, page);
  return stack;
}

async function quitBrowser(): Promise<void> {
  await stack?.close();
  stack = undefined;
}

async function workspace(s: Stack): Promise<Page> {
  const page = await s.ext.context.newPage();
  await openWorkspace(page, '/home');
  return page;
}

interface JobView {
  conversationId: string;
  status: string;
  endedAt?: string;
}
async function job(s: Stack, id: string): Promise<JobView | undefined> {
  const reply = await s.toWorker<{ jobs: JobView[] }>('records.state', null);
  return reply.value.jobs.find((j) => j.conversationId === id);
}

/** An answered queue call with two-way media and a recording, hung up by the caller. */
async function answeredCall(s: Stack): Promise<string> {
  const { conversationId: id } = await genesys.control.placeCall({
    to: 'agent1',
    from: jane.e164,
    fromName: jane.name,
    queue: 'Support',
    alertTimeoutMs: 60_000,
  });
  await waitForCall(s, id, 'alerting');
  const answered = await s.toWorker('ui.trigger', { kind: 'command', name: 'answer-call' });
  expect(answered).toMatchObject({ ok: true, value: { handled: true } });
  await waitForCall(s, id, 'connected');
  await genesys.control.waitFor(
    'media connected and recording reported',
    async () => {
      const call = (await snapshot(s))?.calls.find((c) => c.conversationId === id) as
        { mediaConnectedAt?: number; recordingId?: string } | undefined;
      return call?.mediaConnectedAt !== undefined && call.recordingId !== undefined;
    },
    20_000,
  );
  await genesys.control.hangUp(id);
  await waitForCall(s, id, 'ended');
  return id;
}

/**
 * The screen pop's match reaches the durable job (storage.local) before the browser is closed:
 * the pop's lookup runs beside the call and may finish after a short call has ended.
 */
async function matchStored(s: Stack, id: string): Promise<void> {
  await expect
    .poll(
      () =>
        s.ui.evaluate(async (conversationId) => {
          const stored = await chrome.storage.local.get('records.jobs');
          const jobs = (stored['records.jobs'] ?? {}) as Record<
            string,
            { conversationId?: string; matched?: { sysId: string } }
          >;
          const all = Array.isArray(jobs) ? jobs : Object.values(jobs);
          return all.find((j) => j?.conversationId === conversationId)?.matched?.sysId ?? '';
        }, id),
      { timeout: 20_000, interval: 200 },
    )
    .toBe(jane.sysId);
}

const TIMELINE = ['u_alerted_at', 'u_answered_at', 'u_media_connected_at', 'u_ended_at'];

/** Exactly one record, complete: the call's timeline, recording, agent and matched contact. */
async function oneFullRecord(id: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (await servicenow.control.interactionsFor(id)).filter(
          (r) => r['state'] === 'closed_complete' && r['u_ended_at'] !== '',
        ).length,
      { timeout: 60_000, interval: 500 },
    )
    .toBe(1);
  const all = await servicenow.control.interactionsFor(id);
  expect(all).toHaveLength(1);
  const record = all[0]!;
  expect(record).toMatchObject({
    u_conversation_id: id,
    type: 'phone',
    direction: 'inbound',
    u_caller_phone: jane.e164,
    u_queue: 'Support',
    u_outcome: 'answered',
    u_recording_status: 'recorded',
    u_matched_table: 'customer_contact',
    u_matched_sys_id: jane.sysId,
  });
  for (const field of [...TIMELINE, 'u_recording_id', 'u_agent', 'number']) {
    expect(record[field], field).not.toBe('');
  }
}

beforeAll(async () => {
  servicenow = await startServiceNow({ port: 0, lookupLatencyMs: 300 });
  proxy = await startTlsProxy(servicenow.url);
  // The far end runs in its own headless Chromium, so calls outlive the agent's browser.
  genesys = await startGenesysEmulator({ port: 0 });
});

afterAll(async () => {
  await quitBrowser().catch(() => undefined);
  await genesys.close().catch(() => undefined);
  await proxy.close().catch(() => undefined);
  await servicenow.close().catch(() => undefined);
});

describe('interaction records across a browser restart', () => {
  it('a record ServiceNow kept refusing when the browser closed is written once after restart', async () => {
    const s = await startBrowser();
    await configure(s);
    await signIn(s, 'agent1');
    await waitForConnection(s, 'connected');
    await workspace(s);
    await servicenow.control.serverError({ status: 503, seconds: 600, table: 'interaction' });
    const id = await answeredCall(s);
    await expect.poll(async () => (await job(s, id))?.status, { timeout: 20_000 }).toBe('retrying');
    await expect.poll(async () => (await job(s, id))?.endedAt, { timeout: 10_000 }).toBeTruthy();
    await matchStored(s, id);
    expect(await servicenow.control.interactionsFor(id)).toHaveLength(0);
    await quitBrowser();

    await servicenow.control.clearFaults(); // ServiceNow is back
    const next = await startBrowser();
    const startedAt = Date.now();
    await workspace(next);
    await oneFullRecord(id);
    console.info(`restart → record written: ${Date.now() - startedAt} ms`);
  });

  it('a write in flight when the browser closed is written once after restart', async () => {
    const s = stack!;
    await waitForConnection(s, 'connected', 30_000);
    await servicenow.control.serverError({ status: 503, seconds: 600, table: 'interaction' });
    const id = await answeredCall(s);
    await expect.poll(async () => (await job(s, id))?.status, { timeout: 20_000 }).toBe('retrying');
    await expect.poll(async () => (await job(s, id))?.endedAt, { timeout: 10_000 }).toBeTruthy();
    await matchStored(s, id);
    // ServiceNow answers again, slowly: the retry's find-by-conversation request hangs.
    await servicenow.control.clearFaults();
    await servicenow.control.setLatency(8_000);
    await servicenow.control.clearRequests();
    await s.toWorker('records.retry', { conversationId: id });
    await expect
      .poll(
        async () =>
          (await servicenow.control.requests({ table: 'interaction' })).requests.some(
            (r) => r.method === 'GET' && r.status === 0,
          ),
        { timeout: 10_000, interval: 100 },
      )
      .toBe(true);
    expect((await job(s, id))?.status).toBe('writing');
    await quitBrowser(); // the tab holding the write is gone with the browser

    await servicenow.control.setLatency(300);
    const next = await startBrowser();
    const startedAt = Date.now();
    await workspace(next);
    await oneFullRecord(id);
    console.info(`restart with a write in flight → record written: ${Date.now() - startedAt} ms`);
    const posts = (await servicenow.control.requests({ table: 'interaction', method: 'POST' }))
      .requests;
    expect(posts.filter((r) => r.status === 201)).toHaveLength(1);
  });
});
