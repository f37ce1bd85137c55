/**
 * The agent's Genesys status against the emulator: shown in the popup and changed there, by the
 * queue command's worker path, and after a missed ACD call (Genesys sets "Not responding") by the
 * notification's "Go back on queue" button. Chromium cannot press a shortcut or a notification
 * button in a test, so both run through `presence.trigger`, which calls the same worker functions
 * as `commands.onCommand` and `notifications.onButtonClicked`. The emulator records every change.
 *
 * In a ServiceNow tab the status shows on the screen pop's call card and follows changes live
 * (the emulator sets an on-queue agent INTERACTING while an answered queue call lasts). With the
 * Genesys → ServiceNow mapping chosen in the options page, each change sets the agent's
 * `awa_agent_presence` record in the stand-in through that tab; On Queue is never Available.
 * With ServiceNow → Genesys, a tab that starts reads the ServiceNow presence and a change there
 * sets Genesys Available or Away, never On Queue, and nothing is written back to ServiceNow.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from '../../emulators/genesys';
import {
  SEED_AGENT,
  SEED_AGENT_PRESENCE_ID,
  SEED_PRESENCE_STATES,
} from '../../emulators/servicenow/index';
import { openWorkspace, switchboard } from '../support/servicenow';
import { startSignedIn, type Stack } from '../support/stack';

let stack: Stack;
let popup: Page;
/** A ServiceNow Workspace tab (the screen pop and the ServiceNow presence writes). */
let page: Page;

const shown = () => popup.locator('#presence-status').textContent();
const clientChanges = async () =>
  (await stack.genesys.control.presenceChanges())
    .filter((c) => c.userId === SEED.agent1.userId && c.by === undefined)
    .map((c) => `${c.kind}:${c.value}`);

/** An ACD call from the Support queue, answered in the pop; resolves its id. */
async function answerQueueCall(): Promise<string> {
  const { conversationId } = await stack.genesys.control.placeCall({
    to: 'agent1',
    from: '+14155550188',
    queue: 'Support',
    alertTimeoutMs: 60_000,
  });
  await switchboard
    .card(page, conversationId)
    .locator('[data-action=answer]')
    .click({ timeout: 20_000 });
  return conversationId;
}

async function hangUp(id: string): Promise<void> {
  await switchboard.card(page, id).locator('[data-action=hangup]').click({ timeout: 10_000 });
  await expect
    .poll(async () => (await stack.genesys.control.call(id)).endTime ?? '', { timeout: 15_000 })
    .not.toBe('');
}

const agentPresence = async () => {
  const records = await stack.servicenow.control.records('awa_agent_presence');
  return records.find((r) => r['sys_id'] === SEED_AGENT_PRESENCE_ID);
};
const presenceWrites = async () =>
  (await stack.servicenow.control.requests({ table: 'awa_agent_presence', method: 'PATCH' }))
    .requests.length;
const stateChecks = async () =>
  (await stack.servicenow.control.requests({ table: 'awa_presence_state', method: 'GET' })).requests
    .length;

/** Chooses the mapping in the options page and saves, as an administrator would. */
async function chooseMapping(value: string): Promise<void> {
  const options = stack.ui;
  await options.reload();
  await options.locator(`input[name="presence-sync"][value="${value}"]`).check();
  await options.locator('#save').click();
  await expect
    .poll(() => options.locator('.savebar-status').textContent(), { timeout: 10_000 })
    .toContain('Settings saved.');
}

