import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../shared/logger';
import type { CallCommand } from '../../shared/protocol/schemas';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import { englishT } from '../../test/english';
import { call, snapshot } from '../../test/snapshots';
import { storeSnapshot } from '../session-store';
import type { WorkerDeps } from './deps';
import { createUiFeatures } from './ui-events';

function deps() {
  const sent: CallCommand[] = [];
  const worker: WorkerDeps = {
    settings: () => DEFAULT_SETTINGS,
    toOffscreen: ((type: string, data: CallCommand) => {
      if (type === 'call.command') {
        sent.push(data);
      }
      return Promise.resolve(null);
    }) as WorkerDeps['toOffscreen'],
    sessionConfig: () => Promise.resolve(null),
    snapshotObservers: [],
    log: createLogger('test'),
  };
  return { worker, sent };
}

describe('worker UI features', () => {
  it('a shortcut acts on the stored snapshot through the offscreen call command', async () => {
    const { worker, sent } = deps();
    const ui = createUiFeatures(worker, () => Promise.resolve(), englishT);
    await storeSnapshot(snapshot({ calls: [call({ conversationId: 'c9' })] }));
    await expect(ui.shortcut('answer-call')).resolves.toEqual({
      type: 'answer',
      conversationId: 'c9',
    });
    expect(sent).toEqual([{ type: 'answer', conversationId: 'c9' }]);
    await expect(ui.shortcut('hang-up')).resolves.toBeNull();
    await expect(ui.shortcut('not-a-shortcut')).resolves.toBeNull();
    expect(sent).toHaveLength(1);
  });

  it('registers the badge and notification observers; the badge follows the snapshot', async () => {
    const { worker } = deps();
    createUiFeatures(worker, () => Promise.resolve(), englishT);
    expect(worker.snapshotObservers).toHaveLength(2);
    await worker.snapshotObservers[0]?.(snapshot({ connection: { state: 'failed' } }), null);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe('Switchboard: Connection failed');
  });
});
