/**
 * The runtime.onMessage listener body for an extension page (options, popup): it answers only
 * envelopes addressed to 'ui' that the worker sent, with the page's handlers for every uiApi message.
 * Chrome's runtime is injected, so shared code touches no chrome.*.
 */
import { uiApi } from './contract';
import { isEnvelope, type Reply } from './envelope';
import { createReceiver, type Handlers } from './messenger';
import { classifySender, policyFromRuntime, type RuntimeLike, type SenderLike } from './sender';

/** Broadcasts a page may ignore (answered with null when it has no handler). */
type OptionalBroadcast = 'presence.changed';
export type UiHandlers = Omit<Handlers<typeof uiApi>, OptionalBroadcast> &
  Partial<Pick<Handlers<typeof uiApi>, OptionalBroadcast>>;

export function uiReceiver(
  runtime: RuntimeLike,
  handlers: UiHandlers,
): (message: unknown, sender: SenderLike) => Promise<Reply> | undefined {
  const policy = policyFromRuntime(runtime, () => false);
  const all: Handlers<typeof uiApi> = { 'presence.changed': () => null, ...handlers };
  const receive = createReceiver('ui', uiApi, all, (sender) => classifySender(sender, policy));
  return (message, sender) =>
    isEnvelope(message) && message.to === 'ui' ? receive(message, sender) : undefined;
}
