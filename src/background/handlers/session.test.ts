/**
 * The worker's session answers to the offscreen document: its boot, a refused token, and new
 * snapshots (kept in memory, in storage for a restarted worker, stale ones dropped). Each test
 * starts a fresh worker: the modules are loaded anew, so their memory is empty.
 */
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogHub } from '../../shared/logger';
import type { HandlerMeta } from '../../shared/protocol/messenger';
import type { SessionConfig } from '../../shared/protocol/schemas';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { call, snapshot } from '../../test/snapshots';
import type { WorkerDeps } from './deps';

/** A worker that has just started: its modules loaded anew, storage as it was. */
async function startWorker() {
  vi.resetModules();
  const [{ sessionHandlers }, store] = await Promise.all([
    import('./session'),
    import('../session-store'),
  ]);
  return { sessionHandlers, ...store };
}

let worker: Awaited<ReturnType<typeof startWorker>>;
beforeEach(async () => {
  worker = await startWorker();
});

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
    await worker.storeSnapshot(last);
    const answer = await worker.sessionHandlers(deps())['offscreen.ready']({ bootId: 'b1' }, meta);
    expect(answer).toEqual({ config: CONFIG, snapshot: last });
  });

  it('a first boot gets no snapshot', async () => {
    const answer = await worker.sessionHandlers(deps())['offscreen.ready']({ bootId: 'b1' }, meta);
    expect(answer.snapshot).toBeNull();
  });

  it('a refused token asks the sign-in layer to renew', async () => {
    const reportUnauthorized = vi.fn(() => Promise.resolve('renew-now'));
    const handlers = worker.sessionHandlers(deps({ reportUnauthorized }));
    const answer = await handlers['auth.unauthorized'](null, meta);
    expect(answer).toBeNull();
    expect(reportUnauthorized).toHaveBeenCalledTimes(1);
  });
});

describe('new snapshots from the offscreen document', () => {
  const seen = (observed: [SessionSnapshot, SessionSnapshot | null][]) =>
    observed.map(([now, before]) => [now.seq, before?.seq ?? null]);

  function observing() {
    const observed: [SessionSnapshot, SessionSnapshot | null][] = [];
    const workerDeps = deps({
      snapshotObservers: [(now, before) => void observed.push([now, before])],
    });
    return { observed, handlers: () => worker.sessionHandlers(workerDeps) };
  }

  it('takes newer snapshots, drops stale and duplicate ones, and stores the newest', async () => {
    const { observed, handlers } = observing();
    const [a, b] = [snapshot(), snapshot()];
    await handlers()['session.changed'](a, meta);
    await handlers()['session.changed'](b, meta);
    await handlers()['session.changed'](b, meta);
    await handlers()['session.changed'](a, meta);
    expect(seen(observed)).toEqual([
      [a.seq, null],
      [b.seq, a.seq],
    ]);
    expect((await fakeBrowser.storage.session.get('session.snapshot'))['session.snapshot']).toEqual(
      b,
    );
  });

  it('reads storage once after a start, then answers from memory', async () => {
    const stored = snapshot();
    await worker.storeSnapshot(stored);
    worker = await startWorker();
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    const { handlers } = observing();
    const answers = await Promise.all([
      handlers()['offscreen.ready']({ bootId: 'b2' }, meta),
      handlers()['ui.state'](null, meta),
    ]);
    await handlers()['ui.state'](null, meta);
    expect(answers.map((answer) => answer.snapshot)).toEqual([stored, stored]);
    expect(get.mock.calls.filter(([key]) => key === 'session.snapshot')).toHaveLength(1);
  });

  it('a restarted worker still drops what is older than the stored snapshot', async () => {
    const [older, stored, newer] = [snapshot(), snapshot(), snapshot()];
    await worker.storeSnapshot(stored);
    worker = await startWorker();
    const { observed, handlers } = observing();
    await handlers()['session.changed'](older, meta);
    await handlers()['session.changed'](newer, meta);
    expect(seen(observed)).toEqual([[newer.seq, stored.seq]]);
  });

  it('concurrent snapshots at a start leave the newest in memory and in storage', async () => {
    const [a, b, c] = [snapshot(), snapshot(), snapshot()];
    const { handlers } = observing();
    await Promise.all(
      [c, a, b].map((s) => Promise.resolve(handlers()['session.changed'](s, meta))),
    );
    expect(await worker.readSnapshot()).toEqual(c);
    worker = await startWorker();
    expect(await worker.readSnapshot()).toEqual(c);
  });
});
