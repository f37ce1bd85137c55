import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectivityVerdict, type QualityInterval, type StepResults } from '../shared/diagnostics';
import type { CheckStatus, QualityReport } from '../shared/protocol/messages/diagnostics';
import { englishT } from '../test/english';
import { snapshot } from '../test/snapshots';
import { DiagnosticsApp, type DiagnosticsDeps } from './DiagnosticsApp';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const results: StepResults = {
  'dns-tls': {
    id: 'dns-tls',
    status: 'ok',
    metrics: { hosts: [{ host: 'api.mypurecloud.ie', role: 'api', ok: true, ms: 80 }] },
  },
  websocket: { id: 'websocket', status: 'failed', metrics: { opened: false, closeCode: 1006 } },
};
const done: CheckStatus = {
  running: false,
  run: {
    id: 'r1',
    startedAt: 1,
    finishedAt: 2,
    current: null,
    results,
    verdict: connectivityVerdict(results),
    media: 'none',
  },
};

const sample = (t: number, mos: number, lossPct: number): QualityInterval => ({
  t,
  durationMs: 1500,
  lossPct,
  remoteLossPct: null,
  jitterMs: 4,
  rttMs: 40,
  codec: 'audio/opus',
  path: 'relay',
  relayProtocol: 'udp',
  bitrateKbps: 40,
  packetsReceived: 70,
  mediaFlowing: true,
  mos,
  level: mos >= 4 ? 'good' : 'poor',
  cause: 'loss',
});

async function mount(overrides: { quality?: QualityReport; startFails?: boolean } = {}) {
  const downloads: { name: string; text: string }[] = [];
  const worker = vi.fn((type: string) => {
    switch (type) {
      case 'ui.state':
        return Promise.resolve({
          snapshot: snapshot({
            connection: {
              state: 'failed',
              error: { code: 'network.websocket-blocked', message: 'socket closed 1006' },
            },
          }),
        });
      case 'diagnostics.checkStatus':
        return Promise.resolve(done);
      case 'diagnostics.checkStart':
        return overrides.startFails
          ? Promise.reject(Object.assign(new Error('signed out'), { code: 'auth.signed-out' }))
          : Promise.resolve({
              running: true,
              run: { ...done.run, current: 'dns-tls', results: {}, verdict: null },
            });
      case 'diagnostics.quality':
        return Promise.resolve(overrides.quality ?? { calls: [] });
      case 'diagnostics.bundle':
        return Promise.resolve({ v: 1, generatedAt: 'x' });
      default:
        return Promise.reject(new Error(type));
    }
  });
  let saved = '';
  const deps: DiagnosticsDeps = {
    t: englishT,
    worker: worker as unknown as DiagnosticsDeps['worker'],
    subscribe: () => () => undefined,
    now: () => 0,
    download: (name, text) => downloads.push({ name, text }),
    testNumber: { load: () => '*43', save: (v) => (saved = v) },
  };
  await act(async () => {
    render(<DiagnosticsApp deps={deps} />, root);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { worker, downloads, saved: () => saved };
}

const click = async (selector: string) =>
  act(async () => {
    root.querySelector<HTMLElement>(selector)?.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('diagnostics page', () => {
  it('explains the connection error with the taxonomy message and remedy', async () => {
    await mount();
    const panel = root.querySelector('[data-code="network.websocket-blocked"]');
    expect(panel?.textContent).toContain('A firewall or proxy blocks the WebSocket connection');
    expect(panel?.textContent).toContain('Ask IT to allow WebSocket');
    expect(panel?.textContent).toContain('socket closed 1006');
  });

  it('shows each step with its numbers and the verdict naming the layer', async () => {
    await mount();
    const steps = [...root.querySelectorAll('[data-step]')].map((li) =>
      li.getAttribute('data-status'),
    );
    expect(steps).toEqual(['ok', 'failed', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(root.querySelector('[data-step="dns-tls"]')?.textContent).toContain(
      'api.mypurecloud.ie in 80 ms',
    );
    expect(root.querySelector('[data-step="stun"]')?.textContent).toContain('Not run because');
    const verdict = root.querySelector('#verdict');
    expect(verdict?.getAttribute('data-kind')).toBe('websocket-blocked');
    expect(verdict?.getAttribute('data-layer')).toBe('network');
    expect(verdict?.textContent).toContain('Firewall or proxy blocks WebSocket');
    expect(verdict?.textContent).toContain('without TLS inspection');
  });

  it('starts a run with the remembered test number and shows progress', async () => {
    const { worker, saved } = await mount();
    await click('#run-check');
    expect(worker).toHaveBeenCalledWith('diagnostics.checkStart', { testNumber: '*43' });
    expect(saved()).toBe('*43');
    expect(root.querySelector('[data-step="dns-tls"]')?.getAttribute('data-status')).toBe(
      'running',
    );
    expect(root.querySelector('#run-check')?.hasAttribute('disabled')).toBe(true);
  });

  it('explains why a run could not start', async () => {
    await mount({ startFails: true });
    await click('#run-check');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'signed out of Genesys Cloud',
    );
  });

  it('charts call quality and warns while it is degraded', async () => {
    await mount({
      quality: {
        calls: [
          {
            conversationId: 'c1',
            live: true,
            samples: [sample(1, 4.3, 0), sample(2, 2.4, 20)],
            level: 'poor',
            warning: {
              kind: 'degraded',
              from: 'good',
              to: 'poor',
              cause: 'loss',
              t: 2,
              message: '',
              messageKey: '',
            },
          },
        ],
      },
    });
    const call = root.querySelector('[data-call="c1"]');
    expect(call?.getAttribute('data-loss')).toBe('20');
    expect(call?.querySelector('[data-field="mos"]')?.textContent).toBe('2.40');
    expect(call?.querySelector('[role="alert"]')?.textContent).toContain('packets are being lost');
    expect(call?.querySelectorAll('polyline').length).toBe(1);
    expect(call?.querySelectorAll('rect.loss').length).toBe(1);
  });

  it('downloads the bundle as a JSON file', async () => {
    const { downloads } = await mount();
    await click('#download-bundle');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.name).toMatch(/^switchboard-support-1970-01-01T00-00-00-000Z\.json$/);
    expect(JSON.parse(downloads[0]?.text ?? '')).toEqual({ v: 1, generatedAt: 'x' });
  });
});
