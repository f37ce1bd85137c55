/**
 * Interaction records end to end (both emulators, one stack): an answered queue call leaves
 * exactly one `interaction` record with its timeline, matched contact, recordingId and wrap-up,
 * and the Genesys conversation holds the record's ids as attributes written while it was live; a
 * declined call leaves a record saying no media and no recording; an unanswered call whose alert
 * timed out is recorded as missed; a 429 storm delays the write without losing it or hammering
 * ServiceNow; a 403 shows in the popup with its reason until the agent retries; a worker killed in
 * the middle of a write still ends with one record. Also measures whether the worker itself could
 * write (it cannot). The browser-restart case is in records-restart.e2e.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousViolations } from '../support/a11y';
import { killServiceWorker } from '../support/extension';
import { SEED_NUMBERS, openWorkspace, placeInbound, switchboard } from '../support/servicenow';
import { SERVICENOW_ORIGIN, startSignedIn, type Stack } from '../support/stack';

let stack: Stack;
let page: Page;
const jane = SEED_NUMBERS.singleMatch;

const records = (id: string) => stack.servicenow.control.interactionsFor(id);
async function oneRecord(id: string, until: (r: Record<string, string>) => boolean) {
  try {
    await expect
      .poll(async () => (await records(id)).filter(until).length, { timeout: 40_000 })
      .toBe(1);
  } catch (error) {
    // Say where the record got stuck: the worker's queue and the stand-in's table.
    const state = JSON.stringify((await stack.toWorker('records.state', null)).value);
    throw new Error(
      `No record for ${id}; queue: ${state}; table: ${JSON.stringify(await records(id))}`,
      {
        cause: error,
      },
    );
  }
  const all = await records(id);
  expect(all).toHaveLength(1);
  return all[0]!;
}
async function declineNew(): Promise<string> {
  const id = await placeInbound(stack, { from: jane.e164, fromName: jane.name });
  await switchboard.card(page, id).locator('[data-action=decline]').click({ timeout: 15_000 });
  return id;
}

beforeAll(async () => {
  stack = await startSignedIn({ lookupLatencyMs: 300 });
  page = await stack.ext.context.newPage();
  await openWorkspace(page, '/home');
});
afterAll(async () => {
  await stack.close();
});

describe('interaction records', () => {
  it('writes one full record for an answered call, attributes before disconnect, wrap-up', async () => {
    const { conversationId: id } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: jane.e164,
      fromName: jane.name,
      queue: 'Support',
    });
    await switchboard.card(page, id).locator('[data-action=answer]').click({ timeout: 15_000 });
    // Still live: the record's ids are already on the conversation.
    await expect
      .poll(
        async () =>
          (await stack.genesys.control.call(id)).attributes['sn_interaction_number'] ?? '',
        {
          timeout: 20_000,
        },
      )
      .toMatch(/^INT/);
    await expect
      .poll(async () => (await stack.genesys.control.call(id)).agentState, { timeout: 15_000 })
      .toBe('connected');
    expect((await stack.genesys.control.call(id)).attributes['sn_interaction_number']).toMatch(
      /^INT/,
    );
    await stack.genesys.control.hangUp(id);
    const form = page.locator(`switchboard-root .sb-wrapup[data-conversation-id="${id}"]`);
    await form.waitFor({ timeout: 15_000 });
    expect(await form.getAttribute('data-required')).toBe('true');
    await form.locator('select').selectOption({ label: 'Resolved' });
    await form.locator('textarea').fill('Customer happy');
    await form.locator('button[type=submit]').click();
    const record = await oneRecord(id, (r) => r['u_wrapup_name'] === 'Resolved');
    expect(record).toMatchObject({
      direction: 'inbound',
      u_caller_phone: jane.e164,
      u_queue: 'Support',
      u_outcome: 'answered',
      u_recording_status: 'recorded',
      u_matched_table: 'customer_contact',
      u_matched_sys_id: jane.sysId,
      u_wrapup_notes: 'Customer happy',
    });
    for (const field of [
      'u_alerted_at',
      'u_answered_at',
      'u_media_connected_at',
      'u_ended_at',
      'u_recording_id',
      'u_agent',
    ]) {
      expect(record[field], field).not.toBe('');
    }
    const attrs = (await stack.genesys.control.call(id)).attributes;
    expect(attrs['sn_interaction_sys_id']).toBe(record['sys_id']);
    expect((await stack.genesys.control.call(id)).wrapup?.name).toBe('Resolved');
  });

  it('records a declined call with no media and says why there is no recording', async () => {
    const id = await declineNew();
    const record = await oneRecord(id, (r) => r['u_outcome'] === 'declined');
    expect(record).toMatchObject({
      u_recording_id: '',
      u_recording_status: 'none',
      u_no_recording_reason: 'media-never-connected',
      u_media_connected_at: '',
    });
  });

  it('waits out a 429 storm without losing the record or hammering ServiceNow', async () => {
    await stack.servicenow.control.clearRequests();
    await stack.servicenow.control.rateLimit({
      requests: 4,
      retryAfterSec: 3,
      table: 'interaction',
    });
    const id = await declineNew();
    await oneRecord(id, (r) => r['u_outcome'] === 'declined');
    const { requests } = await stack.servicenow.control.requests({ table: 'interaction' });
    const limited = requests.filter((r) => r.status === 429).length;
    expect(limited).toBeGreaterThanOrEqual(3);
    expect(requests.length).toBeLessThan(10); // a handful of retries, not a storm
  });

  it('records a call nobody answered before the alert timed out as missed', async () => {
    const { conversationId: id } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: jane.e164,
      fromName: jane.name,
      queue: 'Support',
      alertTimeoutMs: 1_500,
    });
    const record = await oneRecord(
      id,
      (r) => r['u_outcome'] === 'missed' && r['state'] === 'closed_complete',
    );
    expect((await stack.genesys.control.call(id)).outcome).toBe('alert-timeout');
    expect(record).toMatchObject({
      direction: 'inbound',
      u_caller_phone: jane.e164,
      u_queue: 'Support',
      u_answered_at: '',
      u_media_connected_at: '',
      u_recording_status: 'none',
      u_no_recording_reason: 'media-never-connected',
    });
    expect(record['u_alerted_at']).not.toBe('');
    expect(record['u_ended_at']).not.toBe('');
  });

  it('shows a refused write in the popup with its reason; Retry now saves it once', async () => {
    await stack.servicenow.control.denyTable('interaction');
    const popup = await stack.ext.openPage('src/popup/popup.html');
    await popup.setViewportSize({ width: 360, height: 600 });
    try {
      const id = await declineNew();
      const item = popup.locator(`.records li[data-conversation-id="${id}"]`);
      await item.waitFor({ timeout: 20_000 });
      await expect.poll(() => item.getAttribute('data-status'), { timeout: 15_000 }).toBe('failed');
      expect(await item.textContent()).toContain(
        'ServiceNow refused: no permission to write interactions (403)',
      );
      expect(await records(id)).toHaveLength(0);
      expect(await seriousViolations(popup)).toEqual([]);
      await screenshot(popup, 'popup-records.png');
      await stack.servicenow.control.clearFaults();
      // Keyboard: the button is reachable and labelled by the section's heading.
      const retry = popup.getByRole('button', { name: 'Retry now' });
      await retry.focus();
      await popup.keyboard.press('Enter');
      await oneRecord(id, (r) => r['u_outcome'] === 'declined');
      await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);
    } finally {
      await stack.servicenow.control.clearFaults();
      await popup.close();
    }
  });

  it('ends with one record when the worker is killed in the middle of a write', async () => {
    await stack.servicenow.control.setLatency(2500); // the find-by-conversation GET is slow
    try {
      const id = await declineNew();
      await expect
        .poll(
          async () =>
            (await stack.servicenow.control.requests({ table: 'interaction' })).requests.some(
              (r) => r.method === 'GET' && r.status === 0,
            ),
          { timeout: 15_000 },
        )
        .toBe(true);
      await killServiceWorker(stack.ext.context, stack.ext.extensionId);
      await page.reload(); // the tab wakes the worker, which resumes from storage
      await oneRecord(id, (r) => r['u_outcome'] === 'declined');
    } finally {
      await stack.servicenow.control.setLatency(300);
    }
  });

  it('measures: the worker cannot write with the agent session (the tab does)', async () => {
    // The page's own token, so only the session cookie can make the difference.
    const token = await page.evaluate(() => String(Reflect.get(window, 'g_ck')));
    const probe = await stack.ext.worker.evaluate(
      async ([origin, userToken]) => {
        const headers = { 'Content-Type': 'application/json', 'X-UserToken': userToken };
        const url = `${origin}/api/now/table/interaction`;
        const get = await fetch(`${url}?sysparm_limit=1`, { credentials: 'include', headers });
        const post = await fetch(url, {
          method: 'POST',
          credentials: 'include',
          headers,
          body: '{}',
        });
        return { get: get.status, post: post.status };
      },
      [SERVICENOW_ORIGIN, token] as const,
    );
    console.info('worker fetch to the instance', probe);
    expect(probe.post).not.toBe(201);
  });
});
