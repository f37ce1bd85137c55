import { afterEach, describe, expect, it, vi } from 'vitest';
import { isReachable, opens, type ProbeSocket } from './reachability';
import { readConfig, streamingProbeUrl } from './session-config';

/** A WebSocket stand-in the test opens, fails or leaves hanging. */
class FakeSocket implements ProbeSocket {
  onopen: ProbeSocket['onopen'] = null;
  onerror: ProbeSocket['onerror'] = null;
  onclose: ProbeSocket['onclose'] = null;
  closed: number[] = [];
  close(code?: number): void {
    this.closed.push(code ?? 1005);
  }
  open(): void {
    this.onopen?.call(this as unknown as WebSocket, new Event('open'));
  }
  refuse(): void {
    this.onerror?.call(this as unknown as WebSocket, new Event('error'));
    this.onclose?.call(this as unknown as WebSocket, new Event('close') as CloseEvent);
  }
}

function factory() {
  const sockets: FakeSocket[] = [];
  const urls: string[] = [];
  const open = (url: string) => {
    urls.push(url);
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket;
  };
  return { sockets, urls, open };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Happy path – streaming probe', () => {
  it('an upgrade that opens is reachable, and the socket is closed at once', async () => {
    const f = factory();
    const result = isReachable('wss://streaming.example.test/x', 1_000, undefined, f.open);
    f.sockets[0]?.open();
    expect(await result).toBe(true);
    expect(f.sockets[0]?.closed).toEqual([1000]);
  });

  it('a ws(s) URL is probed with a WebSocket, an http(s) URL with fetch', async () => {
    const f = factory();
    const fetchFn = vi.fn(async () => ({ status: 0 }));
    void isReachable('ws://127.0.0.1:1/stream/channels/p', 1_000, fetchFn, f.open);
    expect(f.urls).toEqual(['ws://127.0.0.1:1/stream/channels/p']);
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('asks the streaming host the softphone uses, on a channel of its own', () => {
    const region = readConfig({
      sdkEnvironment: 'mypurecloud.ie',
      accessToken: 't',
      appVersion: '1',
      network: { kind: 'standard' },
    });
    expect(streamingProbeUrl(region)).toBe(
      'wss://streaming.mypurecloud.ie/stream/channels/reachability-probe',
    );
    const local = readConfig({ ...region.session, wsHost: 'ws://127.0.0.1:8787/' });
    expect(streamingProbeUrl(local)).toBe('ws://127.0.0.1:8787/stream/channels/reachability-probe');
  });
});

describe('Failure case – streaming probe', () => {
  it('an upgrade refused (error, then close) is unreachable', async () => {
    const f = factory();
    const result = opens('wss://x/y', 1_000, f.open);
    f.sockets[0]?.refuse();
    expect(await result).toBe(false);
  });

  it('no answer within the timeout is unreachable, and the socket is closed', async () => {
    vi.useFakeTimers();
    const f = factory();
    const result = opens('wss://x/y', 2_000, f.open);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await result).toBe(false);
    expect(f.sockets[0]?.closed).toEqual([1000]);
  });

  it('a URL the browser refuses to open is unreachable', async () => {
    const result = await opens('wss://x/y', 1_000, () => {
      throw new SyntaxError('bad URL');
    });
    expect(result).toBe(false);
  });
});
