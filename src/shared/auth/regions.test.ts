import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { REGIONS, parseCustomEnvironment, resolveEnvironment } from './regions';

describe('REGIONS', () => {
  it('lists the 18 Genesys Cloud regions with unique keys and envs', () => {
    expect(REGIONS).toHaveLength(18);
    expect(new Set(REGIONS.map((r) => r.key)).size).toBe(18);
    expect(new Set(REGIONS.map((r) => r.env)).size).toBe(18);
  });
});

describe('resolveEnvironment: regions', () => {
  it('derives api, login, streaming and permissions from the env', () => {
    expect(resolveEnvironment('ap_southeast_2')).toEqual({
      key: 'ap_southeast_2',
      env: 'mypurecloud.com.au',
      sdkEnvironment: 'mypurecloud.com.au',
      apiBase: 'https://api.mypurecloud.com.au',
      loginBase: 'https://login.mypurecloud.com.au',
      streamingBase: 'wss://streaming.mypurecloud.com.au',
      hostPermissions: ['https://api.mypurecloud.com.au/*', 'https://login.mypurecloud.com.au/*'],
      loopback: false,
    });
  });

  it('knows the FedRAMP and sovereign envs', () => {
    expect(resolveEnvironment('us_east_2').loginBase).toBe('https://login.use2.us-gov-pure.cloud');
    expect(resolveEnvironment('eusc_de_east_1').apiBase).toBe('https://api.edee1.eusc-pure.cloud');
  });

  it('rejects an unknown region key with the list of valid ones', () => {
    expect(() => resolveEnvironment('mars_1' as never)).toThrow(
      /Unknown Genesys Cloud region "mars_1".*us_east_1/,
    );
  });

  it('lets wsHost replace the streaming base', () => {
    const r = resolveEnvironment('eu_west_1', { wsHost: 'wss://streaming.example.ie/' });
    expect(r.streamingBase).toBe('wss://streaming.example.ie');
    expect(r.apiBase).toBe('https://api.mypurecloud.ie');
  });

  it('refuses an insecure wsHost for a cloud region', () => {
    expect(() => resolveEnvironment('eu_west_1', { wsHost: 'ws://streaming.example.ie' })).toThrow(
      /must start with wss:\/\//,
    );
    expect(() => resolveEnvironment('eu_west_1', { wsHost: 'https://x.example' })).toThrow(
      AuthError,
    );
  });
});

describe('resolveEnvironment: custom', () => {
  it('puts everything on the loopback origin, with ws:// and the URL as SDK environment', () => {
    expect(resolveEnvironment({ custom: 'http://127.0.0.1:8443' })).toEqual({
      key: 'custom',
      env: 'http://127.0.0.1:8443',
      sdkEnvironment: 'http://127.0.0.1:8443',
      apiBase: 'http://127.0.0.1:8443',
      loginBase: 'http://127.0.0.1:8443',
      streamingBase: 'ws://127.0.0.1:8443',
      hostPermissions: ['http://127.0.0.1/*'],
      loopback: true,
    });
    expect(resolveEnvironment({ custom: 'http://localhost:9000/' }).streamingBase).toBe(
      'ws://localhost:9000',
    );
  });

  it('accepts a bare domain or an https URL as an env', () => {
    for (const input of [
      'example.pure.cloud',
      'https://example.pure.cloud',
      ' HTTPS://Example.pure.cloud/ ',
    ]) {
      const r = parseCustomEnvironment(input);
      expect(r.env).toBe('example.pure.cloud');
      expect(r.loginBase).toBe('https://login.example.pure.cloud');
      expect(r.loopback).toBe(false);
    }
  });

  it.each([
    ['', /empty/],
    ['http://example.com', /only allowed for 127\.0\.0\.1 or localhost; use https/],
    ['ftp://localhost:21', /must use http/],
    ['https://example.com/login', /without a path/],
    ['https://example.com?x=1', /without a path/],
    ['https://user:pw@example.com', /user name or password/],
    ['https://example.com:8443', /has no port/],
    ['https://10.0.0.1', /not a domain name/],
    ['http://192.168.1.2:8080', /only allowed for 127\.0\.0\.1/],
    ['not a domain', /not a domain/],
    ['javascript:alert(1)', /not a domain|only allowed/],
  ])('rejects %j with a clear message', (input, message) => {
    let error: unknown;
    try {
      parseCustomEnvironment(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('auth.invalid-environment');
    expect((error as AuthError).message).toMatch(message);
  });

  it('allows ws:// wsHost for a loopback environment only', () => {
    const r = resolveEnvironment(
      { custom: 'http://127.0.0.1:8443' },
      { wsHost: 'ws://127.0.0.1:9999' },
    );
    expect(r.streamingBase).toBe('ws://127.0.0.1:9999');
  });
});
