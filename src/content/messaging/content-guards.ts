/** One guard per message the content script accepts; the ContentGuards type keeps it complete. */
import { isPresenceView, isPresenceWrite } from '../presence/guards';
import { isNull, isWriteRequest } from '../records/guards';
import { isContentSnapshot, isSessionSnapshot } from './guards';
import type { ContentGuards } from './worker-link';

export const contentGuards: ContentGuards = {
  'session.changed': isSessionSnapshot,
  'content.snapshot': isContentSnapshot,
  'records.write': isWriteRequest,
  'records.changed': isNull,
  'presence.changed': isPresenceView,
  'presence.write': isPresenceWrite,
  'presence.read': isNull,
};
