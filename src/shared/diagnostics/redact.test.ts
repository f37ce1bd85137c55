import { describe, expect, it } from 'vitest';
import { redact, redactText } from './redact';
import { compileSecrets } from './redact-text';

const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZ2VudC0xIiwib3JnIjoiYWNtZSJ9.c2lnbmF0dXJlLXZhbHVl';
const OPAQUE = 'Zx9Qm2Lr7Tt4Vb8Nc1Kd6Hs3Jf5Gw0Pa';

describe('redactText', () => {
  it.each([
    ['JWT in a sentence', `token was ${JWT} ok`, 'token was [redacted] ok'],
    ['bearer header', 'Authorization: Bearer abcdef123456', 'Authorization: [redacted] [redacted]'],
    ['bearer alone', 'sent Bearer abcdef123456 to api', 'sent Bearer [redacted] to api'],
    [
      'query access_token',
      'https://x/cb#access_token=abc123&expires_in=3600',
      'https://x/cb#access_token=[redacted]&expires_in=3600',
    ],
    [
      'query code and state',
      'https://id.chromiumapp.org/?code=Qw3rTy&state=s1',
      'https://id.chromiumapp.org/?code=[redacted]&state=[redacted]',
    ],
    [
      'json field',
      '{"refresh_token":"r-123456","ok":true}',
      '{"refresh_token":"[redacted]","ok":true}',
    ],
    ['servicenow g_ck', 'g_ck=a1b2c3d4e5', 'g_ck=[redacted]'],
    ['email', 'caller jane.doe+vip@example.co.uk called', 'caller [email] called'],
    ['E.164 phone', 'dialling +44 20 7946 0958 now', 'dialling [phone:**58] now'],
    ['compact E.164', 'tel:+15551234567', 'tel:[phone:**67]'],
    [
      'url-encoded plus',
      'sysparm_query=phone%3D%2B15551234567',
      'sysparm_query=phone%3D[phone:**67]',
    ],
    ['US formatted', 'call (555) 123-4567 back', 'call [phone:**67] back'],
    [
      'opaque query value',
      'https://x/cb?t=Zx9Qm2Lr7Tt4Vb8Nc1Kd6Hs3&n=1',
      'https://x/cb?t=[redacted]&n=1',
    ],
    [
      'servicenow encoded query',
      'sysparm_query=phoneLIKE555-123-4567^ORmobile_phoneSTARTSWITH%2B15551234567',
      'sysparm_query=phoneLIKE[phone:**67]^ORmobile_phoneSTARTSWITH[phone:**67]',
    ],
    ['French grouping', 'rappel 01 23 45 67 89', 'rappel [phone:**89]'],
    ['phone field bare digits', 'phone=5551234567&x=1', 'phone=[phone:**67]&x=1'],
  ])('%s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    ['ISO timestamp', '2024-05-01T10:00:00.000Z'],
    ['date', 'on 2024-05-01 at noon'],
    ['IP address', 'relay 192.168.100.200:3478'],
    ['version', 'sdk 9.2.4 streaming 17.2.7'],
    ['uuid', 'conversation 1b4e28ba-2fa1-11d2-883f-0016d3cca427'],
    ['epoch ms', 'at 1714557600000'],
    [
      'uuid query value',
      '/conversations?id=1b4e28ba-2fa1-11d2-883f-0016d3cca427&x=ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    ],
    ['taxonomy code', 'code auth.invalid-token'],
    ['numbers with units', 'rtt 120 ms jitter 30 ms loss 2 %'],
    ['byte counters', 'bytes 12345 67890 11121'],
    ['ICE candidate', 'candidate:842163049 1 udp 1677729535 203.0.113.7 54400 typ srflx'],
    ['user agent', 'Chrome/126.0.6478.126'],
  ])('leaves %s alone', (_name, input) => {
    expect(redactText(input)).toBe(input);
  });

  it('removes known secrets wherever they are, raw or URL-encoded', () => {
    const secret = 'sk+live/abc=def';
    const matcher = compileSecrets([secret, 'abc']);
    expect(redactText(`x${secret}y ${encodeURIComponent(secret)}`, matcher)).toBe(
      'x[redacted]y [redacted]',
    );
    // too-short values are ignored rather than masking everything
    expect(redactText('abc abc', matcher)).toBe('abc abc');
  });
});

