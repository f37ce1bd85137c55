/**
 * The softphone end to end: the built extension's offscreen supervisor against the Genesys
 * emulator, every call with real audio both ways (the far end's RTP counters and the softphone's
 * own getStats). Inbound call → answer → hold/unhold → mute/unmute → DTMF → hang up; an outbound
 * call; decline; auto-answer; and an answer after the queue withdrew the alert (missed).
 * One stack for the file; each case ends its call so the next starts from an idle agent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateInOffscreen } from '../support/extension';
import { configure, snapshot, startSignedIn, waitForCall, type Stack } from '../support/stack';
import { audioBothWays, callState, command, diagnostics, measure } from './softphone.helpers';

let stack: Stack;

beforeAll(async () => {
  const t0 = Date.now();
  stack = await startSignedIn();
  measure('sign-in to connected (ms)', Date.now() - t0);
  measure('softphone start (ms)', await diagnostics(stack.ext, 'metrics().lastStartMs'));
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

const ringing = () =>
  evaluateInOffscreen<string | undefined>(
    stack.ext,
    'document.getElementById("ringer")?.dataset.ringing',
  );

async function incoming(options: Record<string, unknown> = {}): Promise<string> {
  const { conversationId } = await stack.genesys.control.placeCall({
    to: 'agent1',
    from: '+14155550123',
    fromName: 'Ada Lovelace',
    queue: 'Support',
    ...options,
  });
  return conversationId;
}

async function ended(conversationId: string): Promise<void> {
  await stack.genesys.control.waitFor(
    `call ${conversationId} over on the platform`,
    async () => (await stack.genesys.control.call(conversationId)).endTime !== undefined,
  );
}

describe('softphone', () => {
  it('inbound: rings, answers with audio both ways, holds, mutes, sends digits, hangs up', async () => {
    const cid = await incoming();
    await waitForCall(stack, cid, 'alerting');
    await expect.poll(ringing, { timeout: 5_000 }).toBe('true');

    const answeredAt = Date.now();
    await command(stack, { type: 'answer', conversationId: cid });
    await waitForCall(stack, cid, 'connected');
    measure('answer → connected (ms)', Date.now() - answeredAt);
    expect(await ringing()).toBe('false');
    await audioBothWays(stack, cid);

    await command(stack, { type: 'hold', conversationId: cid, held: true });
    await stack.genesys.control.waitFor(
      'held',
      async () => (await stack.genesys.control.call(cid)).held,
    );
    await expect
      .poll(async () => (await callState(stack, cid))?.held, { timeout: 10_000 })
      .toBe(true);
    await expect
      .poll(async () => (await stack.genesys.control.media(cid)).agentShouldHear, {
        timeout: 10_000,
      })
      .toBe(false);
    await command(stack, { type: 'hold', conversationId: cid, held: false });
    await expect
      .poll(async () => (await callState(stack, cid))?.held, { timeout: 10_000 })
      .toBe(false);
    await audioBothWays(stack, cid);

    await command(stack, { type: 'mute', conversationId: cid, muted: true });
    await expect
      .poll(async () => (await callState(stack, cid))?.muted, { timeout: 10_000 })
      .toBe(true);
    await expect
      .poll(async () => (await stack.genesys.control.media(cid)).hearsAgent, { timeout: 10_000 })
      .toBe(false);
    await command(stack, { type: 'mute', conversationId: cid, muted: false });
    await expect
      .poll(async () => (await callState(stack, cid))?.muted, { timeout: 10_000 })
      .toBe(false);
    await expect
      .poll(async () => (await stack.genesys.control.media(cid)).hearsAgent, { timeout: 10_000 })
      .toBe(true);

    await command(stack, { type: 'dtmf', conversationId: cid, digits: '12#' });
    expect((await stack.genesys.control.call(cid)).dtmf.map((d) => d.digits)).toEqual(['12#']);

    await command(stack, { type: 'hangup', conversationId: cid });
    await waitForCall(stack, cid, 'ended');
    await ended(cid);
  });

  it('outbound: dials, connects with audio both ways, hangs up', async () => {
    await command(stack, { type: 'dial', number: '+14155550199' });
    const cid = await stack.genesys.control.waitFor(
      'an outbound call',
      async () => (await snapshot(stack))?.calls.find((c) => c.state !== 'ended')?.conversationId,
    );
    await waitForCall(stack, cid, 'connected');
    expect((await callState(stack, cid))?.state).toBe('connected');
    expect(await ringing()).not.toBe('true');
    await audioBothWays(stack, cid);
    await command(stack, { type: 'hangup', conversationId: cid });
    await waitForCall(stack, cid, 'ended');
    await ended(cid);
  });

  it('decline: the call ends as declined on both sides', async () => {
    const cid = await incoming();
    await waitForCall(stack, cid, 'alerting');
    await command(stack, { type: 'decline', conversationId: cid });
    await waitForCall(stack, cid, 'declined');
    await ended(cid);
    expect((await stack.genesys.control.call(cid)).outcome).toBe('declined');
    expect(await ringing()).toBe('false');
  });

  it('an answer after the queue withdrew the alert is refused and the call shows missed', async () => {
    const cid = await incoming({ alertTimeoutMs: 1_500 });
    await waitForCall(stack, cid, 'alerting');
    await waitForCall(stack, cid, 'missed');
    await expect(command(stack, { type: 'answer', conversationId: cid })).rejects.toMatchObject({
      code: 'signalling.call-not-pending',
    });
    expect((await callState(stack, cid))?.state).toBe('missed');
    expect(await ringing()).toBe('false');
  });

  it('auto-answer: with the setting on, a call Genesys flags auto-answer connects by itself', async () => {
    await configure(stack, (s) => ({ ...s, calls: { autoAnswer: true, notifications: true } }));
    await expect
      .poll(() => diagnostics(stack.ext, 'settings().calls?.autoAnswer'), { timeout: 10_000 })
      .toBe(true);
    const cid = await incoming({ autoAnswer: true });
    await waitForCall(stack, cid, 'connected');
    expect(await ringing()).not.toBe('true');
    await audioBothWays(stack, cid);
    await command(stack, { type: 'hangup', conversationId: cid });
    await ended(cid);
    await configure(stack, (s) => ({ ...s, calls: { autoAnswer: false, notifications: true } }));
  });
});
