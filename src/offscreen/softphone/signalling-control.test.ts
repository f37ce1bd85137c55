import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MediaSession, StanzaInstance, StreamingClient } from './sdk-internals';
import {
  clearBackoffMemory,
  haltStreaming,
  installConnectGuard,
  pingOnce,
  reconnectNow,
  signallingHealth,
} from './signalling-control';

class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear() {
    this.#items.clear();
  }
  getItem(key: string) {
    return this.#items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.#items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.#items.delete(key);
  }
  setItem(key: string, value: string) {
    this.#items.set(key, value);
  }
}

/**
 * Models the streaming client's reconnect path (client.js 17.2.7): a socket close emits
 * `disconnected`, then connect() waits 2 s before its first attempt when hasMadeInitialAttempt.
 */
class FakeClient extends EventEmitter {
  connected = true;
  connecting = false;
  autoReconnect = true;
  hasMadeInitialAttempt = true;
  activeStanzaInstance: StanzaInstance | undefined;
  backoffReductionTimer: Parameters<typeof clearTimeout>[0];
  attempts = 0;
  failAttempts = 0;
  sockets = 0;
  pingDelayMs = 3;

  constructor() {
    super();
    this.activeStanzaInstance = this.#stanza();
  }

  #stanza(): StanzaInstance {
    this.sockets++;
    return {
      transport: { socket: { readyState: 1 }, disconnect: () => this.#dropped() },
      ping: () => new Promise((resolve) => setTimeout(resolve, this.pingDelayMs)),
      disconnect: async () => this.#dropped(),
    };
  }

  #dropped(): void {
    this.connected = false;
    this.activeStanzaInstance = undefined;
    this.emit('disconnected', { reconnecting: this.autoReconnect });
    if (!this.autoReconnect) {
      return;
    }
    const delay = this.hasMadeInitialAttempt ? 2000 : 0;
    this.hasMadeInitialAttempt = true;
    this.connecting = true;
    setTimeout(() => void this.makeConnectionAttempt().catch(() => undefined), delay);
  }

  makeConnectionAttempt(): Promise<void> {
    this.attempts++;
    return new Promise((resolve, reject) =>
      setTimeout(() => {
        if (this.failAttempts > 0) {
          this.failAttempts--;
          reject(new Error('upgrade refused'));
          return;
        }
        this.connected = true;
        this.connecting = false;
        this.activeStanzaInstance = this.#stanza();
        this.emit('connected');
        resolve();
      }, 50),
    );
  }
}

/** The fake seen through the narrow type the code under test expects. */
const narrow = (client: FakeClient) => client as unknown as StreamingClient;

afterEach(() => {
  vi.useRealTimers();
});

