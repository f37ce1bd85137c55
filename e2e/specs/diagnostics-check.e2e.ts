/**
 * The connectivity check in real Chromium against the Genesys emulator and real TURN servers
 * (coturn): a healthy path with audio measured on the echo test number, then one injected fault at
 * a time, each named by its layer — WebSocket refused, XMPP pings unanswered, added latency, a
 * TURN relay refusing permissions (403) and UDP blocked (relay over TCP only).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECHO_NUMBER } from '../../emulators/genesys/calls/echo';
import { startSignedIn, waitForConnection, type Stack } from '../support/stack';
import { discover, runCheck, startTurn, type TurnServer } from './diagnostics.helpers';

let stack: Stack;
let page: Page;
const turns: Partial<Record<TurnServer['mode'], TurnServer>> = {};

beforeAll(async () => {
  const [healthy, denied, tcpOnly] = await Promise.all([
    startTurn('healthy'),
    startTurn('deny-peers'),
    startTurn('tcp-only'),
  ]);
  Object.assign(turns, { healthy, 'deny-peers': denied, 'tcp-only': tcpOnly });
  stack = await startSignedIn();
  await discover(stack, healthy);
  page = await stack.ext.openPage('src/diagnostics/diagnostics.html');
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
  await Promise.all(Object.values(turns).map((t) => t.close()));
});

const turn = (mode: TurnServer['mode']) => {
  const found = turns[mode];
  if (!found) {
    throw new Error(`no ${mode} TURN server`);
  }
  return found;
};

describe('connectivity check', () => {
  it('passes every layer on a healthy path, measuring audio on a test call to the echo', async () => {
    const verdict = await runCheck(page, ECHO_NUMBER);
    expect(verdict.steps).toEqual({
      'dns-tls': 'ok',
      websocket: 'ok',
      'ice-servers': 'ok',
      stun: 'ok',
      turn: 'ok',
      media: 'ok',
    });
    expect(verdict.kind).toBe('all-good');
    expect(await page.locator('[data-media]').getAttribute('data-media')).toBe('test-call');
    expect(await page.locator('[data-step="media"]').textContent()).toMatch(/packets in/);
    // The test call was hung up again.
    await stack.genesys.control.waitFor('echo call ended', async () =>
      (await stack.genesys.control.calls()).every((c) => c.endTime !== undefined),
    );
  });

  it('names the network layer when WebSocket upgrades are refused', async () => {
    await stack.genesys.control.refuseUpgrades(60);
    try {
      const verdict = await runCheck(page);
      expect(verdict).toMatchObject({
        kind: 'websocket-blocked',
        layer: 'network',
        severity: 'error',
      });
      expect(verdict.steps).toMatchObject({
        'dns-tls': 'ok',
        websocket: 'failed',
        'ice-servers': 'skipped',
      });
      expect(verdict.text).toMatch(/refused or reset/);
    } finally {
      await stack.genesys.control.restore();
    }
  });

  it('names the signalling layer when the socket opens but XMPP pings go unanswered', async () => {
    await stack.genesys.control.blackhole(60, 'open');
    try {
      const verdict = await runCheck(page);
      expect(verdict).toMatchObject({ kind: 'signalling-timeout', layer: 'signalling' });
      expect(verdict.text).toMatch(/WebSocket opened in \d+ ms but the XMPP ping got no answer/);
    } finally {
      await stack.genesys.control.restore();
    }
    await waitForConnection(stack, 'connected', 60_000);
  });

  it('advises the High-latency profile when signalling is slow', async () => {
    await stack.genesys.control.latency({ wsMs: 400 });
    try {
      const verdict = await runCheck(page);
      expect(verdict.kind).toBe('high-latency');
      expect(verdict.layer).toBe('network');
      expect(verdict.text).toMatch(/XMPP ping \d{3,} ms/);
      expect(verdict.text).toMatch(/High-latency network profile/);
    } finally {
      await stack.genesys.control.latency({ wsMs: 0 });
    }
  });

  it('names the TURN layer when the relay refuses permissions (403)', async () => {
    await discover(stack, turn('deny-peers'));
    const verdict = await runCheck(page);
    expect(verdict).toMatchObject({ kind: 'turn-permission-refused', layer: 'turn' });
    expect(verdict.steps).toMatchObject({ stun: 'ok', turn: 'failed' });
    expect(verdict.text).toMatch(/TURN error codes: 403/);
  });

  it('says UDP is blocked when only the relay over TCP works', async () => {
    await discover(stack, turn('tcp-only'));
    const verdict = await runCheck(page);
    expect(verdict).toMatchObject({ kind: 'udp-blocked', layer: 'ice', severity: 'warning' });
    expect(verdict.steps).toMatchObject({ stun: 'failed', turn: 'ok' });
    expect(verdict.text).toMatch(/relay allocated over TCP/);
  });
});
