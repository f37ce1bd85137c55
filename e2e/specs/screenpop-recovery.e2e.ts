/**
 * The screen pop when things around it move: a tab opened mid-call shows the call at once, a
 * service worker killed between the alert and the pop still lets the pop happen, and a
 * click-to-dial places a real outbound call whose pop opens the record it was dialled from.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killServiceWorker } from '../support/extension';
import {
  SEED_NUMBERS,
  callView,
  openWorkspace,
  placeInbound,
  switchboard,
} from '../support/servicenow';
import { startSignedIn, type Stack } from '../support/stack';

let stack: Stack;
let page: Page;
const jane = SEED_NUMBERS.singleMatch;
const path = (p: Page) => new URL(p.url()).pathname;

async function hangUpAll(): Promise<void> {
  for (const call of await stack.genesys.control.calls()) {
    if (!call.endTime) {
      await stack.genesys.control.hangUp(call.conversationId).catch(() => undefined);
    }
  }
  await expect
    .poll(async () => (await stack.genesys.control.calls()).filter((c) => !c.endTime).length, {
      timeout: 15_000,
    })
    .toBe(0);
}

beforeAll(async () => {
  stack = await startSignedIn({ lookupLatencyMs: 1200 });
  page = await stack.ext.context.newPage();
});

afterAll(async () => {
  await stack.close();
});

describe('screen pop recovery', () => {
  it('shows the call in progress in a tab opened mid-call', async () => {
    await openWorkspace(page, '/home');
    const id = await placeInbound(stack, { from: jane.e164, fromName: jane.name });
    await switchboard.card(page, id).locator('[data-action=answer]').click({ timeout: 15_000 });
    await expect
      .poll(async () => (await callView(stack, id))?.state, { timeout: 15_000 })
      .toBe('connected');
    const late = await stack.ext.context.newPage();
    await openWorkspace(late, '/list/incident');
    const card = switchboard.card(late, id);
    await expect.poll(() => card.getAttribute('data-state'), { timeout: 10_000 }).toBe('connected');
    expect(await card.locator('.sb-caller').textContent()).toBe(jane.name);
    await late.close();
    await hangUpAll();
  });

  it('still pops when the service worker is killed between the alert and the pop', async () => {
    await openWorkspace(page, '/home');
    const id = await placeInbound(stack, { from: jane.e164, fromName: jane.name });
    const answer = switchboard.card(page, id).locator('[data-action=answer]');
    await answer.waitFor({ timeout: 15_000 });
    await killServiceWorker(stack.ext.context, stack.ext.extensionId);
    await answer.click();
    await expect
      .poll(() => path(page), { timeout: 20_000 })
      .toBe(`/now/workspace/agent/record/customer_contact/${jane.sysId}`);
    await hangUpAll();
  });

  it('places a real call from a phone number and pops the record it was dialled from', async () => {
    const pat = SEED_NUMBERS.duplicateMatch; // two contacts: a lookup alone could not decide
    await openWorkspace(page, '/list/customer_contact');
    await page
      .locator(`tr[data-sys-id="${pat.sysIds[0]}"] switchboard-dial`)
      .click({ timeout: 10_000 });
    await expect
      .poll(
        async () =>
          (await stack.genesys.control.calls()).find(
            (c) => c.direction === 'outbound' && !c.endTime,
          )?.customer ?? '',
        { timeout: 15_000 },
      )
      .toContain('3125550188');
    await expect
      .poll(() => path(page), { timeout: 15_000 })
      .toBe(`/now/workspace/agent/record/customer_contact/${pat.sysIds[0]}`);
    expect(await switchboard.card(page).count()).toBe(1);
    await hangUpAll();
  });
});
