/** The content side of the protocol: who may talk to it, what it accepts, how requests fail. */
import { describe, expect, it, vi } from 'vitest';
import { makeCall } from '../../shared/screenpop/call-fixture';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { contentGuards } from './content-guards';
import { createContentReceiver, createWorkerRequester } from './worker-link';

const snapshot: SessionSnapshot = {
  v: 1,
  connection: { state: 'connected', since: 1, attempt: 0 },
  calls: [makeCall()],
  networkProfile: 'standard',
  seq: 3,
  updatedAt: 3,
};
const worker = { id: 'ext', url: 'chrome-extension://ext/service-worker-loader.js' };

function receiver() {
  const seen: unknown[] = [];
  const refused: string[] = [];
  const receive = createContentReceiver(
    contentGuards,
    {
      'session.changed': (data) => {
        seen.push(data.seq);
        return null;
      },
      'content.snapshot': (data) => {
        seen.push([data.snapshot.seq, data.popTarget]);
        return null;
      },
      'records.write': () => ({ ok: false, code: 'test', message: 'not in this test' }),
      'records.changed': () => null,
      'presence.changed': () => null,
      'presence.write': () => ({ ok: true, changed: false }),
      'presence.read': () => ({ ok: true, state: null }),
    },
    (sender) => (sender.url === worker.url ? 'worker' : sender.tab ? 'content' : null),
    (code) => refused.push(code),
  );
  return { receive, seen, refused };
}

describe('content receiver', () => {
  it('hands a valid snapshot from the worker to its handler', async () => {
    const { receive, seen } = receiver();
    const reply = await receive(
      { v: 1, to: 'content', type: 'content.snapshot', data: { snapshot, popTarget: true } },
      worker,
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect(seen).toEqual([[3, true]]);
  });

  it('never answers envelopes for other contexts or non-envelopes', () => {
    const { receive } = receiver();
    expect(
      receive({ v: 1, to: 'worker', type: 'content.snapshot', data: null }, worker),
    ).toBeUndefined();
    expect(receive('hello', worker)).toBeUndefined();
  });

  it.each([
    [
      'another sender',
      { v: 1, to: 'content', type: 'session.changed', data: snapshot },
      { id: 'ext', url: 'https://x/', tab: { id: 1 } },
      'protocol.forbidden-sender',
    ],
    [
      'bad data',
      { v: 1, to: 'content', type: 'session.changed', data: { ...snapshot, seq: -1 } },
      worker,
      'protocol.bad-data',
    ],
    [
      'unknown type',
      { v: 1, to: 'content', type: 'content.evil', data: null },
      worker,
      'protocol.unknown-type',
    ],
    [
      'old protocol',
      { v: 0, to: 'content', type: 'session.changed', data: snapshot },
      worker,
      'protocol.version',
    ],
    [
      'prototype key',
      { v: 1, to: 'content', type: 'toString', data: null },
      worker,
      'protocol.unknown-type',
    ],
  ])('refuses %s', async (_name, message, sender, code) => {
    const { receive, seen, refused } = receiver();
    const reply = await receive(message, sender);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(seen).toEqual([]);
    expect(refused).toEqual([code]);
  });
});

describe('worker requester', () => {
  it('resolves with the value and rebuilds errors with their code', async () => {
    const ok = createWorkerRequester(
      () => Promise.resolve({ ok: true, value: { granted: true } }),
      vi.fn(),
    );
    await expect(ok('content.claim', { conversationId: 'c', trigger: 'alert' })).resolves.toEqual({
      granted: true,
    });
    const failing = createWorkerRequester(
      () =>
        Promise.resolve({
          ok: false,
          error: { name: 'AppError', code: 'softphone.not-ready', message: 'No session' },
        }),
      vi.fn(),
    );
    await expect(
      failing('call.command', { type: 'dial', number: '+14155550101' }),
    ).rejects.toMatchObject({ code: 'softphone.not-ready' });
    const garbage = createWorkerRequester(() => Promise.resolve('??'), vi.fn());
    await expect(garbage('content.config', null)).rejects.toMatchObject({
      code: 'protocol.bad-reply',
    });
  });

  it('reports an invalidated extension context', async () => {
    const onInvalidated = vi.fn();
    const request = createWorkerRequester(
      () => Promise.reject(new Error('Extension context invalidated.')),
      onInvalidated,
    );
    await expect(request('content.config', null)).rejects.toThrow(/invalidated/);
    expect(onInvalidated).toHaveBeenCalledOnce();
  });
});