/** Sets the agent's ServiceNow presence as ServiceNow itself would (the Table API, a session). */
async function setServiceNowPresence(state: keyof typeof SEED_PRESENCE_STATES): Promise<void> {
  const session = await stack.servicenow.control.createSession();
  const url = `${stack.servicenow.url}/api/now/table/awa_agent_presence/${SEED_AGENT_PRESENCE_ID}`;
  const res = await fetch(url, {
    method: 'PATCH',
    headers: {
      Cookie: session.cookie,
      'X-UserToken': session.token,
      'Content-Type': 'application/json',
      Origin: stack.servicenow.url,
    },
    body: JSON.stringify({ current_presence_state: SEED_PRESENCE_STATES[state] }),
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  stack = await startSignedIn({ lookupLatencyMs: 0 });
  popup = await stack.ext.openPage('src/popup/popup.html');
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

describe('presence', () => {
  it('shows the Genesys status and changes it from the popup', async () => {
    await expect.poll(shown, { timeout: 10_000 }).toBe('Available');
    await popup.locator('#presence-select').selectOption('On Queue');
    await expect.poll(shown, { timeout: 10_000 }).toBe('On Queue');
    expect(await clientChanges()).toEqual(['presence:On Queue']);
  });

  it('goes off and on queue through the command path', async () => {
    const off = await stack.toWorker<{ handled: boolean }>('presence.trigger', {
      kind: 'command',
      name: 'toggle-queue',
    });
    expect(off.value.handled).toBe(true);
    await expect.poll(shown, { timeout: 10_000 }).toBe('Available');
    await stack.toWorker('presence.trigger', { kind: 'command', name: 'toggle-queue' });
    await expect.poll(shown, { timeout: 10_000 }).toBe('On Queue');
  });

  it('a missed queue call makes the agent not responding; the notification button recovers', async () => {
    await stack.genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550123',
      queue: 'Support',
      alertTimeoutMs: 1_500,
    });
    await expect.poll(shown, { timeout: 15_000 }).toBe('Not responding');
    expect(await popup.getByRole('button', { name: 'Go back on queue' }).isVisible()).toBe(true);
    const clicked = await stack.toWorker<{ handled: boolean }>('presence.trigger', {
      kind: 'notification-button',
      notificationId: 'presence:not-responding',
      buttonIndex: 0,
    });
    expect(clicked.value.handled).toBe(true);
    await expect.poll(shown, { timeout: 10_000 }).toBe('On Queue');
    expect(await clientChanges()).toEqual([
      'presence:On Queue',
      'presence:Available',
      'presence:On Queue',
      'routingStatus:IDLE',
    ]);
  });

  it('shows the status on the screen pop during a call and follows it live', async () => {
    page = await stack.ext.context.newPage();
    await openWorkspace(page, '/home');
    const id = await answerQueueCall();
    const chip = switchboard.card(page, id).locator('.sb-presence');
    const label = () => chip.getAttribute('data-label');
    await expect.poll(label, { timeout: 15_000 }).toBe('interacting');
    expect(await chip.textContent()).toBe('Genesys status: Interacting');
    await popup.locator('#presence-select').selectOption('Break');
    await expect.poll(label, { timeout: 15_000 }).toBe('break');
    await popup.locator('#presence-select').selectOption('On Queue');
    await expect.poll(label, { timeout: 15_000 }).toBe('on-queue');
    await hangUp(id);
  });

  it('Genesys → ServiceNow, chosen in the options page, sets the ServiceNow presence', async () => {
    const options = stack.ui;
    await options.reload();
    const warning = options.locator('#presence-sync-warning');
    await warning.waitFor({ state: 'visible', timeout: 15_000 }); // the page renders after reload
    expect(await warning.textContent()).toMatch(/Double-booking.*same agent.*only one direction/);
    await options.locator('input[name="presence-sync"][value="genesys-to-servicenow"]').check();
    await options.locator('#save').click();
    await expect
      .poll(() => options.locator('.savebar-status').textContent(), { timeout: 10_000 })
      .toContain('Settings saved.');
    expect((await agentPresence())?.['current_presence_state']).toBe(SEED_PRESENCE_STATES.Offline);

    const expectState = async (state: keyof typeof SEED_PRESENCE_STATES, writes: number) => {
      await expect
        .poll(async () => (await agentPresence())?.['current_presence_state'], { timeout: 20_000 })
        .toBe(SEED_PRESENCE_STATES[state]);
      expect(await presenceWrites()).toBe(writes);
      expect(await agentPresence()).toMatchObject({
        agent: SEED_AGENT.sysId,
        sys_updated_by: SEED_AGENT.userName, // written with the agent's own session
        sys_mod_count: String(writes),
      });
    };
    await popup.locator('#presence-select').selectOption('Available');
    await expectState('Available', 1);
    await popup.locator('#presence-select').selectOption('On Queue');
    await expectState('Away', 2);

    // Interacting and back on queue: still Away, checked by the tab and not written again.
    const checked = await stateChecks();
    const id = await answerQueueCall();
    await expect.poll(stateChecks, { timeout: 20_000 }).toBeGreaterThan(checked);
    await hangUp(id);
    await expect.poll(stateChecks, { timeout: 20_000 }).toBeGreaterThan(checked + 1);
    await expectState('Away', 2);
  });

  it('ServiceNow → Genesys: a changed ServiceNow presence sets Genesys, never On Queue', async () => {
    await chooseMapping('servicenow-to-genesys');
    const writes = await presenceWrites();
    // ServiceNow shows Away (written above): the first read after a tab starts applies it.
    await page.reload();
    await expect.poll(shown, { timeout: 20_000 }).toBe('Away');
    await setServiceNowPresence('Available');
    await page.reload();
    await expect.poll(shown, { timeout: 20_000 }).toBe('Available');
    // Unchanged in ServiceNow: what the agent sets in Genesys stays.
    await popup.locator('#presence-select').selectOption('On Queue');
    await expect.poll(shown, { timeout: 10_000 }).toBe('On Queue');
    const reads = await stack.servicenow.control.requests({ table: 'awa_agent_presence' });
    await page.reload();
    await expect
      .poll(
        async () =>
          (await stack.servicenow.control.requests({ table: 'awa_agent_presence' })).requests
            .length,
        { timeout: 20_000 },
      )
      .toBeGreaterThan(reads.requests.length);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await shown()).toBe('On Queue');
    // Nothing went back to ServiceNow: only the test's own PATCH.
    expect(await presenceWrites()).toBe(writes + 1);
  });

  it('the emulator records exactly the status changes made, with no echo', async () => {
    const all = (await stack.genesys.control.presenceChanges())
      .filter((c) => c.userId === SEED.agent1.userId)
      .map((c) => `${c.by ?? 'client'} ${c.kind}:${c.value}`);
    expect(all).toEqual([
      // shown and changed from the popup
      'client presence:On Queue',
      'platform routingStatus:IDLE',
      // the queue command, off and on
      'client presence:Available',
      'platform routingStatus:OFF_QUEUE',
      'client presence:On Queue',
      'platform routingStatus:IDLE',
      // the missed queue call and the notification button
      'platform routingStatus:NOT_RESPONDING',
      'client routingStatus:IDLE',
      // the screen pop during a queue call
      'platform routingStatus:INTERACTING',
      'client presence:Break',
      'platform routingStatus:OFF_QUEUE',
      'client presence:On Queue',
      'platform routingStatus:IDLE',
      // Genesys → ServiceNow: only the agent's own changes and the queue call
      'client presence:Available',
      'platform routingStatus:OFF_QUEUE',
      'client presence:On Queue',
      'platform routingStatus:IDLE',
      'platform routingStatus:INTERACTING',
      'platform routingStatus:IDLE',
      // ServiceNow → Genesys: Away, then Available from ServiceNow; On Queue by the agent
      'client presence:Away',
      'platform routingStatus:OFF_QUEUE',
      'client presence:Available',
      'client presence:On Queue',
      'platform routingStatus:IDLE',
    ]);
  });
});
