import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogHub } from '../../shared/logger';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { call, snapshot } from '../../test/snapshots';
import { PENDING_UPDATE_KEY, createUpdater } from './updater';

let current: SessionSnapshot | null;
let reload: ReturnType<typeof vi.fn<() => void>>;
let now: number;

/** A fresh updater over the same storage: what a restarted worker sees. */
function updater() {
  return createUpdater({
    area: fakeBrowser.storage.session,
    currentSnapshot: () => Promise.resolve(current),
    storedSnapshot: () => Promise.resolve(current),
    reload,
    now: () => now,
    log: createLogHub({ console: null }).createLogger('test'),
  });
}

const onCall = (state: 'alerting' | 'connecting' | 'connected' = 'connected') =>
  snapshot({ calls: [call({ conversationId: 'c1', state })] });

beforeEach(() => {
  current = snapshot();
  reload = vi.fn<() => void>();
  now = 10_000;
});

describe('updater', () => {
  describe('Happy path', () => {
    it('reloads at once when an update arrives and no call is live', async () => {
      expect(await updater().request('0.2.0', 'chrome')).toMatchObject({ kind: 'apply' });
      expect(reload).toHaveBeenCalledOnce();
      expect(await fakeBrowser.storage.session.get(PENDING_UPDATE_KEY)).toEqual({});
    });

    it('waits during a call and reloads when a snapshot shows it ended', async () => {
      current = onCall();
      const gate = updater();
      expect(await gate.request('0.2.0', 'chrome')).toEqual({ kind: 'wait', liveCalls: 1 });
      expect(reload).not.toHaveBeenCalled();
      expect(await gate.view()).toEqual({ version: '0.2.0', since: 10_000, waitingForCall: true });
      expect(await gate.check(current)).toMatchObject({ kind: 'wait' });
      current = snapshot({ calls: [call({ conversationId: 'c1', state: 'ended' })] });
      expect(await gate.check(current)).toMatchObject({ kind: 'apply' });
      expect(reload).toHaveBeenCalledOnce();
    });
  });

  describe('Failure case – worker restarts while waiting', () => {
    it('keeps the pending update for a restarted worker', async () => {
      current = onCall('alerting');
      await updater().request('0.2.0', 'chrome');
      current = snapshot();
      expect(await updater().check()).toMatchObject({ kind: 'apply' });
      expect(reload).toHaveBeenCalledOnce();
    });
  });

  describe('Edge cases', () => {
    it('confirms "idle" with the current snapshot before reloading', async () => {
      current = onCall('alerting');
      const gate = updater();
      await gate.request(null, 'admin');
      // A stale hint says idle, the softphone says a call is ringing: keep waiting.
      expect(await gate.check(snapshot())).toMatchObject({ kind: 'wait' });
      expect(reload).not.toHaveBeenCalled();
    });

    it('does nothing without a pending update, and reloads only once', async () => {
      const gate = updater();
      expect(await gate.check(snapshot())).toEqual({ kind: 'none' });
      await gate.request('0.2.0', 'chrome');
      await fakeBrowser.storage.session.set({
        [PENDING_UPDATE_KEY]: { version: '0.2.0', since: 1, source: 'chrome' },
      });
      expect(await gate.check()).toEqual({ kind: 'none' });
      expect(reload).toHaveBeenCalledOnce();
      expect(await gate.view()).toMatchObject({ version: '0.2.0' });
    });

    it('shows nothing pending when nothing is', async () => {
      expect(await updater().view()).toBeNull();
    });
  });
});
