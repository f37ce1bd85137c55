/** One guard per message the content script accepts; the ContentGuards type keeps it complete. */
import { isContentSnapshot, isSessionSnapshot } from './guards';
import type { ContentGuards } from './worker-link';

export const contentGuards: ContentGuards = {
  'session.changed': isSessionSnapshot,
  'content.snapshot': isContentSnapshot,
};
