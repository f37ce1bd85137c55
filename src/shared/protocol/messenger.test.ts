import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import type { ApiSpec } from './contract';
import { PROTOCOL_VERSION, envelope } from './envelope';
import { createReceiver, createRequester, type Handlers } from './messenger';

const api = {
  add: { from: ['ui'], data: z.object({ a: z.number(), b: z.number() }), result: 0 },
  fail: { from: ['ui', 'content'], data: z.null(), result: null },
} satisfies ApiSpec;

const handlers: Handlers<typeof api> = {
  add: ({ a, b }) => a + b,
  fail: () => {
    throw new AppError('boom', 'It broke');
  },
};

const classify = (sender: { url?: string | undefined }) => (sender.url === 'ui' ? 'ui' : 'content');
const receiver = createReceiver('worker', api, handlers, classify);

describe('createReceiver', () => {
  it('answers a valid message with the handler value', async () => {
    await expect(
      receiver(envelope('worker', 'add', { a: 2, b: 3 }), { url: 'ui' }),
    ).resolves.toEqual({
      ok: true,
      value: 5,
    });
  });

  it('ignores envelopes addressed to another context and non-envelopes', () => {
    expect(receiver(envelope('offscreen', 'add', { a: 1, b: 1 }), { url: 'ui' })).toBeUndefined();
    expect(receiver({ type: 'add' }, { url: 'ui' })).toBeUndefined();
    expect(receiver('hello', { url: 'ui' })).toBeUndefined();
  });

  it.each([
    [
      'a sender not allowed for the type',
      envelope('worker', 'add', { a: 1, b: 1 }),
      'content',
      'protocol.forbidden-sender',
    ],
    ['bad data', envelope('worker', 'add', { a: '1', b: 1 }), 'ui', 'protocol.bad-data'],
    ['an unknown type', envelope('worker', 'nope', null), 'ui', 'protocol.unknown-type'],
    [
      'an inherited property as type',
      envelope('worker', 'toString', null),
      'ui',
      'protocol.unknown-type',
    ],
    [
      'another version',
      { ...envelope('worker', 'add', { a: 1, b: 1 }), v: PROTOCOL_VERSION + 1 },
      'ui',
      'protocol.version',
    ],
  ])('refuses %s', async (_label, message, url, code) => {
    const onRefused = vi.fn();
    const strict = createReceiver('worker', api, handlers, classify, onRefused);
    const reply = await strict(message, { url });
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(onRefused).toHaveBeenCalledWith(code, expect.any(String));
  });

  it('serialises handler errors', async () => {
    await expect(receiver(envelope('worker', 'fail', null), { url: 'content' })).resolves.toEqual({
      ok: false,
      error: { name: 'AppError', code: 'boom', message: 'It broke' },
    });
  });
});

describe('createRequester', () => {
  it('round-trips through a receiver and rebuilds errors', async () => {
    const send = createRequester<typeof api>('worker', async (message) =>
      receiver(message, { url: 'ui' }),
    );
    await expect(send('add', { a: 20, b: 22 })).resolves.toBe(42);
    await expect(send('fail', null)).rejects.toMatchObject({ code: 'boom', message: 'It broke' });
  });

  it('turns a missing reply into a protocol error', async () => {
    const send = createRequester<typeof api>('worker', async () => undefined);
    await expect(send('add', { a: 1, b: 1 })).rejects.toMatchObject({ code: 'protocol.bad-reply' });
  });
});
