import { describe, expect, it } from 'vitest';
import {
  catalogueMessages,
  ERROR_CATALOGUE,
  ERROR_CODES,
  messageKey,
  remedyKey,
} from './error-catalogue';
import {
  classifyError,
  classifyHttpStatus,
  classifyIceCandidateError,
  classifyOAuthError,
  diagnose,
  type ClassifyContext,
} from './taxonomy';

/** Shape of genesys-cloud-webrtc-sdk's SdkError: an Error with `type` and `details`. */
function sdkError(type: string, message: string, details?: unknown, name?: string): Error {
  const e = Object.assign(new Error(message), { type, details });
  if (name !== undefined) {
    e.name = name;
  }
  return e;
}

function domError(name: string, message = ''): Error {
  const e = new Error(message);
  e.name = name;
  return e;
}

describe('classifyError', () => {
  const cases: {
    name: string;
    error: unknown;
    ctx?: ClassifyContext;
    code: string;
    layer: string;
  }[] = [
    // SDK sdkError types
    {
      name: 'sdk invalid_token',
      error: sdkError('invalid_token', 'bad token'),
      code: 'auth.invalid-token',
      layer: 'auth',
    },
    {
      name: 'sdk http 401',
      error: sdkError('http', 'Request failed', { status: 401 }),
      code: 'auth.invalid-token',
      layer: 'auth',
    },
    {
      name: 'sdk http 403',
      error: sdkError('http', 'x', { response: { status: 403 } }),
      code: 'auth.forbidden',
      layer: 'auth',
    },
    {
      name: 'sdk http 404',
      error: sdkError('http', 'x', { status: 404 }),
      code: 'signalling.not-found',
      layer: 'signalling',
    },
    {
      name: 'sdk http 408',
      error: sdkError('http', 'x', { status: 408 }),
      code: 'signalling.timeout',
      layer: 'signalling',
    },
    {
      name: 'sdk http 429',
      error: sdkError('http', 'x', { status: 429 }),
      code: 'signalling.rate-limited',
      layer: 'signalling',
    },
    {
      name: 'sdk http 503',
      error: sdkError('http', 'x', { status: 503 }),
      code: 'signalling.server-error',
      layer: 'signalling',
    },
    {
      name: 'sdk http no status',
      error: sdkError('http', 'x'),
      code: 'signalling.request-failed',
      layer: 'signalling',
    },
    {
      name: 'sdk initialization 401',
      error: sdkError('initialization', 'x', { status: 401 }),
      code: 'auth.invalid-token',
      layer: 'auth',
    },
    {
      name: 'sdk initialization timeout',
      error: sdkError('initialization', 'connection-timeout'),
      code: 'signalling.timeout',
      layer: 'signalling',
    },
    {
      name: 'sdk initialization other',
      error: sdkError('initialization', 'boom'),
      code: 'signalling.initialization',
      layer: 'signalling',
    },
    {
      name: 'sdk invalid_options jwt',
      error: sdkError('invalid_options', 'Failed to parse provided jwt'),
      code: 'auth.invalid-token',
      layer: 'auth',
    },
    {
      name: 'sdk invalid_options',
      error: sdkError('invalid_options', 'environment is required'),
      code: 'config.invalid-options',
      layer: 'config',
    },
    {
      name: 'sdk not_supported',
      error: sdkError('not_supported', 'Video mute not supported'),
      code: 'extension.not-supported',
      layer: 'extension',
    },
    {
      name: 'sdk session',
      error: sdkError('session', 'Failed to end session directly'),
      code: 'signalling.session',
      layer: 'signalling',
    },
    {
      name: 'sdk session not pending',
      error: sdkError('session', 'session is not pending'),
      code: 'signalling.call-not-pending',
      layer: 'signalling',
    },
    {
      name: 'sdk call',
      error: sdkError('call', 'Call error has occurred', { errorInfo: {} }),
      code: 'signalling.call-error',
      layer: 'signalling',
    },
    {
      name: 'sdk media NotAllowed',
      error: sdkError('media', 'denied', undefined, 'NotAllowedError'),
      code: 'microphone.blocked',
      layer: 'microphone',
    },
    {
      name: 'sdk media other',
      error: sdkError('media', 'boom'),
      code: 'media.failed',
      layer: 'media',
    },
    {
      name: 'sdk generic',
      error: sdkError('generic', 'something odd'),
      code: 'unknown',
      layer: 'extension',
    },
    // plain HTTP (axios-like)
    {
      name: 'axios 401',
      error: { message: 'x', response: { status: 401 } },
      code: 'auth.invalid-token',
      layer: 'auth',
    },
    {
      name: 'status 502',
      error: { status: 502, message: 'bad gateway' },
      code: 'signalling.server-error',
      layer: 'signalling',
    },
    // OAuth
    {
      name: 'oauth access_denied',
      error: { error: 'access_denied' },
      code: 'auth.denied',
      layer: 'auth',
    },
    {
      name: 'oauth invalid_grant string',
      error: 'invalid_grant',
      code: 'auth.invalid-grant',
      layer: 'auth',
    },
    {
      name: 'oauth state mismatch',
      error: new Error('OAuth state mismatch'),
      code: 'auth.state-mismatch',
      layer: 'auth',
    },
    {
      name: 'oauth invalid_client',
      error: { error: 'invalid_client', error_description: 'nope' },
      code: 'auth.invalid-client',
      layer: 'config',
    },
    {
      name: 'oauth hint',
      error: 'login_required',
      ctx: { source: 'oauth' },
      code: 'auth.interaction-required',
      layer: 'auth',
    },
    // ICE candidate errors
    {
      name: 'ice 403 turn',
      error: { errorCode: 403, url: 'turns:turn.x:443' },
      code: 'turn.permission-refused',
      layer: 'turn',
    },
    {
      name: 'ice 401 turn',
      error: { errorCode: 401, url: 'turn:turn.x:3478' },
      code: 'turn.unauthorized',
      layer: 'turn',
    },
    {
      name: 'ice 701 turn',
      error: { errorCode: 701, url: 'turn:turn.x:3478?transport=udp' },
      code: 'turn.unreachable',
      layer: 'turn',
    },
    {
      name: 'ice 701 stun',
      error: { errorCode: 701, url: 'stun:stun.x:3478' },
      code: 'ice.stun-unreachable',
      layer: 'ice',
    },
    {
      name: 'ice 486',
      error: { errorCode: 486, url: 'turn:t' },
      code: 'turn.allocation-failed',
      layer: 'turn',
    },
    // media devices
    {
      name: 'NotAllowedError',
      error: domError('NotAllowedError', 'Permission denied'),
      code: 'microphone.blocked',
      layer: 'microphone',
    },
    {
      name: 'NotFoundError',
      error: domError('NotFoundError', 'Requested device not found'),
      code: 'microphone.not-found',
      layer: 'microphone',
    },
    {
      name: 'NotReadableError',
      error: domError('NotReadableError'),
      code: 'microphone.in-use',
      layer: 'microphone',
    },
    {
      name: 'track ended',
      error: 'ended',
      ctx: { source: 'media' },
      code: 'microphone.device-lost',
      layer: 'microphone',
    },
    // ServiceNow
    {
      name: 'sn 401',
      error: { status: 401 },
      ctx: { source: 'servicenow' },
      code: 'servicenow.session-expired',
      layer: 'servicenow',
    },
    {
      name: 'sn 403',
      error: { status: 403 },
      ctx: { source: 'servicenow' },
      code: 'servicenow.acl-denied',
      layer: 'servicenow',
    },
    {
      name: 'sn 429',
      error: { status: 429 },
      ctx: { source: 'servicenow' },
      code: 'servicenow.rate-limited',
      layer: 'servicenow',
    },
    {
      name: 'sn timeout',
      error: domError('TimeoutError', 'signal timed out'),
      ctx: { source: 'servicenow' },
      code: 'servicenow.timeout',
      layer: 'servicenow',
    },
    {
      name: 'sn 500',
      error: { status: 500 },
      ctx: { source: 'servicenow' },
      code: 'servicenow.server-error',
      layer: 'servicenow',
    },
    // network and extension
    {
      name: 'failed to fetch',
      error: new TypeError('Failed to fetch'),
      code: 'network.unreachable',
      layer: 'network',
    },
    {
      name: 'offline',
      error: new Error('net::ERR_INTERNET_DISCONNECTED'),
      code: 'network.offline',
      layer: 'network',
    },
    {
      name: 'context invalidated',
      error: new Error('Extension context invalidated.'),
      code: 'extension.context-invalidated',
      layer: 'extension',
    },
    // known codes pass through (AppError / AuthError style)
    {
      name: 'pass-through',
      error: Object.assign(new Error('m'), { code: 'auth.cancelled' }),
      code: 'auth.cancelled',
      layer: 'auth',
    },
    // unknown
    {
      name: 'connection reset',
      error: new Error('connection reset'),
      code: 'unknown',
      layer: 'extension',
    },
    { name: 'number', error: 42, code: 'unknown', layer: 'extension' },
    { name: 'null', error: null, code: 'unknown', layer: 'extension' },
  ];

  it.each(cases)('$name → $code', ({ error, ctx, code, layer }) => {
    const d = classifyError(error, ctx);
    expect(d.code).toBe(code);
    expect(d.layer).toBe(layer);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.remedy.length).toBeGreaterThan(0);
  });

  it('keeps the original message of an unknown error', () => {
    const d = classifyError(new Error('connection reset by peer at 10:42'));
    expect(d).toMatchObject({ code: 'unknown', detail: 'connection reset by peer at 10:42' });
  });

  it('keeps the HTTP status', () => {
    expect(classifyError(sdkError('http', 'x', { status: 429 })).status).toBe(429);
  });

  it('survives errors whose getters throw', () => {
    const hostile = Object.defineProperty({}, 'message', {
      get() {
        throw new Error('nope');
      },
    });
    expect(classifyError(hostile).code).toBe('unknown');
  });
});

