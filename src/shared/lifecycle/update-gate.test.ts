import { describe, expect, it } from 'vitest';
import { call, snapshot } from '../../test/snapshots';
import {
  liveCallCount,
  mergeUpdate,
  nextUpdateStep,
  parsePendingUpdate,
  updateView,
  type PendingUpdate,
} from './update-gate';

const pending: PendingUpdate = { version: '0.2.0', since: 1_000, source: 'chrome' };

describe('update gate', () => {
  describe('Happy path', () => {
    it('does nothing without a pending update', () => {
      expect(nextUpdateStep(null, snapshot())).toEqual({ kind: 'none' });
    });

    it('applies at once when no call is live', () => {
      expect(nextUpdateStep(pending, snapshot())).toEqual({ kind: 'apply', update: pending });
    });

    it('applies when the softphone never published a snapshot', () => {
      expect(nextUpdateStep(pending, null)).toEqual({ kind: 'apply', update: pending });
    });
  });

  describe('Live calls hold the update back', () => {
    it.each(['alerting', 'connecting', 'connected'] as const)(
      'waits while a call is %s',
      (state) => {
        const current = snapshot({ calls: [call({ conversationId: 'c1', state })] });
        expect(nextUpdateStep(pending, current)).toEqual({ kind: 'wait', liveCalls: 1 });
        expect(updateView(pending, current)).toMatchObject({ waitingForCall: true });
      },
    );

    it.each(['ended', 'missed', 'declined', 'failed'] as const)(
      'applies after a %s call',
      (state) => {
        const current = snapshot({ calls: [call({ conversationId: 'c1', state })] });
        expect(nextUpdateStep(pending, current).kind).toBe('apply');
      },
    );

    it('counts only the live calls', () => {
      const current = snapshot({
        calls: [
          call({ conversationId: 'a', state: 'connected', held: true }),
          call({ conversationId: 'b', state: 'alerting' }),
          call({ conversationId: 'c', state: 'ended' }),
        ],
      });
      expect(liveCallCount(current)).toBe(2);
    });
  });

  describe('Edge cases', () => {
    it('keeps the first time and learns the version from a later request', () => {
      const admin: PendingUpdate = { version: null, since: 500, source: 'admin' };
      expect(mergeUpdate(admin, pending)).toEqual({
        version: '0.2.0',
        since: 500,
        source: 'chrome',
      });
      expect(mergeUpdate(pending, admin)).toEqual({
        version: '0.2.0',
        since: 500,
        source: 'chrome',
      });
      expect(mergeUpdate(null, admin)).toEqual(admin);
    });

    it('shows nothing when nothing is pending', () => {
      expect(updateView(null, snapshot())).toBeNull();
      expect(updateView(pending, null)).toEqual({
        version: '0.2.0',
        since: 1_000,
        waitingForCall: false,
      });
    });

    it('treats malformed stored values as nothing pending', () => {
      expect(parsePendingUpdate(pending)).toEqual(pending);
      expect(parsePendingUpdate({ version: null, since: 2, source: 'admin' })).not.toBeNull();
      for (const bad of [
        undefined,
        null,
        'x',
        { since: 1, source: 'chrome' },
        { ...pending, since: 'x' },
        { ...pending, since: Number.NaN },
        { ...pending, source: 'web' },
        { ...pending, version: 3 },
      ]) {
        expect(parsePendingUpdate(bad)).toBeNull();
      }
    });
  });
});
