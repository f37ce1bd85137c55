/** Builders for SessionSnapshots in tests of the worker's UI features, the popup and the options page. */
import type { CallSnapshot, ConnectionSnapshot, SessionSnapshot } from '../shared/session/snapshot';

export function call(overrides: Partial<CallSnapshot> & { conversationId: string }): CallSnapshot {
  return {
    direction: 'inbound',
    state: 'alerting',
    remote: { name: 'Ada Lovelace', number: '+44 20 7946 0018' },
    muted: false,
    held: false,
    alertedAt: 1_000,
    attributes: {},
    attributesTruncated: false,
    ...overrides,
  };
}

let seq = 1;

export function snapshot(
  overrides: { connection?: Partial<ConnectionSnapshot>; calls?: CallSnapshot[] } = {},
): SessionSnapshot {
  seq += 1;
  return {
    v: 1,
    connection: { state: 'connected', since: 0, attempt: 0, ...overrides.connection },
    calls: overrides.calls ?? [],
    networkProfile: 'standard',
    seq,
    updatedAt: seq,
  };
}