describe('direct classifiers', () => {
  it.each([
    [401, 'genesys', 'auth.invalid-token'],
    [403, 'genesys', 'auth.forbidden'],
    [404, 'genesys', 'signalling.not-found'],
    [408, 'genesys', 'signalling.timeout'],
    [429, 'genesys', 'signalling.rate-limited'],
    [500, 'genesys', 'signalling.server-error'],
    [599, 'genesys', 'signalling.server-error'],
    [418, 'genesys', 'signalling.request-failed'],
    [401, 'servicenow', 'servicenow.session-expired'],
    [403, 'servicenow', 'servicenow.acl-denied'],
    [504, 'servicenow', 'servicenow.timeout'],
  ] as const)('HTTP %i from %s → %s', (status, service, code) => {
    expect(classifyHttpStatus(status, service)).toMatchObject({ code, status });
  });

  it('OAuth errors keep the description', () => {
    expect(classifyOAuthError('access_denied', 'user said no')).toMatchObject({
      code: 'auth.denied',
      detail: 'access_denied: user said no',
    });
    expect(classifyOAuthError('weird_thing').code).toBe('auth.authorize-error');
  });

  it('icecandidateerror keeps code, text and server', () => {
    const d = classifyIceCandidateError({
      errorCode: 403,
      errorText: 'Forbidden IP',
      url: 'turn:t:3478',
    });
    expect(d).toMatchObject({ code: 'turn.permission-refused', retryable: false });
    expect(d.detail).toBe('403 Forbidden IP (turn:t:3478)');
  });
});

describe('catalogue', () => {
  it('every code has text, a remedy and unique i18n-safe keys', () => {
    const keys = new Set<string>();
    for (const code of ERROR_CODES) {
      const e = ERROR_CATALOGUE[code];
      expect(e.message, code).toMatch(/\S/);
      expect(e.remedy, code).toMatch(/\S/);
      for (const key of [messageKey(code), remedyKey(code)]) {
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        expect(keys.has(key), key).toBe(false);
        keys.add(key);
      }
    }
  });

  it('exports messages.json-shaped text', () => {
    const messages = catalogueMessages();
    expect(messages['err_turn_permission_refused']?.message).toBe(
      ERROR_CATALOGUE['turn.permission-refused'].message,
    );
    expect(Object.keys(messages)).toHaveLength(ERROR_CODES.length * 2);
  });

  it('diagnose() fills the keys', () => {
    expect(diagnose('network.offline')).toMatchObject({
      layer: 'network',
      retryable: true,
      messageKey: 'err_network_offline',
      remedyKey: 'err_network_offline__remedy',
    });
  });
});
