/**
 * Pings black-holed for 60 s in the middle of a call: the signalling link stays open but nothing
 * comes back. The softphone notices within the Standard profile's timeout and says so, the call's
 * audio keeps flowing both ways the whole time (media does not travel over signalling), and once
 * the platform answers again the softphone is connected, with one session, the call still there
 * and its controls working. Timings are printed as measurements, not asserted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { snapshot, startSignedIn, waitForCall, type Stack } from '../support/stack';
import {
  audioBothWays,
  callState,
  command,
  connectionReaches,
  measure,
  printOffscreenLog,
  recordStates,
} from './softphone.helpers';

const BLACK_HOLE_S = 60;

let stack: Stack;

beforeAll(async () => {
  stack = await startSignedIn();
});

beforeEach(() => {
  const since = Date.now();
  onTestFailed(() => printOffscreenLog(stack, since));
});

afterAll(async () => {
  await stack.genesys.control.restore().catch(() => undefined);
  await (stack as Stack | undefined)?.close();
});

const boundSessions = async () =>
  (await stack.genesys.control.sessions('agent1')).filter((s) => s.state === 'bound').length;

describe('pings black-holed for 60 s mid-call', () => {
  it('detected, audio flows throughout, recovered with the call intact', async () => {
    const { conversationId: cid } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550123',
    });
    await waitForCall(stack, cid, 'alerting');
    await command(stack, { type: 'answer', conversationId: cid });
    await waitForCall(stack, cid, 'connected');
    await audioBothWays(stack, cid);

    const recorder = recordStates(stack, 100);
    const { t: start, until } = await stack.genesys.control.blackhole(BLACK_HOLE_S);
    const left = await connectionReaches(stack, '', 25_000, 'connected');
    measure('60 s black hole: detected after (ms)', left - start);
    expect((await snapshot(stack))?.connection.state).not.toBe('connected');

    // Audio both ways every ~10 s while signalling is unanswered; the call stays in the snapshot.
    let checks = 0;
    while (Date.now() < until - 5_000) {
      await audioBothWays(stack, cid, 25, 10_000);
      expect((await callState(stack, cid))?.state).toBe('connected');
      checks += 1;
      await new Promise((r) => setTimeout(r, 5_000));
    }
    expect(checks).toBeGreaterThanOrEqual(3);

    // The black hole ends by itself; the softphone reconnects without help.
    const back = await connectionReaches(stack, 'connected', 90_000);
    measure('60 s black hole: end → connected (ms)', back - until);
    const seen = await recorder.stop();
    measure('60 s black hole: states seen', seen.map((s) => s.state).join(' → '));

    await audioBothWays(stack, cid);
    expect((await callState(stack, cid))?.state).toBe('connected');
    await stack.genesys.control.waitFor(
      'one bound session',
      async () => (await boundSessions()) === 1,
      15_000,
    );
    await command(stack, { type: 'hold', conversationId: cid, held: true });
    await stack.genesys.control.waitFor(
      'held',
      async () => (await stack.genesys.control.call(cid)).held,
    );
    await command(stack, { type: 'hold', conversationId: cid, held: false });
    await command(stack, { type: 'hangup', conversationId: cid });
    await waitForCall(stack, cid, 'ended');
    expect((await stack.genesys.control.call(cid)).endTime).toBeDefined();
  });
});
