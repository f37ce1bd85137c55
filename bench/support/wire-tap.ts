/**
 * When the Genesys emulator put an event on the wire: wraps the in-process emulator's streaming
 * `publish` (no emulator code changes) and notes, per conversation, the first notification sent
 * for it. That moment is "the alert", the same instant the floor's push is timed from.
 */
import type { GenesysEmulator } from '../../emulators/genesys/server';
import { preciseNow } from './floor';

export interface WireTap {
  /** First time a notification about `conversationId` went out (epoch ms, sub-ms). */
  firstSent(conversationId: string): number | undefined;
}

export function tapConversationEvents(emu: GenesysEmulator): WireTap {
  const first = new Map<string, number>();
  const streaming = emu.hub.streaming;
  const original = streaming.publish.bind(streaming);
  streaming.publish = (topic, body, opts) => {
    const t = preciseNow();
    const id = (body as { id?: unknown } | undefined)?.id;
    if (topic.endsWith('.conversations') && typeof id === 'string' && !first.has(id)) {
      first.set(id, t);
    }
    return original(topic, body, opts);
  };
  return { firstSent: (id) => first.get(id) };
}
