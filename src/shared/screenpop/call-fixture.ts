/**
 * A CallSnapshot builder for tests of the screen-pop logic.
 */
import type { CallSnapshot } from '../session/snapshot';

export function makeCall(overrides: Partial<CallSnapshot> = {}): CallSnapshot {
  return {
    conversationId: 'conv-1',
    direction: 'inbound',
    state: 'alerting',
    remote: { name: 'Ada Lovelace', number: '+14155550101' },
    queue: 'Support',
    muted: false,
    held: false,
    attributes: {},
    attributesTruncated: false,
    ...overrides,
  };
}
