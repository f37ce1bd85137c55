/**
 * Malformed, duplicated and out-of-order conversation notifications from the platform (the Genesys
 * emulator injects them raw on the agent's conversations topic): the softphone ignores them, says
 * so in its log, the call in the snapshot stays as it really is (no second call, no state going
 * back, the caller's number intact, audio both ways), and the next real call works.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import type { EventFaultKind } from '../../emulators/genesys/control-client';
import { snapshot, startSignedIn, waitForCall, type Stack } from '../support/stack';
import {
  audioBothWays,
  callState,
  command,
  diagnostics,
  printOffscreenLog,
} from './softphone.helpers';

let stack: Stack;

beforeAll(async () => {
  stack = await startSignedIn();
});

beforeEach(() => {
  const since = Date.now();
  onTestFailed(() => printOffscreenLog(stack, since));
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

interface LogLine {
  t: number;
  level: string;
  msg: string;
  data?: unknown;
}

const warningsSince = async (since: number) =>
  (await diagnostics<LogLine[]>(stack.ext, 'logs()')).filter(
    (l) => l.t >= since && l.level === 'warn',
  );

async function inject(cid: string, kind: EventFaultKind): Promise<void> {
  const { sent } = await stack.genesys.control.injectEvent(cid, kind);
  expect(sent, `${kind} delivered to the agent's channel`).toBeGreaterThan(0);
}

async function answeredCall(from: string): Promise<string> {
  const { conversationId } = await stack.genesys.control.placeCall({ to: 'agent1', from });
  await waitForCall(stack, conversationId, 'alerting');
  await command(stack, { type: 'answer', conversationId });
  await waitForCall(stack, conversationId, 'connected');
  return conversationId;
}

describe('hostile conversation events', () => {
  it('malformed, duplicated and stale events leave a live call as it is, with a warning', async () => {
    const cid = await answeredCall('+14155550123');
    await audioBothWays(stack, cid);
    const since = Date.now();
    // The platform sent "alerting" then "connected": the stale one is the alert.
    for (const kind of ['malformed-json', 'duplicate', 'out-of-order'] as const) {
      await inject(cid, kind);
    }
    // Notifications still arrive after an unreadable one: mute and unmute show up in the snapshot.
    for (const muted of [true, false]) {
      await command(stack, { type: 'mute', conversationId: cid, muted });
      await expect
        .poll(async () => (await callState(stack, cid))?.muted, { timeout: 10_000 })
        .toBe(muted);
    }
    await inject(cid, 'malformed-shape');
    // Each injected event reaches the softphone within a second; give it time to (mis)behave.
    await new Promise((r) => setTimeout(r, 2_000));
    const now = await snapshot(stack);
    expect(now?.connection.state).toBe('connected');
    expect(now?.calls.filter((c) => c.conversationId === cid)).toHaveLength(1);
    expect(await callState(stack, cid)).toMatchObject({ state: 'connected', muted: false });
    const call = (await snapshot(stack))?.calls.find((c) => c.conversationId === cid) as
      { remote?: { number?: string } } | undefined;
    expect(call?.remote?.number).toContain('4155550123');
    await audioBothWays(stack, cid);

    const warned = await warningsSince(since);
    const ignored = warned
      .map((l) => l.msg)
      .filter((m) => m.includes('conversation event ignored'));
    expect(ignored, `warnings: ${JSON.stringify(warned.map((l) => l.msg))}`).toEqual([
      'conversation event ignored: malformed',
      `conversation event ignored: out-of-order on ${cid}`,
      'conversation event ignored: malformed',
    ]);

    await command(stack, { type: 'hangup', conversationId: cid });
    await waitForCall(stack, cid, 'ended');
    // A stale "connected" event after the end does not bring the call back.
    await inject(cid, 'out-of-order');
    await inject(cid, 'duplicate');
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await callState(stack, cid))?.state).toBe('ended');
    expect((await stack.genesys.control.call(cid)).endTime).toBeDefined();
  });

  it('the next real call rings, connects with audio both ways and ends', async () => {
    const next = await answeredCall('+14155550124');
    await audioBothWays(stack, next);
    await command(stack, { type: 'hangup', conversationId: next });
    await waitForCall(stack, next, 'ended');
    expect((await snapshot(stack))?.connection.state).toBe('connected');
  });
});
