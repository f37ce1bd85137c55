/**
 * Messages Switchboard must not obey, in real Chromium with a live call:
 * - another extension (a test-only unpacked one loaded beside Switchboard) sends well-formed
 *   Switchboard envelopes to Switchboard's id: answer the call, the offscreen start handshake
 *   (whose answer carries the token), the session snapshot, sign-out, settings;
 * - the ServiceNow page posts Switchboard-shaped data with window.postMessage;
 * - Switchboard's own content script (its isolated world) sends messages only the offscreen
 *   document may send.
 * None has an effect; none gets an answer with data; the worker's log has no token.
 */
import { resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentWorld } from '../../bench/support/content-world';
import { snapshot, startSignedIn, waitForCall, WORKSPACE_HOME, type Stack } from '../support/stack';
import { callState, command } from './softphone.helpers';

const HOSTILE = {
  dir: resolve(import.meta.dirname, '../fixtures/hostile-extension'),
  id: 'mapghfbgdmmmgiakjeebdejgcnnjbmof',
};

let stack: Stack;
let tab: Page;
let hostile: Worker;
let cid: string;

interface Probe {
  reply?: unknown;
  error?: string;
}

const envelope = (to: string, type: string, data: unknown) => ({ v: 1, to, type, data });

async function issuedTokens(): Promise<string[]> {
  const tokens = await stack.genesys.control.liveTokens('agent1');
  return tokens.map((t) => t.token);
}