describe('reconnectNow', () => {
  it('closes a live stream and reconnects without the 2 s first-attempt delay', async () => {
    vi.useFakeTimers();
    const client = new FakeClient();
    const storage = new MemoryStorage();
    storage.setItem('sc_connectionData_switchboard', '{"currentDelayMs":32000}');
    const done = reconnectNow(narrow(client), { timeoutMs: 5000, storage });
    await vi.advanceTimersByTimeAsync(60);
    await done;
    expect(client.connected).toBe(true);
    expect(client.sockets).toBe(2);
    expect(storage.length).toBe(0);
  });

  it('attempts at once while the client sleeps in its backoff, and the loop then no-ops', async () => {
    vi.useFakeTimers();
    const client = new FakeClient();
    client.connected = false;
    client.connecting = true;
    client.activeStanzaInstance = undefined;
    const loopAttempt = () => client.makeConnectionAttempt(); // the backoff loop, waking later
    const done = reconnectNow(narrow(client), { timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(60);
    await done;
    expect(client.attempts).toBe(1);
    await loopAttempt();
    expect(client.attempts).toBe(1);
    expect(client.sockets).toBe(2);
  });

  it('joins an attempt already in flight instead of opening a second socket', async () => {
    vi.useFakeTimers();
    const client = new FakeClient();
    client.connected = false;
    client.activeStanzaInstance = undefined;
    const guard = installConnectGuard(narrow(client));
    const first = guard.attemptNow();
    const second = client.makeConnectionAttempt();
    await vi.advanceTimersByTimeAsync(60);
    await Promise.all([first, second]);
    expect(client.attempts).toBe(1);
  });

  it('rejects with the attempt failure, classified', async () => {
    vi.useFakeTimers();
    const client = new FakeClient();
    client.connected = false;
    client.activeStanzaInstance = undefined;
    client.failAttempts = 1;
    // A failed attempt is the streaming endpoint refusing: 'network', whatever the error says.
    const done = expect(reconnectNow(narrow(client), { timeoutMs: 5000 })).rejects.toMatchObject({
      reason: 'network',
      message: 'upgrade refused',
    });
    await vi.advanceTimersByTimeAsync(60);
    await done;
  });

  it('times out when the stream never comes back', async () => {
    vi.useFakeTimers();
    const client = new FakeClient();
    client.failAttempts = 99;
    const done = expect(reconnectNow(narrow(client), { timeoutMs: 1000 })).rejects.toMatchObject({
      reason: 'timeout',
    });
    await vi.advanceTimersByTimeAsync(1000);
    await done;
  });

  it('refuses after a deliberate disconnect', async () => {
    const client = new FakeClient();
    client.autoReconnect = false;
    await expect(reconnectNow(narrow(client), { timeoutMs: 1000 })).rejects.toMatchObject({
      reason: 'invalid-state',
    });
  });
});

describe('haltStreaming', () => {
  it('closes the socket and makes later attempts fail as fatal (401)', async () => {
    const client = new FakeClient();
    haltStreaming(narrow(client));
    expect(client.activeStanzaInstance).toBeUndefined();
    await expect(client.makeConnectionAttempt()).rejects.toMatchObject({
      name: 'AxiosError',
      response: { status: 401 },
    });
  });
});

describe('clearBackoffMemory', () => {
  it('removes only the streaming client keys and its reduction timer', () => {
    const storage = new MemoryStorage();
    storage.setItem('sc_connectionData_a', '{}');
    storage.setItem('sc_connectionData_webrtc-sdk', '{}');
    storage.setItem('other', 'kept');
    const client = new FakeClient();
    const fired = vi.fn();
    client.backoffReductionTimer = setTimeout(fired, 0);
    expect(clearBackoffMemory(storage, narrow(client))).toBe(2);
    expect(storage.getItem('other')).toBe('kept');
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(fired).not.toHaveBeenCalled();
        resolve();
      }, 5),
    );
  });
});

describe('pingOnce and health', () => {
  it('measures one ping round trip', async () => {
    const client = new FakeClient();
    let t = 100;
    const ms = await pingOnce(narrow(client), 1000, () => (t += 7));
    expect(ms).toBe(7);
  });

  it('rejects when not connected, or on timeout', async () => {
    vi.useFakeTimers();
    await expect(pingOnce(undefined, 1000)).rejects.toMatchObject({ reason: 'network' });
    const client = new FakeClient();
    client.pingDelayMs = 10_000;
    const done = expect(pingOnce(narrow(client), 500)).rejects.toMatchObject({ reason: 'timeout' });
    await vi.advanceTimersByTimeAsync(500);
    await done;
  });

  it('reports the socket, the last inbound time and each peer connection', () => {
    const client = new FakeClient();
    const session = {
      id: 's',
      conversationId: 'c1',
      peerConnection: {
        iceConnectionState: 'checking',
        connectionState: 'connecting',
        getSenders: () => [{ track: { kind: 'audio', readyState: 'ended' } }],
      },
    } as unknown as MediaSession;
    expect(signallingHealth(narrow(client), [session], 42)).toEqual({
      connected: true,
      socketOpen: true,
      lastInboundAt: 42,
      peerConnections: [
        {
          conversationId: 'c1',
          iceState: 'checking',
          connectionState: 'connecting',
          sendingAudio: false,
        },
      ],
    });
    expect(signallingHealth(undefined, [], undefined)).toEqual({
      connected: false,
      socketOpen: false,
      peerConnections: [],
    });
  });
});
