/**
 * Switchboard runs in ServiceNow pages of the configured instances only. With
 * https://acme.service-now.com configured, the same ServiceNow pages served as
 * https://other.service-now.com (inside the manifest's static match, not configured) and as
 * https://evil.example.com (outside it; no host permission) get no Switchboard: no shadow host,
 * no click-to-dial buttons, no call shown while a call rings — and evil.example.com not even a
 * content-script world. The configured instance gets all of it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWorld } from '../../bench/support/content-world';
import { SEED_NUMBERS, switchboard } from '../support/servicenow';
import { startSignedIn, waitForCall, type Stack } from '../support/stack';
import { command } from './softphone.helpers';

const ROUTE = '/now/workspace/agent/home';
const CONFIGURED = `https://acme.service-now.com${ROUTE}`;
const OTHER_INSTANCE = `https://other.service-now.com${ROUTE}`;
const NOT_SERVICENOW = `https://evil.example.com${ROUTE}`;

let stack: Stack;
const pages: Record<string, Page> = {};

async function open(url: string): Promise<Page> {
  const page = await stack.ext.context.newPage();
  await page.goto(url);
  await page.locator('#sn-main[data-sn-state=ready]').waitFor({ timeout: 15_000 });
  return page;
}

beforeAll(async () => {
  stack = await startSignedIn({ otherHosts: ['evil.example.com'] });
  pages['configured'] = await open(CONFIGURED);
  pages['other'] = await open(OTHER_INSTANCE);
  pages['evil'] = await open(NOT_SERVICENOW);
  await switchboard.layer(pages['configured']).waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

const page = (name: string): Page => {
  const found = pages[name];
  if (!found) {
    throw new Error(`no page ${name}`);
  }
  return found;
};

describe('content scripts only on configured hosts', () => {
  it('the configured instance gets the UI and click-to-dial', async () => {
    expect(await switchboard.hosts(page('configured'))).toBe(1);
    await expect
      .poll(() => switchboard.dialButtons(page('configured')).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
  });

  it('another *.service-now.com instance and a non-ServiceNow host get nothing', async () => {
    // Give the other pages as long as the configured one needed, and more.
    await new Promise((r) => setTimeout(r, 3_000));
    for (const name of ['other', 'evil']) {
      expect(await switchboard.hosts(page(name)), name).toBe(0);
      expect(await switchboard.dialButtons(page(name)).count(), name).toBe(0);
    }
    await expect(contentWorld(page('evil'), stack.ext.extensionId)).rejects.toThrow(
      /no content-script world/,
    );
  });

  it('a ringing call shows on the configured instance only', async () => {
    const jane = SEED_NUMBERS.singleMatch;
    const { conversationId } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: jane.e164,
      fromName: jane.name,
    });
    await waitForCall(stack, conversationId, 'alerting');
    await switchboard.card(page('configured'), conversationId).waitFor({ timeout: 15_000 });
    for (const name of ['other', 'evil']) {
      expect(await switchboard.hosts(page(name)), name).toBe(0);
      expect(
        await page(name).evaluate(() => document.body.innerText.includes('Switchboard')),
        name,
      ).toBe(false);
    }
    await command(stack, { type: 'decline', conversationId });
    await waitForCall(stack, conversationId, 'declined');
  });
});
