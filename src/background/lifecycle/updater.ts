/**
 * Applies extension updates without dropping a call. Chrome announces a downloaded update with
 * runtime.onUpdateAvailable and installs it when the extension reloads — which ends the offscreen
 * document and the call in it. So the update is recorded as pending (storage.session: a restarted
 * worker still knows; a browser restart or a reload installs the update and clears it) and
 * applied with runtime.reload() as soon as no call is live. The decision is the pure update gate.
 *
 *   onUpdateAvailable ─┐
 *   lifecycle.applyUpdate (administrators) ─┴─▶ request ─▶ check ─▶ wait | reload
 *   every snapshot · keep-alive alarm · worker start ───────────▶ check
 */
import type { Logger } from '../../shared/logger';
import {
  mergeUpdate,
  nextUpdateStep,
  parsePendingUpdate,
  updateView,
  type PendingUpdate,
  type UpdateStep,
  type UpdateView,
} from '../../shared/lifecycle/update-gate';
import type { SessionSnapshot } from '../../shared/session/snapshot';

export const PENDING_UPDATE_KEY = 'lifecycle.pendingUpdate';

export interface UpdaterPorts {
  /** chrome.storage.session (cleared by a reload, which is when the update is installed). */
  area: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(key: string): Promise<void>;
  };
  /** The softphone's current snapshot: asked fresh from the offscreen document where possible. */
  currentSnapshot(): Promise<SessionSnapshot | null>;
  /** Stored snapshot only (cheap; for showing state). */
  storedSnapshot(): Promise<SessionSnapshot | null>;
  reload(): void;
  now(): number;
  log: Logger;
}

export interface Updater {
  /** The one entry point for an update: Chrome's onUpdateAvailable and the administrators' message. */
  request(version: string | null, source: PendingUpdate['source']): Promise<UpdateStep>;
  /** Applies the pending update if no call is live; `snapshot` is a hint, confirmed before reload. */
  check(snapshot?: SessionSnapshot | null): Promise<UpdateStep>;
  view(): Promise<UpdateView | null>;
}

export function createUpdater(ports: UpdaterPorts): Updater {
  let reloading = false;

  async function pending(): Promise<PendingUpdate | null> {
    return parsePendingUpdate((await ports.area.get(PENDING_UPDATE_KEY))[PENDING_UPDATE_KEY]);
  }

  async function check(hint?: SessionSnapshot | null): Promise<UpdateStep> {
    const update = await pending();
    if (update === null || reloading) {
      return { kind: 'none' };
    }
    // A snapshot that shows a live call is enough to wait; "idle" is confirmed with a fresh one.
    if (hint !== undefined && nextUpdateStep(update, hint).kind === 'wait') {
      return nextUpdateStep(update, hint);
    }
    const step = nextUpdateStep(update, await ports.currentSnapshot());
    if (step.kind === 'wait') {
      ports.log.info('update waits for the call to end', {
        version: update.version,
        liveCalls: step.liveCalls,
      });
      return step;
    }
    if (step.kind === 'apply') {
      reloading = true;
      // Forget the intent first: whatever survives the reload must not reload again.
      await ports.area.remove(PENDING_UPDATE_KEY);
      ports.log.info('applying update: reloading the extension', {
        version: update.version,
        source: update.source,
        waitedMs: Math.max(0, ports.now() - update.since),
      });
      ports.reload();
    }
    return step;
  }

  return {
    async request(version, source) {
      const next = mergeUpdate(await pending(), { version, since: ports.now(), source });
      await ports.area.set({ [PENDING_UPDATE_KEY]: next });
      ports.log.info('update pending', { version: next.version, source });
      return check();
    },
    check,
    async view() {
      return updateView(await pending(), await ports.storedSnapshot());
    },
  };
}
