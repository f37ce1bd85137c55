/**
 * Honest reconnects end to end, against the Genesys emulator's network faults:
 * - the WebSocket dropped mid-call: audio keeps flowing both ways, the snapshot says reconnecting
 *   then connected, and the emulator holds exactly one live session for the agent afterwards;
 * - an outage mid-call (WebSocket upgrades refused for 15 s, the socket dropped): audio keeps
 *   flowing, the softphone probes the streaming host and is connected again soon after the
 *   restore, with one session for the agent;
 * - the signalling link black-holed (pings vanish, nothing is closed) with the Standard and then
 *   the High latency profile: the supervisor's heartbeat notices (the SDK alone takes 46–56 s) and
 *   the softphone is connected again after the link is restored.
 * Timings are printed as measurements, not asserted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { configure, snapshot, startSignedIn, waitForCall, type Stack } from '../support/stack';
import {
  audioBothWays,
  command,
  connectionReaches,
  counters,
  diagnostics,
  measure,
  printOffscreenLog,
  recordStates,
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
  await stack.genesys.control.restore().catch(() => undefined);
  await (stack as Stack | undefined)?.close();
});

const boundSessions = async () =>
  (await stack.genesys.control.sessions('agent1')).filter((s) => s.state === 'bound').length;

/** Black-holes signalling, returns how long until the snapshot left connected, then restores. */
async function blackHole(profile: string, detectWithinMs: number): Promise<void> {
  await connectionReaches(stack, 'connected', 30_000);
  const { t: start } = await stack.genesys.control.blackhole(detectWithinMs / 1_000 + 60);
  const left = await connectionReaches(stack, '', detectWithinMs + 15_000, 'connected');
  const state = (await snapshot(stack))?.connection.state;
  measure(`black hole detected, ${profile} (ms)`, { ms: left - start, state });
  const { t: restored } = await stack.genesys.control.restore();
  const back = await connectionReaches(stack, 'connected', 90_000);
  measure(`black hole restore → connected, ${profile} (ms)`, back - restored);
  expect(state).not.toBe('connected');
}

describe('reconnects', () => {
  it('WebSocket dropped mid-call: audio flows on, reconnecting → connected, one session', async () => {
    const { conversationId: cid } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550123',
    });
    await waitForCall(stack, cid, 'alerting');
    await command(stack, { type: 'answer', conversationId: cid });
    await waitForCall(stack, cid, 'connected');
    await audioBothWays(stack, cid);
    expect(await boundSessions()).toBe(1);

    const recorder = recordStates(stack, 20);
    await connectionReaches(stack, 'connected', 5_000);
    const before = await counters(stack, cid);
    const { t: droppedAt } = await stack.genesys.control.dropSockets('destroy');
    await stack.genesys.control.waitFor(
      'reconnecting then connected',
      async () => {
        const states = recorder.states();
        const lost = states.lastIndexOf('reconnecting');
        return lost !== -1 && states.slice(lost).includes('connected');
      },
      15_000,
      20,
    );
    const seen = await recorder.stop();
    const connectedAt = seen.findLast((s) => s.state === 'connected')?.t ?? Date.now();
    const during = await counters(stack, cid);
    expect(during.agentReceived).toBeGreaterThan(before.agentReceived);
    expect(during.farReceived).toBeGreaterThan(before.farReceived);
    await audioBothWays(stack, cid);

    const last = await snapshot(stack);
    measure(
      'socket drop mid-call → connected (ms, wall, as the worker saw it)',
      connectedAt - droppedAt,
    );
    measure(
      'socket drop mid-call: recovery reported in the snapshot (ms)',
      last?.connection.lastRecoveryMs ?? -1,
    );
    measure(
      'soft reconnect duration (ms)',
      await diagnostics(stack.ext, 'metrics().lastSoftReconnectMs'),
    );
    measure('states seen', seen.map((s) => s.state).join(' → '));
    expect(last?.calls.find((c) => c.conversationId === cid)?.state).toBe('connected');

    // The SDK's own backoff loop wakes 2 s after the drop: it must not open a second session.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await boundSessions()).toBe(1);
    await command(stack, { type: 'hold', conversationId: cid, held: true });
    await stack.genesys.control.waitFor(
      'held',
      async () => (await stack.genesys.control.call(cid)).held,
    );
    await command(stack, { type: 'hangup', conversationId: cid });
    await waitForCall(stack, cid, 'ended');
  });

  it('outage mid-call (upgrades refused 15 s, socket dropped): audio flows on, back after restore', async () => {
    const { conversationId: cid } = await stack.genesys.control.placeCall({
      to: 'agent1',
      from: '+14155550124',
    });
    await waitForCall(stack, cid, 'alerting');
    await command(stack, { type: 'answer', conversationId: cid });
    await waitForCall(stack, cid, 'connected');
    await audioBothWays(stack, cid);
    await connectionReaches(stack, 'connected', 5_000);

    const recorder = recordStates(stack, 50);
    const { until } = await stack.genesys.control.refuseUpgrades(15);
    await stack.genesys.control.dropSockets('destroy');
    await connectionReaches(stack, '', 10_000, 'connected');
    const before = await counters(stack, cid);
    await new Promise((r) => setTimeout(r, Math.max(0, until - Date.now() - 2_000)));
    const during = await counters(stack, cid);
    expect(during.agentReceived).toBeGreaterThan(before.agentReceived);
    expect(during.farReceived).toBeGreaterThan(before.farReceived);
    expect((await snapshot(stack))?.connection.state).not.toBe('connected');

    const back = await connectionReaches(stack, 'connected', 60_000);
    const seen = (await recorder.stop()).map((x) => x.state);
    measure('outage mid-call: restore → connected (ms)', back - until);
    measure('outage mid-call: states seen', seen.join(' → '));
    expect(seen.indexOf('reconnecting')).toBeGreaterThan(-1);
    expect(seen.lastIndexOf('connected')).toBeGreaterThan(seen.indexOf('reconnecting'));
    expect(seen).not.toContain('starting');
    const last = await snapshot(stack);
    expect(last?.calls.find((c) => c.conversationId === cid)?.state).toBe('connected');
    await audioBothWays(stack, cid);
    // The SDK's own backoff loop may wake later: still exactly one session for the agent.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await boundSessions()).toBe(1);
    await command(stack, { type: 'hangup', conversationId: cid });
    await waitForCall(stack, cid, 'ended');
  });

  it('black hole, Standard profile: detected by the heartbeat, recovered after restore', async () => {
    await blackHole('standard', 10_000);
    expect(await boundSessions()).toBeGreaterThanOrEqual(1);
  });

  it('black hole, High latency profile: detected later, recovered after restore', async () => {
    // Debug level: a failure prints the offscreen document's full story (onTestFailed above).
    await configure(stack, (s) => ({ ...s, network: { kind: 'high-latency', logLevel: 'debug' } }));
    await expect
      .poll(() => diagnostics(stack.ext, 'view().networkProfile'), { timeout: 10_000 })
      .toBe('high-latency');
    await blackHole('high-latency', 30_000);
  });
});