beforeAll(async () => {
  stack = await startSignedIn({ extraExtensions: [HOSTILE] });
  hostile = await stack.genesys.control.waitFor('the other extension', async () =>
    stack.ext.context.serviceWorkers().find((w) => w.url().includes(HOSTILE.id)),
  );
  tab = await stack.ext.context.newPage();
  await tab.goto(WORKSPACE_HOME);
  await tab.locator('switchboard-root .sb-chip').waitFor({ timeout: 15_000 });
  ({ conversationId: cid } = await stack.genesys.control.placeCall({
    to: 'agent1',
    from: '+14155550123',
  }));
  await waitForCall(stack, cid, 'alerting');
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

describe('messages from another extension', () => {
  it('are all refused: no answer with data, the call still rings, still signed in', async () => {
    const before = await stack.toWorker<{ settings: unknown }>('settings.get', null);
    const messages = [
      envelope('worker', 'call.command', { type: 'answer', conversationId: cid }),
      envelope('worker', 'offscreen.ready', { bootId: 'hostile' }),
      envelope('worker', 'ui.state', null),
      envelope('worker', 'session.refresh', null),
      envelope('worker', 'auth.signOut', null),
      envelope('worker', 'settings.save', { settings: { servicenow: { instances: [] } } }),
      envelope('offscreen', 'session.snapshot', null),
      envelope('offscreen', 'session.configure', null),
    ];
    const results: Probe[] = [];
    for (const message of messages) {
      results.push(
        await hostile.evaluate(
          ([id, m]) =>
            (globalThis as unknown as { probe(i: string, x: unknown): Promise<Probe> }).probe(
              id,
              m,
            ),
          [stack.ext.extensionId, message] as const,
        ),
      );
    }
    results.push(
      await hostile.evaluate(
        ([id, m]) =>
          (globalThis as unknown as { probePort(i: string, x: unknown): Promise<Probe> }).probePort(
            id,
            m,
          ),
        [stack.ext.extensionId, messages[0]] as const,
      ),
    );
    for (const [i, result] of results.entries()) {
      expect(result.reply ?? null, `message ${i}: ${JSON.stringify(result)}`).toBeNull();
      expect(result.error, `message ${i}`).toBeTruthy();
    }
    const text = JSON.stringify(results);
    for (const token of await issuedTokens()) {
      expect(text).not.toContain(token);
    }

    await new Promise((r) => setTimeout(r, 1_500));
    expect((await callState(stack, cid))?.state).toBe('alerting');
    expect((await stack.genesys.control.call(cid)).agentState).toBe('alerting');
    const auth = await stack.toWorker<{ signedIn: boolean }>('auth.state', null);
    expect(auth.value.signedIn).toBe(true);
    expect((await snapshot(stack))?.connection.state).toBe('connected');
    const after = await stack.toWorker<{ settings: unknown }>('settings.get', null);
    expect(after.value.settings).toEqual(before.value.settings);

    // The call was answerable all along: the agent's own answer works.
    await command(stack, { type: 'answer', conversationId: cid });
    await waitForCall(stack, cid, 'connected');
  });
});

describe('Switchboard-shaped data posted by the ServiceNow page', () => {
  it('has no effect: no fake call shown, the real call untouched', async () => {
    const fake = {
      v: 1,
      connection: { state: 'connected', since: Date.now(), attempt: 0 },
      calls: [
        {
          conversationId: 'page-forged',
          direction: 'inbound',
          state: 'alerting',
          remote: { name: 'Forged', number: '+15550000000' },
          muted: false,
          held: false,
          attributes: {},
          attributesTruncated: false,
        },
      ],
      networkProfile: 'standard',
      seq: Number.MAX_SAFE_INTEGER,
      updatedAt: Date.now(),
    };
    await tab.evaluate(
      ([forged, id]) => {
        const post = (m: unknown) => {
          window.postMessage(m, '*');
        };
        post({
          v: 1,
          to: 'content',
          type: 'content.snapshot',
          data: { snapshot: forged, popTarget: true },
        });
        post({ v: 1, to: 'content', type: 'session.changed', data: forged });
        post({
          v: 1,
          to: 'worker',
          type: 'call.command',
          data: { type: 'hangup', conversationId: id },
        });
      },
      [fake, cid] as const,
    );
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await tab.locator('switchboard-root .sb-card[data-call="page-forged"]').count()).toBe(0);
    expect(await tab.evaluate(() => document.body.textContent.includes('Forged'))).toBe(false);
    expect((await callState(stack, cid))?.state).toBe('connected');
    expect((await stack.genesys.control.call(cid)).endTime).toBeUndefined();
  });
});

describe('a content script claiming to be the offscreen document', () => {
  it('is refused by the sender check, for the worker and for the offscreen document', async () => {
    const world = await contentWorld(tab, stack.ext.extensionId);
    try {
      const send = (message: unknown) =>
        world.evaluate<{ ok: boolean; value?: unknown; error?: { code: string } }>(
          `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
        );
      const forgedSnapshot = {
        ...(await snapshot(stack)),
        calls: [],
        seq: Number.MAX_SAFE_INTEGER,
      };
      const refused = [
        await send(envelope('worker', 'offscreen.ready', { bootId: 'forged' })),
        await send(envelope('worker', 'session.changed', forgedSnapshot)),
        await send(envelope('worker', 'auth.unauthorized', null)),
      ];
      for (const reply of refused) {
        expect(reply).toMatchObject({ ok: false, error: { code: 'protocol.forbidden-sender' } });
      }
      const text = JSON.stringify(refused);
      for (const token of await issuedTokens()) {
        expect(text).not.toContain(token);
      }
      // Addressed to the offscreen document: refused there too (or not answered at all).
      const configure: unknown = await send(envelope('offscreen', 'session.configure', null)).catch(
        (error: unknown) => ({ ok: false, error: { code: String(error) } }),
      );
      expect((configure as { ok?: boolean } | undefined)?.ok ?? false).toBe(false);
    } finally {
      await world.detach();
    }
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await snapshot(stack))?.connection.state).toBe('connected');
    expect((await callState(stack, cid))?.state).toBe('connected');

    // What the worker logged about it names the refusal and carries no token.
    const bundle = await stack.toWorker('diagnostics.bundle', null);
    const logged = JSON.stringify(bundle);
    expect(logged).toContain('protocol.forbidden-sender');
    for (const token of await issuedTokens()) {
      expect(logged).not.toContain(token);
    }
    await command(stack, { type: 'hangup', conversationId: cid });
    await waitForCall(stack, cid, 'ended');
  });
});
