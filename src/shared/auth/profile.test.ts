import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { parseProfile, profileEnvironment, validateProfile } from './profile';

const CLIENT = '0b3c5f1e-2a4d-4c6e-8f10-123456789abc';
const ORG = 'aa11bb22-cc33-4d44-8e55-66ff77889900';
const base = { id: 'p1', name: 'Acme EMEA', region: 'eu_west_1', clientId: CLIENT };

function issues(input: unknown): Record<string, string> {
  const v = validateProfile(input);
  if (v.ok) {
    throw new Error('expected validation to fail');
  }
  return Object.fromEntries(v.issues.map((i) => [i.field, i.message]));
}

describe('validateProfile', () => {
  it('accepts a region profile and drops blank optional fields', () => {
    const v = validateProfile({
      ...base,
      targetOrgId: '',
      ssoProvider: ' ',
      ssoOrg: '',
      wsHost: '',
    });
    expect(v).toEqual({ ok: true, profile: base });
  });

  it('accepts a loopback custom environment with all hints', () => {
    const input = {
      id: 'p2',
      name: ' Local ',
      customEnvironment: 'http://127.0.0.1:8443',
      clientId: CLIENT,
      targetOrgId: ORG,
      ssoProvider: 'okta',
      ssoOrg: 'acme',
    };
    const v = validateProfile(input);
    expect(v).toEqual({ ok: true, profile: { ...input, name: 'Local' } });
  });

  it('names the missing fields', () => {
    const found = issues({ id: 'p', name: '' });
    expect(found['name']).toBe('Give the profile a name');
    expect(found['clientId']).toMatch(/Enter the OAuth client ID/);
    expect(found['region']).toMatch(/Choose a region, or enter a custom environment/);
  });

  it('rejects a client id that is not a GUID, and an unknown region', () => {
    const found = issues({ ...base, clientId: 'abc', region: 'mars' });
    expect(found['clientId']).toMatch(/must be a GUID/);
    expect(found['region']).toMatch(/Choose a Genesys Cloud region/);
  });

  it('refuses both a region and a custom environment', () => {
    expect(
      issues({ ...base, customEnvironment: 'example.pure.cloud' })['customEnvironment'],
    ).toMatch(/either a region or a custom environment/);
  });

  it('reports an insecure custom environment with the environment message', () => {
    const { id, name, clientId } = base;
    expect(
      issues({ id, name, clientId, customEnvironment: 'http://example.com' })['customEnvironment'],
    ).toMatch(/only allowed for 127\.0\.0\.1 or localhost/);
  });

  it('checks wsHost and the SSO pair', () => {
    const found = issues({ ...base, wsHost: 'ws://x.example', ssoProvider: 'okta' });
    expect(found['wsHost']).toMatch(/wss:\/\//);
    expect(found['ssoOrg']).toMatch(/both the provider and the organisation short name/);
    expect(issues({ ...base, targetOrgId: 'nope' })['targetOrgId']).toMatch(/must be a GUID/);
  });
});

describe('parseProfile / profileEnvironment', () => {
  it('throws an AuthError listing the problems', () => {
    expect(() => parseProfile({ ...base, clientId: 'x' })).toThrow(AuthError);
    expect(() => parseProfile({ ...base, clientId: 'x' })).toThrow(
      /clientId: OAuth client ID must be a GUID/,
    );
  });

  it('resolves the environment of a profile', () => {
    expect(profileEnvironment(parseProfile(base)).loginBase).toBe('https://login.mypurecloud.ie');
    const local = parseProfile({
      id: 'l',
      name: 'L',
      customEnvironment: 'localhost:7000',
      clientId: CLIENT,
    });
    expect(profileEnvironment(local)).toMatchObject({
      loginBase: 'http://localhost:7000',
      loopback: true,
    });
  });
});
