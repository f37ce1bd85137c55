/** The worker's support bundle: everything support needs, and never the access token. */
import { describe, expect, it } from 'vitest';
import { createLogHub } from '../../shared/logger';
import type { SessionConfig } from '../../shared/protocol/schemas';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import type { WorkerDeps } from './deps';
import { diagnosticsHandlers } from './diagnostics';

const TOKEN = 'tok3n-9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee';
const config: SessionConfig = {
  sdkEnvironment: 'mypurecloud.ie',
  accessToken: TOKEN,
  appVersion: '0.1.0',
  network: { kind: 'standard' },
};

function deps(collect: () => Promise<unknown>): WorkerDeps {
  const log = createLogHub({ console: null }).createLogger('worker');
  return {
    settings: () => DEFAULT_SETTINGS,
    toOffscreen: ((type: string) =>
      type === 'diagnostics.collect'
        ? collect()
        : Promise.resolve({ type })) as WorkerDeps['toOffscreen'],
    sessionConfig: () => Promise.resolve(config),
    snapshotObservers: [],
    log,
  };
}

describe('diagnostics handlers', () => {
  it('builds the bundle with versions, settings and a merged trace, without the token', async () => {
    const hub = createLogHub({ console: null });
    hub.createLogger('worker').info(`renewed with ${TOKEN}`);
    const handlers = diagnosticsHandlers(
      deps(() =>
        Promise.resolve({
          versions: { sdk: '9.2.4' },
          trace: [{ t: 1, level: 'warn', scope: 'offscreen', msg: `Bearer ${TOKEN}` }],
          timeline: [{ t: 1, kind: 'connection', state: 'connected' }],
          connectivity: { verdict: { kind: 'all-good' } },
        }),
      ),
      { version: '1.2.3', logs: () => hub.entries(), now: () => 0 },
    );
    const bundle = await handlers['diagnostics.bundle'](null, { from: 'ui', sender: {} });
    expect(bundle.versions).toEqual({ extension: '1.2.3', sdk: '9.2.4' });
    expect(bundle.generatedAt).toBe('1970-01-01T00:00:00.000Z');
    expect(bundle.settings).toMatchObject({ network: DEFAULT_SETTINGS.network });
    expect((bundle.trace as { scope: string }[]).map((e) => e.scope)).toEqual([
      'offscreen',
      'worker',
    ]);
    expect(bundle.connectivity).toEqual({ verdict: { kind: 'all-good' } });
    expect(JSON.stringify(bundle)).not.toContain(TOKEN);
  });

  it('still answers when the offscreen document cannot, naming why', async () => {
    const handlers = diagnosticsHandlers(
      deps(() => Promise.reject(new Error('No offscreen document'))),
      { version: '1.2.3', logs: () => [] },
    );
    const bundle = await handlers['diagnostics.bundle'](null, { from: 'ui', sender: {} });
    expect(JSON.stringify(bundle.errors)).toContain('No offscreen document');
  });

  it('forwards the check and quality requests to the offscreen document', async () => {
    const handlers = diagnosticsHandlers(
      deps(() => Promise.resolve({})),
      { version: '1' },
    );
    expect(await handlers['diagnostics.checkStatus'](null, { from: 'ui', sender: {} })).toEqual({
      type: 'diagnostics.checkStatus',
    });
  });
});
