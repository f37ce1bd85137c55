/** What the worker's message handlers share: settings, the offscreen requester, the logger. */
import type { Logger } from '../../shared/logger';
import type { OffscreenApi } from '../../shared/protocol/contract';
import type { createRequester } from '../../shared/protocol/messenger';
import type { SessionConfig } from '../../shared/protocol/schemas';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import type { Settings } from '../../shared/settings/schema';

export interface WorkerDeps {
  /** Current settings (re-read from storage whenever they change). */
  settings(): Settings;
  toOffscreen: ReturnType<typeof createRequester<OffscreenApi>>;
  /** The start configuration for the softphone, or null while signed out. */
  sessionConfig(): Promise<SessionConfig | null>;
  /** Features that react to a new snapshot (badge, notifications, records) register here. */
  snapshotObservers: ((snapshot: SessionSnapshot, previous: SessionSnapshot | null) => Promise<void> | void)[];
  /** The softphone was refused with a 401: renew the token (auth.reportUnauthorized). */
  reportUnauthorized?(): Promise<unknown>;
  log: Logger;
}
