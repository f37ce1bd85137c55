/**
 * Call quality and the support bundle in real Chromium: a call with 20 % injected packet loss shows
 * the loss and a lowered MOS in the diagnostics page (with a warning) and in the snapshot; the
 * check measures audio on that live call; the downloaded bundle holds what support needs and
 * neither the access token (read from the emulator) nor the caller's number.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, seriousViolations } from '../support/a11y';
import { snapshot, startSignedIn, waitForCall, type Stack } from '../support/stack';
import { discover, runCheck, startTurn, type TurnServer } from './diagnostics.helpers';

const CALLER = '+14155550123';

let stack: Stack;
let page: Page;
let turn: TurnServer;
let conversationId: string;

interface QualityLike {
  mos: number | null;
  lossPct: number | null;
  warning: string | null;
  path: string | null;
}

beforeAll(async () => {
  turn = await startTurn('healthy');
  stack = await startSignedIn();
  await discover(stack, turn);
  page = await stack.ext.openPage('src/diagnostics/diagnostics.html');
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
  await (turn as TurnServer | undefined)?.close();
});

describe('diagnostics during a call', () => {
  it('is linked from the options page and the popup', async () => {
    const href = '/src/diagnostics/diagnostics.html';
    expect(await stack.ui.locator(`a[href="${href}"]`).count()).toBe(1);
    const popup = await stack.ext.openPage('src/popup/popup.html');
    expect(await popup.locator(`a[href="${href}"]`).count()).toBe(1);
    await popup.close();
  });

  it('shows the injected loss and a lowered MOS, with a warning', async () => {
    ({ conversationId } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: CALLER,
      fromName: 'Ada Lovelace',
      queue: 'Support',
      packetLossPercent: 20,
    }));
    await waitForCall(stack, conversationId, 'alerting');
    const answered = await stack.toWorker('call.command', { type: 'answer', conversationId });
    expect(answered.ok).toBe(true);
    await waitForCall(stack, conversationId, 'connected');
    const card = page.locator(`[data-call="${conversationId}"]`);
    await card.locator('[role="alert"]').waitFor({ timeout: 30_000 });
    expect(Number(await card.getAttribute('data-loss'))).toBeGreaterThanOrEqual(5);
    expect(Number(await card.getAttribute('data-mos'))).toBeLessThan(4);
    expect(await card.locator('[role="alert"]').textContent()).toMatch(/packets are being lost/);
    expect(await card.locator('svg polyline').count()).toBe(1);
  });

  it('publishes a quality summary in the snapshot', async () => {
    const quality = await stack.genesys.control.waitFor(
      'quality in the snapshot',
      async () => {
        const s = (await snapshot(stack)) as {
          calls: { conversationId: string; quality?: QualityLike }[];
        } | null;
        const q = s?.calls.find((c) => c.conversationId === conversationId)?.quality;
        return q?.warning === 'loss' ? q : null;
      },
      20_000,
    );
    expect(quality.lossPct).toBeGreaterThanOrEqual(5);
    expect(quality.mos).toBeLessThan(4);
    expect(quality.path).toBe('direct');
  });

  it('measures audio on the live call when the check runs during it', async () => {
    const verdict = await runCheck(page);
    expect(verdict.steps['media']).toBe('ok');
    expect(await page.locator('[data-media]').getAttribute('data-media')).toBe('live-call');
    expect(await page.locator('[data-step="media"]').textContent()).toMatch(/loss \d/);
  });

  it('has no serious or critical accessibility violations with a verdict and a call shown', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'diagnostics.png');
  });

  it('downloads a bundle with what support needs and without the token or the caller', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#download-bundle').click(),
    ]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    const bundle = JSON.parse(text) as Record<string, unknown> & {
      versions: Record<string, string>;
      timeline: { kind: string; state: string }[];
      stats: { calls: Record<string, unknown[]> };
      iceSelectedPair: Record<string, unknown>;
      connectivity: { verdict: { kind: string } };
      trace: unknown[];
    };
    expect(download.suggestedFilename()).toMatch(/^switchboard-support-.*\.json$/);
    expect(bundle.versions).toMatchObject({ extension: expect.any(String), sdk: '9.2.4' });
    expect(bundle.timeline.some((e) => e.kind === 'call' && e.state === 'connected')).toBe(true);
    expect(bundle.stats.calls[conversationId]?.length).toBeGreaterThan(2);
    expect(bundle.iceSelectedPair[conversationId]).toBeTruthy();
    expect(bundle.connectivity.verdict.kind).toBeTruthy();
    expect(bundle.trace.length).toBeGreaterThan(10);

    const tokens = await stack.genesys.control.liveTokens('agent1');
    const issued = tokens.filter((t) => t.source === 'oauth').map((t) => t.token);
    expect(issued.length).toBeGreaterThan(0);
    for (const token of issued) {
      expect(text).not.toContain(token);
    }
    expect(text.replace(/\D/g, '')).not.toContain(CALLER.replace(/\D/g, ''));
    await stack.toWorker('call.command', { type: 'hangup', conversationId });
  });
});
