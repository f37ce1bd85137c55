import { describe, expect, it } from 'vitest';
import { HIGH_LATENCY_PROFILE, STANDARD_PROFILE } from './network-presets';
import {
  DEFAULT_NETWORK_PROFILE_SETTING,
  isAllowedWsHost,
  resolveProfile,
  validateNetworkProfileSetting,
} from './network-profile';
import { aliasFor, SETTING_ALIASES } from './profile-aliases';

function issuesOf(input: unknown): string[] {
  const result = validateNetworkProfileSetting(input);
  return result.ok ? [] : result.issues;
}

describe('Happy path', () => {
  it('defaults to the Standard preset', () => {
    expect(resolveProfile(DEFAULT_NETWORK_PROFILE_SETTING)).toEqual(STANDARD_PROFILE);
  });

  it('resolves High latency to its preset', () => {
    expect(resolveProfile({ kind: 'high-latency' })).toEqual(HIGH_LATENCY_PROFILE);
  });

  it('fills a partial custom profile from Standard and keeps the given values', () => {
    const result = validateNetworkProfileSetting({
      kind: 'custom',
      heartbeatIntervalMs: 5_000,
      heartbeatTimeoutMs: 16_000,
      reconnect: { maxAttempts: 5 },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.profile).toEqual({
      ...STANDARD_PROFILE,
      kind: 'custom',
      heartbeatIntervalMs: 5_000,
      heartbeatTimeoutMs: 16_000,
      reconnect: { ...STANDARD_PROFILE.reconnect, maxAttempts: 5 },
    });
  });

  it('ignores timing values on presets but honours SDK options on every kind', () => {
    const profile = resolveProfile({
      kind: 'standard',
      heartbeatIntervalMs: 20_000,
      reconnect: { initialDelayMs: 9_000 },
      logLevel: 'debug',
      useServerSidePings: true,
      wsHost: 'wss://streaming.example.com',
    });
    expect(profile.heartbeatIntervalMs).toBe(STANDARD_PROFILE.heartbeatIntervalMs);
    expect(profile.reconnect).toEqual(STANDARD_PROFILE.reconnect);
    expect(profile).toMatchObject({
      logLevel: 'debug',
      useServerSidePings: true,
      wsHost: 'wss://streaming.example.com',
    });
  });

  it('omits wsHost when it is not set (the SDK derives it from the region)', () => {
    expect('wsHost' in resolveProfile({ kind: 'custom' })).toBe(false);
  });
});

describe('Failure case – invalid custom values', () => {
  it('rejects a timeout that is not greater than the interval, naming both', () => {
    const issues = issuesOf({
      kind: 'custom',
      heartbeatIntervalMs: 10_000,
      heartbeatTimeoutMs: 10_000,
    });
    expect(issues).toEqual([
      'heartbeatTimeoutMs (10000 ms) must be greater than heartbeatIntervalMs (10000 ms)',
    ]);
  });

  it('checks the cross-field rule against preset values for omitted fields', () => {
    expect(issuesOf({ kind: 'custom', heartbeatTimeoutMs: 3_000 })).toHaveLength(1);
  });

  it('rejects a max delay below the initial delay', () => {
    const issues = issuesOf({
      kind: 'custom',
      reconnect: { initialDelayMs: 5_000, maxDelayMs: 2_000 },
    });
    expect(issues[0]).toMatch(/reconnect\.maxDelayMs \(2000 ms\) must be at least/);
  });

  it.each([
    [{ heartbeatIntervalMs: 500 }, 'heartbeatIntervalMs must be at least 1000 ms'],
    [{ heartbeatIntervalMs: 61_000 }, 'heartbeatIntervalMs must be at most 60000 ms'],
    [
      { heartbeatTimeoutMs: 1.5e3 + 0.5 },
      'heartbeatTimeoutMs must be a whole number of milliseconds',
    ],
    [{ heartbeatIntervalMs: '3000' }, 'heartbeatIntervalMs must be a number of milliseconds'],
    [{ reconnect: { jitterRatio: 1.2 } }, 'reconnect.jitterRatio must be between 0 and 1'],
    [{ reconnect: { jitterRatio: -0.1 } }, 'reconnect.jitterRatio must be between 0 and 1'],
    [{ reconnect: { maxAttempts: -1 } }, 'reconnect.maxAttempts must be 0 (unlimited) or more'],
    [{ reconnect: { initialDelayMs: 50 } }, 'reconnect.initialDelayMs must be at least 100 ms'],
    [{ logLevel: 'trace' }, 'logLevel must be debug, info, warn or error'],
  ])('%j → %s', (fields, message) => {
    expect(issuesOf({ kind: 'custom', ...fields })).toContain(message);
  });

  it('rejects an unknown kind', () => {
    expect(issuesOf({ kind: 'satellite' })).toEqual([
      'kind must be standard, high-latency or custom',
    ]);
  });
});

describe('Edge cases – wsHost', () => {
  it.each([
    ['wss://streaming.mypurecloud.com', true],
    ['wss://streaming.mypurecloud.com/', true],
    ['ws://127.0.0.1:8787', true],
    ['ws://localhost:9000', true],
    ['ws://[::1]:9000', true],
    ['ws://streaming.mypurecloud.com', false],
    ['ws://127.0.0.1.evil.com', false],
    ['https://streaming.mypurecloud.com', false],
    ['wss://user:pw@streaming.mypurecloud.com', false],
    ['wss://streaming.mypurecloud.com/?x=1', false],
    ['streaming.mypurecloud.com', false],
    ['', false],
  ])('%s → %s', (host, allowed) => {
    expect(isAllowedWsHost(host)).toBe(allowed);
    expect(validateNetworkProfileSetting({ kind: 'standard', wsHost: host }).ok).toBe(allowed);
  });
});

describe('Setting aliases', () => {
  it('maps the four asked-for knobs onto profile fields', () => {
    expect(aliasFor('keepAliveInterval')?.ours).toBe('heartbeatIntervalMs');
    expect(aliasFor('HEARTBEATTIMEOUT')?.ours).toBe('heartbeatTimeoutMs');
    expect(aliasFor('reconnectDelay')?.ours).toBe('reconnect.initialDelayMs');
    expect(aliasFor('maxRetries')?.ours).toBe('reconnect.maxAttempts');
  });

  it('says that iceTimeout and turnServers do not exist', () => {
    expect(aliasFor('iceTimeout')?.ours).toBeNull();
    expect(aliasFor('turnServers')?.note).toMatch(/Genesys/);
    expect(aliasFor('nonsense')).toBeUndefined();
  });

  it('points only at fields the Standard profile actually has', () => {
    for (const alias of SETTING_ALIASES.filter((a) => a.ours !== null)) {
      const value = (alias.ours ?? '')
        .split('.')
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], STANDARD_PROFILE);
      expect(typeof value).toBe('number');
    }
  });
});