describe('redact (deep)', () => {
  it('masks secret-named keys whatever the value', () => {
    const out = redact({
      access_token: 'short',
      accessToken: { nested: 1 },
      Authorization: 'Bearer x',
      password: 1234,
      g_ck: 'abc',
      userToken: 'u',
      code_verifier: 'v',
      client_secret: 's',
      hasToken: true,
      refreshToken: null,
    });
    expect(out).toEqual({
      access_token: '[redacted]',
      accessToken: '[redacted]',
      Authorization: '[redacted]',
      password: '[redacted]',
      g_ck: '[redacted]',
      userToken: '[redacted]',
      code_verifier: '[redacted]',
      client_secret: '[redacted]',
      hasToken: true,
      refreshToken: null,
    });
  });

  it('masks `code` and `state` only when the value looks opaque', () => {
    expect(redact({ code: OPAQUE, state: OPAQUE })).toEqual({
      code: '[redacted]',
      state: '[redacted]',
    });
    expect(
      redact({ code: 'auth.invalid-token', state: 'sdk-reconnecting', errorCode: 701 }),
    ).toEqual({
      code: 'auth.invalid-token',
      state: 'sdk-reconnecting',
      errorCode: 701,
    });
  });

  it('masks phone numbers under phone-like keys even without separators', () => {
    expect(redact({ remote: { number: '5551234567', name: 'Jane' }, ani: '+15551234567' })).toEqual(
      {
        remote: { number: '[phone:**67]', name: 'Jane' },
        ani: '[phone:**67]',
      },
    );
  });

  it('handles cycles, shared references and odd values', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a['self'] = a;
    const shared = { v: 1 };
    const out = redact({
      a,
      pair: [shared, shared],
      when: new Date(0),
      map: new Map([['k', 'v']]),
      set: new Set([1]),
      bytes: new Uint8Array(4),
      fn: function named() {
        return 1;
      },
      big: 10n,
      nan: Number.NaN,
      gone: undefined,
      list: [undefined],
    });
    expect(out).toEqual({
      a: { name: 'a', self: '[circular]' },
      pair: [{ v: 1 }, { v: 1 }],
      when: '1970-01-01T00:00:00.000Z',
      map: { k: 'v' },
      set: [1],
      bytes: '[binary 4 bytes]',
      fn: '[function named]',
      big: '10',
      nan: 'NaN',
      list: [null],
    });
  });

  it('serialises errors with their cause and scrubs the text', () => {
    const cause = new Error(`token ${JWT}`);
    const error = Object.assign(new Error('outer', { cause }), { status: 401 });
    const out = redact(error) as Record<string, unknown>;
    expect(out).toMatchObject({ name: 'Error', message: 'outer', status: 401 });
    expect(out['cause']).toMatchObject({ message: 'token [redacted]' });
    expect(JSON.stringify(out)).not.toContain(JWT);
  });

  it('cuts huge inputs instead of exhausting memory', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 50; i += 1) {
      deep = { deep };
    }
    const out = redact(
      { deep, long: 'x'.repeat(50_000), many: Array.from({ length: 5000 }, (_, i) => i) },
      { maxDepth: 5, maxStringLength: 100, maxArrayLength: 10 },
    );
    const text = JSON.stringify(out);
    expect(text).toContain('[max depth]');
    expect(text).toContain('…[+49900 chars]');
    expect(text).toContain('[+4990 items]');
    expect(text.length).toBeLessThan(1000);
  });

  it('stops after the node budget', () => {
    const out = redact(
      Array.from({ length: 100 }, (_, i) => ({ i })),
      { maxNodes: 10 },
    );
    expect(JSON.stringify(out)).toContain('[truncated]');
  });

  it('scrubs a secret cut by the string limit', () => {
    const secret = 'S3cr3tAccessTokenValue0123456789';
    const text = `${'a'.repeat(90)}${secret}`;
    const out = redact(text, { secrets: [secret], maxStringLength: 100 });
    expect(out).not.toContain(secret.slice(0, 10));
  });

  it('never throws on hostile getters and masks secrets in keys', () => {
    const secret = 'tok_0123456789abcdef';
    const hostile = Object.defineProperty({ [secret]: 'v' }, 'boom', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    const out = redact(hostile, { secrets: [secret] });
    expect(out).toEqual({ '[redacted]': 'v', boom: '[unreadable]' });
  });
});
