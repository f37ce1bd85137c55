/**
 * Typed request/response over runtime messaging.
 * - createRequester(to, transport): `send(type, data)` resolves with the handler's value or throws
 *   the handler's error rebuilt as AppError.
 * - createReceiver(self, api, handlers, classify): a listener body that ignores envelopes for other
 *   contexts (returns undefined, so it never replies to them), checks the sender and the data shape,
 *   and answers {ok, value} | {ok: false, error}. `handlers` must cover every message of the API.
 */
import { deserializeError, AppError, serializeError } from '../errors';
import type { ApiSpec, DataOf, ResultOf } from './contract';
import {
  PROTOCOL_VERSION,
  envelope,
  isEnvelope,
  parseReply,
  type Context,
  type Envelope,
  type Reply,
} from './envelope';
import type { SenderLike } from './sender';

type Promisable<T> = T | Promise<T>;

export interface HandlerMeta {
  from: Context;
  sender: SenderLike;
}

export type Handlers<A extends ApiSpec> = {
  [K in keyof A]: (data: DataOf<A, K>, meta: HandlerMeta) => Promisable<ResultOf<A, K>>;
};

export type Transport = (message: Envelope) => Promise<unknown>;

export function createRequester<A extends ApiSpec>(to: Context, transport: Transport) {
  return async function send<K extends keyof A & string>(
    type: K,
    data: DataOf<A, K>,
  ): Promise<ResultOf<A, K>> {
    const reply = parseReply(await transport(envelope(to, type, data)));
    if (!reply.ok) {
      throw deserializeError(reply.error);
    }
    return reply.value;
  };
}

function refuse(code: string, message: string): Promise<Reply> {
  return Promise.resolve({ ok: false, error: { name: 'AppError', code, message } });
}

export function createReceiver<A extends ApiSpec>(
  self: Context,
  api: A,
  handlers: Handlers<A>,
  classify: (sender: SenderLike) => Context | null,
  onRefused?: (code: string, detail: string) => void,
): (message: unknown, sender: SenderLike) => Promise<Reply> | undefined {
  const deny = (code: string, detail: string): Promise<Reply> => {
    onRefused?.(code, detail);
    return refuse(code, detail);
  };
  return (message, sender) => {
    if (!isEnvelope(message) || message.to !== self) {
      return undefined;
    }
    if (message.v !== PROTOCOL_VERSION) {
      return deny('protocol.version', `Protocol version ${message.v} is not ${PROTOCOL_VERSION}`);
    }
    if (!Object.hasOwn(api, message.type)) {
      return deny('protocol.unknown-type', `Unknown message type ${message.type}`);
    }
    const type = message.type as keyof A & string;
    const spec = api[type] as A[keyof A];
    const from = classify(sender);
    if (!from || !spec.from.includes(from)) {
      return deny('protocol.forbidden-sender', `${type} is not accepted from ${from ?? 'unknown'}`);
    }
    const parsed = spec.data.safeParse(message.data);
    if (!parsed.success) {
      return deny('protocol.bad-data', `${type}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    const handler = handlers[type];
    return Promise.resolve()
      .then(() => handler(parsed.data as DataOf<A, typeof type>, { from, sender }))
      .then(
        (value): Reply => ({ ok: true, value: value ?? null }),
        (error: unknown): Reply => ({ ok: false, error: serializeError(error) }),
      );
  };
}

export { AppError };
