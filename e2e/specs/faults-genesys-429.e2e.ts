/**
 * A 429 storm from the Genesys Platform API (every /api/v2 request answered 429 with Retry-After
 * for a while) during a queue call: the softphone stays connected and says so (signalling is not
 * REST), nothing is lost — the interaction record's ids still reach the conversation's participant
 * attributes before the call ends, and the presence change the agent asked for during the storm
 * is applied after it — and nothing hammers the platform: every endpoint is asked at most about
 * once per Retry-After. The request counts are printed as measurements.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { SEED_NUMBERS, openWorkspace, switchboard } from '../support/servicenow';
import { snapshot, startSignedIn, waitForCall, type Stack } from '../support/stack';
import { audioBothWays, callState, command, measure, printOffscreenLog } from './softphone.helpers';

const STORM_S = 20;
const RETRY_AFTER_S = 4;
/** Requests one endpoint may get in the storm: one per Retry-After per operation, with slack. */
const PER_ENDPOINT_MAX = 2 * (Math.ceil(STORM_S / RETRY_AFTER_S) + 1);

let stack: Stack;
let page: Page;
let popup: Page;
const jane = SEED_NUMBERS.singleMatch;

beforeAll(async () => {
  stack = await startSignedIn({ lookupLatencyMs: 300 });
  page = await stack.ext.context.newPage();
  await openWorkspace(page, '/home');
  popup = await stack.ext.openPage('src/popup/popup.html');
  await popup.locator('#presence-status', { hasText: 'Available' }).waitFor({ timeout: 10_000 });
});

beforeEach(() => {
  const since = Date.now();
  onTestFailed(() => printOffscreenLog(stack, since));
});

afterAll(async () => {
  await stack.genesys.control.clearFaults().catch(() => undefined);
  await (stack as Stack | undefined)?.close();
});

describe('429 storm from Genesys Cloud', () => {
  it('backs off per Retry-After, loses nothing, and stays honest', async () => {
    await stack.genesys.control.clearRequests();
    const stormStart = Date.now();
    await stack.genesys.control.restFault({
      status: 429,
      seconds: STORM_S,
      retryAfterSec: RETRY_AFTER_S,
    });
    const stormEnd = stormStart + STORM_S * 1_000;

    const { conversationId: id } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: jane.e164,
      fromName: jane.name,
      queue: 'Support',
    });
    await switchboard.card(page, id).locator('[data-action=answer]').click({ timeout: 15_000 });
    await waitForCall(stack, id, 'connected');
    await audioBothWays(stack, id);
    // The agent goes on queue in the middle of the storm.
    await popup.locator('#presence-select').selectOption('On Queue');
    // A mute during the storm: refused or done, the call shows what the platform has.
    const mute = await stack.toWorker('call.command', {
      type: 'mute',
      conversationId: id,
      muted: true,
    });
    measure(
      '429 storm: mute during the storm answered',
      mute.ok ? 'ok' : (mute.error?.code ?? '?'),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await callState(stack, id))?.muted).toBe((await stack.genesys.control.call(id)).muted);

    // Honest while it lasts: connected (signalling is fine), the status not claimed before it is set.
    while (Date.now() < stormEnd - 2_000) {
      expect((await snapshot(stack))?.connection.state).toBe('connected');
      const changes = await stack.genesys.control.presenceChanges();
      expect(changes.filter((c) => c.by === undefined && c.kind === 'presence')).toEqual([]);
      await new Promise((r) => setTimeout(r, 2_000));
    }

    // Nothing lost: the attributes arrive while the call is live, the status change lands.
    await expect
      .poll(
        async () =>
          (await stack.genesys.control.call(id)).attributes['sn_interaction_number'] ?? '',
        {
          timeout: 40_000,
        },
      )
      .toMatch(/^INT/);
    expect((await stack.genesys.control.call(id)).endTime).toBeUndefined();
    await expect
      .poll(() => popup.locator('#presence-status').textContent(), { timeout: 30_000 })
      .toBe('On Queue');
    await audioBothWays(stack, id);
    expect((await snapshot(stack))?.connection.state).toBe('connected');
    // Call control works again: unmuted on the platform and in the snapshot alike.
    await command(stack, { type: 'mute', conversationId: id, muted: false });
    await expect
      .poll(async () => (await stack.genesys.control.call(id)).muted, { timeout: 10_000 })
      .toBe(false);
    await expect
      .poll(async () => (await callState(stack, id))?.muted, { timeout: 10_000 })
      .toBe(false);

    // No storm from us: per endpoint, about one request per Retry-After.
    const { entries } = await stack.genesys.control.requests(stormStart);
    const during = entries.filter((e) => e.kind === 'rest' && e.t <= stormEnd);
    const counts: Record<string, number> = {};
    for (const e of during) {
      const key = `${e.method} ${e.path}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    measure('429 storm: requests per endpoint during the storm', counts);
    expect(during.filter((e) => e.status === 429).length).toBeGreaterThan(0);
    for (const [endpoint, count] of Object.entries(counts)) {
      expect(count, endpoint).toBeLessThanOrEqual(PER_ENDPOINT_MAX);
    }

    await stack.genesys.control.hangUp(id);
    await waitForCall(stack, id, 'ended');
  });
});
