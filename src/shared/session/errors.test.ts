import { describe, expect, it } from 'vitest';
import {
  classifySessionError,
  describeReason,
  isFatal,
  SESSION_ERROR_REASONS,
  type SessionErrorReason,
} from './errors';

describe('classifySessionError', () => {
  const cases: [string, unknown, SessionErrorReason][] = [
    ['HTTP 401', { status: 401 }, 'auth'],
    ['HTTP 403 as statusCode', { statusCode: 403 }, 'auth'],
    ['sdkError invalid_token', { type: 'invalid_token', message: 'expired' }, 'auth'],
    ['sdkError invalid_options', { type: 'invalid_options', message: 'bad env' }, 'config'],
    ['sdkError not_supported', { type: 'not_supported', message: 'no WebRTC' }, 'config'],
    ['HTTP 404 (wrong region)', { type: 'http', status: 404 }, 'config'],
    ['HTTP 429', { type: 'http', status: 429 }, 'rate-limited'],
    ['HTTP 408', { status: 408 }, 'timeout'],
    ['HTTP 504', { status: 504 }, 'timeout'],
    ['HTTP 503', { type: 'initialization', status: 503 }, 'server'],
    ['HTTP status 0', { status: 0 }, 'network'],
    ['http error without status', { type: 'http', message: 'request failed' }, 'network'],
    [
      'DOMException NotAllowedError',
      { name: 'NotAllowedError', message: 'Permission denied' },
      'mic',
    ],
    ['legacy PermissionDeniedError', { name: 'PermissionDeniedError' }, 'mic'],
    [
      'media error that is a permission refusal',
      { type: 'media', message: 'NotAllowedError: x' },
      'mic',
    ],
    [
      'http error saying permission denied',
      { type: 'http', message: 'permission denied' },
      'network',
    ],
    ['TimeoutError', { name: 'TimeoutError', message: 'x' }, 'timeout'],
    ['streaming OfflineError', { name: 'OfflineError' }, 'network'],
    ['generic timeout message', { type: 'generic', message: 'connecting timed out' }, 'timeout'],
    ['websocket message', new Error('WebSocket closed'), 'network'],
    ['Unauthorized message', new Error('Request failed: Unauthorized'), 'auth'],
    ['session error', { type: 'session', message: 'ice failed' }, 'unknown'],
    ['call error', { type: 'call', message: 'not pending' }, 'unknown'],
    ['plain string', 'Failed to fetch', 'network'],
    ['unrecognised string', 'boom', 'unknown'],
    ['null', null, 'unknown'],
    ['number', 42, 'unknown'],
    ['status wins over message', { status: 500, message: 'timeout' }, 'server'],
    ['name wins over status', { name: 'NotAllowedError', status: 500 }, 'mic'],
    ['prototype names are not reasons', { name: 'toString', type: 'constructor' }, 'unknown'],
  ];
  it.each(cases)('%s', (_label, input, expected) => {
    expect(classifySessionError(input)).toBe(expected);
  });
});

describe('isFatal', () => {
  it('is true only for auth, config and mic', () => {
    const fatal = SESSION_ERROR_REASONS.filter(isFatal);
    expect(fatal).toEqual(['auth', 'config', 'mic']);
  });
});

describe('describeReason', () => {
  it('gives a stable code per reason, all distinct', () => {
    const codes = SESSION_ERROR_REASONS.map((r) => describeReason(r).code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(describeReason('timeout').code).toBe('signalling.timeout');
  });
  it('uses the detail as message when given', () => {
    expect(describeReason('auth', 'token expired')).toEqual({
      code: 'auth.rejected',
      message: 'token expired',
    });
    expect(describeReason('auth', '').message).toMatch(/401\/403/);
  });
});
