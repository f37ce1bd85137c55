import { describe, expect, it, vi } from 'vitest';
import { SoftphoneError } from '../softphone/softphone-error';
import { connected, type Harness } from './supervisor.testkit';

/**
 * An outage as Genesys has them: the streaming host refuses WebSocket upgrades while the Platform
 * API keeps answering. `streaming.up` scripts the streaming host; the API probe always answers.
 */
function outage() {
  const streaming = { up: true };
  const probed: string[] = [];
  const reachable = vi.fn((url: string) => {
    probed.push(url);
    return Promise.resolve(url.startsWith('wss:') ? streaming.up : true);
  });
  return { streaming, probed, reachable };
}

function refuseWhileDown(h: Harness, streaming: { up: boolean }) {
  const original = h.port.reconnectSignalling.bind(h.port);
  vi.spyOn(h.port, 'reconnectSignalling').mockImplementation(async (ms) => {
    if (!streaming.up) {
      throw new SoftphoneError('network', 'The streaming host refused the connection');
    }
    await original(ms);
  });
}

describe('Failure case – upgrades refused while the API answers', () => {
  it('probes the streaming host, keeps the softphone and reconnects as soon as it opens', async () => {
    const o = outage();
    const h = await connected(undefined, { reachable: o.reachable });
    refuseWhileDown(h, o.streaming);
    o.streaming.up = false;
    h.port.emitDisconnected();
    await h.advance(20_000);
    expect(h.kind()).toBe('reconnecting');
    expect(o.probed).toContain('wss://streaming.mypurecloud.ie/stream/channels/reachability-probe');
    expect(h.port.calls('destroy')).toHaveLength(0);
    const attempts = h.port.calls('reconnectSignalling').length;
    o.streaming.up = true;
    await h.advance(600);
    expect(h.kind()).toBe('connected');
    expect(h.port.calls('reconnectSignalling').length).toBe(attempts + 1);
    expect(h.port.calls('start')).toHaveLength(1);
  });

  it('during a call the same path keeps the call and its softphone', async () => {
    const o = outage();
    const c = await connected(undefined, { reachable: o.reachable });
    c.port.emitAlerting({ conversationId: 'c2', remote: { number: '+15550100' } });
    await c.supervisor.command({ type: 'answer', conversationId: 'c2' });
    await c.flush();
    refuseWhileDown(c, o.streaming);
    o.streaming.up = false;
    c.port.emitDisconnected();
    await c.advance(15_000);
    expect(c.last()?.calls[0]?.state).toBe('connected');
    o.streaming.up = true;
    await c.advance(600);
    expect(c.kind()).toBe('connected');
    expect(c.port.calls('destroy')).toHaveLength(0);
    expect(c.last()?.calls[0]?.state).toBe('connected');
  });
});
