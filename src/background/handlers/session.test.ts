/** The worker's session answers to the offscreen document: its boot, and a refused token. */
import { describe, expect, it, vi } from 'vitest';
import { createLogHub } from '../../shared/logger';
import type { HandlerMeta } from '../../shared/protocol/messenger';
import type { SessionConfig } from '../../shared/protocol/schemas';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import { call, snapshot } from '../../test/snapshots';
import { storeSnapshot } from '../session-store';
import type { WorkerDeps } from './deps';
import { sessionHandlers } from './session';

const CONFIG: SessionConfig = {
  sdkEnvironment: 'mypurecloud.ie',
  accessToken: 'token',
  appVersion: '1.0.0',
  network: { kind: 'standard' },
};
const meta: HandlerMeta = { from: 'offscreen', sender: { id: 'x' } };

function deps(over: Partial<WorkerDeps> = {}): WorkerDeps {
  return {
    settings: () => DEFAULT_SETTINGS,
    toOffscreen: vi.fn(),
    sessionConfig: () => Promise.resolve(CONFIG),
    snapshotObservers: [],
    log: createLogHub({ console: null }).createLogger('test'),
    ...over,
  };
}

describe('session handlers for the offscreen document', () => {
  it('a booting document gets the start configuration and the last snapshot', async () => {
    const last = snapshot({ calls: [call({ conversationId: 'c1', state: 'connected' })] });
    await storeSnapshot(last);
    const answer = await sessionHandlers(deps())['offscreen.ready']({ bootId: 'b1' }, meta);
    expect(answer).toEqual({ config: CONFIG, snapshot: last });
  });

  it('a first boot gets no snapshot', async () => {
    const answer = await sessionHandlers(deps())['offscreen.ready']({ bootId: 'b1' }, meta);
    expect(answer.snapshot).toBeNull();
  });

  it('a refused token asks the sign-in layer to renew', async () => {
    const reportUnauthorized = vi.fn(() => Promise.resolve('renew-now'));
    const answer = await sessionHandlers(deps({ reportUnauthorized }))['auth.unauthorized'](
      null,
      meta,
    );
    expect(answer).toBeNull();
    expect(reportUnauthorized).toHaveBeenCalledTimes(1);
  });
});
