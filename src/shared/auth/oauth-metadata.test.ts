import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { authorizationServer, requestOptions } from './oauth-metadata';
import { resolveEnvironment } from './regions';

describe('oauth metadata', () => {
  it('builds the Genesys login endpoints from the region, without discovery', () => {
    expect(authorizationServer(resolveEnvironment('eu_central_1'))).toEqual({
      issuer: 'https://login.mypurecloud.de',
      authorization_endpoint: 'https://login.mypurecloud.de/oauth/authorize',
      token_endpoint: 'https://login.mypurecloud.de/oauth/token',
    });
  });

  it('allows plain http only for a loopback environment', () => {
    const cloud = requestOptions(resolveEnvironment('eu_central_1'), {});
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- asserting it stays off
    expect(cloud[oauth.allowInsecureRequests]).toBeUndefined();
    const local = requestOptions(resolveEnvironment({ custom: 'http://127.0.0.1:9' }), {});
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- loopback only
    expect(local[oauth.allowInsecureRequests]).toBe(true);
  });
});
