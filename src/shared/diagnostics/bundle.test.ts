import { describe, expect, it } from 'vitest';
import { createLogHub } from '../logger';
import { buildBundle } from './bundle';
import { classifyError } from './taxonomy';

const ACCESS_TOKEN = 'gAcc3ssT0ken_4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
const REFRESH_TOKEN = 'r3fr3sh-9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const G_CK = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6';

/** Everything that can carry a secret somewhere odd: URLs, messages, stacks, keys, maps. */
function leakyParts() {
  const hub = createLogHub({ console: null });
  const log = hub.createLogger('offscreen');
  log.info(`GET https://api.mypurecloud.com/api/v2/users/me?access_token=${ACCESS_TOKEN}`);
  log.warn('renewed', { response: { access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN } });
  log.error(`socket closed for Bearer ${ACCESS_TOKEN}`);
  const error = new Error(`request to https://x/?t=${encodeURIComponent(ACCESS_TOKEN)} failed`);
  return {
    versions: { extension: '0.1.0', sdk: '9.2.4' },
    browser: { userAgent: 'Mozilla/5.0 Chrome/126.0', online: true },
    region: 'ap_southeast_2',
    settings: {
      profile: { clientId: 'client-1', lastToken: ACCESS_TOKEN },
      servicenow: { instance: 'acme', session: `g_ck=${G_CK}` },
      agentEmail: 'agent@acme.example',
    },
    timeline: [
      { t: 1, event: 'call', remote: { number: '+61 2 9876 5432' } },
      { t: 2, event: `token ${ACCESS_TOKEN}embedded` },
    ],
    trace: hub.entries(),
    stats: new Map([[ACCESS_TOKEN, { note: 'keyed by the token' }]]),
    iceSelectedPair: { local: { candidateType: 'relay', relayProtocol: 'tls' } },
    errors: [error, classifyError({ status: 429 }, { source: 'servicenow' })],
    connectivity: { kind: 'all-good', detail: `ok ${REFRESH_TOKEN.toUpperCase()}` },
  };
}

describe('buildBundle', () => {
  it('never contains a known token, even embedded in URLs, messages, stacks or keys', () => {
    const bundle = buildBundle(leakyParts(), { secrets: [ACCESS_TOKEN, REFRESH_TOKEN, G_CK] });
    const text = JSON.stringify(bundle);
    for (const secret of [ACCESS_TOKEN, REFRESH_TOKEN, G_CK, encodeURIComponent(ACCESS_TOKEN)]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('hides the token by key and pattern even when it was not registered', () => {
    // Only a bare map key cannot be recognised without the registered value.
    const parts = { ...leakyParts(), stats: null };
    const text = JSON.stringify(buildBundle(parts));
    expect(text).not.toContain(ACCESS_TOKEN);
    expect(text).not.toContain(REFRESH_TOKEN);
    expect(text).not.toContain(G_CK);
  });

  it('masks e-mails and phone numbers but keeps what support needs', () => {
    const bundle = buildBundle(leakyParts(), { now: 0 });
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('agent@acme.example');
    expect(text).not.toContain('9876 5432');
    expect(text).toContain('[phone:**32]');
    expect(bundle).toMatchObject({
      v: 1,
      generatedAt: '1970-01-01T00:00:00.000Z',
      versions: { extension: '0.1.0', sdk: '9.2.4' },
      region: 'ap_southeast_2',
      iceSelectedPair: { local: { candidateType: 'relay', relayProtocol: 'tls' } },
    });
  });

  it('classifies raw errors and keeps diagnoses as they are', () => {
    const bundle = buildBundle(leakyParts(), { secrets: [ACCESS_TOKEN] });
    const errors = bundle.errors as { code: string; original?: { message: string } }[];
    expect(errors.map((e) => e.code)).toEqual(['unknown', 'servicenow.rate-limited']);
    expect(errors[0]?.original?.message).toMatch(
      /^request to https:\/\/x\/\?t=\[redacted\] failed$/,
    );
  });

  it('keeps the newest trace and timeline entries and says how many were dropped', () => {
    const trace = Array.from({ length: 10 }, (_, i) => ({ msg: `m${String(i)}` }));
    const bundle = buildBundle({ trace, timeline: [1, 2, 3] }, { maxEntries: 4 });
    expect(bundle.trace).toEqual([{ msg: 'm6' }, { msg: 'm7' }, { msg: 'm8' }, { msg: 'm9' }]);
    expect(bundle.truncated).toEqual({ traceDropped: 6, timelineDropped: 0 });
  });

  it('fills absent parts with empty values', () => {
    expect(buildBundle({}, { now: 0 })).toEqual({
      v: 1,
      generatedAt: '1970-01-01T00:00:00.000Z',
      versions: {},
      browser: {},
      region: null,
      settings: null,
      timeline: [],
      trace: [],
      stats: null,
      iceSelectedPair: null,
      errors: [],
      connectivity: null,
    });
  });
});
