/**
 * Live presence over the softphone's own streaming connection: subscribes the agent's
 * `v2.users.{id}.presence` and `.routingStatus` topics on the SDK's streaming client and hands each
 * notification, parsed, to the worker (`presence.event`). The streaming client keeps the
 * subscriptions across reconnects; one subscription per client however often it reconnects.
 */
import { parsePresence, parseRouting } from '../../shared/presence/parse';
import type { PresenceEvent } from '../../shared/protocol/messages/presence';
import type { StreamingClient } from '../softphone/sdk-internals';

const watched = new WeakSet<object>();

function bodyOf(payload: unknown): unknown {
  return (payload as { eventBody?: unknown } | null)?.eventBody;
}

export function watchPresence(
  client: StreamingClient,
  userId: string | undefined,
  send: (event: PresenceEvent) => void,
): () => void {
  const notifications = client.notifications;
  if (userId === undefined || notifications === undefined || watched.has(client)) {
    return () => undefined;
  }
  watched.add(client);
  const presenceTopic = `v2.users.${userId}.presence`;
  const routingTopic = `v2.users.${userId}.routingStatus`;
  const onPresence = (payload: unknown) => {
    const presence = parsePresence(bodyOf(payload));
    if (presence !== undefined) {
      send({ presence });
    }
  };
  const onRouting = (payload: unknown) => {
    const routing = parseRouting(bodyOf(payload));
    if (routing !== undefined) {
      send({ routing });
    }
  };
  void notifications.subscribe(presenceTopic, onPresence).catch(() => undefined);
  void notifications.subscribe(routingTopic, onRouting).catch(() => undefined);
  return () => {
    watched.delete(client);
    void notifications.unsubscribe(presenceTopic, onPresence).catch(() => undefined);
    void notifications.unsubscribe(routingTopic, onRouting).catch(() => undefined);
  };
}
