import { describe, expect, it, vi } from 'vitest';
import { HIGH_LATENCY_PROFILE, STANDARD_PROFILE } from '../../shared/session/network-presets';
import { isReachable } from './reachability';
import { probeTimeoutMs, reachabilityUrl, readConfig, softphoneConfig } from './session-config';
import { CONFIG } from './supervisor.testkit';

describe('readConfig', () => {
  it('resolves the network profile and reads call settings', () => {
    const config = readConfig({
      ...CONFIG,
      network: { kind: 'high-latency', wsHost: 'wss://streaming.example.test' },
      calls: { autoAnswer: true, ringVolume: 0.3 },
    });
    expect(config.profile).toMatchObject({
      ...HIGH_LATENCY_PROFILE,
      wsHost: 'wss://streaming.example.test',
    });
    expect(config).toMatchObject({ autoAnswer: true, ringVolume: 0.3 });
    expect(softphoneConfig(config)).toMatchObject({
      wsHost: 'wss://streaming.example.test',
      autoAnswerAllowed: false,
      startTimeoutMs: 44_000,
    });
  });

  it.each([
    ['a new token', { accessToken: 'other' }, true],
    ['a new network profile', { network: { kind: 'high-latency' } }, true],
    ['another environment', { sdkEnvironment: 'mypurecloud.de' }, false],
    ['another profile', { profileId: 'globex' }, false],
    ['another streaming host', { wsHost: 'wss://x.example.test' }, false],
  ])('%s keeps the session key: %s', (_name, patch, same) => {
    expect(readConfig({ ...CONFIG, ...patch }).key === readConfig(CONFIG).key).toBe(same);
  });

  it('falls back to Standard with the problem named', () => {
    const config = readConfig({ ...CONFIG, network: { kind: 'nope' } });
    expect(config.profile).toEqual(STANDARD_PROFILE);
    expect(config.problem).toContain('kind');
  });
});

describe('reachability', () => {
  it.each([
    ['mypurecloud.ie', 'https://api.mypurecloud.ie/api/v2/health/check'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787/api/v2/health/check'],
  ])('%s → %s', (env, url) => {
    expect(reachabilityUrl(env)).toBe(url);
  });

  it('probes with the interval (at most 5 s) as timeout', () => {
    expect(probeTimeoutMs(STANDARD_PROFILE)).toBe(3_000);
    expect(probeTimeoutMs(HIGH_LATENCY_PROFILE)).toBe(5_000);
  });

  it('builds a request fetch accepts in no-cors mode (redirects followed, HEAD)', async () => {
    const init = vi.fn(async (_url: string, _init: RequestInit) => ({ status: 0 }));
    await isReachable('https://api.example.test/x', 1_000, init);
    const used = init.mock.calls[0]?.[1];
    // fetch throws a TypeError for a no-cors request whose redirect mode is not 'follow'.
    expect(used?.redirect ?? 'follow').toBe('follow');
    expect(['GET', 'HEAD', 'POST']).toContain(used?.method);
  });

  it('any answer is reachable; a network error is not; no credentials are sent', async () => {
    const ok = vi.fn(async (_url: string, _init: RequestInit) => ({ status: 0 }));
    expect(await isReachable('https://api.example.test/x', 1_000, ok)).toBe(true);
    expect(ok.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit', mode: 'no-cors' });
    expect(
      await isReachable('https://x', 1_000, () => Promise.reject(new TypeError('Failed'))),
    ).toBe(false);
  });
});
