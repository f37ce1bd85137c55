/**
 * Keyboard shortcuts (manifest `commands`): each acts on the current call of the stored snapshot.
 * Rebound by the agent at chrome://extensions/shortcuts; listed in the README.
 */
import type { CallCommand } from '../../shared/protocol/schemas';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { currentCall, ringingCall } from '../../shared/session/snapshot-view';

export const SHORTCUTS = ['answer-call', 'hang-up', 'toggle-mute', 'toggle-hold'] as const;
export type Shortcut = (typeof SHORTCUTS)[number];

export function isShortcut(name: string): name is Shortcut {
  return (SHORTCUTS as readonly string[]).includes(name);
}

/** The call command a shortcut means now, or null when there is no call it applies to. */
export function commandForShortcut(
  name: Shortcut,
  snapshot: SessionSnapshot | null,
): CallCommand | null {
  const call = name === 'answer-call' ? ringingCall(snapshot) : currentCall(snapshot);
  if (!call) {
    return null;
  }
  const conversationId = call.conversationId;
  switch (name) {
    case 'answer-call':
      return { type: 'answer', conversationId };
    case 'hang-up':
      return { type: 'hangup', conversationId };
    case 'toggle-mute':
      return { type: 'mute', conversationId, muted: !call.muted };
    case 'toggle-hold':
      return call.state === 'connected' ? { type: 'hold', conversationId, held: !call.held } : null;
  }
}
