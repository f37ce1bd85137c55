/**
 * Click-to-dial in real Chromium against the ServiceNow stand-in: phone numbers in Workspace lists
 * and records get a dial button, Workspace navigation keeps exactly one Switchboard UI and one
 * button per number, and a click sends call.command {type: 'dial'} that the worker accepts and
 * forwards to the offscreen document, whose answer the page shows.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SEED_NUMBERS,
  navigateInWorkspace,
  openWorkspace,
  startServiceNowRig,
  switchboard,
  type ServiceNowRig,
} from '../support/servicenow';

let rig: ServiceNowRig;
let page: Page;

beforeAll(async () => {
  rig = await startServiceNowRig();
  page = await rig.ext.context.newPage();
  await openWorkspace(page, '/list/customer_contact');
});

afterAll(async () => {
  await rig.close();
});

const jane = SEED_NUMBERS.singleMatch;

describe('click-to-dial', () => {
  it('puts a labelled dial button after the phone numbers of a list', async () => {
    const button = page.locator(`tr[data-sys-id="${jane.sysId}"] switchboard-dial`);
    await expect.poll(() => button.count(), { timeout: 10_000 }).toBe(1);
    // Record numbers and sys_ids never get one: every button follows a phone cell.
    const outsidePhoneCells = await page.evaluate(
      () =>
        [...document.querySelectorAll('switchboard-dial')].filter((b) => !b.closest('td.sn-phone'))
          .length,
    );
    expect(outsidePhoneCells).toBe(0);
  });

  it('sends the dial command through the worker to the softphone and shows its answer', async () => {
    await page.locator(`tr[data-sys-id="${jane.sysId}"] switchboard-dial`).click();
    const notice = switchboard.notice(page);
    await expect.poll(() => notice.getAttribute('data-code'), { timeout: 10_000 }).toBeTruthy();
    const code = (await notice.getAttribute('data-code')) ?? '';
    // The worker accepted the message (no protocol refusal); the offscreen document answered.
    expect(code).not.toMatch(/^protocol\./);
    expect(await notice.textContent()).toContain(jane.e164);
  });

  it('keeps one UI and one button per number across Workspace navigation', async () => {
    await navigateInWorkspace(page, `/record/customer_contact/${jane.sysId}`);
    await expect
      .poll(() => page.locator('#sn-highlights switchboard-dial').count(), { timeout: 10_000 })
      .toBe(1);
    await expect
      .poll(() => page.locator('#sn-form switchboard-dial').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await navigateInWorkspace(page, '/list/customer_contact');
    await navigateInWorkspace(page, `/record/customer_contact/${jane.sysId}`);
    await expect
      .poll(() => page.locator('#sn-highlights switchboard-dial').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await switchboard.hosts(page)).toBe(1);
    expect(
      Number(await page.evaluate(() => document.documentElement.dataset['snNavigations'])),
    ).toBe(3);
  });

  it('leaves the field the agent is typing in alone', async () => {
    const input = page.locator('#sn-field-phone');
    await input.click();
    await input.fill('+1 415 555 0199');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sn-field-phone');
  });
});
