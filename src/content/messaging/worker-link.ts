/**
 * The content script's side of the protocol, without zod: requests to the worker (replies checked
 * with hand-written guards, errors rebuilt as AppError) and a receiver for messages addressed to
 * 'content' (sender classified from what Chrome attests, data checked by a guard per type, and a
 * handler per type, enforced by the ContentApi type).
 *
 * A request that fails because the extension was updated or removed ("Extension context
 * invalidated") calls onInvalidated, so the script can go quiet instead of throwing on.
 */
import { AppError } from '../../shared/errors';
import type { ContentApi, WorkerApi } from '../../shared/protocol/contract';
import type { Context } from '../../shared/protocol/envelope';
import type { Handlers } from '../../shared/protocol/messenger';
import type { DataOf, ResultOf } from '../../shared/protocol/spec';
import type { SenderLike } from '../../shared/protocol/sender';
import { CONTENT_PROTOCOL_VERSION, isEnvelopeLike, isReply, type ReplyLike } from './guards';

export type Send = (message: unknown) => Promise<unknown>;

export function isInvalidatedError(error: unknown): boolean {
  return error instanceof Error && /context invalidated/i.test(error.message);
}

export type RequestWorker = <K extends keyof WorkerApi>(
  type: K,
  data: DataOf<WorkerApi, K>,
) => Promise<ResultOf<WorkerApi, K>>;

export function createWorkerRequester(send: Send, onInvalidated: () => void): RequestWorker {
  return async (type, data) => {
    let raw: unknown;
    try {
      raw = await send({ v: CONTENT_PROTOCOL_VERSION, to: 'worker', type, data });
    } catch (error) {
      if (isInvalidatedError(error)) {
        onInvalidated();
      }
      throw AppError.from(error, 'protocol.unreachable');
    }
    if (!isReply(raw)) {
      throw new AppError('protocol.bad-reply', 'No valid reply received');
    }
    if (!raw.ok) {
      throw new AppError(raw.error.code, raw.error.message, { cause: raw.error });
    }
    return raw.value as never;
  };
}

export type ContentGuards = {
  [K in keyof ContentApi]: (data: unknown) => data is DataOf<ContentApi, K>;
};

const refuse = (code: string, message: string): Promise<ReplyLike> =>
  Promise.resolve({ ok: false, error: { name: 'AppError', code, message } });

export function createContentReceiver(
  guards: ContentGuards,
  handlers: Handlers<ContentApi>,
  classify: (sender: SenderLike) => Context | null,
  onRefused?: (code: string, detail: string) => void,
): (message: unknown, sender: SenderLike) => Promise<ReplyLike> | undefined {
  const deny = (code: string, detail: string) => {
    onRefused?.(code, detail);
    return refuse(code, detail);
  };
  return (message, sender) => {
    if (!isEnvelopeLike(message) || message.to !== 'content') {
      return undefined; // not ours: never reply
    }
    if (message.v !== CONTENT_PROTOCOL_VERSION) {
      return deny(
        'protocol.version',
        `Protocol version ${message.v} is not ${CONTENT_PROTOCOL_VERSION}`,
      );
    }
    if (!Object.hasOwn(guards, message.type)) {
      return deny('protocol.unknown-type', `Unknown message type ${message.type}`);
    }
    const type = message.type as keyof ContentApi;
    const from = classify(sender);
    if (from !== 'worker') {
      return deny('protocol.forbidden-sender', `${type} is not accepted from ${from ?? 'unknown'}`);
    }
    if (!guards[type](message.data)) {
      return deny('protocol.bad-data', `${type}: invalid data`);
    }
    const handler = handlers[type] as (
      data: unknown,
      meta: { from: Context; sender: SenderLike },
    ) => unknown;
    return Promise.resolve()
      .then(() => handler(message.data, { from, sender }))
      .then(
        (value): ReplyLike => ({ ok: true, value: value ?? null }),
        (error: unknown): ReplyLike => {
          const app = AppError.from(error);
          return { ok: false, error: { name: app.name, code: app.code, message: app.message } };
        },
      );
  };
}
