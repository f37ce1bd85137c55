/**
 * The screen pop end to end: a real inbound call from the Genesys emulator reaches the softphone
 * in the offscreen document, the worker relays it to the ServiceNow tab, the agent answers in the
 * pop, and the caller lookup (the stand-in's Table API with the page's own session) opens the
 * record, offers a chooser or a prefilled interaction. Answering never waits for the lookup.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  SEED_NUMBERS,
  callView,
  lookupFinishedAt,
  openWorkspace,
  placeInbound,
  popViolations,
  setScreenPop,
  switchboard,
} from '../support/servicenow';
import { startSignedIn, type Stack } from '../support/stack';

const HOSTILE = '<img src=x onerror=alert(1)>';
let stack: Stack;
let page: Page;
const dialogs: string[] = [];

async function takeCall(call: Parameters<typeof placeInbound>[1]): Promise<string> {
  const id = await placeInbound(stack, call);
  const card = switchboard.card(page, id);
  try {
    await card.locator('[data-action=answer]').click({ timeout: 15_000 });
  } catch (error) {
    // Say where the call got stuck: the emulator, the softphone (worker view) or the page.
    const calls = JSON.stringify(await stack.genesys.control.calls());
    const seen = JSON.stringify(await callView(stack, id));
    throw new Error(`No answer button for ${id}; emulator: ${calls}; softphone: ${seen}`, {
      cause: error,
    });
  }
  return id;
}

async function endCall(id: string): Promise<void> {
  const hangUp = switchboard.card(page, id).locator('[data-action=hangup]');
  if ((await hangUp.count()) > 0) {
    await hangUp.click();
  }
  await expect
    .poll(async () => (await callView(stack, id))?.state ?? 'gone', { timeout: 15_000 })
    .not.toMatch(/alerting|connecting|connected/);
}

const popStatus = (id: string) => switchboard.card(page, id).locator('.sb-pop');
const path = () => new URL(page.url()).pathname;

beforeAll(async () => {
  stack = await startSignedIn({ lookupLatencyMs: 1200 });
  page = await stack.ext.context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await stack.close();
});

beforeEach(async () => {
  await stack.servicenow.control.clearRequests();
  await openWorkspace(page, '/home');
});

describe('screen pop', () => {
  it('pops the caller at once and connects the call before the 1.2 s lookup answers', async () => {
    const jane = SEED_NUMBERS.singleMatch;
    const id = await placeInbound(stack, { from: jane.e164, fromName: jane.name });
    const card = switchboard.card(page, id);
    await expect
      .poll(() => card.locator('.sb-caller').textContent(), { timeout: 15_000 })
      .toBe(jane.name);
    await page.evaluate(() => Reflect.set(window, 'documentMarker', 'same document'));
    await card.locator('[data-action=answer]').click();
    await expect
      .poll(path, { timeout: 15_000 })
      .toBe(`/now/workspace/agent/record/customer_contact/${jane.sysId}`);
    expect(await popStatus(id).getAttribute('data-pop')).toBe('opened');
    const media = (await callView(stack, id))?.mediaConnectedAt;
    const looked = await lookupFinishedAt(stack.servicenow, 'customer_contact');
    expect(media).toBeDefined();
    expect(looked).not.toBeNull();
    expect(media!).toBeLessThan(looked!);
    // A client-side route change: the Workspace did not reload, Switchboard is still mounted once.
    expect(await page.evaluate(() => Reflect.get(window, 'documentMarker'))).toBe('same document');
    await page.locator('#sn-main[data-sn-state=ready][data-sn-view=record]').waitFor();
    expect(await switchboard.hosts(page)).toBe(1);
    await endCall(id);
  });

  it('keeps the call connected while a 5 s lookup is still running', async () => {
    await stack.servicenow.control.setLatency(5000);
    await setScreenPop(stack, { budgetMs: 8000 });
    try {
      const jane = SEED_NUMBERS.singleMatch;
      const id = await takeCall({ from: jane.e164, fromName: jane.name });
      await expect
        .poll(async () => (await callView(stack, id))?.state, { timeout: 15_000 })
        .toBe('connected');
      expect(await popStatus(id).getAttribute('data-pop')).toMatch(/searching|slow/);
      await expect.poll(path, { timeout: 15_000 }).toContain(jane.sysId);
      const media = (await callView(stack, id))?.mediaConnectedAt;
      expect(media!).toBeLessThan((await lookupFinishedAt(stack.servicenow, 'customer_contact'))!);
      await endCall(id);
    } finally {
      await stack.servicenow.control.setLatency(1200);
      await setScreenPop(stack, { budgetMs: 3000 });
    }
  });

  it('offers a chooser when several contacts share the number', async () => {
    const dup = SEED_NUMBERS.duplicateMatch;
    const id = await takeCall({ from: dup.e164 });
    const choices = switchboard.card(page, id).locator('[data-action=choose]');
    await expect.poll(() => choices.count(), { timeout: 15_000 }).toBe(2);
    const labels = await choices.allTextContents();
    expect(labels.map((l) => l.replace(/customer_contact$/, '').trim()).sort()).toEqual(
      [...dup.names].sort(),
    );
    expect(path()).toBe('/now/workspace/agent/home');
    expect(await popViolations(page)).toEqual([]);
    await choices.filter({ hasText: dup.names[1] }).click();
    await expect
      .poll(path, { timeout: 10_000 })
      .toBe(`/now/workspace/agent/record/customer_contact/${dup.sysIds[1]}`);
    await endCall(id);
  });

  it('opens a new interaction prefilled with the caller when nobody matches', async () => {
    const id = await takeCall({ from: SEED_NUMBERS.noMatch.e164, fromName: 'New Caller' });
    await expect.poll(path, { timeout: 15_000 }).toBe('/now/workspace/agent/record/interaction/-1');
    const query = new URL(page.url()).searchParams.get('query') ?? '';
    expect(query).toContain(SEED_NUMBERS.noMatch.e164);
    expect(query).toContain('New Caller');
    expect(await popStatus(id).getAttribute('data-pop')).toBe('created');
    await endCall(id);
  });

  it('renders a hostile caller name and record name as text', async () => {
    const mallory = SEED_NUMBERS.htmlNameMatch;
    const id = await placeInbound(stack, { from: mallory.e164, fromName: HOSTILE });
    const card = switchboard.card(page, id);
    await expect
      .poll(() => card.locator('.sb-caller').textContent(), { timeout: 15_000 })
      .toBe(HOSTILE);
    await card.locator('[data-action=answer]').click();
    await expect.poll(path, { timeout: 15_000 }).toContain(mallory.sysId);
    expect(await popStatus(id).textContent()).toContain(mallory.name);
    const images = await page.evaluate(
      () => document.querySelector('switchboard-root')?.shadowRoot?.querySelectorAll('img').length,
    );
    expect(images).toBe(0);
    expect(dialogs).toEqual([]);
    await endCall(id);
  });

  it('marks 1 MB of attributes as truncated, and the call still connects', async () => {
    const attributes = Object.fromEntries(
      Array.from({ length: 1024 }, (_, i) => [`custom_${i}`, 'x'.repeat(1024)]),
    );
    const id = await takeCall({ from: SEED_NUMBERS.singleMatch.e164, attributes });
    await expect
      .poll(async () => (await callView(stack, id))?.state, { timeout: 15_000 })
      .toBe('connected');
    await expect.poll(() => switchboard.card(page, id).locator('[data-truncated]').count()).toBe(1);
    await endCall(id);
  });
});
